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

#include "arena.h"
#include "lexicon.h"
#include "sentence.h"

/* Tags s->toks[0..s->ntok): sets tag and lemma (upper case; verbs -> base
 * form, NNS -> singular, JJR/JJS -> positive, closed-class words -> their
 * listed lemma, otherwise norm). Scratch space comes from a. Linear in the
 * number of tokens. Thread-safe: lx is only read. */
void tag_sentence(const lexicon *lx, sentence *s, arena *a);

#endif
