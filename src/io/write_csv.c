/* write_csv.c -- comma-separated writer (RFC 4180): the columns and
 * quoting of the TSV writer with ',' between values (io/write_delim.c).
 */
#include "io/write_delim.h"

static int csv_head(writer *w) { return delim_header(w, ','); }

static int csv_event(writer *w, const doc_record *doc, const dyad_result *res,
                     const dyad_event *ev) {
    return delim_event(w, doc, res, ev, ',');
}

const writer_format writer_format_csv = {
    "csv", NULL, "comma-separated values (RFC 4180): a header line, then one "
    "line per event",
    csv_head, NULL, csv_event, NULL,
};
