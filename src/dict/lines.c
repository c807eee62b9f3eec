/* dict_lines.c -- the section 0 line reader; see dict_lines.h. */
#include "dict/lines.h"

#include <string.h>

void dlines_init(dlines *r, const char *text, size_t len, arena *scratch) {
    r->scratch = scratch;
    r->p = text;
    r->end = text + len;
    r->lineno = 0;
    r->in_comment = 0;
    r->buf = NULL;
    r->cap = 0;
}

int dlines_raw_next(dlines *r, const char **s, size_t *n) {
    if (r->p >= r->end) return 0;
    const char *ls = r->p;
    const char *nl = memchr(ls, '\n', (size_t)(r->end - ls));
    const char *le = nl ? nl : r->end;
    r->p = nl ? nl + 1 : r->end;
    if (le > ls && le[-1] == '\r') le--;
    r->lineno++;
    *s = ls;
    *n = (size_t)(le - ls);
    return 1;
}

/* memmem for short needles, within [s, s+n); memchr finds candidates. */
static const char *find(const char *s, size_t n, const char *needle) {
    size_t m = strlen(needle);
    const char *end = s + n;
    while ((size_t)(end - s) >= m) {
        const char *c = memchr(s, needle[0], (size_t)(end - s) - m + 1);
        if (!c) return NULL;
        if (memcmp(c, needle, m) == 0) return c;
        s = c + 1;
    }
    return NULL;
}

static int blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' &&
            s[i] != '\v')
            return 0;
    return 1;
}

static void reserve(dlines *r, size_t n) {
    if (n <= r->cap) return;
    size_t c = r->cap ? r->cap : 256;
    while (c < n) c *= 2;
    char *nb = arena_alloc(r->scratch, c);
    if (!nb) return;
    if (r->cap) memcpy(nb, r->buf, r->cap);
    r->buf = nb;
    r->cap = c;
}

int dlines_next(dlines *r, const char **out, size_t *outn) {
    const char *s;
    size_t n;
    while (dlines_raw_next(r, &s, &n)) {
        int fresh = 1; /* rule 1 applies only at the true start of a line */
        if (r->in_comment) {
            const char *c = find(s, n, "-->");
            if (!c) continue;
            r->in_comment = 0;
            n -= (size_t)(c + 3 - s);
            s = c + 3;
            fresh = 0;
        }
        if (fresh) {
            if (n == 0 || s[0] == '#' || blank(s, n)) continue;
            if (n >= 2 && s[0] == '<' && s[1] == '!') {
                /* A whole comment line; an unclosed "<!--" opens a block
                 * that runs to the next "-->" (the multi-line case the
                 * Python reader gets wrong, section 0 rule 3). */
                const char *o = find(s, n, "<!--");
                if (o == s && !find(s + 4, n - 4, "-->")) r->in_comment = 1;
                continue;
            }
        }
        /* Rules 2 and 3, whichever marker comes first: a '#' cuts the rest
         * of the line; a "<!--" span is cut out (or opens a block). */
        int copied = 0;
        for (;;) {
            const char *h = memchr(s, '#', n);
            const char *o = find(s, n, "<!--");
            if (h && (!o || h < o)) {
                n = (size_t)(h - s);
                break;
            }
            if (!o) break;
            const char *c = find(o + 4, n - (size_t)(o + 4 - s), "-->");
            if (!c) {
                n = (size_t)(o - s);
                r->in_comment = 1;
                break;
            }
            /* Cut [o, c+3): build the shortened line in the buffer. */
            size_t pre = (size_t)(o - s), post = n - (size_t)(c + 3 - s);
            reserve(r, pre + post + 1);
            if (copied) {
                memmove(r->buf + pre, c + 3, post);
            } else {
                memcpy(r->buf, s, pre);
                memcpy(r->buf + pre, c + 3, post);
            }
            copied = 1;
            s = r->buf;
            n = pre + post;
        }
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
                         s[n - 1] == '\r'))
            n--;
        if (n == 0 || blank(s, n)) continue;
        *out = s;
        *outn = n;
        return 1;
    }
    return 0;
}
