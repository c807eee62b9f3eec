/* write_delim.h -- what the TSV and CSV writers share: one column list, one
 * quoting rule, a separator apart (io/write_delim.c). */
#ifndef DYAD_WRITE_DELIM_H
#define DYAD_WRITE_DELIM_H

#include "io/writer.h"

/* The header line: the column names of writer.h joined by sep. */
int delim_header(writer *w, char sep);
/* One event line with sep between values. */
int delim_event(writer *w, const doc_record *doc, const dyad_result *res,
                const dyad_event *ev, char sep);

#endif
