/* phrase_trie.c -- word-id trie on a flat edge hash; see phrase_trie.h. */
#include "util/ptrie.h"

#include <string.h>

static uint64_t mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

void ptrie_init(ptrie *t, const mem *m) {
    memset(t, 0, sizeof(*t));
    t->m = m ? m : mem_libc();
    t->nnodes = 1; /* root */
    t->edges = mem_zalloc(t->m, 1024 * sizeof(*t->edges));
    if (t->edges) t->ecap = 1024;
    t->values = mem_zalloc(t->m, 1024 * sizeof(*t->values));
    if (t->values) t->vcap = 1024;
}

void ptrie_free(ptrie *t) {
    const mem *m = t->m ? t->m : mem_libc();
    mem_free(m, t->edges);
    mem_free(m, t->values);
    mem_free(m, t->starts);
    memset(t, 0, sizeof(*t));
}

static int grow_edges(ptrie *t) {
    ptrie_edge *old = t->edges;
    size_t oldcap = t->ecap, ncap = t->ecap ? t->ecap * 2 : 1024;
    ptrie_edge *fresh = mem_zalloc(t->m, ncap * sizeof(*t->edges));
    if (!fresh) return -1;
    t->edges = fresh;
    t->ecap = ncap;
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i].key) continue;
        size_t j = mix(old[i].key) & (t->ecap - 1);
        while (t->edges[j].key) j = (j + 1) & (t->ecap - 1);
        t->edges[j] = old[i];
    }
    mem_free(t->m, old);
    return 0;
}

/* Records that an edge leaves the root with word. */
static int mark_start(ptrie *t, uint32_t word) {
    if (word >= t->nstarts) {
        uint32_t n = t->nstarts ? t->nstarts : 1024;
        while (n <= word) n *= 2;
        uint64_t *b = mem_realloc(t->m, t->starts, n / 8);
        if (!b) return -1;
        memset(b + t->nstarts / 64, 0, (n - t->nstarts) / 8);
        t->starts = b;
        t->nstarts = n;
    }
    t->starts[word >> 6] |= (uint64_t)1 << (word & 63);
    return 0;
}

/* (inline in ptrie_longest: called for every token as a phrase start,
 * and most tokens start none) */
static inline uint32_t child_of(const ptrie *t, uint32_t node, uint32_t word) {
    if (!word) return 0;
    if (node == PTRIE_ROOT &&
        (word >= t->nstarts || !((t->starts[word >> 6] >> (word & 63)) & 1)))
        return 0;
    uint64_t key = ((uint64_t)node << 32) | word;
    size_t mask = t->ecap - 1, i = mix(key) & mask;
    for (;;) {
        const ptrie_edge *e = &t->edges[i];
        if (!e->key) return 0;
        if (e->key == key) return e->child;
        i = (i + 1) & mask;
    }
}

uint32_t ptrie_child(const ptrie *t, uint32_t node, uint32_t word) {
    return child_of(t, node, word);
}

uint32_t ptrie_insert(ptrie *t, const uint32_t *words, size_t n) {
    uint32_t node = PTRIE_ROOT;
    for (size_t w = 0; w < n; w++) {
        uint32_t c = ptrie_child(t, node, words[w]);
        if (!c) {
            /* at most half full: most probes at match time are for
             * words with no edge (every token is tried as a phrase start),
             * and with linear probing an unsuccessful probe scans ~8.5
             * slots at load 3/4 but ~2.5 at 1/2 */
            if ((t->ecount + 1) * 2 > t->ecap && grow_edges(t) != 0)
                return 0;
            if (t->nnodes == t->vcap) {
                uint32_t nv = t->vcap ? t->vcap * 2 : 1024;
                uint32_t *v = mem_realloc(t->m, t->values, nv * sizeof(*v));
                if (!v) return 0;
                t->values = v;
                t->vcap = nv;
            }
            if (node == PTRIE_ROOT && mark_start(t, words[w]) != 0) return 0;
            c = t->nnodes++;
            t->values[c] = 0;
            uint64_t key = ((uint64_t)node << 32) | words[w];
            size_t i = mix(key) & (t->ecap - 1);
            while (t->edges[i].key) i = (i + 1) & (t->ecap - 1);
            t->edges[i].key = key;
            t->edges[i].child = c;
            t->ecount++;
        }
        node = c;
    }
    return node;
}

size_t ptrie_longest_from(const ptrie *t, const uint32_t *words, size_t n,
                          uint32_t *value) {
    uint32_t node = PTRIE_ROOT;
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        node = child_of(t, node, words[i]);
        if (!node) break;
        if (t->values[node]) {
            best = i + 1;
            if (value) *value = t->values[node];
        }
    }
    return best;
}
