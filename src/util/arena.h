/* arena.h -- bump allocator owned by one document or one dictionary load.
 *
 * Everything the coder builds for a document (tokens, chunks, events, strings)
 * lives in one arena that is reset between documents, so the hot path never
 * calls malloc per token and nothing needs freeing piecemeal.
 */
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H

#include <stddef.h>
#include <string.h>

#include "util/mem.h"

/* The block is visible here (not only in arena.c) so that arena_alloc's
 * common case -- room left in the current block -- is inlined at every
 * call: the hot path allocates per token and per chunk. */
typedef struct arena_block {
    struct arena_block *next;
    size_t size;   /* usable bytes in data[] */
    size_t used;   /* bytes handed out from data[] */
    _Alignas(16) unsigned char data[];
} arena_block;

/* A large growable array's own chunk (arena_grow), freed at reset. */
typedef struct arena_big {
    struct arena_big *next;
    size_t size;
    _Alignas(16) unsigned char data[];
} arena_big;

typedef struct arena {
    arena_block *head;   /* current block; older blocks chained behind it */
    arena_big *big;      /* arena_grow's chunks */
    const mem *m;        /* where blocks come from */
    size_t block_size;   /* default size of a new block, bytes */
    size_t used_total;   /* bytes handed out since the last reset */
} arena;

/* m may be NULL (libc, no unwind point). */
void arena_init(arena *a, size_t block_size, const mem *m);
void arena_free(arena *a);
/* Empties the arena. Blocks are merged into one (of at most 1 MB) so that a
 * reused arena stops growing and stops allocating. */
void arena_reset(arena *a);
/* The slow path of arena_alloc: no block yet, or not enough room. n is
 * already rounded. */
void *arena_alloc_slow(arena *a, size_t n);
/* Aligned to 16 bytes. On allocation failure jumps to the mem's unwind
 * point (mem.h); returns NULL only when there is none. */
static inline void *arena_alloc(arena *a, size_t n) {
    if (__builtin_expect(n > ((size_t)1 << 40), 0)) { /* no such memory */
        mem_fail(a->m);
        return NULL;
    }
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    arena_block *b = a->head;
    if (__builtin_expect(!b || b->size - b->used < n, 0))
        return arena_alloc_slow(a, n);
    void *p = b->data + b->used;
    b->used += n;
    a->used_total += n;
    return p;
}
void *arena_zalloc(arena *a, size_t n);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Arrays of at least this many bytes grow in their own chunk (arena_grow):
 * a long document's, not an ordinary one's, so that a warm doc still codes
 * an ordinary document without a malloc. */
#define ARENA_BIG ((size_t)64 * 1024)

/* Grows the array p (used bytes of it in use; p NULL or from the arena or
 * from an earlier arena_grow) to n bytes in a chunk of its own, resized
 * with realloc: a long document's arrays (place names, speeches) then
 * leave no abandoned copies behind, as doubling in the arena does (the
 * copies add up to the array's own size). The chunk lives until the
 * arena's reset; p is invalid afterwards. */
void *arena_grow(arena *a, void *p, size_t used, size_t n);

/* Growable array in an arena: doubling copies, old storage is abandoned
 * while small; from ARENA_BIG bytes on, arena_grow reallocates it. For
 * arenas with an unwind point only (see MEM_UNWINDS_BEGIN in mem.h). */
#define ARENA_GROW(ar, ptr, count, cap)                                       \
    do {                                                                      \
        if ((count) >= (cap)) {                                               \
            size_t ncap_ = (cap) ? (size_t)(cap) * 2 : 16;                    \
            size_t nb_ = ncap_ * sizeof(*(ptr));                              \
            size_t ub_ = (size_t)(count) * sizeof(*(ptr));                    \
            void *np_;                                                        \
            if (nb_ >= ARENA_BIG) {                                           \
                np_ = arena_grow((ar), (ptr), ub_, nb_);                      \
            } else {                                                          \
                np_ = arena_alloc((ar), nb_);                                 \
                MEM_UNWINDS_BEGIN                                             \
                if (ub_) memcpy(np_, (ptr), ub_);                             \
                MEM_UNWINDS_END                                               \
            }                                                                 \
            (ptr) = np_;                                                      \
            (cap) = ncap_;                                                    \
        }                                                                     \
    } while (0)

#endif
