/* tabari_dict.c -- the TABARI extension of a dictionary set: its lifetime,
 * the first-word index of the roots and TABARI's word matching (g.2).
 *
 * The index maps the text of each root's first word to the roots that
 * start with it, longest first. A text word finds its roots through every
 * prefix of itself (at most as long as the longest first word), since a
 * stem "RESTOR" or "ARGENTIN" matches any word that begins with it.
 */
#include <stdlib.h>
#include <string.h>

#include "dict/tabari_priv.h"

tab_dict *tab_get(dict *d) {
    if (!d->tab) {
        d->tab = mem_zalloc(d->m, sizeof *d->tab);
        if (!d->tab) mem_fail(d->m);
        strmap_init(&d->tab->first, d->m);
    }
    return d->tab;
}

void tab_free(dict *d) {
    tab_dict *t = d->tab;
    if (!t) return;
    mem_free(d->m, t->words);
    mem_free(d->m, t->roots);
    mem_free(d->m, t->by_first);
    strmap_free(&t->first);
    mem_free(d->m, t);
    d->tab = NULL;
}

/* Sort keys: longest root first, file order among equals (qsort is not
 * stable), packed as (~chars << 32 | index). */
static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void sort_run(const tab_dict *t, uint32_t *run, uint32_t n,
                     uint64_t *tmp) {
    for (uint32_t i = 0; i < n; i++)
        tmp[i] = (uint64_t)(UINT32_MAX - t->roots[run[i]].chars) << 32 |
                 run[i];
    qsort(tmp, n, sizeof *tmp, cmp_u64);
    for (uint32_t i = 0; i < n; i++) run[i] = (uint32_t)tmp[i];
}

void tab_finish(dict *d) {
    tab_dict *t = d->tab;
    if (!t || t->finished) return;
    strmap_free(&t->first);
    strmap_init(&t->first, d->m);
    mem_free(d->m, t->by_first);
    /* count roots per key, then lay out one run per key with a sentinel */
    uint32_t nkeys = 0;
    uint32_t *count = mem_zalloc(d->m, (t->nroots + 1) * sizeof *count);
    if (!count) mem_fail(d->m);
    t->maxlen = 0;
    for (uint32_t i = 0; i < t->nroots; i++) {
        const char *w = vocab_word(&d->voc, t->words[t->roots[i].first].wid);
        size_t n = strlen(w);
        int is_new = 0;
        uint32_t *v = strmap_put(&t->first, w, n, &is_new);
        if (is_new) *v = ++nkeys;
        count[*v - 1]++;
        if (n > t->maxlen) t->maxlen = (uint32_t)n;
    }
    uint32_t *start = mem_alloc(d->m, (nkeys + 1) * sizeof *start);
    t->by_first = mem_alloc(d->m, (t->nroots + nkeys + 1) * sizeof(uint32_t));
    if (!start || !t->by_first) {
        mem_free(d->m, count);
        mem_free(d->m, start);
        mem_fail(d->m);
    }
    uint32_t pos = 0;
    for (uint32_t k = 0; k < nkeys; k++) {
        start[k] = pos;
        pos += count[k] + 1;
        t->by_first[pos - 1] = UINT32_MAX;
        count[k] = 0;
    }
    t->nby_first = pos;
    for (uint32_t i = 0; i < t->nroots; i++) {
        const char *w = vocab_word(&d->voc, t->words[t->roots[i].first].wid);
        uint32_t v = 0;
        strmap_get(&t->first, w, strlen(w), &v);
        t->by_first[start[v - 1] + count[v - 1]++] = i;
    }
    uint64_t *tmp = mem_alloc(d->m, (t->nroots + 1) * sizeof *tmp);
    if (!tmp) {
        mem_free(d->m, count);
        mem_free(d->m, start);
        mem_fail(d->m);
    }
    for (uint32_t k = 0; k < nkeys; k++)
        sort_run(t, t->by_first + start[k], count[k], tmp);
    mem_free(d->m, tmp);
    /* the map's values become run starts (+1) */
    for (size_t s = 0; s < t->first.cap; s++)
        if (t->first.slots[s].key)
            t->first.slots[s].value = start[t->first.slots[s].value - 1] + 1;
    mem_free(d->m, start);
    mem_free(d->m, count);
    t->finished = 1;
}

/* Regular endings of g.2: S 'S ED ES EN ING. */
static int is_ending(const char *s, size_t n) {
    static const char *const ends[] = {"S", "'S", "ED", "ES", "EN", "ING"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
        if (strlen(ends[i]) == n && !memcmp(s, ends[i], n)) return 1;
    return 0;
}

int tab_word_match(const dict *d, const tab_word *tw, const char *w,
                   size_t n) {
    const char *r = vocab_word(&d->voc, tw->wid);
    size_t rn = strlen(r);
    if (tw->flags & TW_ENDS && rn > 1 && r[rn - 1] == 'E' && n >= rn + 2 &&
        !memcmp(w, r, rn - 1) && !memcmp(w + rn - 1, "ING", 3) &&
        n == rn + 2)
        return 1; /* DEPLORE_ -> DEPLORING */
    if (n < rn || memcmp(w, r, rn)) return 0;
    if (n == rn || tw->flags & TW_STEM) return 1;
    if (!(tw->flags & TW_ENDS)) return 0;
    if (is_ending(w + rn, n - rn))
        return !(tw->flags & TW_VERB) || w[rn] != '\'';
    /* DEPLORE_ -> DEPLORED, DEPLORES */
    return r[rn - 1] == 'E' && n == rn + 1 &&
           (w[rn] == 'D' || w[rn] == 'N');
}

void tab_roots_for(const dict *d, const char *w, size_t n, tab_root_fn fn,
                   void *ctx) {
    const tab_dict *t = d->tab;
    if (!t || !t->finished || !n) return;
    size_t max = n < t->maxlen ? n : t->maxlen;
    uint32_t h = STRMAP_HASH_INIT;
    for (size_t len = 1; len <= max; len++) {
        h = strmap_hash_step(h, (unsigned char)w[len - 1]);
        const strmap_slot *sl =
            strmap_find(&t->first, w, len, strmap_hash_final(h));
        if (!sl) continue;
        for (uint32_t i = sl->value - 1; t->by_first[i] != UINT32_MAX; i++) {
            uint32_t r = t->by_first[i];
            if (tab_word_match(d, &t->words[t->roots[r].first], w, n))
                fn(ctx, r);
        }
    }
}

int tab_sniff_verbs(const char *text, size_t len) {
    const char *p = text, *end = text + len;
    int patterns = 0, sections = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t n = (size_t)(le - p);
        if (n >= 3 && !memcmp(p, "---", 3)) return 0; /* PETRARCH blocks */
        if (n >= 4 && !memcmp(p, "<!--", 4)) return 0;
        if (n >= 6 && (!memcmp(p, "<SYNSE", 6) || !memcmp(p, "<TIME>", 6)))
            sections = 1;
        if (n >= 2 && p[0] == '-' && (p[1] == ' ' || p[1] == '\t') &&
            memchr(p, '*', n) && memchr(p, '[', n))
            patterns++;
        p = nl ? nl + 1 : end;
    }
    return sections || patterns > 0;
}
