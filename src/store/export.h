/* export.h -- dyad export: stored events out in a file format.
 *
 * Formats: every output format of `dyad code` (io/writer.h: jsonl, tsv,
 * csv, table), written by the same writers from the stored fields, so an
 * export of what `dyad code --db` stored equals what `dyad code` printed;
 * and two formats of other projects:
 *
 *   phoenix  PETRARCH2's event file (formats.md f.2): date, source, target,
 *            code, issues, sentence ids, URL, story source, source text,
 *            target text, event text; tab-separated, no header
 *            (store/export_phoenix.c)
 *   gdelt    the GDELT 2.0 event table's 61 columns, every one dyad knows
 *            filled and the rest empty; tab-separated, no header
 *            (store/export_gdelt.c)
 *
 * With dedup, the one-a-day filter (store/dedup.h) keeps one event per
 * (date, source, target, code); jsonl, tsv and csv then add the columns
 * num_mentions, num_sentences, num_documents and num_sources, phoenix
 * lists every sentence id, gdelt fills NumMentions, NumSources and
 * NumArticles.
 */
#ifndef DYAD_STORE_EXPORT_H
#define DYAD_STORE_EXPORT_H

#include "io/writer.h"
#include "store/dedup.h"
#include "store/store.h"

/* A format of export's own: one line (or none) per event or group. */
typedef struct export_format {
    const char *name;
    const char *summary;
    int (*group)(writer_buf *b, const dedup_group *g, int dedup_on);
} export_format;

extern const export_format export_format_phoenix;
extern const export_format export_format_gdelt;

/* "jsonl (json), tsv, csv, table, phoenix, gdelt" into buf; returns buf. */
char *export_format_names(char *buf, size_t size);
/* Whether name is a format export knows. */
int export_format_known(const char *name);

/* Writes the events of q (its order is set here) in format to out.
 * *nevents (may be NULL) receives the lines written. 0, or -1 with err set
 * (a write error on out included). */
int store_export(store *st, const store_query *q, const char *format,
                 int dedup_on, const writer_sink *out,
                 unsigned long long *nevents, store_error *err);

/* Values without tabs or line ends, for the formats that cannot quote:
 * every control byte becomes a space. */
void export_plain(writer_buf *b, const char *s);

#endif
