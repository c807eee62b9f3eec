/* reader.c -- the registry of input formats, format detection and the
 * reader handle that forwards to a format's back end.
 *
 * Detection reads the head of the input with getc: a UTF-8 byte order mark
 * and blank bytes are skipped (newlines among them counted, so that line
 * numbers in messages stay right), then the head grows a line at a time
 * while some format's detect function asks for more and READER_HEAD_MAX is
 * not reached. The back end then reads the head before the rest of the
 * FILE (reader_input), so nothing has to be pushed back into stdio.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/reader.h"

/* The registry: one line per input format, in order of preference when two
 * formats score the same. X(entry) names a `const reader_format` defined in
 * its io/read_*.c. */
#define READER_REGISTRY(X)                                                     \
    X(reader_format_jsonl)                                                     \
    X(reader_format_petrxml)                                                   \
    X(reader_format_text)

#define READER_DECLARE(e) extern const reader_format e;
READER_REGISTRY(READER_DECLARE)
#define READER_ENTRY(e) &e,
static const reader_format *const registry[] = {READER_REGISTRY(READER_ENTRY)};
#define NFORMATS (sizeof registry / sizeof registry[0])

const reader_format *reader_format_at(size_t i) {
    return i < NFORMATS ? registry[i] : NULL;
}

const reader_format *reader_format_find(const char *name) {
    if (!name) return NULL;
    for (size_t i = 0; i < NFORMATS; i++)
        if (!strcmp(registry[i]->name, name)) return registry[i];
    return NULL;
}

char *reader_format_names(char *buf, size_t size) {
    if (!size) return buf;
    buf[0] = '\0';
    size_t o = 0;
    for (size_t i = 0; i < NFORMATS && o < size; i++) {
        int k = snprintf(buf + o, size - o, "%s%s", i ? ", " : "",
                         registry[i]->name);
        if (k < 0) break;
        o += (size_t)k;
    }
    return buf;
}

/* Asks every entry; NULL while one of them wants more (complete unset). */
static const reader_format *pick(const char *head, size_t n, int complete,
                                 int *score) {
    const reader_format *best = NULL;
    int best_score = -1, more = 0;
    for (size_t i = 0; i < NFORMATS; i++) {
        int s = registry[i]->detect(head, n, complete);
        if (s == READER_DETECT_MORE) {
            if (!complete) {
                more = 1;
                continue;
            }
            s = 0; /* not allowed on a complete head: treated as "no" */
        }
        if (s > best_score) {
            best = registry[i];
            best_score = s;
        }
    }
    if (more) return NULL;
    if (score) *score = best_score;
    return best;
}

const reader_format *reader_detect(const char *head, size_t n, int *score) {
    return pick(head ? head : "", head ? n : 0, 1, score);
}

/* ---- the stream back ends read ------------------------------------------ */

/* Keeps the errno of the first failed read, for reader_input_strerror. */
static void note_error(reader_input *in, int errnum) {
    if (!in->read_errno && ferror(in->f)) in->read_errno = errnum ? errnum : EIO;
}

/* getc, its errno kept on failure. */
static int get_byte(reader_input *in) {
    errno = 0;
    int c = getc(in->f);
    if (c == EOF) note_error(in, errno);
    return c;
}

static size_t read_bytes(reader_input *in, char *buf, size_t n) {
    errno = 0;
    size_t got = fread(buf, 1, n, in->f);
    if (got < n) note_error(in, errno);
    return got;
}

size_t reader_input_read(reader_input *in, void *buf, size_t n) {
    size_t got = 0;
    if (in->head_pos < in->head_len) {
        got = in->head_len - in->head_pos;
        if (got > n) got = n;
        memcpy(buf, in->head + in->head_pos, got);
        in->head_pos += got;
    }
    if (got < n) got += read_bytes(in, (char *)buf + got, n - got);
    return got;
}

/* Makes room for need bytes in *buf. */
static int grow(char **buf, size_t *cap, size_t need) {
    if (*cap >= need) return 0;
    size_t ncap = *cap ? *cap : 128;
    while (ncap < need) ncap *= 2;
    char *nb = realloc(*buf, ncap);
    if (!nb) return -1;
    *buf = nb;
    *cap = ncap;
    return 0;
}

/* Size of the read buffer reader_input_getline refills the head with. */
#define LINE_CHUNK ((size_t)64 * 1024)

ssize_t reader_input_getline(reader_input *in, char **buf, size_t *cap,
                             size_t max) {
    size_t n = 0;
    int any = 0, nomem = 0, toolong = 0;
    for (;;) {
        if (in->head_pos >= in->head_len) {
            /* the head is used up: it becomes the read buffer */
            if (in->head_cap < LINE_CHUNK) {
                /* (when that fails, a smaller head still serves) */
                char *nh = realloc(in->head, LINE_CHUNK);
                if (nh) {
                    in->head = nh;
                    in->head_cap = LINE_CHUNK;
                } else if (!in->head_cap) {
                    nomem = 1;
                    break;
                }
            }
            in->head_pos = 0;
            in->head_len = read_bytes(in, in->head, in->head_cap);
            if (!in->head_len) break;
        }
        const char *p = in->head + in->head_pos;
        size_t left = in->head_len - in->head_pos;
        const char *nl = memchr(p, '\n', left);
        size_t k = nl ? (size_t)(nl - p) + 1 : left;
        any = 1;
        in->head_pos += k;
        if (!toolong && !nomem) {
            if (n + k > max) toolong = 1;
            else if (grow(buf, cap, n + k + 1) < 0) nomem = 1;
            else memcpy(*buf + n, p, k);
        }
        n += k;
        if (nl) break;
    }
    if (nomem) return READER_LINE_NOMEM;
    if (!any) return READER_LINE_END;
    if (toolong) return READER_LINE_LONG;
    (*buf)[n] = '\0';
    return (ssize_t)n;
}

