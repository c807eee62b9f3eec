/* coder.h -- internal interface between the coder's stages.
 *
 *   coder_units.c  groups chunks into actor units and codes them
 *                  (actors + agents + dates + compounds)
 *   coder_match.c  matches a verb block's patterns around one verb
 *   coder_verbs.c  finds the coded verbs of a sentence and builds events
 *   coder.c        the document loop: normalise, split, analyse, code
 */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H

#include <stdint.h>

#include "util/arena.h"
#include "dyad.h"
#include "api/engine.h"
#include "text/sentence.h"

/* An actor unit: a noun phrase, or a coordination of noun phrases, with an
 * optional attached "of/in/from" phrase ("the ambassadors of A, B and C").
 * A unit expands to one actor code per conjunct ("A and B" -> A, B). */
typedef struct unit {
    uint32_t first, end;   /* token range covered, including the PP part */
    uint32_t head_end;     /* end of the leading NP coordination */
    const char **codes;    /* actor codes ("ARNGOV", "---GOV") */
    uint32_t ncodes;
    uint8_t coded;         /* at least one code has a real actor */
    uint8_t has_agent;     /* some code came from an agent alone */
    uint8_t compound;      /* two or more conjuncts */
    uint8_t quoted;        /* holds a code made from its own words
                              (new_actor_length) */
    uint8_t pronoun;       /* a personal pronoun standing for an earlier
                              actor ("he", "it", "they") */
    uint8_t resolved;      /* coded from the document's context: a
                              description, a surname, an appositive */
    int32_t chunk;         /* first NP chunk */
    const char *actor;     /* actor of the first coded conjunct (no agents),
                              for possessive pronouns: "its ministry" */
} unit;

/* An actor mentioned earlier in the document (context.c). */
#define MENTION_MAX 32
/* Is an actor code a state's (its first block a country: "RUSGOV", "SYR"),
 * not an organisation's, a transnational group's or no one's? */
static inline int code_is_state(const char *code) {
    return code && strlen(code) >= 3 && strncmp(code, "---", 3) &&
           strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3) &&
           strncmp(code, "IMG", 3);
}

/* Is a code's first block a region, not a state ("CAS" Central Asia,
 * "WST" the West, the blocks of dyad.countries.actors.txt's regions)?
 * "The authorities" and the story's country are never one. */
static inline int code_is_region(const char *code) {
    static const char regions[] =
        "AFR ARB ASA BLK CAS CAU CEU CFR CRB EAF EEU EUR LAM MDT MEA NAF NMR PGS "
        "SAF SAM SAS SCN SEA WAF WST ";
    if (!code || strlen(code) < 3) return 0;
    for (const char *r = regions; *r; r += 4)
        if (!memcmp(r, code, 3)) return 1;
    return 0;
}

/* The role block ending a code of six letters or more ("MED" of
 * "GBRMED"), or "" for a bare country or organisation. */
static inline const char *code_role(const char *code) {
    size_t n = code ? strlen(code) : 0;
    return n >= 6 ? code + n - 3 : "";
}

/* Is role block r an organ of the state (GOV, MIL, COP, LEG, JUD, SPY)? */
static inline int role_is_organ(const char *r) {
    static const char *const roles[] = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"};
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (!strncmp(r, roles[i], 3)) return 1;
    return 0;
}

/* Is a code of at least three letters the state itself or one of its
 * organs (no role after the country, or GOV, MIL, COP, LEG, JUD, SPY):
 * who gives aid, arrests, visits as the state? */
static inline int code_state_organ(const char *code) {
    const char *r = code + 3;
    return !*r || role_is_organ(r);
}

typedef struct mention {
    const char **codes;    /* the unit's codes (doc arena) */
    uint32_t ncodes;
    const char *actor;     /* actor without agents */
    const tok *head;       /* head token of the phrase (doc arena): its
                              lemma for "the coalition", its class for
                              "he" (a person?) */
    const char *name;      /* a proper name's last word ("GRIFFITHS") */
    uint32_t sentence;
    uint32_t head_at;      /* index of the head token in its sentence */
    uint8_t pronoun;       /* itself a resolved pronoun */
    uint8_t compound;      /* two or more actors ("Russia and Turkey") */
    uint8_t subject;       /* the subject of a main or reporting clause:
                              the story's focus, which "he" goes on with */
    /* the mention's own copies of what it keeps of its sentence, whose
     * scratch is reset after it (context_remember): a ring slot reuses
     * them, so a long document does not grow with its mentions */
    const char *codev[8];
    tok headtok;
    uint32_t used;         /* bytes of buf in use */
    char buf[192];
} mention;

