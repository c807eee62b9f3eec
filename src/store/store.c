/* store.c -- the registry of event store back ends and the store handle
 * that forwards to the chosen one (store/store.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

/* The registry: one line per back end. X(entry) names a `const
 * store_backend` defined in its own file of store/. */
#define STORE_REGISTRY(X) X(store_backend_sqlite) X(store_backend_postgres)

#define STORE_DECLARE(e) extern const store_backend e;
STORE_REGISTRY(STORE_DECLARE)
#define STORE_ENTRY(e) &e,
static const store_backend *const registry[] = {STORE_REGISTRY(STORE_ENTRY)};
#define NBACKENDS (sizeof registry / sizeof registry[0])

struct store {
    const store_backend *be;
    void *impl;
    int in_batch;          /* store_begin called, not yet committed */
};

const store_backend *store_backend_at(size_t i) {
    return i < NBACKENDS ? registry[i] : NULL;
}

void store_query_init(store_query *q) { memset(q, 0, sizeof *q); }

store *store_open(const char *target, int mode, store_error *err) {
    if (!target || !*target) {
        snprintf(err->msg, sizeof err->msg, "no database named");
        return NULL;
    }
    const store_backend *best = NULL;
    int score = 0;
    for (size_t i = 0; i < NBACKENDS; i++) {
        int s = registry[i]->claims(target);
        if (s > score) {
            score = s;
            best = registry[i];
        }
    }
    if (!best) {
        snprintf(err->msg, sizeof err->msg,
                 "%s: no event store back end takes this database", target);
        return NULL;
    }
    store *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    st->be = best;
    st->impl = best->open(target, mode, err);
    if (!st->impl) {
        free(st);
        return NULL;
    }
    return st;
}

const store_backend *store_get_backend(const store *st) { return st->be; }

int store_begin(store *st, store_error *err) {
    if (st->in_batch) return 0;
    if (st->be->begin(st->impl, err) < 0) return -1;
    st->in_batch = 1;
    return 0;
}

int store_put(store *st, const store_doc *doc, store_error *err) {
    if (!st->in_batch && store_begin(st, err) < 0) return -1;
    return st->be->put(st->impl, doc, err);
}

int store_commit(store *st, store_batch *batch, store_error *err) {
    store_batch tmp;
    if (!batch) batch = &tmp;
    memset(batch, 0, sizeof *batch);
    if (!st->in_batch) return 0;
    st->in_batch = 0;
    return st->be->commit(st->impl, batch, err);
}

void store_rollback(store *st) {
    if (!st->in_batch) return;
    st->in_batch = 0;
    st->be->rollback(st->impl);
}

static int unset(const char *s) { return !s || !*s; }

/* Whether q selects whole documents (store_query.quotes). */
static int whole_documents(const store_query *q) {
    return !q->light && q->order == STORE_ORDER_DOC && !q->sort &&
           !q->has_after && !q->limit && !q->quad && unset(q->actor) &&
           unset(q->source) && unset(q->target) && unset(q->code) &&
           unset(q->text);
}

int store_scan(store *st, const store_query *q, store_row_fn fn, void *ctx,
               store_error *err) {
    if (q->quotes && !whole_documents(q)) {
        /* back ends see quotes set only where it applies */
        store_query qq = *q;
        qq.quotes = 0;
        return st->be->scan(st->impl, &qq, fn, ctx, err);
    }
    return st->be->scan(st->impl, q, fn, ctx, err);
}

void store_close(store *st) {
    if (!st) return;
    store_rollback(st);
    st->be->close(st->impl);
    free(st);
}

int store_prefix_next(const char *prefix, char *out, size_t size) {
    size_t n = strlen(prefix);
    if (n + 1 > size) return -1;
    memcpy(out, prefix, n + 1);
    while (n > 0) {
        unsigned char c = (unsigned char)out[n - 1];
        if (c < 0xFF) {
            out[n - 1] = (char)(c + 1);
            out[n] = '\0';
            return 0;
        }
        n--; /* 0xFF: carry into the byte before */
    }
    return -1;
}
