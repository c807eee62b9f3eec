/* tokenize.h -- one sentence's text -> Penn Treebank style tokens.
 *
 * The PETRARCH dictionaries were written against Treebank tokenisation, so
 * the tokenizer follows it where it matters for matching:
 *   possessives and clitics split off:  Gondor's -> GONDOR 'S,
 *     countries' -> COUNTRIES ', didn't -> DID N'T, can't -> CA N'T,
 *     we'll -> WE 'LL;
 *   hyphenated words stay whole:         war-torn, al-Raya, 12-year;
 *   numbers stay whole:                  50,000  11.8  1990s  21st;
 *   currency signs split from amounts:  $7 -> $ 7, US$5 -> US$ 5;
 *   abbreviations keep their period:    U.S.  Gen.  a.m.  F.
 *     (and a sentence ending in one gets no separate "." token);
 *   punctuation is one token each:       , ; : . ! ? ( ) [ ] " ' -- ...
 * Underscores count as letters ("Dol_Amroth" is one token), because the
 * validation texts join multi-word names with them.
 */
#ifndef DYAD_TOKENIZE_H
#define DYAD_TOKENIZE_H

#include <stdint.h>

#include "util/arena.h"
#include "text/sentence.h"

/* Longest word token in bytes; longer runs (URLs, garbage) are cut there so
 * norm always fits tok.nlen. */
#define TOK_MAX_LEN 1024u

/* Tokenizes s[0..len) (need not be NUL-terminated). *out receives an arena
 * array of the tokens; each has off/len into s, norm (upper case, NUL-
 * terminated, in the arena), nlen, flags, tag = T_NONE, lemma = norm,
 * wid = lwid = 0, chunk = -1. Returns the token count. */
uint32_t tok_tokenize(arena *a, const char *s, uint32_t len, tok **out);

#endif
