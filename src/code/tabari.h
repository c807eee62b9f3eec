/* tabari.h -- TABARI's coding model (formats.md g.11), internal interface.
 *
 *   tabari_lex.c    text filter (g.8) and dictionary lookup: words, the
 *                   roots that start at each word (longest first, stems
 *                   and connectors), noun marking
 *   tabari_parse.c  actor units (actor + one agent, FORMER), compounds,
 *                   pronouns, comma-clause deletion, conjunction clauses
 *   tabari_code.c   verbs and their patterns (coder_match.c), sources and
 *                   targets, passive voice, events, subordinate/dominant
 *                   codes, discards, complexity, defaults, time shifts
 *
 * The sentence is held as a dyad `sentence` (one tok per word, so that
 * coder_match.c matches TABARI patterns over it) plus a tword per token
 * with what TABARI's parser knows about it.
 */
#ifndef DYAD_CODE_TABARI_H
#define DYAD_CODE_TABARI_H

#include "code/coder.h"
#include "dict/tabari.h"
#include "dict/tabari_options.h"

/* tword.type */
enum {
    TT_WORD,    /* no dictionary root */
    TT_ACTOR, TT_AGENT, TT_VERB, TT_NOUN, TT_ADJ, TT_TIME, TT_ATTRIB,
    TT_DET,     /* A AN THE */
    TT_CONJ,    /* AND OR BUT NOR */
    TT_PRON,    /* HE SHE IT HIM HIS HER ITS THEY THEM THEIR */
    TT_COMMA,
    TT_PUNCT,   /* quotes and other marks: not words */
    TT_PART     /* a later word of a root that started earlier */
};

#define TW_PTRIE (-2)

typedef struct tword {
    uint8_t type;
    uint8_t cap;         /* capitalised in mixed-case text */
    uint8_t deleted;     /* inside a deleted comma clause */
    uint8_t in_compound; /* a conjunction or comma inside a compound */
    int32_t root;        /* root starting here, -1 none, TW_PTRIE for an
                            actor or agent phrase of a PETRARCH-format file
                            (dict.actors / dict.agents, exact words) */
    uint32_t pref;       /* TW_PTRIE: its actor or agent entry */
    uint32_t last;       /* last word of that root's match */
    uint32_t adj_end;    /* end of the root's first run of adjacent words */
    int32_t owner;       /* for TT_PART: the word whose root took it */
    int32_t unit;        /* actor unit starting at this word, or -1 */
    const char *code;    /* TT_ACTOR: its code for the sentence's date */
} tword;

/* Per-story memory for FORWARD: the first actor of the last sentence. */
typedef struct tab_story {
    char key[64];        /* story id (from the FORWARD format) */
    char actor[32];      /* "" when none */
} tab_story;

/* What came of a sentence (the validation record's markers). */
enum {
    TAB_OK = 0,          /* events (maybe none) */
    TAB_NOEVENT,         /* a verb but no valid event */
    TAB_DISCARD,         /* a ### code fired */
    TAB_COMPLEX,         /* a +++ code or a COMPLEX condition */
    TAB_SHORT            /* under MINIMUM WORDS: not coded */
};

typedef struct tab_ctx {
    sent_ctx c;          /* what coder_match.c reads */
    const dict *d;
    const tab_opts *o;
    tword *w;            /* one per token of c.s */
    uint32_t n;
    uint32_t date;       /* after any time shift */
    int mixed;           /* the text has lower-case letters */
    int status;          /* TAB_* */
    tab_story *story;
    uint32_t nclauses;
    uint32_t *clause_at; /* clause index per token */
} tab_ctx;

/* tabari_lex.c: filters text[0..len) into c->c.s and c->w (allocated in
 * c->c.a), looks up every root and marks nouns. */
void tab_lex(tab_ctx *c, const char *text, size_t len);

/* tabari_parse.c */
void tab_units(tab_ctx *c);          /* actors, agents, compounds */
void tab_pronouns(tab_ctx *c);       /* after tab_units */
void tab_commas(tab_ctx *c);         /* comma clauses deleted */
void tab_clauses(tab_ctx *c);        /* conjunction clauses */
/* Adds a unit over words [first, end) with codes; returns its index. */
int32_t tab_unit_new(tab_ctx *c, uint32_t first, uint32_t end);
void tab_unit_code(tab_ctx *c, int32_t u, const char *code);

/* tabari_code.c: codes one sentence; events appended to out. */
int tab_code_sentence(const dyad_engine *e, arena *a, const char *text,
                      size_t len, uint32_t date, uint32_t index,
                      uint32_t doc_off, const tab_opts *o, tab_story *story,
                      event_list *out, uint32_t *date_out);

/* tabari_doc.c: dyad_code's document loop under the TABARI model: the
 * title, then each sentence of the text, coded in order (spans are in the
 * caller's bytes: TABARI's filter works on them directly). */
void tab_code_document(const dyad_engine *e, dyad_doc *doc,
                       const dyad_input *in, const dyad_options *opts,
                       dyad_result *out);

#endif
