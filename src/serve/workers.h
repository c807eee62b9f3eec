/* workers.h -- the bounded pool of workers. A worker is what one request
 * needs to run: a dyad_doc (coding reuses its arena and caches) and a
 * read-only connection to the event store. A request takes a free worker
 * for its whole run and gives it back; when none frees up within the
 * wait, it is answered 503, so a burst of slow queries cannot pile up
 * threads or connections. */
#ifndef DYAD_SERVE_WORKERS_H
#define DYAD_SERVE_WORKERS_H

#include <stddef.h>

#include "dyad.h"
#include "store/store.h"

typedef struct worker {
    dyad_doc *doc;
    store *db;                     /* STORE_READONLY */
    size_t index;
} worker;

typedef struct worker_pool worker_pool;

/* n workers on the store at db. NULL with err set on failure. */
worker_pool *workers_new(size_t n, const char *db, store_error *err);
/* A free worker, waiting at most wait_ms; NULL when none freed up. */
worker *workers_take(worker_pool *p, unsigned wait_ms);
void workers_give(worker_pool *p, worker *w);
size_t workers_count(const worker_pool *p);
void workers_free(worker_pool *p);

#endif
