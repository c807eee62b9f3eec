/* export.c -- dyad export (store/export.h): a scan of the store, through
 * the one-a-day filter when asked, into an io/ writer or one of export's
 * own formats.
 *
 * Quotations. A writer with quotation records (JSON Lines) gets each
 * document's quotations after its events, as dyad code writes them, when
 * the export has whole documents (no filter but --from and --to, no
 * --dedup): the scan delivers them as rows of kind STORE_ROW_QUOTE after
 * the document's events; they are held (copied) until the document ends
 * and written by writer_quotes, so the records are the writer's own. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/export.h"

static const export_format *const own[] = {&export_format_phoenix,
                                           &export_format_gdelt};
#define NOWN (sizeof own / sizeof own[0])

static const export_format *own_find(const char *name) {
    for (size_t i = 0; i < NOWN; i++)
        if (!strcmp(own[i]->name, name)) return own[i];
    return NULL;
}

char *export_format_names(char *buf, size_t size) {
    writer_format_names(buf, size);
    for (size_t i = 0; i < NOWN; i++) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, ", %s", own[i]->name);
    }
    return buf;
}

int export_format_known(const char *name) {
    return name && (writer_format_find(name) || own_find(name));
}

void export_plain(writer_buf *b, const char *s) {
    if (!s) return;
    size_t start = 0, i = 0;
    for (; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != 0x7F) continue;
        writer_buf_put(b, s + start, i - start);
        writer_buf_putc(b, ' ');
        start = i + 1;
    }
    writer_buf_put(b, s + start, i - start);
}

/* One held quotation: the dyad_quote with its strings and events as
 * offsets into the held buffers (SIZE_MAX: a NULL string). */
typedef struct held_quote {
    dyad_quote q;
    size_t text, speaker, speaker_name, speaker_code, verb, attribution;
    size_t events;
} held_quote;

/* The quotations of one document, until its last one is read. */
typedef struct held {
    int64_t doc_key;              /* whose quotations; n == 0: none held */
    size_t doc_id;                /* offsets in str */
    uint32_t date;
    held_quote *q;
    size_t n, cap;
    char *str;
    size_t slen, scap;
    uint32_t *ev;
    size_t nev, evcap;
    dyad_quote *out;              /* the quotations with pointers, written */
    size_t outcap;
} held;

typedef struct export_state {
    writer *w;                    /* io/ writer formats */
    const export_format *fmt;     /* or one of export's own */
    const writer_sink *out;
    writer_buf buf;
    int dedup;
    unsigned long long n;
    int write_failed;
    int nomem;
    held hq;                      /* quotations of the document being read */
} export_state;

static int grow(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return 0;
    size_t c = *cap ? *cap : 16;
    while (c < need) c *= 2;
    void *n = realloc(*p, c * size);
    if (!n) return -1;
    *p = n;
    *cap = c;
    return 0;
}

/* Copies s into h->str; its offset, SIZE_MAX for NULL or out of memory
 * (*fail set). */
static size_t hold_str(held *h, const char *s, int *fail) {
    if (!s) return SIZE_MAX;
    size_t n = strlen(s) + 1, at = h->slen;
    if (grow((void **)&h->str, &h->scap, at + n, 1) < 0) {
        *fail = 1;
        return SIZE_MAX;
    }
    memcpy(h->str + at, s, n);
    h->slen += n;
    return at;
}

static const char *held_str(const held *h, size_t off) {
    return off == SIZE_MAX ? NULL : h->str + off;
}

static void held_free(held *h) {
    free(h->q);
    free(h->str);
    free(h->ev);
    free(h->out);
}

/* Writes the held quotations (of document h->doc_key) and lets them go. */
static int flush_quotes(export_state *x) {
    held *h = &x->hq;
    if (!h->n) return 0;
    size_t n = h->n;
    h->n = 0;
    if (grow((void **)&h->out, &h->outcap, n, sizeof *h->out) < 0) {
        x->nomem = 1;
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const held_quote *k = &h->q[i];
        dyad_quote *q = &h->out[i];
        *q = k->q;
        q->text = held_str(h, k->text);
        q->speaker = held_str(h, k->speaker);
        q->speaker_name = held_str(h, k->speaker_name);
        q->speaker_code = held_str(h, k->speaker_code);
        q->verb = held_str(h, k->verb);
        q->attribution = held_str(h, k->attribution);
        q->events = h->ev + k->events;
    }
    doc_record rec;
    memset(&rec, 0, sizeof rec);
    rec.id = held_str(h, h->doc_id);
    rec.date = h->date;
    dyad_result res;
    memset(&res, 0, sizeof res);
    res.size = sizeof res;
    res.nquotes = n;
    res.quotes_ = h->out;
    h->slen = h->nev = 0;
    if (writer_quotes(x->w, &rec, &res) < 0) {
        x->write_failed = 1;
        return -1;
    }
    return 0;
}

