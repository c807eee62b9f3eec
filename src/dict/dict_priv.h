/* dict_priv.h -- helpers shared by the dictionary readers (dict_*.c) only.
 *
 * Error/warning formatting in the "file:line: reason" form, file
 * registration, word splitting and interning, the code-field parser, and a
 * small growable scratch array of word ids that each loader allocates once
 * and reuses for every line (so there is no malloc per line).
 */
#ifndef DYAD_DICT_PRIV_H
#define DYAD_DICT_PRIV_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "dict/dict.h"

/* Growable dictionary array on the heap (realloc keeps big arrays from
 * being copied into fresh arena blocks at every doubling); dict_free
 * frees every array grown this way. A failed growth unwinds (mem.h) with
 * the array as it was, still owned by d. */
#define DICT_GROW(d, ptr, count, cap)                                         \
    do {                                                                      \
        if ((count) >= (cap)) {                                               \
            size_t ncap_ = (cap) ? (size_t)(cap) * 2 : 64;                    \
            void *np_ = mem_realloc((d)->m, (ptr), ncap_ * sizeof(*(ptr)));   \
            if (!np_) break;                                                  \
            (ptr) = np_;                                                      \
            (cap) = ncap_;                                                    \
        }                                                                     \
    } while (0)

/* A reader's own growable scratch array: in d->scratch, which lives until
 * dict_finish, so that nothing a reader holds leaks when an allocation
 * failure unwinds out of it. */
#define DICT_SCRATCH_GROW(d, ptr, count, cap)                                 \
    ARENA_GROW(&(d)->scratch, ptr, count, cap)

/* Scratch list of word ids (in d->scratch, reused across lines). */
typedef struct dict_wbuf {
    uint32_t *w;
    size_t n, cap;
} dict_wbuf;

void dict_wbuf_push(dict *d, dict_wbuf *b, uint32_t id);

/* Writes "name:line: reason" into err; returns -1 for `return dict_err(..)`. */
int dict_err(char *err, size_t errlen, const char *name, uint32_t line,
             const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Counts a warning and keeps its text in d->warning. */
void dict_warn(dict *d, const char *name, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

uint16_t dict_add_file(dict *d, const char *name);
/* Appends a NUL-terminated copy to d->strings; returns its offset. */
uint32_t dict_add_string(dict *d, const char *s, size_t n);
/* Appends ids to d->pat_words; returns the index of the first. */
uint32_t dict_push_words(dict *d, const uint32_t *w, size_t n);

/* Splits s[0..n) at blanks and (if underscore) '_', interning each word
 * upper-cased; appends the ids to b and returns how many were added. */
size_t dict_split_words(dict *d, const char *s, size_t n, int underscore,
                        dict_wbuf *b);

/* Copies a verb/pattern code (at most 7 bytes); -1 if too long. */
int dict_code8(char dst[8], const char *s, size_t n);

/* Trims blanks on both ends of [*s, *s+*n). */
void dict_trim(const char **s, size_t *n);

static inline int dict_isblank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

#endif
