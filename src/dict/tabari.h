/* tabari.h -- TABARI dictionaries (formats.md g) in the loaded set.
 *
 * TABARI's files load into the same structures as the other formats: actor
 * codes and their date restrictions into dict.actor_entries/actor_codes,
 * agents into dict.agent_entries, verb roots into dict.blocks (one block per
 * root, its code the root's own) and their patterns into dict.patterns and
 * dict.pat_elems, where coder_match.c matches them. What the other formats
 * have no place for lives here, in the dict's `tab` extension: the phrases
 * of every root with TABARI's connectors (a word may be a stem, the next
 * word may have to follow at once), the nouns, adjectives, time-shift and
 * attribution roots, and the index the TABARI coder looks words up in.
 *
 * A phrase word is a word id plus TW_* flags. A text word matches it
 * (tab_word_match) exactly, by prefix (stem), or with a regular ending
 * (S 'S ED ES EN ING) added, as g.2 says.
 */
#ifndef DYAD_DICT_TABARI_H
#define DYAD_DICT_TABARI_H

#include <stddef.h>
#include <stdint.h>

#include "dict/dict.h"

/* tab_word.flags */
enum {
    TW_STEM = 1 << 0,  /* a prefix of the text word is enough */
    TW_ENDS = 1 << 1,  /* exact, or with a regular ending added */
    TW_NEXT = 1 << 2,  /* the next phrase word must follow immediately */
    TW_VERB = 1 << 3,  /* of a verb root: 'S is not one of its endings */
};

typedef struct tab_word {
    uint32_t wid;      /* vocabulary id (upper case) */
    uint8_t flags;     /* TW_* */
} tab_word;

typedef enum tab_kind {
    TK_ACTOR, TK_AGENT, TK_VERB, TK_NOUN, TK_ADJ, TK_TIME, TK_ATTRIB
} tab_kind;

/* tab_root.flags */
enum {
    TR_SUB = 1 << 0,   /* the root's code ends in '?': subordinate */
    TR_DOM = 1 << 1,   /* ... in '!': dominant */
};

/* One dictionary root: an actor, agent, verb, noun, adjective, time or
 * attribution phrase. */
typedef struct tab_root {
    uint32_t first;    /* phrase words in tab_dict.words */
    uint16_t n;
    uint8_t kind;      /* tab_kind */
    uint8_t flags;     /* TR_* */
    uint32_t ref;      /* actor entry, agent entry or verb block (verbs and
                          time roots); unused for nouns and adjectives */
    uint32_t chars;    /* letters of the phrase: longer roots first */
    uint32_t line;
    uint16_t file;
} tab_root;

/* Per verb block (dict.blocks index): TABARI flags of its patterns, kept
 * beside dict.patterns (pattern index - first pattern of the block). */
typedef struct tab_pat {
    uint32_t chars;    /* TABARI length: letters, digits, '_' and '\'' */
    uint8_t flags;     /* TR_SUB / TR_DOM of its code */
} tab_pat;

typedef struct tab_dict {
    tab_word *words; uint32_t nwords, cap_words;
    tab_root *roots; uint32_t nroots, cap_roots;
    tab_pat *pats;   uint32_t npats, cap_pats;  /* indexed like patterns */
    uint8_t *block_time;  /* per block: 1 for a <TIME> root */
    uint32_t nblock_time, cap_block_time;
    /* first word text -> run in by_first (sorted longest root first),
     * built by tab_finish; a run ends at UINT32_MAX */
    strmap first;
    uint32_t *by_first; uint32_t nby_first;
    uint32_t maxlen;      /* longest first word, in bytes */
    int finished;
} tab_dict;

/* The dict's TABARI extension, created on first use. */
tab_dict *tab_get(dict *d);

/* Readers (formats.md g.3-g.5); file:line errors like the other readers. */
int tab_load_actors(dict *d, const char *name, const char *text, size_t len,
                    char *err, size_t errlen);
int tab_load_agents(dict *d, const char *name, const char *text, size_t len,
                    char *err, size_t errlen);
int tab_load_verbs(dict *d, const char *name, const char *text, size_t len,
                   char *err, size_t errlen);

/* Sorts the index once every file is loaded (called by dict_finish). */
void tab_finish(dict *d);
void tab_free(dict *d);

/* Does text word w (upper case, n bytes) match phrase word tw? */
int tab_word_match(const dict *d, const tab_word *tw, const char *w,
                   size_t n);

/* Roots whose first word text word w (n bytes) can match: calls fn for
 * each, longest first within each first-word key. */
typedef void (*tab_root_fn)(void *ctx, uint32_t root);
void tab_roots_for(const dict *d, const char *w, size_t n, tab_root_fn fn,
                   void *ctx);

/* Does the text look like a TABARI verbs file (roots with "[code]" and
 * "- ... * ... [code]" patterns, no "--- X ---" block headers)? */
int tab_sniff_verbs(const char *text, size_t len);

#endif
