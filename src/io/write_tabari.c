/* write_tabari.c -- TABARI's event records (formats.md g.10), for
 * pipelines built on TABARI output: one line per event,
 *
 *   date <tab> source <tab> target <tab> event <tab> id
 *
 * the date as YYMMDD (TABARI's default; YYYYMMDD outside 1931-2030, where
 * two digits would be read back wrong), a missing target written "***",
 * and the document id last, as TABARI's OUTPUT: ID adds it. TABARI's code
 * labels come from its .options file, which a writer does not see, so the
 * label field is left out (TABARI's SET: LABEL = FALSE).
 */
#include <string.h>

#include "io/writer.h"

static void field(writer_buf *b, const char *s) {
    for (; s && *s; s++) writer_buf_putc(b, *s == '\t' || *s == '\n' ? ' ' : *s);
}

static int tabari_event(writer *w, const doc_record *doc,
                        const dyad_result *res, const dyad_event *ev) {
    (void)res;
    writer_buf *b = &w->out;
    uint32_t d = doc ? doc->date : 0;
    uint32_t y = d / 10000;
    if (!d) writer_buf_puts(b, "000000");
    else if (y >= 1931 && y <= 2030) writer_buf_uint(b, d % 1000000, 6);
    else writer_buf_uint(b, d, 8);
    writer_buf_putc(b, '\t');
    field(b, ev->source && ev->source[0] ? ev->source : "***");
    writer_buf_putc(b, '\t');
    field(b, ev->target && ev->target[0] && strcmp(ev->target, "---")
                 ? ev->target
                 : "***");
    writer_buf_putc(b, '\t');
    field(b, ev->code);
    writer_buf_putc(b, '\t');
    field(b, doc && doc->id ? doc->id : "");
    writer_buf_putc(b, '\n');
    return 0;
}

const writer_format writer_format_tabari = {
    "tabari", NULL,
    "TABARI event records: date, source, target, event, id (tab-separated)",
    NULL, NULL, tabari_event, NULL,
};
