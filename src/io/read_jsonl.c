/* read_jsonl.c -- JSON Lines reader: one document object per line.
 *
 *     {"id":"a1","date":"2016-01-02","source":"wire","title":"...","text":"..."}
 *
 * Lines are read with reader_input_getline, up to READER_RECORD_MAX bytes
 * each: a longer line is rejected ("record longer than 8 MB") and skipped,
 * so memory stays bounded, and a line that cannot be allocated is reported
 * as out of memory, never taken for the end of the input. Each line is
 * parsed on its own with jansson;
 * a malformed line yields -1 with jansson's message and the line number, and
 * the next call simply moves on to the next line, which is all the
 * resynchronisation JSON Lines needs. Blank lines are skipped.
 *
 * Fields: "text" (string) is required; "id" (string or integer) defaults to
 * "<file>:<line>"; "date" may be "2016-01-02", "2016-01-02T10:00:00Z",
 * "20160102" or the number 20160102; "source" and "title" are optional
 * strings, and so is "url" (any other value of it is ignored). null counts
 * as absent. Other keys are only kept in the record's raw line (the
 * writers' --fields and the event store read them from there).
 *
 * Fast path: nearly every line is a flat object whose values are all
 * strings. fast_parse reads such a line itself, decoding the strings into a
 * side buffer (the line stays intact), and gives up -- returns 0 -- on
 * anything else: a non-string value, a repeated known key, a \u0000 or a
 * lone surrogate, a missing "text", an invalid date, any syntax error. The
 * line is then parsed by jansson exactly as before, so jansson alone decides
 * every error message and every unusual value. What the fast path accepts is
 * valid JSON (after repair_utf8 the line is valid UTF-8, and every string
 * byte below 0x20 is refused as JSON requires) and its strings are the bytes
 * jansson would decode, so the record is the same either way; skipping
 * jansson's json_t objects and hash table cuts the reading cost to a
 * quarter.
 *
 * Detection (jsonl_detect) does not stop at a '{': the first line must
 * parse as a JSON object (or, when it is broken, one of the next three
 * lines must), so a text that opens with a brace stays text.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "dyad.h"
#include "io/reader.h"
#include "util/swar.h"
#include "text/utf8norm.h"

typedef struct reader_jsonl {
    reader_input *in;   /* the stream, not owned */
    const char *file;   /* its name */
    uint64_t next_line; /* line number of the next line getline returns */
    char *buf;          /* getline buffer, reused for every line */
    size_t cap;         /* getline buffer capacity */
    json_t *cur;        /* parsed object of the current record (owns strings) */
    char idbuf[4200];   /* id of the current record when made up or numeric:
                         * room for a full path name and a line number */
    char datebuf[32];   /* date text when the input gave a number */
    int failed;         /* a read error ended the input */
    int nomem;          /* lines in a row that could not be allocated */
    char *fix;          /* the line with invalid UTF-8 repaired */
    size_t fixcap;
    char *vals;         /* fast path: decoded string values, NUL-separated */
    size_t valscap;
} reader_jsonl;

/* jansson rejects invalid UTF-8, but a stray byte in a news text should not
 * cost the record: replace each invalid sequence by U+FFFD (the coder
 * counts them again when it normalises the text). Returns the line to
 * parse and its length: s itself when it is valid, else the repaired copy
 * in *fix (grown as needed; NULL when that fails). */
