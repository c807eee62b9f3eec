/* write_table.c -- fixed-width table for people reading a terminal
 * (`dyad code --table`, `make demo`).
 *
 *     sent date       source       code  target       verb
 *     ---- ---------- ------------ ----- ------------ -------------------------------
 *     -- a1
 *        0 2016-01-02 VALGOV       111   KES          denounced
 *     1 event from 1 document
 *
 * A line "-- <doc_id>" opens each document's events. Cells are cut to their
 * column by characters (UTF-8 code points, not bytes, so accented names do
 * not break the alignment) and a cut is marked with "~"; control characters
 * show as spaces and invalid UTF-8 bytes as "?". The last column is not
 * padded, so lines carry no trailing blanks.
 */
#include <stdio.h>
#include <string.h>

#include "io/writer.h"

/* Width of the table, characters: fits an 80-column terminal. */
#define WRITER_TABLE_WIDTH 79

/* Column widths, characters; the verb column takes what is left of
 * WRITER_TABLE_WIDTH after the others and their separating spaces. */
enum {
    TW_SENT = 4,
    TW_DATE = 10,
    TW_SOURCE = 12,
    TW_CODE = 5,
    TW_TARGET = 12,
    TW_VERB = WRITER_TABLE_WIDTH - (TW_SENT + TW_DATE + TW_SOURCE + TW_CODE +
                                    TW_TARGET + 5)
};

/* Bytes of the UTF-8 character starting with c, by its lead byte alone
 * (the table only needs to count characters, not validate them). */
static size_t lead_len(unsigned char c) {
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
}

/* Sanitised next character of s[i..n): how many bytes it takes (*adv) and
 * how many bytes to print from where (*out, *outlen). */
static void next_char(const char *s, size_t i, size_t n, size_t *adv,
                      const char **out, size_t *outlen) {
    unsigned char c = (unsigned char)s[i];
    size_t len = lead_len(c);
    int ok = len > 0 && len <= n - i;
    for (size_t k = 1; ok && k < len; k++)
        if (((unsigned char)s[i + k] & 0xC0) != 0x80) ok = 0;
    if (!ok) {
        *adv = 1;
        *out = "?";
        *outlen = 1;
    } else if (c < 0x20 || c == 0x7F) {
        *adv = 1;
        *out = " ";
        *outlen = 1;
    } else {
        *adv = len;
        *out = s + i;
        *outlen = len;
    }
}

/* Writes s in a cell of width characters; pads unless last. */
static void cell(writer_buf *f, const char *s, size_t n, int width, int last) {
    if (!s) s = "", n = 0;
    /* count characters to know whether the cell must be cut */
    int chars = 0;
    for (size_t i = 0; i < n; chars++) {
        size_t adv, ol;
        const char *o;
        next_char(s, i, n, &adv, &o, &ol);
        i += adv;
    }
    int keep = chars > width ? width - 1 : chars;
    size_t i = 0;
    for (int k = 0; k < keep; k++) {
        size_t adv, ol;
        const char *o;
        next_char(s, i, n, &adv, &o, &ol);
        writer_buf_put(f, o, ol);
        i += adv;
    }
    int printed = keep;
    if (chars > width) {
        writer_buf_putc(f, '~');
        printed++;
    }
    if (!last)
        for (; printed < width; printed++) writer_buf_putc(f, ' ');
}

static void cell_str(writer_buf *f, const char *s, int width, int last) {
    cell(f, s, s ? strlen(s) : 0, width, last);
    if (!last) writer_buf_putc(f, ' ');
}

static int table_header(writer *w) {
    writer_buf *f = &w->out;
    cell_str(f, "sent", TW_SENT, 0);
    cell_str(f, "date", TW_DATE, 0);
    cell_str(f, "source", TW_SOURCE, 0);
    cell_str(f, "code", TW_CODE, 0);
    cell_str(f, "target", TW_TARGET, 0);
    cell_str(f, "verb", TW_VERB, 1);
    writer_buf_putc(f, '\n');
    static const int widths[] = {TW_SENT, TW_DATE, TW_SOURCE, TW_CODE, TW_TARGET, TW_VERB};
    for (size_t c = 0; c < sizeof widths / sizeof widths[0]; c++) {
        if (c) writer_buf_putc(f, ' ');
        for (int k = 0; k < widths[c]; k++) writer_buf_putc(f, '-');
    }
    writer_buf_putc(f, '\n');
    return 0;
}

static int table_event(writer *w, const doc_record *doc, const dyad_result *res,
                       const dyad_event *ev) {
    (void)res;
    writer_buf *f = &w->out;
    if (w->new_doc) {
        writer_buf_puts(f, "-- ");
        const char *id = doc && doc->id ? doc->id : "";
        cell(f, id, strlen(id), WRITER_TABLE_WIDTH - 3, 1);
        writer_buf_putc(f, '\n');
    }
    char sent[16], date[16] = "-";
    snprintf(sent, sizeof sent, "%4u", (unsigned)ev->sentence);
    if (doc && doc->date)
        snprintf(date, sizeof date, "%04u-%02u-%02u", (unsigned)doc->date / 10000,
                 (unsigned)doc->date / 100 % 100, (unsigned)doc->date % 100);
    cell_str(f, sent, TW_SENT, 0);
    cell_str(f, date, TW_DATE, 0);
    cell_str(f, ev->source, TW_SOURCE, 0);
    cell(f, ev->code, strnlen(ev->code, sizeof ev->code), TW_CODE, 0);
    writer_buf_putc(f, ' ');
    cell_str(f, ev->target, TW_TARGET, 0);
    cell_str(f, ev->verb_text, TW_VERB, 1);
    writer_buf_putc(f, '\n');
    return 0;
}

static int table_footer(writer *w) {
    writer_buf_printf(&w->out, "%llu event%s from %llu document%s\n", w->nevents,
                      w->nevents == 1 ? "" : "s", w->ndocs,
                      w->ndocs == 1 ? "" : "s");
    return 0;
}

const writer_format writer_format_table = {
    "table", NULL, "a fixed-width table for a terminal",
    table_header, NULL, table_event, table_footer,
};
