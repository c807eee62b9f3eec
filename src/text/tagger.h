/* tagger.h -- part-of-speech tagging: fills tok.tag and tok.lemma.
 *
 * A lexicon-and-rules tagger, no statistical model: each token gets the set
 * of tags the lexicon (WordNet + closed classes), its shape (capitals,
 * digits, hyphens) and its suffix allow; then left-to-right context rules
 * pick one ("the attack" NN, "will attack" VB, "has attacked" VBN). It aims
 * at what the coder needs: the verbs of each clause found and tagged with
 * the right form, noun phrases tagged as determiners/adjectives/nouns, and
 * invented names ("Arnor", "Osgiliath") tagged NNP.
 */
#ifndef DYAD_TAGGER_H
#define DYAD_TAGGER_H

#include "util/arena.h"
#include "text/lexicon.h"
#include "text/sentence.h"

/* Tags s->toks[0..s->ntok): sets tag and lemma (upper case; verbs -> base
 * form, NNS -> singular, JJR/JJS -> positive, closed-class words -> their
 * listed lemma, otherwise norm). Scratch space comes from a. Linear in the
 * number of tokens. Thread-safe: lx is only read. */
void tag_sentence(const lexicon *lx, sentence *s, arena *a);

/* A per-thread cache of the tagger's first pass (the readings and lemmas a
 * word gets from the lexicon and its shape, which depend only on its
 * spelling, its token flags and two sentence-level bits). News vocabulary
 * is Zipfian, so after a few documents most tokens hit and the lexicon is
 * not probed at all. The cache is bounded (it is emptied when full), holds
 * no pointers into any engine or arena (lexicon lemmas are stored as offsets
 * into the compiled-in lexicon data, which every lexicon copies), and is
 * kept in a dyad_doc across documents. Not thread-safe: one per thread. */
typedef struct tag_cache tag_cache;
/* m may be NULL (libc). NULL when memory runs out: tagging works without
 * a cache (tc NULL) too. */
tag_cache *tag_cache_new(const mem *m);
void tag_cache_free(tag_cache *tc);
/* tag_sentence with a cache (tc may be NULL: no caching). The result is
 * identical to tag_sentence's. */
void tag_sentence_cached(const lexicon *lx, tag_cache *tc, sentence *s,
                         arena *a);

/* Vocabulary ids through the cache. A word's dictionary ids depend only on
 * its spelling and its chosen lemma, so the cache keeps them in the entry
 * beside the analysis: the coder's two vocabulary probes per token become
 * one read of an entry the tagger has just touched. The tagger knows
 * nothing of dictionaries: find is the vocabulary lookup (h: the key's
 * strmap_hash, or 0 to compute it), and sig names the vocabulary (equal
 * sigs mean equal word -> id maps; 0: not cacheable). Ids cached under
 * another sig are dropped, so one cache serves engines in turn. */
typedef struct tag_vocab {
    uint32_t (*find)(const void *ctx, const char *w, size_t n, uint32_t h);
    const void *ctx;
    uint64_t sig;
} tag_vocab;
/* Sets tok.wid = find(norm) and tok.lwid = find(lemma) for every token of
 * s, which must be the sentence last tagged with tc, unchanged since.
 * Returns 0, doing nothing, when it cannot (no cache, another sentence, the
 * cache emptied meanwhile, sig 0): the caller then looks the ids up. */
int tag_cache_ids(tag_cache *tc, sentence *s, const tag_vocab *v);

#endif
