/* arena.c -- bump allocator; see arena.h. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct arena_block {
    arena_block *next;
    size_t size;   /* usable bytes in data[] */
    size_t used;   /* bytes handed out from data[] */
    _Alignas(16) unsigned char data[];
};

static arena_block *block_new(size_t size) {
    arena_block *b = malloc(sizeof(*b) + size);
    if (!b) {
        fputs("dyad: out of memory\n", stderr);
        abort();
    }
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void arena_init(arena *a, size_t block_size) {
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->used_total = 0;
}

void arena_free(arena *a) {
    arena_block *b = a->head;
    while (b) {
        arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
    a->used_total = 0;
}

void arena_reset(arena *a) {
    if (!a->head) return;
    /* keep the largest block: the oldest one is the default size, a big
     * document may have produced a bigger one we would only reallocate */
    arena_block *keep = a->head, *b = a->head->next;
    while (b) {
        arena_block *n = b->next;
        if (b->size > keep->size) {
            free(keep);
            keep = b;
        } else {
            free(b);
        }
        b = n;
    }
    keep->next = NULL;
    keep->used = 0;
    a->head = keep;
    a->used_total = 0;
}

void *arena_alloc(arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t sz = a->block_size;
        if (n > sz / 4) sz = n > sz ? n : sz; /* large request: own block */
        arena_block *nb = block_new(sz < n ? n : sz);
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
    memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
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
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}
