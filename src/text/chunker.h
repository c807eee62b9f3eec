/* chunker.h -- shallow parsing: tagged tokens -> flat chunks -> clauses.
 *
 * chunk_sentence() groups the tagged tokens of a sentence into flat,
 * non-recursive chunks (NP, VG, PP, ...; see chunk_kind in sentence.h),
 * links coordinated NPs ("Arnor, Osgiliath and Gondor") and builds the
 * clause tree the coder walks: main clause, reported complements, relative
 * clauses, parentheticals, coordinated predicates, adverbial, infinitive and
 * participial clauses and trailing attributions (", officials said.").
 * Everything is decided by local patterns over the tags; every pass is
 * linear (lookaheads are bounded by a constant).
 */
#ifndef DYAD_CHUNKER_H
#define DYAD_CHUNKER_H

#include "util/arena.h"
#include "text/sentence.h"

/* Builds s->chunks (in token order, covering every token), s->clauses, and
 * sets tok.chunk and chunk.clause. Needs tok.tag and tok.lemma (tagger.c).
 * Allocates from a. Clause subjects point at an NP chunk; for a coordinated
 * subject ("Arnor and Gondor signed") the first NP of the group, whose
 * coord links the rest. A coordinated predicate without its own subject
 * ("... and seized the city") gets its first conjunct's subject; infinitive
 * and participial clauses have subject -1 (implicit, see the parent). */
void chunk_sentence(sentence *s, arena *a);

/* "NP", "VG", ... for dyad explain. */
const char *chunk_kind_name(int k);
/* "MAIN", "COMPLEMENT", ... */
const char *chunk_clause_kind_name(int k);

#endif
