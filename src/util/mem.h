/* mem.h -- where the library's memory comes from, and what happens when
 * there is none.
 *
 * Every allocation goes through a mem: the caller's dyad_allocator (malloc
 * by default). Allocation failure must not abort, and the coder allocates
 * in hundreds of places, so instead of checking each result, the entry
 * points that allocate (dyad_engine_new, dyad_code) set an unwind point
 * (oom) and an allocation that fails jumps back to it, Lua's way: the entry
 * point then frees what it owns and returns DYAD_ERR_NOMEM. This is safe
 * because everything allocated in between belongs to a structure the entry
 * point frees or resets (the document arena, the engine under
 * construction), and every structure stays consistent across a failed
 * allocation (a block is linked, a table swapped, only after the
 * allocation succeeded). Without an unwind point, mem_alloc returns NULL
 * and the caller checks.
 */
#ifndef DYAD_MEM_H
#define DYAD_MEM_H

#include <setjmp.h>
#include <stddef.h>

#include "dyad.h"

typedef struct mem {
    dyad_allocator al;   /* always complete: defaults filled in */
    jmp_buf *oom;        /* unwind point, or NULL: failures return NULL */
} mem;

/* al may be NULL or partly NULL: missing functions are libc's. */
void mem_init(mem *m, const dyad_allocator *al);
void *mem_alloc(const mem *m, size_t n);
void *mem_zalloc(const mem *m, size_t n);
void *mem_realloc(const mem *m, void *p, size_t n);
void mem_free(const mem *m, void *p);
char *mem_strdup(const mem *m, const char *s);
/* The default: libc's functions, no unwind point (a constant). */
const mem *mem_libc(void);
/* Jumps to the unwind point (when there is one); returns otherwise. */
void mem_fail(const mem *m);

/* gcc -fanalyzer (make analyze) sees that arena_alloc may return NULL, as it
 * does for an arena without an unwind point, and warns at every caller that
 * uses the memory unchecked. Those callers allocate only while an unwind
 * point is set: the document's arena under dyad_code, the dictionaries'
 * under dyad_engine_new, the checker's under dict_check. There a failed
 * allocation never returns, so the warnings are false positives; these
 * brackets silence the analyzer's NULL warnings for the functions between
 * them, and for nothing else. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#define MEM_UNWINDS_BEGIN                                                     \
    _Pragma("GCC diagnostic push")                                            \
    _Pragma("GCC diagnostic ignored \"-Wanalyzer-null-dereference\"")         \
    _Pragma("GCC diagnostic ignored \"-Wanalyzer-null-argument\"")
#define MEM_UNWINDS_END _Pragma("GCC diagnostic pop")
#else
#define MEM_UNWINDS_BEGIN
#define MEM_UNWINDS_END
#endif

#endif
