/* write_tsv.c -- tab-separated writer: a header line, then one line per
 * event with the columns of the JSON Lines writer in the same order, each
 * span as two columns (sentence_off, sentence_len, ...) and in_title as 0
 * or 1, then the event's place (name, geonameid, admin1, country, lat,
 * lon, level, source; empty when none) and its quotation's index.
 *
 * TSV has no quoting, so a value must never contain the separator or a line
 * end: every control character in a value (tab, newline, carriage return,
 * the other C0 bytes and DEL) is written as a space. Everything else,
 * non-ASCII included, is written unchanged.
 */
#include <math.h>
#include <string.h>

#include "io/writer.h"

static const char tsv_header[] =
    "doc_id\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\t"
    "source_text\tverb_text\ttarget_text\tsentence_text\tissues\trule\t"
    "sentence_off\tsentence_len\tsource_off\tsource_len\tverb_off\tverb_len\t"
    "target_off\ttarget_len\tin_title\t"
    "place_name\tplace_geonameid\tplace_admin1\tplace_country\tplace_lat\t"
    "place_lon\tplace_level\tplace_source\tquote\n";

static int tsv_head(writer *w) {
    writer_buf_put(&w->out, tsv_header, sizeof tsv_header - 1);
    return 0;
}

/* One value, control characters turned into spaces. */
static void tsv_value(writer_buf *b, const char *s, size_t n) {
    if (!s) return;
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != 0x7F) continue;
        writer_buf_put(b, s + start, i - start);
        writer_buf_putc(b, ' ');
        start = i + 1;
    }
    writer_buf_put(b, s + start, n - start);
}

static void tsv_str(writer_buf *b, const char *s) {
    writer_buf_putc(b, '\t');
    tsv_value(b, s, s ? strlen(s) : 0);
}

static int tsv_event(writer *w, const doc_record *doc, const dyad_result *res,
                     const dyad_event *ev) {
    writer_buf *b = &w->out;
    const char *id = doc && doc->id ? doc->id : "";
    double g = ev->goldstein;
    if (!isfinite(g) || g == 0) g = 0;
    size_t slen;
    const char *stext = writer_sentence_text(res, ev, &slen);

    tsv_value(b, id, strlen(id));
    writer_buf_putc(b, '\t');
    writer_buf_uint(b, ev->sentence, 0);
    writer_buf_putc(b, '\t');
    if (doc && doc->date) writer_buf_uint(b, doc->date, 8);
    tsv_str(b, ev->source);
    tsv_str(b, ev->target);
    writer_buf_putc(b, '\t');
    tsv_value(b, ev->code, strnlen(ev->code, sizeof ev->code));
    writer_buf_putc(b, '\t');
    tsv_value(b, ev->root, strnlen(ev->root, sizeof ev->root));
    writer_buf_putc(b, '\t');
    writer_buf_int(b, ev->quad);
    writer_buf_putc(b, '\t');
    writer_buf_fixed1(b, g);
    tsv_str(b, ev->source_text);
    tsv_str(b, ev->verb_text);
    tsv_str(b, ev->target_text);
    writer_buf_putc(b, '\t');
    tsv_value(b, stext, slen);
    tsv_str(b, ev->issues);
    tsv_str(b, ev->rule);
    const dyad_span *sp[4] = {&ev->sentence_span, &ev->source_span,
                              &ev->verb_span, &ev->target_span};
    for (int i = 0; i < 4; i++) {
        writer_buf_putc(b, '\t');
        writer_buf_uint(b, sp[i]->off, 0);
        writer_buf_putc(b, '\t');
        writer_buf_uint(b, sp[i]->len, 0);
    }
    writer_buf_puts(b, ev->in_title ? "\t1" : "\t0");
    /* where it happened (empty when unknown), and its quotation's index */
    const dyad_place *p = ev->place;
    tsv_str(b, p ? p->name : "");
    writer_buf_putc(b, '\t');
    if (p) writer_buf_uint(b, p->geonameid, 0);
    tsv_str(b, p ? p->admin1 : "");
    tsv_str(b, p ? p->country : "");
    if (p && isfinite(p->lat)) writer_buf_printf(b, "\t%.4f\t%.4f", p->lat, p->lon);
    else writer_buf_puts(b, "\t\t");
    tsv_str(b, p ? p->level : "");
    tsv_str(b, p ? p->source : "");
    writer_buf_putc(b, '\t');
    if (ev->quote >= 0) writer_buf_int(b, ev->quote);
    writer_buf_putc(b, '\n');
    return 0;
}

const writer_format writer_format_tsv = {
    "tsv", NULL, "tab-separated values: a header line, then one line per event",
    tsv_head, NULL, tsv_event, NULL,
};
