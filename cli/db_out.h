/* db_out.h -- `dyad code --db`: coded documents into the event store, in
 * batches of documents, each one transaction (store/store.h).
 *
 * After each commit a line on standard error says what is now safe:
 *     dyad: events.sqlite: batch 7 committed (10000 documents, 4211 events)
 * A process killed at any moment leaves every batch so reported in the
 * database, and at most the one batch it was committing when it died
 * (wholly or not at all). Running the same input again replaces its
 * documents, so a killed run is finished by running it again.
 */
#ifndef DYAD_CLI_DB_OUT_H
#define DYAD_CLI_DB_OUT_H

#include "dyad.h"
#include "io/reader.h"

typedef struct db_out db_out;

/* Opens (creating or migrating) the store at target; NULL after printing
 * the reason. batch_docs documents per transaction (0: the default,
 * 10000: a batch rewrites the index pages it touches, so larger batches
 * write less; see docs/performance.md). */
db_out *db_out_open(const char *target, size_t batch_docs,
                    const dyad_engine *e);
/* Stores one coded document: its record, result and events; commits when
 * the batch is full. lead is the index of the text's first sentence (1
 * when a title was coded). Returns 0, or -1 when the store failed (the
 * reason printed; the open batch is rolled back and nothing more is
 * stored). */
int db_out_doc(db_out *d, const doc_record *rec, const dyad_result *res,
               const dyad_event *const *events, size_t nevents, uint32_t lead);
/* Commits the last batch and closes; 0, or -1 if any write failed. NULL is
 * allowed. */
int db_out_close(db_out *d);

#endif
