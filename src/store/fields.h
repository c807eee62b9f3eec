/* fields.h -- what every event store back end keeps of an input record
 * besides the fields dyad reads: its "url" and the rest as a JSON object
 * (store/fields.c). */
#ifndef DYAD_STORE_FIELDS_H
#define DYAD_STORE_FIELDS_H

#include "io/reader.h"

/* From a JSON Lines record: its "url" (a string) and every key other than
 * the ones dyad reads, as a compact JSON object in input order. *url and
 * *fields are malloc'd (free them), NULL when absent. */
void store_input_fields(const doc_record *r, char **url, char **fields);

#endif
