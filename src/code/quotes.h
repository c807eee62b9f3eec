/* quotes.h -- a document's direct quotations and who said them
 * (dyad_result_quote); see quotes.c and docs/places-quotes.md.
 *
 *   quotes_sentence  while a sentence is coded (its clauses and actors at
 *                    hand, pronouns resolved): who says something in it
 *                    and with which verb ("..., the minister said", "X
 *                    told reporters: ...", "according to X");
 *   quotes_finish    once all sentences are coded: the quotation marks of
 *                    the text paired into quotations, scare quotes left
 *                    out, each quotation's speaker, and the events coded
 *                    from inside it.
 */
#ifndef DYAD_QUOTES_H
#define DYAD_QUOTES_H

#include "code/coder.h"
#include "code/qp.h"

/* A speaker and a verb of saying a sentence states. */
typedef enum speech_kind {
    SP_REPORTING,    /* a trailing attribution: "...," the minister said */
    SP_VERB,         /* a clause with a verb of saying and its subject */
    SP_ACCORDING,    /* "according to X" */
    SP_COLON         /* a headline's "X: '...'" */
} speech_kind;

typedef struct speech {
    uint32_t sentence;       /* document sentence index */
    int title;
    uint32_t verb_off, verb_len;   /* normalised offsets in its part */
    uint32_t spk_off, spk_len;
    const char *verb;        /* lower case: "said", "told", "according to" */
    const char *speaker;     /* as written */
    const char *name;        /* the named person a pronoun or description
                                stands for, else speaker */
    const char *code;        /* actor code, NULL when not coded */
    uint8_t kind;            /* speech_kind */
    uint8_t pronoun;         /* the speaker is a pronoun */
    uint8_t plural;          /* the speaker is several ("employees", "they") */
    uint8_t inner;           /* in a relative clause ("which the government
                                branded a "junta""): speaks only for the
                                quotations of its own sentence */
} speech;

/* What the quotation pass keeps for a document (zeroed at its start). */
#define QUOTE_NAMES 64
#define QUOTE_SPEAKERS 256
typedef struct quotes_doc {
    speech *sp;              /* in text order; a body sentence's only while
                                a quotation could still use them (see
                                quotes_prune) */
    uint32_t n, cap;
    uint32_t settled;        /* sp[0..settled) are kept for good */
    const char *body;        /* the body's normalised text, the stretch */
    uint32_t from;           /* of this part from, and its sentences: */
    const sent_span *spans;  /* where quotation marks can be */
    uint32_t nspans, first_index;
    struct {
        const char *speaker, *name, *code;
    } coded[QUOTE_SPEAKERS]; /* the last coded speakers named, a ring: whom
                                a surname alone names ("Rezaei said") */
    uint32_t ncoded;
    struct {
        const char *code;    /* the unit's first code, as coded */
        const char *text;    /* in its sentence's text (not terminated) */
        uint32_t len;
        uint8_t named;       /* ends in a name (else a description with a
                                country: "the Saudi-led coalition") */
        uint8_t resolved;    /* coded from the context, not its words */
        char *buf;           /* the slot's own copy of code and text, */
        uint32_t cap;        /* reused when the ring comes round */
    } names[QUOTE_NAMES];    /* coded actors, a ring: whom "he" and "the
                                minister" name */
    uint32_t nnames;
    int active;              /* the text has quotation marks at all */
    uint32_t mark_seen[8];   /* may_hold_mark's recent answers: sentence
                                index + 1 (0: none), by index & 7 ... */
    uint8_t mark_had[8];     /* ... and the answer */
} quotes_doc;

/* Looks for quotation marks in the title (NULL in a later part of a
 * document) and in the body's stretch [from, to): a document without them
 * needs no speeches. The body's sentences there are spans[0..nspans), of
 * document indexes from first_index. */
void quotes_begin(quotes_doc *qd, const char *title, size_t tlen,
                  const char *body, uint32_t from, uint32_t to,
                  const sent_span *spans, uint32_t nspans,
                  uint32_t first_index);

void quotes_sentence(quotes_doc *qd, sent_ctx *c);
/* Finds the quotations of the document's parts, their speakers and the
 * events coded from them (ev: every event, spans still normalised, in_title
 * set); sets out->nquotes, out->quotes_ and each event's quote. */
void quotes_finish(quotes_doc *qd, const dyad_engine *e, arena *a,
                   event_list *ev, const qp_part *parts, dyad_result *out,
                   doc_trace *tr);

#endif
