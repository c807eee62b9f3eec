/* places.h -- where each event happened (dyad_event.place); see places.c
 * and docs/places-quotes.md.
 *
 * Two steps, because a name is best read with the whole document known:
 *   places_sentence  while the sentence is coded (its chunks, clauses and
 *                    actors at hand): the place names it states as
 *                    locations ("in Kandahar province", "off the coast of
 *                    Yemen", "near the border with Chad"), and for each of
 *                    its events the one that places it;
 *   places_finish    once every sentence is coded: each name's place among
 *                    its candidates (the document's countries, the text's
 *                    own qualifiers, then population), the dateline for
 *                    events their sentence does not place, and the
 *                    dyad_place records.
 */
#ifndef DYAD_PLACES_H
#define DYAD_PLACES_H

#include "code/coder.h"
#include "code/qp.h"

/* How a name was introduced as a place. */
enum {
    PM_LOC = 1,      /* a locative preposition: in, at, near, off ... */
    PM_TO = 2,       /* "to": where a visit or a delivery went */
    PM_ON = 4,       /* "on": a place hit ("strikes on Kyiv") */
    PM_TARGET = 8    /* the target phrase of an attack or a visit */
};

/* A seat of an international organisation (data/igo-seats.tsv, compiled
 * in as build/gen/seats_data.c): the code prefix, a seat's country and
 * city (upper case; the first row of a prefix is its headquarters). */
typedef struct igo_seat {
    const char *prefix;
    const char *country;
    const char *city;
} igo_seat;
extern const igo_seat igo_seats[];
extern const size_t igo_seats_len;

/* A place name the text states as a location. */
typedef struct place_mention {
    uint32_t sentence;       /* document sentence index */
    int title;               /* in the title */
    uint32_t off, len;       /* the name in its part's normalised text */
    const char *text;        /* as written */
    gaz_name nm;             /* its candidates */
    uint8_t how;             /* PM_* */
    uint8_t want;            /* 1 + gaz_level the text asks for ("X
                                province", "the city of X"), 0 any */
    char hint[4];            /* the country the text qualifies it with
                                ("Tripoli, Libya") */
    char own[4];             /* the actor dictionary's country for the same
                                words: it counted towards the document's
                                countries, but is no evidence of itself */
    char near[4];            /* the country of the actor phrase holding it
                                ("Lebanese troops in Tripoli") */
    uint32_t phrase;         /* token of its preposition: of the names of
                                one phrase the last is the most specific */
    uint32_t first, end;     /* tokens (valid during its sentence) */
    uint8_t refers;          /* a description pointing back (no candidates):
                                PR_* in places.c, 0 a name */
    char focus[4];           /* the story's country when it was read */
    char guest[4];           /* an embassy's own country (PR_HOST) */
    uint32_t place;          /* the chosen candidate, GAZ_NONE before */
    dyad_place *out;         /* its record, once made */
} place_mention;

/* What the place pass keeps for a document (zeroed at its start). */
typedef struct places_doc {
    place_mention *m;        /* names, in text order */
    uint32_t n, cap;
    int32_t *of_event;       /* per event: its mention, -1 none */
    uint32_t nev, capev;
    place_mention dateline;  /* the dateline's place ("KABUL (Reuters) -") */
    int has_dateline;
    int dateline_org;        /* the dateline names an organisation's seat
                                ("UNITED NATIONS") */
    place_mention dateline2; /* a double dateline's second ("TAIPEI/BEIJING") */
    int has_dateline2;
} places_doc;

/* The dateline text d[0..len) at offset off of the body's normalised text. */
void places_dateline(places_doc *pd, const dyad_engine *e, arena *a,
                     const char *d, uint32_t len, uint32_t off);
/* A dateline the coder leaves in its sentence ("Hong Kong -- Forty-five
 * ..."): a place name of at most four words, optionally ", Country",
 * then a dash, at the start of the first sentence s[0..len). */
void places_soft_dateline(places_doc *pd, const dyad_engine *e, arena *a,
                          const char *s, uint32_t len, uint32_t off);
/* "Mocimboa da Praia", "Northern Ireland": does a longer place name, from
 * tokens first.. on, hold the actor name matched at tokens at..last (the
 * capital "Praia", the country "Ireland")? Then iso3 is the longer name's
 * country (its most populous place's). */
int places_name_around(const sent_ctx *c, uint32_t first, uint32_t at,
                       uint32_t last, char iso3[4]);
/* "shelled Mariupol", "seized the town of Bucha": does unit u, not coded
 * as an actor, name only a place (a gazetteer name, not a common word)?
 * Then iso3 is its country: a candidate in a country the story names, or
 * the only country the name's places are in. */
int places_name_country(const sent_ctx *c, const unit *u, char iso3[4]);
/* The sentence's place names and the place of each of its events
 * ev->ev[first_event .. ev->n). */
void places_sentence(places_doc *pd, sent_ctx *c, const event_list *ev,
                     uint32_t first_event);
/* Chooses each name's place and sets every event's place (or NULL). tr
 * (may be NULL) receives the decisions. */
void places_finish(places_doc *pd, const dyad_engine *e, arena *a,
                   const doc_state *ds, event_list *ev, const qp_part *parts,
                   doc_trace *tr);

#endif
