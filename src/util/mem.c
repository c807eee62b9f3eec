/* mem.c -- allocation through the caller's allocator; see mem.h. */
#include "util/mem.h"

#include <stdlib.h>
#include <string.h>

static void *libc_alloc(void *ud, size_t n) {
    (void)ud;
    return malloc(n);
}

static void *libc_realloc(void *ud, void *p, size_t n) {
    (void)ud;
    return realloc(p, n);
}

static void libc_free(void *ud, void *p) {
    (void)ud;
    free(p);
}

const mem *mem_libc(void) {
    static const mem libc = {{libc_alloc, libc_realloc, libc_free, NULL},
                             NULL};
    return &libc;
}

void mem_init(mem *m, const dyad_allocator *al) {
    m->al.alloc = al && al->alloc ? al->alloc : libc_alloc;
    m->al.realloc = al && al->realloc ? al->realloc : libc_realloc;
    m->al.free = al && al->free ? al->free : libc_free;
    m->al.ud = al ? al->ud : NULL;
    m->oom = NULL;
}

void mem_fail(const mem *m) {
    if (m && m->oom) longjmp(*m->oom, 1);
}

void *mem_alloc(const mem *m, size_t n) {
    void *p = m->al.alloc(m->al.ud, n ? n : 1);
    if (!p) mem_fail(m);
    return p;
}

void *mem_zalloc(const mem *m, size_t n) {
    void *p = mem_alloc(m, n);
    if (p) memset(p, 0, n);
    return p;
}

void *mem_realloc(const mem *m, void *p, size_t n) {
    void *q = m->al.realloc(m->al.ud, p, n ? n : 1);
    if (!q) mem_fail(m);
    return q;
}

void mem_free(const mem *m, void *p) {
    if (p) m->al.free(m->al.ud, p);
}

char *mem_strdup(const mem *m, const char *s) {
    size_t n = strlen(s) + 1;
    char *d = mem_alloc(m, n);
    if (d) memcpy(d, s, n);
    return d;
}
