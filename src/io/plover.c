/* plover.c -- lookup in dyad's CAMEO -> PLOVER table (io/plover.h). */
#include <string.h>

#include "io/plover.h"

static const plover_entry *find(const char *code, size_t n) {
    size_t lo = 0, hi = plover_table_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *c = plover_table[mid].cameo;
        int r = strncmp(c, code, n);
        if (r == 0 && c[n] != '\0') r = 1; /* c is longer: after code */
        if (r == 0) return &plover_table[mid];
        if (r < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const plover_entry *plover_lookup(const char *code, size_t n) {
    if (!code) return NULL;
    n = strnlen(code, n);
    const plover_entry *p = find(code, n);
    if (!p && n > 3) p = find(code, 3);
    if (!p && n > 2) p = find(code, 2);
    return p;
}
