/* strfmt.h -- the few string formats the coder builds per event and per
 * unit ("%s", "%.2s", "%s%s", "%s:%u"), without printf's format parser:
 * snprintf and arena_printf (two vsnprintf passes) cost hundreds of
 * instructions for a copy of a few bytes, thousands of times a document.
 * Each gives exactly the bytes the printf call it replaces gives.
 */
#ifndef DYAD_STRFMT_H
#define DYAD_STRFMT_H

#include <stddef.h>
#include <string.h>

#include "util/arena.h"

/* snprintf(dst, cap, "%.*s", max, s) for cap >= 1: at most max bytes of s
 * (fewer at its NUL), cut to cap - 1, NUL-terminated. Returns the length. */
static inline size_t str_copy(char *dst, size_t cap, const char *s,
                              size_t max) {
    size_t n = strnlen(s, max < cap - 1 ? max : cap - 1);
    memcpy(dst, s, n);
    dst[n] = '\0';
    return n;
}

/* arena_printf(a, "%s%s", x, y) */
static inline char *arena_cat(arena *a, const char *x, const char *y) {
    size_t xl = strlen(x), yl = strlen(y);
    char *p = arena_alloc(a, xl + yl + 1);
    if (!p) return NULL;
    memcpy(p, x, xl);
    memcpy(p + xl, y, yl + 1);
    return p;
}

/* arena_printf(a, "%s:%u", file, line) */
static inline char *arena_file_line(arena *a, const char *file,
                                    unsigned line) {
    char d[12];
    size_t k = 0, fl = strlen(file);
    do d[k++] = (char)('0' + line % 10); while (line /= 10);
    char *p = arena_alloc(a, fl + 1 + k + 1);
    if (!p) return NULL;
    memcpy(p, file, fl);
    char *q = p + fl;
    *q++ = ':';
    while (k) *q++ = d[--k];
    *q = '\0';
    return p;
}

#endif
