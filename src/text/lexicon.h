/* lexicon.h -- the tagger's word list: WordNet open classes + closed classes.
 *
 * The lexicon is compiled into the library (build/gen/lexicon_data.c, made by
 * tools/mklexicon.c from WordNet and tools/closed_class.txt) and turned into
 * a hash map once per engine by lex_new(). After that it is read-only and
 * may be shared between threads.
 *
 * WordNet lists lemmas only, so "attacks" or "stopped" are not in it; the
 * lex_*_lemma functions undo regular English inflection by rule and check
 * the result against the lexicon ("STOPPED" -> "STOP", "CITIES" -> "CITY").
 */
#ifndef DYAD_LEXICON_H
#define DYAD_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "util/mem.h"

/* lex_entry.flags */
enum {
    LEX_NOUN = 1 << 0,        /* WordNet noun lemma */
    LEX_VERB = 1 << 1,        /* WordNet verb lemma */
    LEX_ADJ = 1 << 2,         /* WordNet adjective lemma */
    LEX_ADV = 1 << 3,         /* WordNet adverb lemma */
    LEX_PROPER = 1 << 4,      /* most noun senses are names ("Paris") */
    LEX_PROPER_SOME = 1 << 5, /* some noun sense is a name ("Turkey") */
    LEX_NOUN_INFL = 1 << 6,   /* irregular plural, nlemma set ("GEESE") */
    LEX_VERB_INFL = 1 << 7,   /* irregular verb form, vlemma set ("BROKE") */
    LEX_ADJ_INFL = 1 << 8,    /* irregular comparative, alemma ("WORSE") */
    LEX_CLOSED = 1 << 9,      /* listed in closed_class.txt: tags[] valid */
};

/* Indices into lex_entry.hint */
enum { LEX_HN, LEX_HV, LEX_HA, LEX_HR };

#define LEX_MAX_TAGS 6

/* One word of the lexicon. */
typedef struct lex_entry {
    const char *word;    /* upper-case spelling (the map's key) */
    const char *nlemma;  /* singular of an irregular plural, or NULL */
    const char *vlemma;  /* base form of an irregular verb form, or NULL */
    const char *alemma;  /* base of an irregular comparative, or NULL */
    const char *clemma;  /* lemma from closed_class.txt ("WAS" -> "BE") */
    uint16_t flags;      /* LEX_* */
    uint8_t hint[4];     /* SemCor frequency hints noun/verb/adj/adv, 0..9:
                            log2 of how often WordNet's tagged corpus used the
                            word in that class; 0 = rare or never */
    uint8_t ntags;       /* number of closed-class tags */
    uint8_t tags[LEX_MAX_TAGS]; /* closed-class Penn tags, default first */
} lex_entry;

typedef struct lexicon lexicon;

/* Builds the lexicon from the compiled-in data; never returns NULL (aborts
 * on out-of-memory like the arena). */
/* m may be NULL (libc). NULL when memory runs out (without an unwind
 * point). */
lexicon *lex_new(const mem *m);
void lex_free(lexicon *lx);
/* Number of words. */
size_t lex_size(const lexicon *lx);
/* The lexicon's string storage: every lemma the lex_* functions return
 * points into [lex_strings(lx), lex_strings(lx) + lex_gen_size], at the same
 * offset in every lexicon (all are copies of the compiled-in data), so an
 * offset identifies a lemma independently of the lexicon's lifetime. */
const char *lex_strings(const lexicon *lx);

/* Looks up an upper-case word; fills *out and returns 1 when known, returns
 * 0 otherwise. (The map stores only an offset to the word's record in the
 * compiled-in data, decoded here on demand: this keeps lex_new() down to
 * one hash insertion per word and the memory it touches small.) */
int lex_lookup(const lexicon *lx, const char *w, size_t n, lex_entry *out);
/* lex_lookup with the word's strmap_hash already computed (tok.hash). */
int lex_lookup_h(const lexicon *lx, const char *w, size_t n, uint32_t h,
                 lex_entry *out);

/* Regular inflection, undone by rule and checked against the lexicon. Each
 * returns the lexicon's spelling of the lemma (a stable pointer), or NULL. */
/* -S/-ES/-IES plurals: "CITIES" -> "CITY", "TALKS" -> "TALK". */
const char *lex_noun_lemma(const lexicon *lx, const char *w, size_t n);
/* Verb forms: sets *form to 'S' (3rd person -s), 'D' (-ed) or 'G' (-ing).
 * "STOPPED" -> "STOP" 'D', "HOPING" -> "HOPE" 'G', "SEIZES" -> "SEIZE" 'S'.
 * Irregular forms come from the entry's vlemma instead. */
const char *lex_verb_lemma(const lexicon *lx, const char *w, size_t n,
                           int *form);
/* Comparatives/superlatives: 'R' or 'S'. "LARGEST" -> "LARGE" 'S'. */
const char *lex_adj_lemma(const lexicon *lx, const char *w, size_t n,
                          int *form);

/* The generated data (build/gen/lexicon_data.c); see tools/mklexicon.c. */
extern const char lex_gen_data[];
extern const unsigned lex_gen_count;
extern const unsigned lex_gen_size;

#endif
