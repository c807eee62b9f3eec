/* export.c -- dyad export (store/export.h): a scan of the store, through
 * the one-a-day filter when asked, into an io/ writer or one of export's
 * own formats. */
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

typedef struct export_state {
    writer *w;                    /* io/ writer formats */
    const export_format *fmt;     /* or one of export's own */
    const writer_sink *out;
    writer_buf buf;
    int dedup;
    unsigned long long n;
    int write_failed;
} export_state;

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
    }
    if (x.w && writer_close(x.w) < 0) x.write_failed = 1;
    if (!x.w && out->flush && out->flush(out->ud) < 0) x.write_failed = 1;
    free(x.buf.p);
    if (x.write_failed) {
        snprintf(err->msg, sizeof err->msg, "write error on the output");
        rc = -1;
    } else if (rc && !err->msg[0]) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
    }
    if (nevents) *nevents = x.n;
    return rc ? -1 : 0;
}