static const char *repair_utf8(char **fix, size_t *fixcap, const char *s,
                               size_t n, size_t *outlen) {
    size_t i = 0;
    uint32_t cp;
    while (i < n) {
        /* (every line passes here: plain ASCII 8 bytes at a time) */
        if (n - i >= 8 && !(swar_load(s + i) & SWAR_HIGH)) {
            i += 8;
            continue;
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (k < 0) break;
        i += (size_t)k;
    }
    if (i == n) {
        *outlen = n;
        return s;
    }
    if (*fixcap < n * 3 + 1) {
        char *nf = realloc(*fix, n * 3 + 1);
        if (!nf) return NULL;
        *fix = nf;
        *fixcap = n * 3 + 1;
    }
    char *out = *fix;
    size_t o = 0;
    for (i = 0; i < n;) {
        int k = (unsigned char)s[i] < 0x80
                    ? 1
                    : utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (k > 0) {
            memcpy(out + o, s + i, (size_t)k);
            o += (size_t)k;
            i += (size_t)k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += (size_t)-k;
        }
    }
    *outlen = o;
    return out;
}

static void *jsonl_open(reader_input *in, char *err, size_t errlen) {
    reader_jsonl *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->in = in;
    r->file = in->file;
    r->next_line = in->first_line ? in->first_line : 1;
    return r;
}

static void jsonl_close(void *state) {
    reader_jsonl *r = state;
    if (!r) return;
    if (r->cur) json_decref(r->cur);
    free(r->buf);
    free(r->fix);
    free(r->vals);
    free(r);
}

static int is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n' &&
            s[i] != '\f' && s[i] != '\v')
            return 0;
    return 1;
}

/* Optional string member: NULL when absent or null; -1 when another type. */
static int opt_string(json_t *obj, const char *key, const char **out) {
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v)) return 0;
    if (!json_is_string(v)) return -1;
    *out = json_string_value(v);
    return 0;
}


/* The string members fast_parse looks for (values NULL when absent). */
typedef struct fast_fields {
    const char *id, *date, *source, *title, *text, *url;
    size_t date_len, text_len;
} fast_fields;

static int is_ws(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r'; /* JSON's set */
}

static int hex4(const char *p, const char *end, uint32_t *out) {
    if (end - p < 4) return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (uint32_t)(c - 'A' + 10);
        else return 0;
    }
    *out = v;
    return 1;
}

/* Decodes the JSON string starting after its opening quote at *pp into *wp
 * (NUL-terminated), advancing both. 0 when the string is one the fast path
 * leaves to jansson (unterminated, raw control byte, bad escape, \u0000,
 * lone surrogate). */
