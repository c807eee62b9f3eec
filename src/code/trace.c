/* trace.c -- the explain trace: text the coder's stages append while they
 * decide, shown by `dyad explain` (dyad_options.trace). A no-op when the
 * caller did not ask for it, so the stages can call it unconditionally.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "code/coder.h"

void trace_add(sent_ctx *c, const char *fmt, ...) {
    if (!c->trace) return;
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        return;
    }
    if (*c->trace_len + (size_t)n + 1 > *c->trace_cap) {
        size_t ncap = (*c->trace_cap ? *c->trace_cap * 2 : 4096);
        while (ncap < *c->trace_len + (size_t)n + 1) ncap *= 2;
        char *nb = arena_alloc(c->a, ncap);
        if (*c->trace_len) memcpy(nb, *c->trace, *c->trace_len);
        *c->trace = nb;
        *c->trace_cap = ncap;
    }
    vsnprintf(*c->trace + *c->trace_len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    *c->trace_len += (size_t)n;
}