/* A person named in full inside a list ("Putin and North Korean leader Kim
 * Jong Un"), which the mentions keep as one compound: the word that names
 * them again ("PUTIN"; "KIM", a family name written first) and their
 * code. */
#define NAMED_MAX 16
typedef struct named_person {
    char key[24];
    char code[32];
    char actor[16];
} named_person;

/* What the document has said so far: its actors (a ring, the newest is
 * m[(nm-1) % MENTION_MAX]) and how often each country came up. */
#define COUNTRY_MAX 32
typedef struct doc_state {
    mention m[MENTION_MAX];
    uint32_t nm;
    struct {
        char code[4];
        uint32_t n, last;
    } country[COUNTRY_MAX];
    uint32_t ncountries, tick;
    uint32_t named;        /* mentions with a name, ever */
    named_person person[NAMED_MAX]; /* a ring, the newest at
                              person[(nperson-1) % NAMED_MAX] */
    uint32_t nperson;
    const char **speaker;  /* the last quotation's speaker, for one that
                              goes on in the next sentence */
    uint32_t nspeaker;
    const char *speaker_actor;
    const char **self;     /* the publisher's codes, when it is an actor
                              (document.c): an official statement's voice */
    uint32_t nself;
    const char *self_actor;
    const char **self_words; /* its name's words ("MINISTRY", "FOREIGN") */
    uint32_t nself_words;
    char self_initials[2][16]; /* every word's ("MOFA...") and the content
                              words' ("MFA...") */
    uint64_t heads;        /* bit lemma_bit(head) of every mention's head */
    struct {               /* "file:line" of the rules that fired, made
                              once per document (events.c) */
        const char *file, *name;
        uint32_t line;
    } rules[64];
    struct match_memo *match_memo; /* match.c: failures shared by the
                              verbs of a sentence, or NULL */
    struct intern_slot *strs; /* events_intern's cache (256 slots), for a
                              long document only; NULL: every string copied */
} doc_state;

/* A string events_intern keeps for the document. */
typedef struct intern_slot {
    const char *s;
    uint32_t hash, len;
} intern_slot;
#define INTERN_SLOTS 256
/* Documents this long (bytes) keep repeated strings once: in a short one
 * few repeat, and the lookups would cost more than they save. */
#define INTERN_MIN ((size_t)64 * 1024)

/* The explain trace of a document being built (trace.c). */
typedef struct trace_buf {
    char *p;
    size_t len, cap;
} trace_buf;

typedef struct doc_trace {
    trace_buf text, json;
    uint32_t nsentences;   /* sentence objects in json */
    size_t sentence_from;  /* text offset where the sentence's trace starts */
    size_t decisions_from; /* ... and where its decision lines start */
} doc_trace;

/* Per-sentence coding state. */
typedef struct sent_ctx {
    const dyad_engine *e;
    const dyad_options *opt;
    arena *a;              /* this sentence's scratch (reset after it) */
    arena *pa;             /* the document's: what must outlive the
                              sentence (events, mentions, trace) */
    const char *ptext;     /* the sentence's text in pa, once an event
                              needs it */
    int span_text;         /* no ptext: events' sentence_text NULL, the
                              text by the span (doc_span_sentences) */
    uint32_t *limits;      /* the document's count of fixed limits hit
                              (dyad_result.limits), or NULL */
    sentence *s;
    uint32_t date;
    unit *units;
    uint32_t nunits, cap_units;
    doc_state *ds;         /* document-level memory (pronouns) */
    uint8_t *quoted;       /* token inside a quotation with a known
                              speaker, or NULL (context_quotes) */
    int32_t *unit_of;      /* token -> unit index or -1 */
    uint8_t *deleted;      /* token removed by comma-clause deletion */
    doc_trace *tr;         /* explain trace being built, or NULL */
} sent_ctx;

/* coder_units.c */
void units_build(sent_ctx *c);
/* Codes token range [first,end) as one conjunct; appends to codes. Returns
 * number of codes added. Sets *has_actor when a real actor matched. */
uint32_t units_code_range(sent_ctx *c, uint32_t first, uint32_t end,
                          const char ***codes, uint32_t *n, uint32_t *cap,
                          int *has_actor, int *has_agent);
/* context.c: the document's memory of its actors. Remembers a coded unit
 * (count: it counts towards its country being the story's); the newest
 * mention a pronoun can mean; the actor "its"/"their" refers to; the
 * story's country (NULL: none yet); resolves unit u (one NP chunk ch, nconj
 * conjuncts) as a description or known name, returning 1 when it did; and
 * gives names the code of their appositive role. */
void context_remember(sent_ctx *c, int32_t u, int count);
/* A list's member chunk that names a person in full, with its code: kept
 * so that their name alone finds them later. */