static int fast_string(const char **pp, const char *end, char **wp) {
    const char *p = *pp;
    char *w = *wp;
    for (;;) {
        /* bytes copied as they are (none below 0x20, no quote, no
         * backslash), 8 at a time: w never gets ahead of p */
        while (end - p >= 8) {
            uint64_t x = swar_load(p);
            if (swar_zero(x & (SWAR_ONES * 0xE0u)) | swar_eq(x, '"') |
                swar_eq(x, '\\'))
                break;
            memcpy(w, &x, 8);
            w += 8;
            p += 8;
        }
        if (p >= end) return 0;
        unsigned char c = (unsigned char)*p++;
        if (c == '"') break;
        if (c < 0x20) return 0;
        if (c != '\\') {
            *w++ = (char)c;
            continue;
        }
        if (p >= end) return 0;
        switch (*p++) {
        case '"': *w++ = '"'; break;
        case '\\': *w++ = '\\'; break;
        case '/': *w++ = '/'; break;
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case 'n': *w++ = '\n'; break;
        case 'r': *w++ = '\r'; break;
        case 't': *w++ = '\t'; break;
        case 'u': {
            uint32_t cp, lo;
            if (!hex4(p, end, &cp)) return 0;
            p += 4;
            if (cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return 0;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
                    !hex4(p + 2, end, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return 0;
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (cp < 0x80) {
                *w++ = (char)cp;
            } else if (cp < 0x800) {
                *w++ = (char)(0xC0 | (cp >> 6));
                *w++ = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                *w++ = (char)(0xE0 | (cp >> 12));
                *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *w++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *w++ = (char)(0xF0 | (cp >> 18));
                *w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
                *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *w++ = (char)(0x80 | (cp & 0x3F));
            }
            break;
        }
        default: return 0;
        }
    }
    *w++ = '\0';
    *pp = p;
    *wp = w;
    return 1;
}

/* Parses a line that is one object of string members; see the file header.
 * 1 with f filled, 0 to hand the line to jansson, -1 out of memory (which
 * jansson, short of memory too, would report as invalid JSON). */
static int fast_parse(reader_jsonl *r, const char *s, size_t n,
                      fast_fields *f) {
    /* decoded strings are never longer than their JSON spelling */
    if (r->valscap < n + 1) {
        char *nv = realloc(r->vals, n + 1);
        if (!nv) return -1;
        r->vals = nv;
        r->valscap = n + 1;
    }
    memset(f, 0, sizeof *f);
    const char *p = s, *end = s + n;
    char *w = r->vals;
    while (p < end && is_ws((unsigned char)*p)) p++;
    if (p >= end || *p++ != '{') return 0;
    for (;;) {
        while (p < end && is_ws((unsigned char)*p)) p++;
        if (p >= end || *p++ != '"') return 0; /* also "{}": no "text" */
        const char *key = w;
        if (!fast_string(&p, end, &w)) return 0;
        size_t klen = (size_t)(w - key) - 1;
        while (p < end && is_ws((unsigned char)*p)) p++;
        if (p >= end || *p++ != ':') return 0;
        while (p < end && is_ws((unsigned char)*p)) p++;
        if (p >= end || *p++ != '"') return 0;
        const char *val = w;
        if (!fast_string(&p, end, &w)) return 0;
        size_t vlen = (size_t)(w - val) - 1;
        const char **slot = NULL;
        if (klen == 2 && !memcmp(key, "id", 2)) slot = &f->id;
        else if (klen == 4 && !memcmp(key, "date", 4)) slot = &f->date;
        else if (klen == 6 && !memcmp(key, "source", 6)) slot = &f->source;
        else if (klen == 5 && !memcmp(key, "title", 5)) slot = &f->title;
        else if (klen == 4 && !memcmp(key, "text", 4)) slot = &f->text;
        else if (klen == 3 && !memcmp(key, "url", 3)) slot = &f->url;
        if (slot) {
            if (*slot) return 0; /* repeated key: jansson's rule decides */
            *slot = val;
            if (slot == &f->text) f->text_len = vlen;
            if (slot == &f->date) f->date_len = vlen;
        }
        while (p < end && is_ws((unsigned char)*p)) p++;
        if (p >= end) return 0;
        char c = *p++;
        if (c == '}') break;
        if (c != ',') return 0;
    }
    while (p < end && is_ws((unsigned char)*p)) p++;
    return p == end && f->text;
}

static int jsonl_next(void *state, doc_record *rec, char *err, size_t errlen) {
    reader_jsonl *r = state;
    if (r->cur) {
        json_decref(r->cur);
        r->cur = NULL;
    }
    if (r->failed) return 0;
    for (;;) {
        ssize_t n = reader_input_getline(r->in, &r->buf, &r->cap,
                                         READER_RECORD_MAX);
        if (n == READER_LINE_LONG) {
            snprintf(err, errlen, "%s:%" PRIu64 ": record longer than %zu MB "
                     "(the limit of a JSON line): skipped", r->file,
                     r->next_line++, READER_RECORD_MAX >> 20);
            return -1;
        }
        if (n == READER_LINE_NOMEM) {
            /* reported, never taken for the end; memory that stays short
             * for lines in a row ends the input with the error */
            snprintf(err, errlen, "%s:%" PRIu64 ": out of memory reading the "
                     "line%s", r->file, r->next_line++,
                     ++r->nomem >= 3 ? ": reading stops" : "");
            if (r->nomem >= 3) r->failed = 1;
            return -1;
        }
        r->nomem = 0;
        if (n < 0) {
            if (reader_input_error(r->in)) {
                snprintf(err, errlen, "%s:%" PRIu64 ": read error: %s",
                         r->file, r->next_line, reader_input_strerror(r->in));
                /* an I/O error is not a record error: report it once, then
                 * end the input rather than spin on a broken stream */
                r->failed = 1;
                return -1;
            }
            return 0;
        }
        uint64_t line = r->next_line++;
        if (is_blank(r->buf, (size_t)n)) continue;

        json_error_t jerr;
        size_t fixed_len;
        const char *line_text =
            repair_utf8(&r->fix, &r->fixcap, r->buf, (size_t)n, &fixed_len);
        if (!line_text) {
            snprintf(err, errlen, "%s:%" PRIu64 ": out of memory", r->file, line);
            return -1;
        }
        fast_fields ff;
        int fast = fast_parse(r, line_text, fixed_len, &ff);
        if (fast < 0) {
            snprintf(err, errlen, "%s:%" PRIu64 ": out of memory", r->file, line);
            return -1;
        }
        if (fast) {
            uint32_t date = 0;
            if (ff.date && ff.date[0] != '\0')
                date = dyad_parse_date(ff.date, ff.date_len);
            /* an invalid date falls through to jansson, which reports it */
            if (date || !ff.date || ff.date[0] == '\0') {
                memset(rec, 0, sizeof *rec);
                rec->file = r->file;
                rec->line = line;
                rec->text = ff.text;
                rec->text_len = ff.text_len;
                if (ff.id) {
                    rec->id = ff.id;
                } else {
                    snprintf(r->idbuf, sizeof r->idbuf, "%s:%" PRIu64, r->file, line);
                    rec->id = r->idbuf;
                }
                rec->source = ff.source;
                rec->title = ff.title;
                rec->url = ff.url;
                rec->date_text = ff.date;
                rec->date = date;
                rec->raw = line_text;
                rec->raw_len = fixed_len;
                return 1;
            }
        }
        json_t *obj = json_loadb(line_text, fixed_len, JSON_ALLOW_NUL, &jerr);
        if (!obj) {
            if (json_error_code(&jerr) == json_error_out_of_memory)
                snprintf(err, errlen, "%s:%" PRIu64 ": out of memory", r->file,
                         line);
            else
                snprintf(err, errlen, "%s:%" PRIu64 ": invalid JSON: %s (column %d)",
                         r->file, line, jerr.text, jerr.column);
            return -1;
        }
        r->cur = obj;
        if (!json_is_object(obj)) {
            snprintf(err, errlen, "%s:%" PRIu64 ": expected a JSON object", r->file,
                     line);
            return -1;
        }

        memset(rec, 0, sizeof *rec);
        rec->file = r->file;
        rec->line = line;
        rec->raw = line_text;
        rec->raw_len = fixed_len;

        json_t *text = json_object_get(obj, "text");
        if (!text || !json_is_string(text)) {
            snprintf(err, errlen, "%s:%" PRIu64 ": %s", r->file, line,
                     text ? "\"text\" must be a string" : "missing \"text\"");
            return -1;
        }
        rec->text = json_string_value(text);
        rec->text_len = json_string_length(text);

        json_t *id = json_object_get(obj, "id");
        if (id && json_is_string(id)) {
            rec->id = json_string_value(id);
        } else if (id && json_is_integer(id)) {
            snprintf(r->idbuf, sizeof r->idbuf, "%" JSON_INTEGER_FORMAT,
                     json_integer_value(id));
            rec->id = r->idbuf;
        } else if (!id || json_is_null(id)) {
            snprintf(r->idbuf, sizeof r->idbuf, "%s:%" PRIu64, r->file, line);
            rec->id = r->idbuf;
        } else {
            snprintf(err, errlen, "%s:%" PRIu64 ": \"id\" must be a string or integer",
                     r->file, line);
            return -1;
        }

        if (opt_string(obj, "source", &rec->source) < 0 ||
            opt_string(obj, "title", &rec->title) < 0) {
            snprintf(err, errlen, "%s:%" PRIu64 ": \"source\" and \"title\" must be strings",
                     r->file, line);
            return -1;
        }
        /* (a "url" that is not a string is no url, as for the store) */
        rec->url = json_string_value(json_object_get(obj, "url"));

        json_t *date = json_object_get(obj, "date");
        if (date && json_is_string(date)) {
            rec->date_text = json_string_value(date);
            if (rec->date_text[0] != '\0') {
                rec->date = dyad_parse_date(rec->date_text, json_string_length(date));
                if (!rec->date) {
                    snprintf(err, errlen, "%s:%" PRIu64 ": invalid date \"%.40s\"",
                             r->file, line, rec->date_text);
                    return -1;
                }
            }
        } else if (date && json_is_integer(date)) {
            int len = snprintf(r->datebuf, sizeof r->datebuf, "%" JSON_INTEGER_FORMAT,
                               json_integer_value(date));
            rec->date_text = r->datebuf;
            rec->date = dyad_parse_date(r->datebuf, (size_t)len);
            if (!rec->date) {
                snprintf(err, errlen, "%s:%" PRIu64 ": invalid date %s", r->file, line,
                         r->datebuf);
                return -1;
            }
        } else if (date && !json_is_null(date)) {
            snprintf(err, errlen, "%s:%" PRIu64 ": \"date\" must be a string or number",
                     r->file, line);
            return -1;
        }
        return 1;
    }
}

/* ---- detection ----------------------------------------------------------- */

/* Non-blank lines of the head tried before giving up: a file whose first
 * record is broken is still JSON Lines when one of the next ones parses. */
#define DETECT_LINES 4

/* How s[0..n) starts as a JSON object: 1 '{' then a key and ':', or "{}";
 * 0 it cannot be one; -1 it ends before telling. */
static int object_start(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && is_ws((unsigned char)s[i])) i++;
    if (i == n) return -1;
    if (s[i++] != '{') return 0;
    while (i < n && is_ws((unsigned char)s[i])) i++;
    if (i == n) return -1;
    if (s[i] == '}') return 1;
    if (s[i++] != '"') return 0;
    while (i < n && s[i] != '"') {
        if ((unsigned char)s[i] < 0x20) return 0;
        i += s[i] == '\\' ? 2 : 1;
    }
    if (i >= n) return -1;
    i++;
    while (i < n && is_ws((unsigned char)s[i])) i++;
    if (i == n) return -1;
    return s[i] == ':';
}

/* 1 when the line s[0..n) is one JSON object, read as jsonl_next reads it
 * (invalid UTF-8 repaired, NUL escapes allowed). */
static int line_is_object(const char *s, size_t n) {
    char *fix = NULL;
    size_t fixcap = 0, len;
    const char *t = repair_utf8(&fix, &fixcap, s, n, &len);
    int ok = 0;
    if (t) {
        json_error_t jerr;
        json_t *v = json_loadb(t, len, JSON_ALLOW_NUL, &jerr);
        ok = v && json_is_object(v);
        if (v) json_decref(v);
    }
    free(fix);
    return ok;
}

/* The first line is a JSON object: 100. A later one of the first
 * DETECT_LINES lines is (the first line broken, but it starts like an
 * object): 90. The first line is longer than the head and starts like an
 * object: 80. Anything else is not JSON Lines, however it starts: "{Reuters}
 * Iran said ..." or "{" alone is text. */
static int jsonl_detect(const char *head, size_t n, int complete) {
    size_t pos = 0;
    int lines = 0;
    while (pos < n && lines < DETECT_LINES) {
        const char *p = head + pos;
        const char *nl = memchr(p, '\n', n - pos);
        size_t len = nl ? (size_t)(nl - p) + 1 : n - pos;
        pos += len;
        if (is_blank(p, len)) continue;
        if (lines == 0) {
            int st = object_start(p, len);
            if (st == 0) return 0;
            if (st < 0 && !nl) return complete ? 0 : READER_DETECT_MORE;
        }
        if (!nl && !complete) return READER_DETECT_MORE;
        if (!nl && n >= READER_HEAD_MAX) /* cut by the head's cap */
            return lines == 0 && object_start(p, len) == 1 ? 80 : 0;
        if (line_is_object(p, len)) return lines == 0 ? 100 : 90;
        lines++;
    }
    if (lines == 0 || lines >= DETECT_LINES || complete) return 0;
    return READER_DETECT_MORE;
}

const reader_format reader_format_jsonl = {
    "jsonl", "JSON Lines: one {\"id\",\"date\",\"source\",\"title\",\"text\"} object per line",
    jsonl_detect, jsonl_open, jsonl_next, jsonl_close,
};