/* Holds a quotation row until its document's last one. */
static int hold_quote(export_state *x, const store_row *r) {
    held *h = &x->hq;
    if (h->n && h->doc_key != r->doc_key && flush_quotes(x) < 0) return -1;
    int fail = 0;
    if (!h->n) {
        h->doc_key = r->doc_key;
        h->date = r->date;
        h->doc_id = hold_str(h, r->doc_id, &fail);
    }
    const dyad_quote *q = &r->quote;
    if (grow((void **)&h->q, &h->cap, h->n + 1, sizeof *h->q) < 0 ||
        grow((void **)&h->ev, &h->evcap, h->nev + q->nevents + 1,
             sizeof *h->ev) < 0) {
        x->nomem = 1;
        return -1;
    }
    held_quote *k = &h->q[h->n];
    k->q = *q;
    k->text = hold_str(h, q->text, &fail);
    k->speaker = hold_str(h, q->speaker, &fail);
    k->speaker_name = hold_str(h, q->speaker_name, &fail);
    k->speaker_code = hold_str(h, q->speaker_code, &fail);
    k->verb = hold_str(h, q->verb, &fail);
    k->attribution = hold_str(h, q->attribution, &fail);
    k->events = h->nev;
    if (q->nevents) memcpy(h->ev + h->nev, q->events, q->nevents * sizeof *h->ev);
    h->nev += q->nevents;
    if (fail) {
        x->nomem = 1;
        return -1;
    }
    h->n++;
    return 0;
}

/* The document record the writers need, from a row. */
static void row_record(const store_row *r, doc_record *rec) {
    memset(rec, 0, sizeof *rec);
    rec->id = r->doc_id;
    rec->date = r->date;
    rec->date_text = r->date_text;
    rec->source = r->publisher;
    rec->title = r->title;
    rec->url = r->url;
    rec->file = r->file;
    rec->line = r->line;
}

static int emit(void *ctx, const dedup_group *g) {
    export_state *x = ctx;
    x->n++;
    if (x->w) {
        doc_record rec;
        row_record(g->rep, &rec);
        if (writer_event_counts(x->w, &rec, NULL, &g->rep->ev,
                                x->dedup ? &g->counts : NULL) < 0) {
            x->write_failed = 1;
            return -1;
        }
        return 0;
    }
    x->buf.len = 0;
    if (x->fmt->group(&x->buf, g, x->dedup) < 0 || x->buf.failed ||
        (x->buf.len && x->out->write(x->out->ud, x->buf.p, x->buf.len) < 0)) {
        x->write_failed = 1;
        return -1;
    }
    return 0;
}

static int each_row(void *ctx, const store_row *r) {
    export_state *x = ctx;
    if (r->kind == STORE_ROW_QUOTE) return x->w ? hold_quote(x, r) : 0;
    /* an event of the next document: the last one's quotations first */
    if (x->hq.n && x->hq.doc_key != r->doc_key && flush_quotes(x) < 0) return -1;
    char ids[512];
    dedup_group g;
    dedup_single(&g, r, ids, sizeof ids);
    return emit(ctx, &g);
}

static int dedup_row(void *ctx, const store_row *r) { return dedup_add(ctx, r); }

int store_export(store *st, const store_query *q, const char *format,
                 int dedup_on, const writer_sink *out,
                 unsigned long long *nevents, store_error *err) {
    export_state x;
    memset(&x, 0, sizeof x);
    x.out = out;
    x.dedup = dedup_on;
    x.fmt = own_find(format);
    if (!x.fmt) {
        const writer_format *wf = writer_format_find(format);
        if (!wf) {
            snprintf(err->msg, sizeof err->msg, "unknown export format '%s'", format);
            return -1;
        }
        x.w = writer_open_counts(out, wf, dedup_on);
        if (!x.w) {
            snprintf(err->msg, sizeof err->msg, "out of memory");
            return -1;
        }
    }
    store_query qq = *q;
    qq.light = 0;
    qq.order = dedup_on ? STORE_ORDER_DEDUP : STORE_ORDER_DOC;
    /* quotation records when the format has them (store_scan drops the
     * request for a query that does not select whole documents) */
    qq.quotes = !dedup_on && x.w && writer_quote_format(x.w->fmt);
    int rc;
    dedup *d = NULL;
    err->msg[0] = '\0';
    if (dedup_on) {
        d = dedup_new(emit, &x);
        rc = d ? store_scan(st, &qq, dedup_row, d, err) : -1;
        if (rc == 0) rc = dedup_finish(d);
        dedup_free(d);
    } else {
        rc = store_scan(st, &qq, each_row, &x, err);
        if (rc == 0) rc = flush_quotes(&x);
    }
    held_free(&x.hq);
    if (x.w && writer_close(x.w) < 0) x.write_failed = 1;
    if (!x.w && out->flush && out->flush(out->ud) < 0) x.write_failed = 1;
    free(x.buf.p);
    if (x.write_failed) {
        snprintf(err->msg, sizeof err->msg, "write error on the output");
        rc = -1;
    } else if (rc && (!err->msg[0] || x.nomem)) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
    }
    if (nevents) *nevents = x.n;
    return rc ? -1 : 0;
}
