/* write_tsv.c -- tab-separated writer: a header line, then one line per
 * event with the same columns, in the same order, as the JSON Lines writer.
 *
 * TSV has no quoting, so a value must never contain the separator or a line
 * end: every control character in a value (tab, newline, carriage return,
 * the other C0 bytes and DEL) is written as a space. Everything else,
 * non-ASCII included, is written unchanged.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "io/writer.h"

static const char tsv_header[] =
    "doc_id\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\t"
    "source_text\tverb_text\ttarget_text\tsentence_text\tissues\trule\n";

int writer_tsv_header(writer *w) {
    fputs(tsv_header, w->f);
    return ferror(w->f) ? -1 : 0;
}

/* One value, control characters turned into spaces. */
static void tsv_value(FILE *f, const char *s, size_t n) {
    if (!s) return;
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != 0x7F) continue;
        fwrite(s + start, 1, i - start, f);
        putc(' ', f);
        start = i + 1;
    }
    fwrite(s + start, 1, n - start, f);
}

static void tsv_str(FILE *f, const char *s) {
    putc('\t', f);
    tsv_value(f, s, s ? strlen(s) : 0);
}

int writer_tsv_event(writer *w, const doc_record *doc, const dyad_result *res,
                     const dyad_event *ev) {
    FILE *f = w->f;
    const char *id = doc && doc->id ? doc->id : "";
    double g = ev->goldstein;
    if (!isfinite(g) || g == 0) g = 0;
    size_t slen;
    const char *stext = writer_sentence_text(res, ev, &slen);

    tsv_value(f, id, strlen(id));
    fprintf(f, "\t%u\t", (unsigned)ev->sentence);
    if (doc && doc->date) fprintf(f, "%08u", (unsigned)doc->date);
    tsv_str(f, ev->source);
    tsv_str(f, ev->target);
    putc('\t', f);
    tsv_value(f, ev->code, strnlen(ev->code, sizeof ev->code));
    putc('\t', f);
    tsv_value(f, ev->root, strnlen(ev->root, sizeof ev->root));
    fprintf(f, "\t%d\t%.1f", ev->quad, g);
    tsv_str(f, ev->source_text);
    tsv_str(f, ev->verb_text);
    tsv_str(f, ev->target_text);
    putc('\t', f);
    tsv_value(f, stext, slen);
    tsv_str(f, ev->issues);
    tsv_str(f, ev->rule);
    putc('\n', f);
    return ferror(f) ? -1 : 0;
}
