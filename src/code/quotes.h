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
typedef struct quotes_doc {
    speech *sp;              /* in text order */
    uint32_t n, cap;
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
} quotes_doc;

/* Looks for quotation marks in the document's texts (title, body): a
 * document without them needs no speeches. */
void quotes_begin(quotes_doc *qd, const char *title, size_t tlen,
                  const char *body, size_t blen);

void quotes_sentence(quotes_doc *qd, sent_ctx *c);
/* Finds the quotations of the document's parts, their speakers and the
 * events coded from them (ev: every event, spans still normalised, in_title
 * set); sets out->nquotes, out->quotes_ and each event's quote. */
void quotes_finish(quotes_doc *qd, const dyad_engine *e, arena *a,
                   event_list *ev, const qp_part *parts, dyad_result *out,
                   doc_trace *tr);

#endif
