/* write_tsv.c -- tab-separated writer: a header line, then one line per
 * event with the columns of the JSON Lines writer (io/write_delim.c, which
 * also says how values holding a tab, a quote or a line end are quoted).
 */
#include "io/write_delim.h"

static int tsv_head(writer *w) { return delim_header(w, '\t'); }

static int tsv_event(writer *w, const doc_record *doc, const dyad_result *res,
                     const dyad_event *ev) {
    return delim_event(w, doc, res, ev, '\t');
}

const writer_format writer_format_tsv = {
    "tsv", NULL, "tab-separated values: a header line, then one line per event",
    tsv_head, NULL, tsv_event, NULL,
};
