/* read_text.c -- plain-text reader: the whole input is one document
 * (paragraphs separated by blank lines belong to the same story), id = the
 * file name, date unknown. It is read whole because the coder needs the
 * whole document at once anyway; a cap (READER_TEXT_MAX) turns a runaway
 * input into an error instead of an out-of-memory abort.
 *
 * Detection: anything can be plain text, so it scores every input 1, the
 * lowest score that still counts; any other format that recognises the
 * input wins over it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/reader.h"

typedef struct reader_text {
    reader_input *in;  /* the stream, not owned */
    char *buf;         /* the whole document, NUL-terminated */
    int state;         /* 0 not read yet, 1 handed out (or failed) */
} reader_text;

static int text_detect(const char *head, size_t n, int complete) {
    (void)head;
    (void)n;
    (void)complete;
    return 1;
}

static void *text_open(reader_input *in, char *err, size_t errlen) {
    reader_text *t = calloc(1, sizeof *t);
    if (!t) snprintf(err, errlen, "out of memory");
    else t->in = in;
    return t;
}

static void text_close(void *state) {
    reader_text *t = state;
    if (!t) return;
    free(t->buf);
    free(t);
}

/* Reads the rest of the stream into one buffer; -1 with err when too big. */
static int text_slurp(reader_text *t, size_t *len, char *err, size_t errlen) {
    reader_input *in = t->in;
    size_t cap = 64 * 1024, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        snprintf(err, errlen, "%s: out of memory", in->file);
        return -1;
    }
    for (;;) {
        if (n == cap) {
            if (cap >= READER_TEXT_MAX) {
                free(buf);
                snprintf(err, errlen, "%s:%llu: document larger than %zu MB",
                         in->file, (unsigned long long)in->first_line,
                         READER_TEXT_MAX >> 20);
                return -1;
            }
            size_t ncap = cap * 2 > READER_TEXT_MAX ? READER_TEXT_MAX : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                snprintf(err, errlen, "%s: out of memory", in->file);
                return -1;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = reader_input_read(in, buf + n, cap - n);
        n += got;
        if (got == 0) break;
    }
    /* one byte more than the cap may still be waiting: probe for it */
    char probe;
    if (n == READER_TEXT_MAX && reader_input_read(in, &probe, 1) == 1) {
        free(buf);
        snprintf(err, errlen, "%s:%llu: document larger than %zu MB", in->file,
                 (unsigned long long)in->first_line, READER_TEXT_MAX >> 20);
        return -1;
    }
    if (reader_input_error(in)) {
        free(buf);
        snprintf(err, errlen, "%s: read error: %s", in->file,
                 reader_input_strerror(in));
        return -1;
    }
    buf[n] = '\0';
    t->buf = buf;
    *len = n;
    return 0;
}

static int text_next(void *state, doc_record *rec, char *err, size_t errlen) {
    reader_text *t = state;
    if (t->state) return 0;
    t->state = 1;
    size_t len = 0;
    if (text_slurp(t, &len, err, errlen) < 0) return -1;
    /* trailing blanks are not part of the story; an all-blank file is empty */
    while (len && (t->buf[len - 1] == ' ' || t->buf[len - 1] == '\n' ||
                   t->buf[len - 1] == '\r' || t->buf[len - 1] == '\t'))
        t->buf[--len] = '\0';
    if (len == 0) return 0;
    memset(rec, 0, sizeof *rec);
    rec->id = t->in->file;
    rec->file = t->in->file;
    rec->line = t->in->first_line;
    rec->text = t->buf;
    rec->text_len = len;
    return 1;
}

const reader_format reader_format_text = {
    "text", "plain text: the whole file is one document",
    text_detect, text_open, text_next, text_close,
};
