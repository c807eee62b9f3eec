/* writer.c -- the registry of output formats, the generic writer (open,
 * document, event, close, document counting), the FILE and memory sinks and
 * the formatting buffer every format writes into.
 *
 * A format's callback appends to w->out; the writer then hands those bytes
 * to the sink in one write and empties the buffer. The buffer keeps its
 * capacity, so after the first few events no callback allocates.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/event_id.h"
#include "io/plover.h"
#include "io/writer.h"

/* The registry: one line per output format. X(entry) names a `const
 * writer_format` defined in its io/write_*.c. */
#define WRITER_REGISTRY(X)                                                     \
    X(writer_format_jsonl)                                                     \
    X(writer_format_tsv)                                                       \
    X(writer_format_csv)                                                       \
    X(writer_format_table)                                                     \
    X(writer_format_tabari)

#define WRITER_DECLARE(e) extern const writer_format e;
WRITER_REGISTRY(WRITER_DECLARE)
#define WRITER_ENTRY(e) &e,
static const writer_format *const registry[] = {WRITER_REGISTRY(WRITER_ENTRY)};
#define NFORMATS (sizeof registry / sizeof registry[0])

const writer_format *writer_format_at(size_t i) {
    return i < NFORMATS ? registry[i] : NULL;
}

const writer_format *writer_format_find(const char *name) {
    if (!name) return NULL;
    for (size_t i = 0; i < NFORMATS; i++)
        if (!strcmp(registry[i]->name, name) ||
            (registry[i]->alias && !strcmp(registry[i]->alias, name)))
            return registry[i];
    return NULL;
}

char *writer_format_names(char *buf, size_t size) {
    if (!size) return buf;
    buf[0] = '\0';
    size_t o = 0;
    for (size_t i = 0; i < NFORMATS && o < size; i++) {
        const writer_format *f = registry[i];
        int k = snprintf(buf + o, size - o, "%s%s%s%s%s", i ? ", " : "",
                         f->name, f->alias ? " (" : "",
                         f->alias ? f->alias : "", f->alias ? ")" : "");
        if (k < 0) break;
        o += (size_t)k;
    }
    return buf;
}

/* ---- sinks --------------------------------------------------------------- */

static int file_write(void *ud, const char *p, size_t n) {
    FILE *f = ud;
    return fwrite(p, 1, n, f) == n && !ferror(f) ? 0 : -1;
}

static int file_flush(void *ud) {
    FILE *f = ud;
    return fflush(f) != 0 || ferror(f) ? -1 : 0;
}

writer_sink writer_sink_file(FILE *f) {
    writer_sink s = {file_write, file_flush, f};
    return s;
}

static int mem_write(void *ud, const char *p, size_t n) {
    writer_mem *m = ud;
    if (n >= m->cap - m->len || !m->data) {
        size_t ncap = m->cap ? m->cap : 256;
        while (ncap - m->len <= n) {
            if (ncap > ((size_t)-1) / 2) return -1;
            ncap *= 2;
        }
        char *nd = realloc(m->data, ncap);
        if (!nd) return -1;
        m->data = nd;
        m->cap = ncap;
    }
    memcpy(m->data + m->len, p, n);
    m->len += n;
    m->data[m->len] = '\0';
    return 0;
}

writer_sink writer_sink_mem(writer_mem *m) {
    writer_sink s = {mem_write, NULL, m};
    return s;
}

void writer_mem_free(writer_mem *m) {
    if (!m) return;
    free(m->data);
    memset(m, 0, sizeof *m);
}

/* ---- the formatting buffer ----------------------------------------------- */

char *writer_buf_reserve(writer_buf *b, size_t n) {
    if (b->cap - b->len < n) {
        size_t ncap = b->cap ? b->cap : 1024;
        while (ncap - b->len < n) {
            if (ncap > ((size_t)-1) / 2) {
                b->failed = 1;
                return NULL;
            }
            ncap *= 2;
        }
        char *np = realloc(b->p, ncap);
        if (!np) {
            b->failed = 1;
            return NULL;
        }
        b->p = np;
        b->cap = ncap;
    }
    return b->p + b->len;
}

