/* write_delim.c -- delimiter-separated values (TSV and CSV): a header line,
 * then one line per event with the columns of the JSON Lines writer in the
 * same order, each span as two columns (sentence_off, sentence_len, ...)
 * and in_title as 0 or 1.
 *
 * Quoting. A value that holds the separator, a double quote, a carriage
 * return or a line feed is written in double quotes with each inner quote
 * doubled (RFC 4180); any other value is written as it is, bytes unchanged.
 * That is the one convention that R's read.delim and read.csv, pandas'
 * read_csv and Python's csv module all read on their defaults: quotes are
 * honoured only at the start of a field, so a sentence such as
 *     "We will respond," the minister said.
 * must be quoted, or R and pandas would take its opening quote for one
 * (tests/store_test.sh reads such values back with R and pandas).
 */
#include <math.h>
#include <string.h>

#include "io/write_delim.h"

static const char *const head_cols[] = {
    "doc_id", "sentence", "date", "source", "target", "code", "root", "quad",
    "goldstein", "source_text", "verb_text", "target_text", "sentence_text",
    "issues", "rule", "sentence_off", "sentence_len", "source_off",
    "source_len", "verb_off", "verb_len", "target_off", "target_len",
    "in_title"};

/* after the event_id / PLOVER (/ count) columns: where it happened, empty
 * when the text does not say, and the index of its quotation */
static const char *const place_cols[] = {
    "place_name", "place_geonameid", "place_admin1", "place_country", "place_lat",
    "place_lon", "place_level", "place_source", "quote"};

int delim_header(writer *w, char sep) {
    writer_buf *b = &w->out;
    for (size_t i = 0; i < sizeof head_cols / sizeof head_cols[0]; i++) {
        if (i) writer_buf_putc(b, sep);
        writer_buf_puts(b, head_cols[i]);
    }
    const char *names[WRITER_TAIL_MAX];
    size_t n = writer_tail_names(w, names);
    for (size_t i = 0; i < n; i++) {
        writer_buf_putc(b, sep);
        writer_buf_puts(b, names[i]);
    }
    for (size_t i = 0; i < sizeof place_cols / sizeof place_cols[0]; i++) {
        writer_buf_putc(b, sep);
        writer_buf_puts(b, place_cols[i]);
    }
    writer_buf_putc(b, '\n');
    return 0;
}

void writer_delim_value(writer_buf *b, const char *s, size_t n, char sep) {
    if (!s) return;
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == sep || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        writer_buf_put(b, s, n);
        return;
    }
    writer_buf_putc(b, '"');
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '"') continue;
        writer_buf_put(b, s + start, i + 1 - start); /* through the quote */
        writer_buf_putc(b, '"');                     /* doubled */
        start = i + 1;
    }
    writer_buf_put(b, s + start, n - start);
    writer_buf_putc(b, '"');
}

static void put_str(writer_buf *b, const char *s, char sep) {
    writer_buf_putc(b, sep);
    writer_delim_value(b, s, s ? strlen(s) : 0, sep);
}

int delim_event(writer *w, const doc_record *doc, const dyad_result *res,
                const dyad_event *ev, char sep) {
    writer_buf *b = &w->out;
    const char *id = doc && doc->id ? doc->id : "";
    double g = ev->goldstein;
    if (!isfinite(g) || g == 0) g = 0;
    size_t slen;
    const char *stext = writer_sentence_text(res, ev, &slen);

    writer_delim_value(b, id, strlen(id), sep);
    writer_buf_putc(b, sep);
    writer_buf_uint(b, ev->sentence, 0);
    writer_buf_putc(b, sep);
    if (doc && doc->date) writer_buf_uint(b, doc->date, 8);
    put_str(b, ev->source, sep);
    put_str(b, ev->target, sep);
    writer_buf_putc(b, sep);
    writer_delim_value(b, ev->code, strnlen(ev->code, sizeof ev->code), sep);
    writer_buf_putc(b, sep);
    writer_delim_value(b, ev->root, strnlen(ev->root, sizeof ev->root), sep);
    writer_buf_putc(b, sep);
    writer_buf_int(b, ev->quad);
    writer_buf_putc(b, sep);
    writer_buf_fixed1(b, g);
    put_str(b, ev->source_text, sep);
    put_str(b, ev->verb_text, sep);
    put_str(b, ev->target_text, sep);
    writer_buf_putc(b, sep);
    writer_delim_value(b, stext, slen, sep);
    put_str(b, ev->issues, sep);
    put_str(b, ev->rule, sep);
    const dyad_span *sp[4] = {&ev->sentence_span, &ev->source_span,
                              &ev->verb_span, &ev->target_span};
    for (int i = 0; i < 4; i++) {
        writer_buf_putc(b, sep);
        writer_buf_uint(b, sp[i]->off, 0);
        writer_buf_putc(b, sep);
        writer_buf_uint(b, sp[i]->len, 0);
    }
    writer_buf_putc(b, sep);
    writer_buf_putc(b, ev->in_title ? '1' : '0');
    writer_tail t;
    size_t nt = writer_tail_values(w, doc, ev, &t);
    for (size_t i = 0; i < nt; i++) put_str(b, t.v[i], sep);
    const dyad_place *p = ev->place;
    put_str(b, p ? p->name : "", sep);
    writer_buf_putc(b, sep);
    if (p) writer_buf_uint(b, p->geonameid, 0);
    put_str(b, p ? p->admin1 : "", sep);
    put_str(b, p ? p->country : "", sep);
    if (p && isfinite(p->lat)) writer_buf_printf(b, "%c%.4f%c%.4f", sep, p->lat, sep, p->lon);
    else writer_buf_putc(b, sep), writer_buf_putc(b, sep);
    put_str(b, p ? p->level : "", sep);
    put_str(b, p ? p->source : "", sep);
    writer_buf_putc(b, sep);
    if (ev->quote >= 0)
        writer_buf_int(b, (long long)ev->quote +
                              (long long)(res ? res->first_quote : 0));
    writer_buf_putc(b, '\n');
    return 0;
}