int reader_input_error(const reader_input *in) { return ferror(in->f); }

const char *reader_input_strerror(const reader_input *in) {
    return strerror(in->read_errno ? in->read_errno : EIO);
}

/* ---- the reader handle --------------------------------------------------- */

struct reader {
    const reader_format *fmt; /* detected or requested format */
    void *state;              /* its back end */
    char *file;               /* file name, owned copy */
    reader_input in;          /* the back end's stream */
};

static int is_blank(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
}

/* Appends to the head until a '\n' (kept), the end of the input or the cap.
 * Returns 1 when the head is complete (end or cap), 0 otherwise, -1 out of
 * memory. */
static int head_line(reader_input *in, size_t *cap) {
    for (;;) {
        if (in->head_len >= READER_HEAD_MAX) return 1;
        int c = get_byte(in);
        if (c == EOF) return 1;
        if (in->head_len == *cap) {
            size_t ncap = *cap ? *cap * 2 : 256;
            if (ncap > READER_HEAD_MAX) ncap = READER_HEAD_MAX;
            char *nh = realloc(in->head, ncap);
            if (!nh) return -1;
            in->head = nh;
            *cap = ncap;
        }
        in->head[in->head_len++] = (char)c;
        if (c == '\n') return in->head_len >= READER_HEAD_MAX;
    }
}

/* Skips a byte order mark and blank bytes, counting newlines; the first
 * other byte starts the head. A 0xEF that does not start a byte order mark
 * stays in the head with what follows it. Returns 0 or -1 out of memory. */
static int skip_lead(reader_input *in, size_t *cap) {
    unsigned char bom[3];
    size_t nb = 0;
    int c = get_byte(in);
    if (c == 0xEF) {
        bom[nb++] = (unsigned char)c;
        int c2 = get_byte(in);
        if (c2 == 0xBB) {
            bom[nb++] = (unsigned char)c2;
            int c3 = get_byte(in);
            if (c3 == 0xBF) {
                nb = 0;
                c = get_byte(in);
            } else if (c3 != EOF) {
                bom[nb++] = (unsigned char)c3;
            }
        } else if (c2 != EOF) {
            bom[nb++] = (unsigned char)c2;
        }
        if (nb) {
            in->head = malloc(256);
            if (!in->head) return -1;
            *cap = 256;
            memcpy(in->head, bom, nb);
            in->head_len = nb;
            return 0;
        }
    }
    while (is_blank(c)) {
        if (c == '\n') in->first_line++;
        c = get_byte(in);
    }
    if (c == EOF) return 0;
    in->head = malloc(256);
    if (!in->head) return -1;
    *cap = 256;
    in->head[0] = (char)c;
    in->head_len = 1;
    return 0;
}

reader *reader_open(FILE *f, const char *file, const reader_format *fmt,
                    char *err, size_t errlen) {
    reader *r = calloc(1, sizeof *r);
    if (!r || !(r->file = strdup(file ? file : "-"))) {
        free(r);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->in.f = f;
    r->in.file = r->file;
    r->in.first_line = 1;
    size_t cap = 0;
    int complete = 0;
    if (skip_lead(&r->in, &cap) < 0) goto nomem;
    if (!fmt) {
        /* detection starts on the whole first line */
        if (r->in.head_len && r->in.head[r->in.head_len - 1] != '\n' &&
            (complete = head_line(&r->in, &cap)) < 0)
            goto nomem;
        if (!r->in.head_len) complete = 1;
        while (!(fmt = pick(r->in.head ? r->in.head : "", r->in.head_len,
                            complete, NULL)))
            if ((complete = head_line(&r->in, &cap)) < 0) goto nomem;
    }
    r->in.head_cap = cap;
    r->fmt = fmt;
    r->state = fmt->open(&r->in, err, errlen);
    if (!r->state) {
        reader_close(r);
        return NULL;
    }
    return r;
nomem:
    snprintf(err, errlen, "out of memory");
    reader_close(r);
    return NULL;
}

int reader_next(reader *r, doc_record *rec, char *err, size_t errlen) {
    if (errlen) err[0] = '\0';
    return r->fmt->next(r->state, rec, err, errlen);
}

const reader_format *reader_get_format(const reader *r) { return r->fmt; }

void reader_close(reader *r) {
    if (!r) return;
    if (r->state) r->fmt->close(r->state);
    free(r->in.head);
    free(r->file);
    free(r);
}
