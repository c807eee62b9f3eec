/* write_json.c -- the writer interface (open, event, close, document
 * tracking) and the JSON Lines writer.
 *
 * JSON is written by hand rather than through jansson: one event line is a
 * fixed list of keys in a fixed order, so building a json_t per event would
 * only add allocations on the hot output path. The string escaper is the one
 * place that must be exactly right: it escapes ", \ and every control
 * character, passes valid UTF-8 through unchanged, and replaces each byte of
 * an invalid sequence with \ufffd so a line is always valid JSON whatever
 * the input bytes were.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "writer.h"

const char *writer_kind_name(writer_kind kind) {
    switch (kind) {
    case WRITER_TSV: return "tsv";
    case WRITER_TABLE: return "table";
    default: return "jsonl";
    }
}

int writer_kind_parse(const char *name) {
    if (!name) return -1;
    if (!strcmp(name, "jsonl") || !strcmp(name, "json")) return WRITER_JSONL;
    if (!strcmp(name, "tsv")) return WRITER_TSV;
    if (!strcmp(name, "table")) return WRITER_TABLE;
    return -1;
}

writer *writer_open(FILE *f, writer_kind kind) {
    writer *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->f = f;
    w->kind = kind;
    if (kind == WRITER_TSV) writer_tsv_header(w);
    else if (kind == WRITER_TABLE) writer_table_header(w);
    return w;
}

void writer_track_doc(writer *w, const doc_record *doc) {
    const char *id = doc && doc->id ? doc->id : "";
    unsigned long long line = doc ? doc->line : 0;
    w->new_doc = !w->last_id || strcmp(w->last_id, id) != 0 || w->last_line != line;
    if (!w->new_doc) return;
    char *copy = strdup(id);
    if (copy) {
        free(w->last_id);
        w->last_id = copy;
    }
    w->last_line = line;
    if (!w->explicit_docs) w->ndocs++;
}

int writer_document(writer *w, const doc_record *doc, const dyad_result *res) {
    (void)doc;
    (void)res;
    /* the first call switches counting from "documents with events" to
     * "documents announced"; those counted implicitly so far were announced
     * too, had the caller been consistent, so start from zero */
    if (!w->explicit_docs) {
        w->explicit_docs = 1;
        w->ndocs = 0;
    }
    w->ndocs++;
    return w->failed ? -1 : 0;
}

const char *writer_sentence_text(const dyad_result *res, const dyad_event *ev,
                                 size_t *len) {
    *len = 0;
    if (!res || !res->text || !ev) return "";
    size_t off = ev->sentence_span.off, n = ev->sentence_span.len;
    if (off > res->text_len) return "";
    if (n > res->text_len - off) n = res->text_len - off;
    *len = n;
    return res->text + off;
}

int writer_event(writer *w, const doc_record *doc, const dyad_result *res,
                 const dyad_event *ev) {
    writer_track_doc(w, doc);
    w->nevents++;
    int rc;
    switch (w->kind) {
    case WRITER_TSV: rc = writer_tsv_event(w, doc, res, ev); break;
    case WRITER_TABLE: rc = writer_table_event(w, doc, res, ev); break;
    default: rc = writer_jsonl_event(w, doc, res, ev); break;
    }
    if (rc < 0 || ferror(w->f)) w->failed = 1;
    return w->failed ? -1 : 0;
}

int writer_close(writer *w) {
    if (!w) return 0;
    if (w->kind == WRITER_TABLE) writer_table_footer(w);
    if (fflush(w->f) != 0 || ferror(w->f)) w->failed = 1;
    int rc = w->failed ? -1 : 0;
    free(w->last_id);
    free(w);
    return rc;
}

/* ---- JSON Lines ---------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s[0..n), 0 if invalid (overlong
 * forms, surrogates and code points above U+10FFFF are invalid). */
static size_t utf8_seq(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (n < len) return 0;
    if (s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF) return 0;
    return len;
}

void writer_json_string(FILE *f, const char *str, size_t n) {
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    if (!str) n = 0;
    putc('"', f);
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c == '"' || c == '\\') {
            putc('\\', f);
            putc(c, f);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            switch (c) {
            case '\n': fputs("\\n", f); break;
            case '\t': fputs("\\t", f); break;
            case '\r': fputs("\\r", f); break;
            case '\b': fputs("\\b", f); break;
            case '\f': fputs("\\f", f); break;
            default: fprintf(f, "\\u%04x", c); break;
            }
            i++;
        } else if (c < 0x80) {
            putc(c, f);
            i++;
        } else {
            size_t len = utf8_seq(s + i, n - i);
            if (len == 0) {
                fputs("\\ufffd", f);
                i++;
            } else if (len == 3 && c == 0xE2 && s[i + 1] == 0x80 &&
                       (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
                /* U+2028/U+2029 are legal JSON but end lines in JavaScript */
                fputs(s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", f);
                i += 3;
            } else {
                fwrite(s + i, 1, len, f);
                i += len;
            }
        }
    }
    putc('"', f);
}

/* ,"key":"value" -- the comma omitted for the first key. */
static void json_member(FILE *f, const char *key, const char *v, size_t n, int first) {
    fprintf(f, first ? "\"%s\":" : ",\"%s\":", key);
    writer_json_string(f, v, n);
}

static void json_str(FILE *f, const char *key, const char *v) {
    json_member(f, key, v, v ? strlen(v) : 0, 0);
}

int writer_jsonl_event(writer *w, const doc_record *doc, const dyad_result *res,
                       const dyad_event *ev) {
    FILE *f = w->f;
    char date[16] = "";
    if (doc && doc->date) snprintf(date, sizeof date, "%08u", (unsigned)doc->date);
    double g = ev->goldstein;
    if (!isfinite(g) || g == 0) g = 0; /* no "-0.0" or "nan" in JSON */
    size_t slen;
    const char *stext = writer_sentence_text(res, ev, &slen);
    const char *id = doc && doc->id ? doc->id : "";

    putc('{', f);
    json_member(f, "doc_id", id, strlen(id), 1);
    fprintf(f, ",\"sentence\":%u", (unsigned)ev->sentence);
    json_str(f, "date", date);
    json_str(f, "source", ev->source);
    json_str(f, "target", ev->target);
    /* code and root are fixed arrays: never read past them */
    json_member(f, "code", ev->code, strnlen(ev->code, sizeof ev->code), 0);
    json_member(f, "root", ev->root, strnlen(ev->root, sizeof ev->root), 0);
    fprintf(f, ",\"quad\":%d,\"goldstein\":%.1f", ev->quad, g);
    json_str(f, "source_text", ev->source_text);
    json_str(f, "verb_text", ev->verb_text);
    json_str(f, "target_text", ev->target_text);
    json_member(f, "sentence_text", stext, slen, 0);
    json_str(f, "issues", ev->issues);
    json_str(f, "rule", ev->rule);
    fputs("}\n", f);
    return ferror(f) ? -1 : 0;
}