void writer_buf_put(writer_buf *b, const char *s, size_t n) {
    char *d = writer_buf_reserve(b, n);
    if (!d) return;
    if (n) memcpy(d, s, n);
    b->len += n;
}

void writer_buf_puts(writer_buf *b, const char *s) {
    if (s) writer_buf_put(b, s, strlen(s));
}

void writer_buf_putc(writer_buf *b, char c) {
    char *d = writer_buf_reserve(b, 1);
    if (!d) return;
    *d = c;
    b->len++;
}

void writer_buf_uint(writer_buf *b, unsigned long long v, int width) {
    char d[24];
    int k = 0;
    do {
        d[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k < width && k < (int)sizeof d) d[k++] = '0';
    char *o = writer_buf_reserve(b, (size_t)k);
    if (!o) return;
    b->len += (size_t)k;
    while (k) *o++ = d[--k];
}

void writer_buf_int(writer_buf *b, long long v) {
    if (v < 0) {
        writer_buf_putc(b, '-');
        writer_buf_uint(b, 0ULL - (unsigned long long)v, 0);
    } else {
        writer_buf_uint(b, (unsigned long long)v, 0);
    }
}

/* By hand when the value is within 1e-6 of a multiple of 0.1 (every CAMEO
 * score), which puts it far from a rounding boundary; through snprintf
 * otherwise. */
size_t writer_fixed1(char *o, double g) {
    double t = g * 10.0;
    if (fabs(t) < 1e15) {
        long long r = llround(t);
        if (fabs(t - (double)r) < 1e-6 && !(r == 0 && signbit(g))) {
            unsigned long long a = (unsigned long long)(r < 0 ? -r : r);
            char d[24];
            int k = 0;
            char *p = o;
            if (r < 0) *p++ = '-';
            unsigned long long ip = a / 10;
            do {
                d[k++] = (char)('0' + ip % 10);
                ip /= 10;
            } while (ip);
            while (k) *p++ = d[--k];
            *p++ = '.';
            *p++ = (char)('0' + a % 10);
            return (size_t)(p - o);
        }
    }
    int k = snprintf(o, WRITER_FIXED1_MAX, "%.1f", g);
    return k < 0 ? 0 : (size_t)k;
}

void writer_buf_fixed1(writer_buf *b, double g) {
    char *o = writer_buf_reserve(b, WRITER_FIXED1_MAX);
    if (o) b->len += writer_fixed1(o, g);
}

void writer_buf_printf(writer_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *d = writer_buf_reserve(b, 128);
    int k = d ? vsnprintf(d, 128, fmt, ap) : -1;
    va_end(ap);
    if (k < 0) return;
    if (k >= 128) {
        d = writer_buf_reserve(b, (size_t)k + 1);
        if (!d) return;
        va_start(ap, fmt);
        vsnprintf(d, (size_t)k + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)k;
}

/* ---- the writer ---------------------------------------------------------- */

/* Hands the callback's bytes to the sink; rc is the callback's status. */
static int deliver(writer *w, int rc) {
    if (rc < 0 || w->out.failed) w->failed = 1;
    if (w->out.len && w->sink.write(w->sink.ud, w->out.p, w->out.len) < 0)
        w->failed = 1;
    w->out.len = 0;
    w->out.failed = 0;
    return w->failed ? -1 : 0;
}

writer *writer_open(const writer_sink *sink, const writer_format *fmt) {
    return writer_open_counts(sink, fmt, 0);
}

writer *writer_open_counts(const writer_sink *sink, const writer_format *fmt,
                           int counts) {
    if (!sink || !sink->write || !fmt || !fmt->event) return NULL;
    writer *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->fmt = fmt;
    w->sink = *sink;
    w->with_counts = counts != 0;
    if (fmt->header) deliver(w, fmt->header(w));
    return w;
}

/* Sets w->new_doc: whether doc differs from the previous event's document
 * (same id and line means same document); counts it in w->ndocs when
 * writer_document is not in use. */
static void track_doc(writer *w, const doc_record *doc) {
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
    /* the first call switches counting from "documents with events" to
     * "documents announced"; those counted implicitly so far were announced
     * too, had the caller been consistent, so start from zero */
    if (!w->explicit_docs) {
        w->explicit_docs = 1;
        w->ndocs = 0;
    }
    w->ndocs++;
    if (w->fmt->document) return deliver(w, w->fmt->document(w, doc, res));
    return w->failed ? -1 : 0;
}

int writer_event(writer *w, const doc_record *doc, const dyad_result *res,
                 const dyad_event *ev) {
    track_doc(w, doc);
    w->nevents++;
    return deliver(w, w->fmt->event(w, doc, res, ev));
}

int writer_event_counts(writer *w, const doc_record *doc,
                        const dyad_result *res, const dyad_event *ev,
                        const writer_counts *c) {
    w->counts = c;
    int rc = writer_event(w, doc, res, ev);
    w->counts = NULL;
    return rc;
}

/* ---- the columns after in_title ------------------------------------------- */

static const char *const tail_names[WRITER_TAIL_MAX] = {
    "event_id", "plover_type", "plover_mode", "num_mentions",
    "num_sentences", "num_documents", "num_sources"};

size_t writer_tail_names(const writer *w, const char *names[WRITER_TAIL_MAX]) {
    size_t n = w->with_counts ? WRITER_TAIL_MAX : 3;
    for (size_t i = 0; i < n; i++) names[i] = tail_names[i];
    return n;
}

/* Decimal v into p; returns the byte after it (NUL-terminated). */
static char *put_count(char *p, unsigned long long v) {
    char d[24];
    int k = 0;
    do {
        d[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k) *p++ = d[--k];
    *p++ = '\0';
    return p;
}

size_t writer_tail_values(const writer *w, const doc_record *doc,
                          const dyad_event *ev, writer_tail *t) {
    event_id_hex(event_id(doc ? doc->id : NULL, ev), t->buf);
    const plover_entry *pl = plover_lookup(ev->code, sizeof ev->code);
    t->v[0] = t->buf;
    t->v[1] = pl ? pl->type : "";
    t->v[2] = pl ? pl->mode : "";
    t->numeric[0] = t->numeric[1] = t->numeric[2] = 0;
    if (!w->with_counts) return 3;
    const writer_counts *c = w->counts;
    unsigned long long v[4] = {c ? c->mentions : 1, c ? c->sentences : 1,
                               c ? c->documents : 1, c ? c->sources : 1};
    char *p = t->buf + 17;
    for (int i = 0; i < 4; i++) {
        t->v[3 + i] = p;
        t->numeric[3 + i] = 1;
        p = put_count(p, v[i]);
    }
    return WRITER_TAIL_MAX;
}

int writer_quotes(writer *w, const doc_record *doc, const dyad_result *res) {
    writer_quote_fn fn = writer_quote_format(w->fmt);
    if (!fn || !res) return w->failed ? -1 : 0;
    for (size_t i = 0; i < res->nquotes; i++) {
        const dyad_quote *q = dyad_result_quote(res, i);
        if (q && deliver(w, fn(w, doc, res, q, i)) < 0) return -1;
    }
    return w->failed ? -1 : 0;
}

int writer_close(writer *w) {
    if (!w) return 0;
    if (w->fmt->footer) deliver(w, w->fmt->footer(w));
    if (w->sink.flush && w->sink.flush(w->sink.ud) < 0) w->failed = 1;
    int rc = w->failed ? -1 : 0;
    free(w->out.p);
    free(w->fields.p);
    for (int i = 0; i < WRITER_JCACHE; i++) {
        free(w->jraw[i].p);
        free(w->jesc[i].p);
    }
    free(w->last_id);
    free(w);
    return rc;
}

void writer_pass_fields(writer *w, int on) {
    if (w) w->pass_fields = on != 0;
}

const char *writer_sentence_text(const dyad_result *res, const dyad_event *ev,
                                 size_t *len) {
    *len = 0;
    if (!ev) return "";
    if (!ev->sentence_text) {
        /* doc_span_sentences: the body's text by the span, not a copy */
        const dyad_span sp = ev->sentence_span;
        if (!res || !res->text || ev->in_title || !sp.len ||
            sp.off > res->text_len || sp.len > res->text_len - sp.off)
            return "";
        *len = sp.len;
        return res->text + sp.off;
    }
    *len = strlen(ev->sentence_text);
    return ev->sentence_text;
}
