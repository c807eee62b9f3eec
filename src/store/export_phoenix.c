/* export_phoenix.c -- PETRARCH2's event file (formats.md f.2), the layout
 * the Phoenix pipeline's one-a-day filter reads and writes: tab-separated,
 * no header, eleven columns
 *
 *     date source target code issues sentence_ids url story_source
 *     source_text target_text event_text
 *
 * date YYYYMMDD; sentence ids DOCID_N (the document id, "_", the sentence
 * index), all of a deduplicated event's joined by ";" (PETRARCH2 kept only
 * the last, a quirk the spec says to fix); url and story source those of
 * the first document, "NULL" when it has none (as PETRARCH2 writes a
 * missing source); actor texts "---" when empty. The format has no
 * quoting, so control bytes in values are written as spaces.
 */
#include <string.h>

#include "store/export.h"

static void col(writer_buf *b, const char *s, const char *empty) {
    writer_buf_putc(b, '\t');
    export_plain(b, s && *s ? s : empty);
}

static int phoenix_group(writer_buf *b, const dedup_group *g, int dedup_on) {
    (void)dedup_on;
    const store_row *r = g->rep;
    if (r->date) writer_buf_uint(b, r->date, 8);
    col(b, r->ev.source, "---");
    col(b, r->ev.target, "---");
    col(b, r->ev.code, "");
    col(b, r->ev.issues, "");
    col(b, g->sentence_ids, "");
    col(b, r->url, "");
    col(b, r->publisher, "NULL");
    col(b, r->ev.source_text, "---");
    col(b, r->ev.target_text, "---");
    col(b, r->ev.verb_text, "---");
    writer_buf_putc(b, '\n');
    return 0;
}

const export_format export_format_phoenix = {
    "phoenix", "PETRARCH2/Phoenix event file: 11 tab-separated columns, no header",
    phoenix_group,
};
