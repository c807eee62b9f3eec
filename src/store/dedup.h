/* dedup.h -- the Phoenix one-a-day filter: of the events with the same
 * date, source, target and code, one is kept, and it counts what it stands
 * for: its mentions (the events of the group), and the distinct sentences,
 * documents and publishers they come from (GDELT's NumMentions, NumArticles
 * and NumSources).
 *
 * Feed it the rows of a scan in STORE_ORDER_DEDUP order; each group is
 * handed to the callback when the next one starts (and by dedup_finish).
 * The kept event is the group's first in document order.
 */
#ifndef DYAD_STORE_DEDUP_H
#define DYAD_STORE_DEDUP_H

#include "io/writer.h"
#include "store/store.h"

typedef struct dedup_group {
    const store_row *rep;          /* the kept event */
    writer_counts counts;
    const char *sentence_ids;      /* "DOC_1;DOC_4;OTHER_0": the distinct
                                      sentences, doc id "_" sentence index,
                                      in document order */
    const char *publishers;        /* the distinct publishers, ";" between */
} dedup_group;

typedef int (*dedup_fn)(void *ctx, const dedup_group *g);

typedef struct dedup dedup;

dedup *dedup_new(dedup_fn fn, void *ctx);
/* Adds a row; returns the callback's non-zero value, -1 out of memory. */
int dedup_add(dedup *d, const store_row *r);
/* Hands over the last group. */
int dedup_finish(dedup *d);
void dedup_free(dedup *d);

/* A group of one: the row itself, counts 1 (no deduplication). */
void dedup_single(dedup_group *g, const store_row *r, char *ids, size_t size);

/* Deep copy of an event row into *dst, its strings (its place's too) in
 * *buf (grown with realloc; free it when done); absent strings become "".
 * 0 or -1 out of memory. */
int store_row_copy(store_row *dst, const store_row *src, char **buf,
                   size_t *cap);

#endif