void context_name_member(sent_ctx *c, uint32_t chunk, const char *code,
                         const char *actor);
const mention *context_pronoun(const sent_ctx *c, const tok *t);
const char *context_possessor(const sent_ctx *c);
const char *context_focus(const sent_ctx *c);
/* Counts country code's first three letters n times towards the story's
 * country (the dateline's place). */
void context_seed_country(sent_ctx *c, const char *code, uint32_t n);
/* The story's most mentioned country other than not (3 letters), or NULL. */
const char *context_other_country(const sent_ctx *c, const char *not);
/* The newest actor on the other side of fighting from code src: another
 * country's armed actor, or the state against an armed group of its own
 * (and the reverse); NULL when the story has named none. */
const mention *context_adversary(const sent_ctx *c, const char *src);
/* The newest actor of an earlier sentence other than src, or NULL. */
const mention *context_last_actor(const sent_ctx *c, const char *src);
/* The newest actor of an earlier sentence on another side than src: whom a
 * criticism or refusal with no one named is aimed at. */
const mention *context_counterpart(const sent_ctx *c, const char *src);
int context_describe(sent_ctx *c, unit *u, const chunk *ch, uint32_t nconj);
void context_appositives(sent_ctx *c);
/* Gives a plural phrase the actors of its ", including A, B and C" list. */
void context_examples(sent_ctx *c);
/* Finds the sentence's quotation and its speaker (here, or the last
 * sentence's when the quotation goes on), sets c->quoted, and makes "we",
 * "I", "our" in it the speaker's side. */
void context_quotes(sent_ctx *c);

/* Unit that starts at token p (or -1), unit that ends at token p (or -1). */
int32_t units_starting_at(const sent_ctx *c, uint32_t p);
int32_t units_ending_at(const sent_ctx *c, uint32_t p);

/* coder_match.c: bindings produced by a pattern match */
typedef struct match_result {
    int32_t source, target;   /* unit indices bound by $ / +, or -1 */
    int32_t compound;         /* unit bound by %, or -1 */
    uint32_t upper_first;     /* leftmost token the match used */
    uint32_t lower_end;       /* one past the rightmost token it used */
    uint32_t lower_first;     /* first token of the part after the verb */
} match_result;

/* Tries pattern p around a verb occupying tokens [vfirst, vend): upper
 * part leftwards from vfirst-1 down to lo, lower part from vend to hi-1. */
int match_pattern(const sent_ctx *c, const pattern *p, uint32_t vfirst,
                  uint32_t vend, uint32_t lo, uint32_t hi, match_result *m);

/* Events of one document, growing in the document arena. */
/* The document's events. The array is the doc's own (doc.c), grown with
 * mem_realloc and kept for the next document, so a long document leaves no
 * abandoned copies behind in the arena. */
typedef struct event_list {
    dyad_event *ev;
    uint32_t n, cap;
    const mem *m;          /* where ev comes from (unwinds on failure) */
    dyad_event **home;     /* the doc's pointer to the array and its */
    uint32_t *home_cap;    /* capacity, updated at once on growth so that
                              an unwind never leaves them stale */
} event_list;

/* coder_verbs.c */
void verbs_code_sentence(sent_ctx *c, event_list *out);

/* coder_events.c: one event per source code x target code (units src/tgt,
 * -1 for none); compound: src == tgt, every ordered pair inside it. */
void events_add_pairs(sent_ctx *c, event_list *out, int32_t src, int32_t tgt,
                     const char *code, const char *rcode, int compound,
                     long verb_chunk, const char *rule_file,
                     uint32_t rule_line);

/* events.c: is code a mutual act by its nature (consult, negotiate,
 * sign, agree)? */
int events_symmetric_code(const char *code);
/* events.c: s[0..n) copied into the document arena (c->pa), or, in a
 * document of INTERN_MIN bytes or more, the copy made earlier when it is
 * the same string: a long document's events repeat a few codes and
 * phrases thousands of times.
 * The result outlives the sentence; it must not be written to. */
const char *events_intern(sent_ctx *c, const char *s, size_t n);

/* trace.c (each a no-op unless tracing): a decision line; the sentence's
 * analysis; its actor units; its JSON object; the end of the document. */
/* A fixed limit cut something short: counted in dyad_result.limits and
 * named in the trace (trace.c). */
void coder_limit(const sent_ctx *c, const char *what);
void trace_add(sent_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void trace_analysis(sent_ctx *c);
void trace_units(sent_ctx *c);
void trace_sentence_json(sent_ctx *c, const event_list *ev,
                         uint32_t first_event);
void trace_finish(arena *a, doc_trace *tr);

#endif
