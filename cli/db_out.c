/* db_out.c -- `dyad code --db` (cli/db_out.h): the command's side of the
 * event store. Called from the thread that writes output, in input order,
 * so one writer serves any --threads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_out.h"
#include "store/store.h"

#define DEFAULT_BATCH 10000

struct db_out {
    store *st;
    char *target;
    size_t batch_docs, in_batch;
    const dyad_engine *e;
    int failed;
};

db_out *db_out_open(const char *target, size_t batch_docs,
                    const dyad_engine *e) {
    store_error err;
    store *st = store_open(target, STORE_WRITE, &err);
    if (!st) {
        fprintf(stderr, "dyad: %s\n", err.msg);
        return NULL;
    }
    db_out *d = calloc(1, sizeof *d);
    if (!d || !(d->target = malloc(strlen(target) + 1))) {
        free(d);
        store_close(st);
        fprintf(stderr, "dyad: out of memory\n");
        return NULL;
    }
    memcpy(d->target, target, strlen(target) + 1);
    d->st = st;
    d->batch_docs = batch_docs ? batch_docs : DEFAULT_BATCH;
    d->e = e;
    return d;
}

static int commit(db_out *d) {
    if (!d->in_batch) return 0;
    store_error err;
    store_batch b;
    d->in_batch = 0;
    if (store_commit(d->st, &b, &err) < 0) {
        fprintf(stderr, "dyad: %s (the batch was not stored)\n", err.msg);
        d->failed = 1;
        return -1;
    }
    fprintf(stderr, "dyad: %s: batch %lld committed (%llu documents, %llu events)\n",
            d->target, (long long)b.id, (unsigned long long)b.documents,
            (unsigned long long)b.events);
    return 0;
}

int db_out_doc(db_out *d, const doc_record *rec, const dyad_result *res,
               const dyad_event *const *events, size_t nevents, uint32_t lead) {
    if (d->failed) return -1;
    store_doc doc = {rec, res, events, nevents, lead, d->e};
    store_error err;
    if (store_put(d->st, &doc, &err) < 0) {
        fprintf(stderr, "dyad: %s:%llu: %s (the batch was not stored)\n",
                rec->file ? rec->file : "", (unsigned long long)rec->line,
                err.msg);
        store_rollback(d->st);
        d->failed = 1;
        return -1;
    }
    if (++d->in_batch >= d->batch_docs) return commit(d);
    return 0;
}

int db_out_close(db_out *d) {
    if (!d) return 0;
    if (!d->failed) commit(d);
    int rc = d->failed ? -1 : 0;
    store_close(d->st);
    free(d->target);
    free(d);
    return rc;
}
