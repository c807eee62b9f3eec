/* arena.c -- bump allocator; see arena.h. */
#include "util/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static arena_block *block_new(const arena *a, size_t size) {
    if (size > SIZE_MAX - sizeof(arena_block)) {
        mem_fail(a->m);
        return NULL;
    }
    arena_block *b = mem_alloc(a->m, sizeof(*b) + size);
    if (!b) return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void arena_init(arena *a, size_t block_size, const mem *m) {
    a->head = NULL;
    a->big = NULL;
    a->m = m ? m : mem_libc();
    a->block_size = block_size ? block_size : 64 * 1024;
    a->used_total = 0;
}

static void big_free(arena *a) {
    arena_big *g = a->big;
    while (g) {
        arena_big *n = g->next;
        mem_free(a->m, g);
        g = n;
    }
    a->big = NULL;
}

void arena_free(arena *a) {
    big_free(a);
    arena_block *b = a->head;
    while (b) {
        arena_block *n = b->next;
        mem_free(a->m, b);
        b = n;
    }
    a->head = NULL;
    a->used_total = 0;
}

/* A reset arena keeps at most this much memory in its one block. */
#define ARENA_KEEP_MAX (1u << 20)

void arena_reset(arena *a) {
    big_free(a);
    if (!a->head) return;
#ifdef DYAD_ARENA_POISON
    /* (test builds: what is reset is overwritten, so that a pointer kept
     * past a reset reads garbage at once instead of stale, plausible data) */
    for (arena_block *pb = a->head; pb; pb = pb->next) memset(pb->data, 0xA5, pb->used);
#endif
    if (!a->head->next) {
        a->head->used = 0;
        a->used_total = 0;
        return;
    }
    /* Several blocks: the last document did not fit in one. Replace them
     * by one block as big as all of them (up to ARENA_KEEP_MAX), so that
     * the next document of that size fits without a malloc; before, the
     * extra block was freed and allocated again for every big document,
     * and the fresh pages cost a page fault each. */
    size_t total = 0;
    arena_block *b = a->head;
    while (b) {
        arena_block *n = b->next;
        total += b->size;
        mem_free(a->m, b);
        b = n;
    }
    a->head = NULL;
    a->used_total = 0;
    if (total > ARENA_KEEP_MAX) total = ARENA_KEEP_MAX;
    if (total < a->block_size) total = a->block_size;
    /* (a failure here leaves an empty arena: the next allocation retries) */
    const mem *m = a->m;
    mem nounwind = *m;
    nounwind.oom = NULL;
    a->m = &nounwind;
    a->head = block_new(a, total);
    a->m = m;
}

void *arena_alloc_slow(arena *a, size_t n) {
    arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t sz = a->block_size;
        if (n > sz / 4) sz = n > sz ? n : sz; /* large request: own block */
        arena_block *nb = block_new(a, sz < n ? n : sz);
        if (!nb) return NULL;
        if (b && n > a->block_size / 4 && b->size - b->used > n / 2) {
            /* keep filling the current block; put the big one behind it */
            nb->next = b->next;
            b->next = nb;
            nb->used = n;
            a->used_total += n;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->used_total += n;
    return p;
}

void *arena_zalloc(arena *a, size_t n) {
    void *p = arena_alloc(a, n);
    if (p) memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s) {
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    char *p = arena_alloc(a, (size_t)n + 1);
    if (p) vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void *arena_grow(arena *a, void *p, size_t used, size_t n) {
    if (n > SIZE_MAX - sizeof(arena_big)) {
        mem_fail(a->m);
        return NULL;
    }
    /* p's own chunk, if it has one (an arena has a few growing arrays) */
    arena_big **at = &a->big;
    while (*at && (p == NULL || (*at)->data != p)) at = &(*at)->next;
    if (p && *at) {
        arena_big *g = mem_realloc(a->m, *at, sizeof(arena_big) + n);
        if (!g) return NULL; /* (the old chunk stays linked: freed at reset) */
        g->size = n;
        *at = g;
        return g->data;
    }
    arena_big *g = mem_alloc(a->m, sizeof(arena_big) + n);
    if (!g) return NULL;
    g->size = n;
    if (used) memcpy(g->data, p, used);
    g->next = a->big;
    a->big = g;
    return g->data;
}
