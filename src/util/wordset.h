/* wordset.h -- the set of word ids occurring in one sentence.
 *
 * Built once per sentence (after the vocabulary ids are assigned) so that
 * the pattern matcher can skip a pattern at once when one of its anchor
 * words (dict.h: pattern.anchor) is not in the sentence: most patterns of
 * a verb name words the sentence does not have. The set is a one-hash
 * Bloom filter of 4096 bits over both the wid and the lwid of every token:
 * it may answer "present" for an absent word (the pattern is then just
 * matched as before) but never "absent" for a present one, so the
 * matcher's results do not change.
 *
 * Invariant the prefilter relies on: the set is built (coder.c) after the
 * last change to any token's wid or lwid (assign_ids). Code that later
 * changes a token's ids, or matches patterns over a sentence whose tokens
 * it replaced, must rebuild the set or set sentence.words to NULL, which
 * turns the prefilter off.
 */
#ifndef DYAD_WORDSET_H
#define DYAD_WORDSET_H

#include <stdint.h>

#include "util/arena.h"
#include "text/sentence.h"

#define WORDSET_BITS 4096u

typedef struct wordset {
    uint64_t bits[WORDSET_BITS / 64];
} wordset;

/* Bit of word id w: multiplicative hashing spreads consecutive ids. */
static inline uint32_t wordset_bit(uint32_t w) {
    return (w * 2654435761u) >> 20; /* top 12 bits: 0..4095 */
}

/* Bit of word id w in a synset's 256-bit first/last-word masks
 * (dict.syn_masks, built by dict_finish, read by coder_match.c). */
static inline uint32_t wordset_syn_bit(uint32_t w) {
    return (w * 2654435761u) >> 24;
}

/* The set of s's tokens' wid and lwid, allocated in a. */
const wordset *wordset_build(arena *a, const sentence *s);

/* 0 when word id w certainly does not occur; 1 when it may. */
static inline int wordset_has(const wordset *ws, uint32_t w) {
    uint32_t b = wordset_bit(w);
    return (int)((ws->bits[b >> 6] >> (b & 63)) & 1);
}

#endif
