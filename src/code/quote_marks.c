/* quote_marks.c -- quotation marks paired into quoted stretches.
 *
 * The normaliser has made every double mark (" “ ” „ « » `` '') a '"'
 * and every single one a '\'', so which way a mark faces is read first
 * from its neighbours (a mark after a space and before a word opens, one
 * after a word and before a space or punctuation closes) and only when
 * they do not tell from the character the caller typed (“ „ « ‘ open, ” »
 * ’ close). Double marks are paired in order. News reopens a quotation
 * that goes on into the next paragraph without closing it at the end of
 * the first: a mark opening a paragraph while a quotation is open
 * continues it. A quotation never closed ends with its paragraph.
 *
 * Single marks are mostly apostrophes (Russia's, the rebels' positions),
 * so a single-quoted stretch needs an opening mark before a word and a
 * closing one after a word in the same paragraph, outside double quotes
 * (headlines quote with them: 'We will not give up').
 */
#include "code/quote_marks.h"

#include <string.h>

enum { MK_OPEN = 1, MK_CLOSE = 2, MK_EITHER = 3 };

static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

static int is_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

/* The character the caller typed for normalised offset k. */
static uint32_t typed(const qp_part *p, uint32_t k) {
    if (!p->orig || !p->map) return 0;
    uint32_t o = utf8_map_orig(p->map, k);
    if (o >= p->orig_len) return 0;
    uint32_t cp = 0;
    if (utf8_decode((const unsigned char *)p->orig + o, p->orig_len - o,
                    &cp) < 0)
        return 0;
    return cp;
}

/* Which way the mark at k faces. */
static int mark_dir(const qp_part *p, uint32_t k) {
    char prev = k ? p->norm[k - 1] : '\n';
    char next = k + 1 < p->len ? p->norm[k + 1] : '\n';
    int open_side = is_space(prev) || strchr("([{-/\"'", prev) != NULL;
    int close_side = is_space(next) || strchr(",.;:!?)]}-'\"", next) != NULL;
    if (open_side && !close_side) return MK_OPEN;
    if (close_side && !open_side) return MK_CLOSE;
    uint32_t cp = typed(p, k);
    if (cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == 0x2018 ||
        cp == 0x201A)
        return MK_OPEN;
    if (cp == 0x201D || cp == 0xBB || cp == 0x2019) return MK_CLOSE;
    return MK_EITHER;
}

/* The end of the paragraph holding offset k (a line break or the end). */
static uint32_t para_end(const qp_part *p, uint32_t k) {
    while (k < p->len && p->norm[k] != '\n') k++;
    return k;
}

/* Does a line break lie in [a, b)? */
static int break_in(const qp_part *p, uint32_t a, uint32_t b) {
    for (uint32_t i = a; i < b && i < p->len; i++)
        if (p->norm[i] == '\n') return 1;
    return 0;
}

/* Is the mark at k the first thing of its line? */
static int opens_line(const qp_part *p, uint32_t k) {
    while (k > 0 && p->norm[k - 1] == ' ') k--;
    return k == 0 || p->norm[k - 1] == '\n';
}

MEM_UNWINDS_BEGIN
static void emit(arena *a, raw_quote **v, uint32_t *n, uint32_t *cap,
                 uint32_t open, uint32_t close, int single, int paras,
                 int unclosed) {
    if (close <= open) return;
    ARENA_GROW(a, *v, *n, *cap);
    raw_quote *q = &(*v)[(*n)++];
    q->open = open;
    q->close = close;
    q->single = (uint8_t)single;
    q->paragraphs = (uint8_t)paras;
    q->unclosed = (uint8_t)unclosed;
}

/* Single-quoted stretches outside the double ones found so far. */
static void single_quotes(arena *a, const qp_part *p, raw_quote **v,
                          uint32_t *n, uint32_t *cap, uint32_t ndouble) {
    uint32_t d = 0;
    for (uint32_t k = p->from; k < p->len; k++) {
        const char *at = memchr(p->norm + k, '\'', p->len - k);
        if (!at) break;
        k = (uint32_t)(at - p->norm);
        while (d < ndouble && (*v)[d].close < k) d++;
        if (d < ndouble && (*v)[d].open <= k) continue;
        char prev = k ? p->norm[k - 1] : '\n';
        char next = k + 1 < p->len ? p->norm[k + 1] : '\n';
        if (!(is_space(prev) || strchr("(\"-", prev)) ||
            !is_alnum((unsigned char)next))
            continue;
        /* ’90s, ’em: a closing mark typed where a word starts */
        if (typed(p, k) == 0x2019) continue;
        if (next >= '0' && next <= '9') continue;
        uint32_t lim = para_end(p, k);
        if (lim > k + 400) lim = k + 400;
        for (uint32_t j = k + 2; j < lim; j++) {
            if (p->norm[j] == '"') break;
            if (p->norm[j] != '\'') continue;
            char jp = p->norm[j - 1];
            char jn = j + 1 < p->len ? p->norm[j + 1] : '\n';
            if (is_space(jp) || is_alnum((unsigned char)jn)) continue;
            /* the rebels' positions: a plural's apostrophe before a word */
            if (jp == 's' && jn == ' ' && j + 2 < p->len &&
                p->norm[j + 2] >= 'a' && p->norm[j + 2] <= 'z')
                continue;
            emit(a, v, n, cap, k + 1, j, 1, 0, 0);
            k = j;
            break;
        }
    }
}

uint32_t quote_marks_find(arena *a, const qp_part *p, raw_quote **out) {
    raw_quote *v = NULL;
    uint32_t n = 0, cap = 0;
    int inside = 0, paras = 0;
    uint32_t start = 0, seg = 0;
    for (uint32_t k = p->from; k < p->len; k++) {
        const char *at = memchr(p->norm + k, '"', p->len - k);
        if (!at) break;
        k = (uint32_t)(at - p->norm);
        int d = mark_dir(p, k);
        if (inside && break_in(p, seg, k)) {
            if (d != MK_CLOSE && opens_line(p, k)) {
                /* the quotation goes on in this paragraph */
                seg = k + 1;
                paras = 1;
                continue;
            }
            /* never closed: it ended with its paragraph */
            emit(a, &v, &n, &cap, start, para_end(p, seg), 0, paras, 1);
            inside = 0;
        }
        if (!inside) {
            if (d == MK_CLOSE) continue; /* a stray closing mark */
            inside = 1;
            paras = 0;
            start = seg = k + 1;
            continue;
        }
        emit(a, &v, &n, &cap, start, k, 0, paras, 0);
        inside = 0;
    }
    if (inside) emit(a, &v, &n, &cap, start, para_end(p, seg), 0, paras, 1);
    uint32_t nd = n;
    single_quotes(a, p, &v, &n, &cap, nd);
    /* the single-quoted ones were appended: back into text order */
    for (uint32_t i = nd; i < n; i++) {
        raw_quote q = v[i];
        uint32_t j = i;
        while (j > 0 && v[j - 1].open > q.open) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = q;
    }
    *out = v;
    return n;
}
MEM_UNWINDS_END
