/* phrase_trie.h -- trie over word ids, for multi-word dictionary phrases.
 *
 * Actor, agent, discard and issue phrases ("MINAS TIRITH", "HUMAN RIGHTS
 * ACTIVIST") are sequences of vocabulary ids. A node is a uint32 (the root is
 * 0); an edge (node, word) lives in one open-addressing hash table, so a trie
 * of a million phrases is a few flat arrays and a step is one probe.
 * Each node carries one uint32 value; 0 means "no phrase ends here".
 */
#ifndef DYAD_PHRASE_TRIE_H
#define DYAD_PHRASE_TRIE_H

#include <stddef.h>
#include <stdint.h>

#include "util/mem.h"

typedef struct ptrie_edge {
    uint64_t key;     /* (parent << 32) | word id; 0 = empty */
    uint32_t child;
} ptrie_edge;

typedef struct ptrie {
    ptrie_edge *edges;
    size_t ecap, ecount;   /* edge table capacity (power of two) and size */
    uint32_t *values;      /* per node */
    uint32_t nnodes, vcap;
    uint64_t *starts;      /* bit w: some phrase starts with word id w (an
                              edge leaves the root). Coding tries a phrase
                              at every token and most tokens start none:
                              the bit answers without a hash probe */
    uint32_t nstarts;      /* words covered by starts (a multiple of 64) */
    const mem *m;
} ptrie;

#define PTRIE_ROOT 0u

/* m may be NULL (libc). */
void ptrie_init(ptrie *t, const mem *m);
void ptrie_free(ptrie *t);
/* Walks/creates the path for words[0..n) and returns the final node. */
uint32_t ptrie_insert(ptrie *t, const uint32_t *words, size_t n);
/* Child of node by word, or 0 (the root is never a child) when absent. */
uint32_t ptrie_child(const ptrie *t, uint32_t node, uint32_t word);
static inline uint32_t ptrie_value(const ptrie *t, uint32_t node) {
    return t->values[node];
}
static inline void ptrie_set_value(ptrie *t, uint32_t node, uint32_t v) {
    t->values[node] = v;
}
/* Longest phrase starting at words[0]: returns its length (0 if none) and
 * sets *value. Words equal to 0 (not in the vocabulary) never match. */
size_t ptrie_longest_from(const ptrie *t, const uint32_t *words, size_t n,
                          uint32_t *value);
/* (the start-word test inline: the coder asks at every token, and most
 * tokens start no phrase) */
static inline size_t ptrie_longest(const ptrie *t, const uint32_t *words,
                                   size_t n, uint32_t *value) {
    uint32_t w = n ? words[0] : 0;
    if (!w || w >= t->nstarts || !((t->starts[w >> 6] >> (w & 63)) & 1))
        return 0;
    return ptrie_longest_from(t, words, n, value);
}

#endif
