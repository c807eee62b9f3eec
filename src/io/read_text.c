/* read_text.c -- plain-text reader, and reader_open's format detection and
 * dispatch to the three back ends.
 *
 * Plain text: the whole file is one document (paragraphs separated by blank
 * lines belong to the same story), id = the file name, date unknown. It is
 * read whole because the coder needs the whole document at once anyway; a
 * cap (READER_TEXT_MAX) turns a runaway input into an error instead of an
 * out-of-memory abort.
 *
 * Detection looks at the first byte that is not blank and not a UTF-8 byte
 * order mark: '{' means JSON Lines, '<' means PETRARCH2 batch XML, anything
 * else plain text. The byte is pushed back with ungetc (one byte of pushback
 * is all C guarantees); the blank lines eaten before it are counted so that
 * line numbers in messages stay right.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/reader.h"

/* Plain-text back end: one record, then the end. */
typedef struct reader_text {
    FILE *f;       /* input, not owned */
    char *buf;     /* the whole document, NUL-terminated */
    int state;     /* 0 not read yet, 1 handed out (or failed) */
} reader_text;

struct reader {
    reader_format fmt;  /* detected or requested format */
    char *file;         /* file name, owned copy */
    uint64_t first_line;/* line number of the first byte after detection */
    reader_text text;   /* plain-text state (used when fmt == READER_TEXT) */
    reader_jsonl *jsonl;   /* JSON Lines back end, or NULL */
    reader_petrxml *xml;   /* XML back end, or NULL */
    char pre[2];        /* bytes taken while detecting, owed to plain text */
    int npre;           /* how many of pre[] are used */
};

const char *reader_format_name(reader_format fmt) {
    switch (fmt) {
    case READER_JSONL: return "jsonl";
    case READER_TEXT: return "text";
    case READER_PETRXML: return "xml";
    default: return "auto";
    }
}

reader_format reader_get_format(const reader *r) { return r->fmt; }

/* Eats a byte order mark and blank bytes, returns the first other byte (or
 * EOF), pushed back; counts newlines eaten in *lines. A 0xEF that does not
 * start a BOM cannot be fully pushed back (C guarantees one byte), so the
 * bytes taken are kept in r->pre and the file is plain text. */
static int peek_first(reader *r, FILE *f) {
    int c = getc(f);
    if (c == 0xEF) {
        int c2 = getc(f), c3 = c2 == 0xBB ? getc(f) : EOF;
        if (c2 == 0xBB && c3 == 0xBF) {
            c = getc(f);
        } else {
            r->pre[r->npre++] = (char)0xEF;
            if (c3 != EOF) {
                r->pre[r->npre++] = (char)c2;
                ungetc(c3, f);
            } else if (c2 != EOF) {
                ungetc(c2, f);
            }
            return 0xEF;
        }
    }
    while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v') {
        if (c == '\n') r->first_line++;
        c = getc(f);
    }
    if (c != EOF) ungetc(c, f);
    return c;
}

reader *reader_open(FILE *f, const char *file, reader_format fmt, char *err,
                    size_t errlen) {
    reader *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->file = strdup(file ? file : "-");
    if (!r->file) {
        free(r);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->first_line = 1;
    int c = peek_first(r, f);
    if (fmt == READER_AUTO)
        fmt = c == '{' ? READER_JSONL : c == '<' ? READER_PETRXML : READER_TEXT;
    r->fmt = fmt;
    r->text.f = f;
    if (fmt == READER_JSONL) {
        r->jsonl = reader_jsonl_open(f, r->file, r->first_line);
        if (!r->jsonl) {
            snprintf(err, errlen, "out of memory");
            reader_close(r);
            return NULL;
        }
    } else if (fmt == READER_PETRXML) {
        r->xml = reader_petrxml_open(f, r->file, r->first_line, err, errlen);
        if (!r->xml) {
            reader_close(r);
            return NULL;
        }
    }
    return r;
}

void reader_close(reader *r) {
    if (!r) return;
    reader_jsonl_close(r->jsonl);
    reader_petrxml_close(r->xml);
    free(r->text.buf);
    free(r->file);
    free(r);
}

/* Reads the rest of the stream into one buffer; -1 with err when too big. */
static int text_slurp(reader *r, size_t *len, char *err, size_t errlen) {
    size_t cap = 64 * 1024, n = (size_t)r->npre;
    char *buf = malloc(cap + 1);
    if (!buf) {
        snprintf(err, errlen, "%s: out of memory", r->file);
        return -1;
    }
    memcpy(buf, r->pre, (size_t)r->npre);
    for (;;) {
        if (n == cap) {
            if (cap >= READER_TEXT_MAX) {
                free(buf);
                snprintf(err, errlen, "%s:%llu: document larger than %zu MB",
                         r->file, (unsigned long long)r->first_line,
                         READER_TEXT_MAX >> 20);
                return -1;
            }
            size_t ncap = cap * 2 > READER_TEXT_MAX ? READER_TEXT_MAX : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                snprintf(err, errlen, "%s: out of memory", r->file);
                return -1;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, r->text.f);
        n += got;
        if (got == 0) break;
    }
    /* one byte more than the cap may still be waiting: probe for it */
    if (n == READER_TEXT_MAX && getc(r->text.f) != EOF) {
        free(buf);
        snprintf(err, errlen, "%s:%llu: document larger than %zu MB", r->file,
                 (unsigned long long)r->first_line, READER_TEXT_MAX >> 20);
        return -1;
    }
    if (ferror(r->text.f)) {
        free(buf);
        snprintf(err, errlen, "%s: read error", r->file);
        return -1;
    }
    buf[n] = '\0';
    r->text.buf = buf;
    *len = n;
    return 0;
}

static int text_next(reader *r, doc_record *rec, char *err, size_t errlen) {
    if (r->text.state) return 0;
    r->text.state = 1;
    size_t len = 0;
    if (text_slurp(r, &len, err, errlen) < 0) return -1;
    /* trailing blanks are not part of the story; an all-blank file is empty */
    while (len && (r->text.buf[len - 1] == ' ' || r->text.buf[len - 1] == '\n' ||
                   r->text.buf[len - 1] == '\r' || r->text.buf[len - 1] == '\t'))
        r->text.buf[--len] = '\0';
    if (len == 0) return 0;
    memset(rec, 0, sizeof *rec);
    rec->id = r->file;
    rec->file = r->file;
    rec->line = r->first_line;
    rec->text = r->text.buf;
    rec->text_len = len;
    return 1;
}

int reader_next(reader *r, doc_record *rec, char *err, size_t errlen) {
    if (errlen) err[0] = '\0';
    switch (r->fmt) {
    case READER_JSONL: return reader_jsonl_next(r->jsonl, rec, err, errlen);
    case READER_PETRXML: return reader_petrxml_next(r->xml, rec, err, errlen);
    default: return text_next(r, rec, err, errlen);
    }
}
