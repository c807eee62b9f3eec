/* wordset.c -- per-sentence word-id set for the pattern prefilter; see
 * wordset.h. */
#include "util/wordset.h"

#include <string.h>

const wordset *wordset_build(arena *a, const sentence *s) {
    wordset *ws = arena_alloc(a, sizeof *ws);
    memset(ws->bits, 0, sizeof ws->bits);
    for (uint32_t i = 0; i < s->ntok; i++) {
        const tok *t = &s->toks[i];
        uint32_t b = wordset_bit(t->wid);
        ws->bits[b >> 6] |= (uint64_t)1 << (b & 63);
        b = wordset_bit(t->lwid);
        ws->bits[b >> 6] |= (uint64_t)1 << (b & 63);
    }
    return ws;
}
