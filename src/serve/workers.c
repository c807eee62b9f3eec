/* workers.c -- the bounded worker pool (serve/workers.h): a stack of free
 * workers under a mutex, and a condition variable for requests waiting. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "serve/workers.h"

struct worker_pool {
    worker *w;
    size_t n;
    worker **free_list;            /* free_list[0..nfree) are free */
    size_t nfree;
    pthread_mutex_t mu;
    pthread_cond_t freed;
};

void workers_free(worker_pool *p) {
    if (!p) return;
    for (size_t i = 0; i < p->n; i++) {
        dyad_doc_free(p->w[i].doc);
        store_close(p->w[i].db);
    }
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->freed);
    free(p->w);
    free(p->free_list);
    free(p);
}

worker_pool *workers_new(size_t n, const char *db, store_error *err) {
    worker_pool *p = calloc(1, sizeof *p);
    if (!p) goto oom;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->freed, NULL);
    p->w = calloc(n, sizeof *p->w);
    p->free_list = calloc(n, sizeof *p->free_list);
    if (!p->w || !p->free_list) {
        workers_free(p);
        goto oom;
    }
    p->n = n;
    for (size_t i = 0; i < n; i++) {
        worker *w = &p->w[i];
        w->index = i;
        if (dyad_doc_new(&w->doc, NULL) != DYAD_OK) {
            workers_free(p);
            goto oom;
        }
        w->db = store_open(db, STORE_READONLY, err);
        if (!w->db) {
            workers_free(p);
            return NULL;
        }
        p->free_list[p->nfree++] = w;
    }
    return p;
oom:
    snprintf(err->msg, sizeof err->msg, "out of memory");
    return NULL;
}

worker *workers_take(worker_pool *p, unsigned wait_ms) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += wait_ms / 1000;
    until.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&p->mu);
    int rc = 0;
    while (!p->nfree && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&p->freed, &p->mu, &until);
    worker *w = p->nfree ? p->free_list[--p->nfree] : NULL;
    pthread_mutex_unlock(&p->mu);
    return w;
}

void workers_give(worker_pool *p, worker *w) {
    if (!w) return;
    pthread_mutex_lock(&p->mu);
    p->free_list[p->nfree++] = w;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->mu);
}

size_t workers_count(const worker_pool *p) { return p->n; }
