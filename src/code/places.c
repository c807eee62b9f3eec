/* places.c -- where each event happened; see places.h.
 *
 * A place is a name of the gazetteer (geo/gazetteer.h) that the text
 * states as a location: after a locative preposition, directly ("in
 * Kabul") or through a few words that describe it ("in the northern city
 * of Mosul", "off the coast of Yemen", "near the border with Chad", "in
 * Russia's Kursk region"). A name that is a clause's subject or object
 * without one is an actor, not a place: "Moscow condemned the strike" is
 * Russia's government speaking. The exception is the target of an attack
 * or a visit, which is where it happened ("missiles struck Kharkiv",
 * "visited Beijing").
 *
 * An event takes the place of its own clause, else of a clause it belongs
 * with (the main clause of its infinitive or coordinate clause, a
 * participial clause of its own); not a place inside a reported clause it
 * is not in, or inside a relative clause, or inside a quotation it is not
 * in. An event its sentence does not place takes the dateline's place
 * when it plausibly happened there: an actor of that country took part,
 * or no state did (a UN statement from Geneva).
 *
 * Disambiguation, once the document is read: a name's candidates are
 * scored by population (log10), the text's own qualifier ("Tripoli,
 * Libya"), the actor dictionary's reading of the same words (GEORGIA is
 * the country), the share of the document's actors and unambiguous places
 * in each candidate's country (Tripoli with Lebanese actors is Lebanon's),
 * and what the text says it is ("X province" a region, "the city of X" a
 * city). A city is preferred to the region of the same name in the same
 * country (Moscow the city, not the oblast), a country to anything else of
 * its name, a capital to other cities.
 */
#include "code/places.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "text/tokenize.h"

#define MAX_NAME_WORDS 8     /* longest name tried, in words */
#define BACK_STEPS 8         /* words between a preposition and its name */

/* prep_how and locative_before run at every capitalised token; called
 * from several places, they would no longer be inlined there. */
#if defined(__GNUC__)
#define PLACES_INLINE inline __attribute__((always_inline))
#else
#define PLACES_INLINE inline
#endif

/* Locative prepositions: the name after them is where something was. */
static PLACES_INLINE unsigned prep_how(const tok *t) {
    /* (prepositions, particles, adverbs; "near" may be an adjective) */
    if (t->tag != T_IN && t->tag != T_TO && t->tag != T_RP &&
        t->tag != T_RB && t->tag != T_JJ)
        return 0;
    if (t->nlen < 2 || t->nlen > 10) return 0;
    if (tok_norm_is(t, "IN") || tok_norm_is(t, "AT") ||
        tok_norm_is(t, "NEAR") || tok_norm_is(t, "INSIDE") ||
        tok_norm_is(t, "OUTSIDE") || tok_norm_is(t, "AROUND") ||
        tok_norm_is(t, "ACROSS") || tok_norm_is(t, "THROUGHOUT") ||
        tok_norm_is(t, "WITHIN") || tok_norm_is(t, "INTO") ||
        tok_norm_is(t, "OFF") || tok_norm_is(t, "ALONG") ||
        tok_norm_is(t, "OVER") || tok_norm_is(t, "NEARBY") ||
        tok_norm_is(t, "BESIDE"))
        return PM_LOC;
    if (tok_norm_is(t, "TO")) return PM_TO;
    if (tok_norm_is(t, "ON") || tok_norm_is(t, "UPON")) return PM_ON;
    return 0;
}

/* Nouns that describe a place and may stand between a preposition and its
 * name: "in the town of", "on the outskirts of", "off the coast of". The
 * value is what they make of the name: 1 + GAZ_CITY, 1 + GAZ_ADMIN1, or
 * 3 for a word that only describes ("outskirts"). */
static int place_noun(const tok *t) {
    /* (at every noun a locative walk passes: the length is compared
     * before the bytes) */
#define PN_(w, v) {w, sizeof(w) - 1, v}
    static const struct {
        const char *w;
        uint16_t len;
        int want;
    } nouns[] = {
        PN_("CITY", 1 + GAZ_CITY),       PN_("TOWN", 1 + GAZ_CITY),
        PN_("VILLAGE", 1 + GAZ_CITY),    PN_("CAPITAL", 1 + GAZ_CITY),
        PN_("PORT", 1 + GAZ_CITY),       PN_("SUBURB", 1 + GAZ_CITY),
        PN_("SUBURBS", 1 + GAZ_CITY),    PN_("PROVINCE", 1 + GAZ_ADMIN1),
        PN_("REGION", 1 + GAZ_ADMIN1),   PN_("STATE", 1 + GAZ_ADMIN1),
        PN_("GOVERNORATE", 1 + GAZ_ADMIN1), PN_("OBLAST", 1 + GAZ_ADMIN1),
        PN_("PREFECTURE", 1 + GAZ_ADMIN1),  PN_("COUNTY", 1 + GAZ_ADMIN1),
        PN_("DISTRICT", 3),              PN_("OUTSKIRTS", 3),
        PN_("COAST", 3),                 PN_("BORDER", 3),
        PN_("BORDERS", 3),               PN_("FRONTIER", 3),
        PN_("EDGE", 3),                  PN_("CENTRE", 3),
        PN_("CENTER", 3),                PN_("HEART", 3),
        PN_("NORTH", 3),                 PN_("SOUTH", 3),
        PN_("EAST", 3),                  PN_("WEST", 3),
        PN_("NORTHEAST", 3),             PN_("NORTHWEST", 3),
        PN_("SOUTHEAST", 3),             PN_("SOUTHWEST", 3),
        PN_("AREA", 3),                  PN_("PART", 3),
        PN_("PARTS", 3),                 PN_("COUNTRYSIDE", 3),
        PN_("STREETS", 3),               PN_("WATERS", 3),
        PN_("SHORES", 3),                PN_("NEIGHBOURHOOD", 3),
        PN_("NEIGHBORHOOD", 3),          PN_("CAMP", 3),
        PN_("AIRPORT", 3),               PN_("PROVINCES", 3),
        PN_("REGIONS", 3),               PN_("CITIES", 3),
        PN_("TOWNS", 3),                 PN_("VILLAGES", 3),
        PN_("APPROACHES", 3),            PN_("TERRITORY", 3),
        PN_("SOIL", 3),                  PN_("AIRSPACE", 3),
    };
#undef PN_
    if (!tag_is_noun(t->tag) || t->nlen < 4) return 0;
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
        if (nouns[i].len == t->nlen && nouns[i].w[0] == t->norm[0] &&
            !memcmp(t->norm + 1, nouns[i].w + 1, t->nlen - 1u))
            return nouns[i].want;
    return 0;
}

/* Walks back from the word before a name to the preposition that makes it
 * a location. Returns PM_* (0: none), the preposition's token and what the
 * words on the way ask the name to be. */
static PLACES_INLINE unsigned locative_before(const sentence *s, uint32_t i,
                                uint32_t *prep, uint8_t *want) {
    uint32_t j = i;
    int described = 0;
    for (int step = 0; step < BACK_STEPS && j > 0; step++) {
        const tok *t = &s->toks[--j];
        unsigned how = prep_how(t);
        if (how) {
            /* "with" after "border" is handled below; "on the outskirts
             * of" is a location, "an attack on X" a place hit; "on the
             * approaches to X" is where, like "on the outskirts of X" */
            *prep = j;
            if (how == PM_ON && described) how = PM_LOC;
            if (how == PM_TO && j > 0 && place_noun(&s->toks[j - 1]) == 3)
                how = PM_LOC;
            return how;
        }
        int pn = place_noun(t);
        if (pn) {
            if (pn != 3 && !*want && step <= 2) *want = (uint8_t)pn;
            described = 1;
            continue;
        }
        if (t->tag == T_DT || tag_is_adj(t->tag) || t->tag == T_CD ||
            t->tag == T_PRPS)
            continue;
        /* "the Ukrainian capital Kyiv": a nationality tagged as a name
         * before a place noun */
        if ((t->tag == T_NNP || t->tag == T_NNPS) && j + 1 < i &&
            place_noun(&s->toks[j + 1]))
            continue;
        if (tok_norm_is(t, "OF") && j > 0 && place_noun(&s->toks[j - 1]))
            continue;
        /* "near the border with Chad" */
        if (tok_norm_is(t, "WITH") && j > 0 &&
            place_noun(&s->toks[j - 1]) == 3)
            continue;
        /* "in the capital, Kabul" */
        if (t->tag == T_COMMA && j > 0 && place_noun(&s->toks[j - 1]))
            continue;
        /* "in Russia's Kursk region": another name and its possessive */
        if (t->tag == T_POS && j > 0 &&
            (s->toks[j - 1].tag == T_NNP || s->toks[j - 1].tag == T_NNPS)) {
            while (j > 1 && (s->toks[j - 1].tag == T_NNP ||
                             s->toks[j - 1].tag == T_NNPS))
                j--;
            continue;
        }
        return 0;
    }
    return 0;
}

/* What the word after a name says it is: "Kandahar province", "Gaza
 * city". */
static uint8_t want_after(const sentence *s, uint32_t end) {
    if (end >= s->ntok) return 0;
    int pn = place_noun(&s->toks[end]);
    return pn == 3 ? 0 : (uint8_t)pn;
}

/* Does the name ending before token end own what follows ("Russia's
 * war", "Gaza's hospitals") rather than name a place ("Russia's Kursk
 * region", "the country's north")? */
static int possessor(const sentence *s, uint32_t end) {
    if (end >= s->ntok || s->toks[end].tag != T_POS) return 0;
    for (uint32_t j = end + 1; j < s->ntok && j < end + 5; j++) {
        const tok *t = &s->toks[j];
        if (t->tag == T_NNP || t->tag == T_NNPS || place_noun(t)) return 0;
        if (!tag_is_adj(t->tag) && t->tag != T_CD) return tag_is_noun(t->tag);
    }
    return 0;
}


/* Is there a candidate of nm in country iso3? */
static int has_country(const dyad_engine *e, const gaz_name *nm,
                       const char *iso3) {
    for (uint32_t k = 0; k < nm->n; k++) {
        gaz_place p;
        if (gaz_place_get(e->gaz, gaz_candidate(nm, k), &p) &&
            !memcmp(p.country, iso3, 3))
            return 1;
    }
    return 0;
}

/* A seat of government the actors code as a state's government or
 * parliament and write as a name ("the White House" USAGOV, "the Kremlin",
 * "Downing Street", "the National Assembly" KENLEG),
 * from token i: its first name token, with the country into iso3; else
 * -1. Such a seat is in that state's capital, whatever else the gazetteer
 * calls by the name (its "White House" is an old name of Casablanca). */
static int32_t gov_seat(const sent_ctx *c, uint32_t i, char *iso3) {
    /* the words of a seat, not a person's name ("President Joe Biden" is
     * USAGOV too) nor a state's mission abroad, which is in its host
     * country ("the North Korean Embassy" in Kuala Lumpur); checked first,
     * as it rejects nearly every unit */
    static const char *const seat[] = {
        "HOUSE",    "KREMLIN",   "STREET",      "PALACE",     "ELYSEE",
        "ÉLYSÉE",   "ZHONGNANHAI", "ASSEMBLY",  "PARLIAMENT", "CONGRESS",
        "KNESSET",  "BUNDESTAG", "DUMA",        "SENATE",     "MINISTRY",
        "CAPITOL",  "PENTAGON",  "CHANCELLERY", "MAJLIS",     NULL};
    if (!c->unit_of) return -1;
    int32_t u = c->unit_of[i];
    if (u < 0) return -1;
    const unit *un = &c->units[u];
    const sentence *s = c->s;
    if (un->end == 0 || s->toks[un->end - 1].tag != T_NNP) return -1;
    const tok *h = &s->toks[un->end - 1];
    if (h->nlen < 4 || h->nlen > 12) return -1;
    const char *const *w = seat;
    while (*w && (h->norm[0] != (*w)[0] || strcmp(h->norm, *w))) w++;
    if (!*w) return -1;
    if (un->pronoun || !un->ncodes || strlen(un->codes[0]) != 6 ||
        (strcmp(un->codes[0] + 3, "GOV") && strcmp(un->codes[0] + 3, "LEG")))
        return -1;
    /* (a role alone, "the National Assembly" ---LEG, is the story's
     * country's) */
    const char *cc = un->codes[0];
    if (!strncmp(cc, "---", 3)) cc = context_focus(c);
    else if (!un->coded || !code_is_state(cc)) return -1;
    if (!cc) return -1;
    uint32_t f = un->first;
    while (f < un->end && s->toks[f].tag == T_DT) f++;
    if (f >= un->end) return -1;
    for (uint32_t j = f; j < un->end; j++)
        if (!(s->toks[j].flags & TOKF_CAP) || s->toks[j].tag != T_NNP)
            return -1;
    memcpy(iso3, cc, 3);
    iso3[3] = '\0';
    return (int32_t)f;
}

/* The longest gazetteer name starting at token i, at most MAX_NAME_WORDS
 * words, none of them punctuation. Returns its word count. */
static uint32_t name_at(const dyad_engine *e, const sentence *s, uint32_t i,
                        gaz_name *nm) {
    const char *w[MAX_NAME_WORDS];
    size_t wl[MAX_NAME_WORDS];
    uint32_t n = 0;
    for (uint32_t k = i; k < s->ntok && n < MAX_NAME_WORDS; k++) {
        const tok *t = &s->toks[k];
        if ((t->flags & TOKF_PUNCT) && t->tag != T_POS) break;
        w[n] = t->norm;
        wl[n++] = t->nlen;
    }
    return n ? (uint32_t)gaz_longest(e->gaz, w, wl, n, nm) : 0;
}

int places_name_around(const sent_ctx *c, uint32_t first, uint32_t at,
                       uint32_t last, char iso3[4]) {
    const sentence *s = c->s;
    for (uint32_t j = at > first + 3 ? at - 3 : first; j < at; j++) {
        const tok *t = &s->toks[j];
        if (!(t->flags & TOKF_CAP) || t->tag != T_NNP) continue;
        int ok = 1;
        for (uint32_t k = j + 1; k < at && ok; k++) /* (capitals or "da", "de", "al") */
            ok = (s->toks[k].flags & TOKF_CAP) ||
                 (s->toks[k].nlen <= 3 && !(s->toks[k].flags & TOKF_PUNCT));
        gaz_name nm;
        uint32_t n;
        if (!ok || !(n = name_at(c->e, s, j, &nm)) || (nm.flags & GAZ_ENGLISH))
            continue;
        /* "Mocimboa da Praia": the gazetteer's "Mocimboa", joined to the
         * actor's name by a lowercase particle, is the same name */
        uint32_t e = j + n;
        while (e < at && !(s->toks[e].flags & TOKF_CAP) && s->toks[e].nlen <= 3 &&
               !(s->toks[e].flags & TOKF_PUNCT))
            e++;
        if (e != at && j + n <= last) continue;
        gaz_place pl;
        if (!gaz_place_get(c->e->gaz, gaz_candidate(&nm, 0), &pl)) return 0;
        memcpy(iso3, pl.country, 4);
        return 1;
    }
    return 0;
}

int places_name_country(const sent_ctx *c, const unit *u, char iso3[4]) {
    const sentence *s = c->s;
    uint32_t f = u->first;
    while (f < u->end && s->toks[f].tag == T_DT) f++;
    /* "the town of Bucha", "the outskirts of Idlib" */
    if (f + 2 < u->end && place_noun(&s->toks[f]) && tok_norm_is(&s->toks[f + 1], "OF"))
        f += 2;
    if (f >= u->end || u->end - f > MAX_NAME_WORDS) return 0;
    for (uint32_t j = f; j < u->end; j++)
        if (!(s->toks[j].flags & TOKF_CAP) || s->toks[j].tag != T_NNP) return 0;
    gaz_name nm;
    if (name_at(c->e, s, f, &nm) != u->end - f || (nm.flags & GAZ_ENGLISH)) return 0;
    /* a candidate in a country the story names, most populous first;
     * else a name of one country only */
    const doc_state *ds = c->ds;
    gaz_place pl;
    for (uint32_t i = 0; ds && i < nm.n; i++) {
        if (!gaz_place_get(c->e->gaz, gaz_candidate(&nm, i), &pl)) continue;
        for (uint32_t k = 0; k < ds->ncountries; k++)
            if (!memcmp(ds->country[k].code, pl.country, 3)) {
                memcpy(iso3, pl.country, 4);
                return 1;
            }
    }
    if ((nm.flags & GAZ_COUNTRIES) || !nm.n ||
        !gaz_place_get(c->e->gaz, gaz_candidate(&nm, 0), &pl))
        return 0;
    memcpy(iso3, pl.country, 4);
    return 1;
}

/* The country a ", Country" (or ", State") after a name qualifies it
 * with, into hint. */
static void qualifier_after(const dyad_engine *e, const sentence *s,
                            uint32_t end, const gaz_name *of, char *hint) {
    if (end + 1 >= s->ntok || s->toks[end].tag != T_COMMA ||
        !(s->toks[end + 1].flags & TOKF_CAP))
        return;
    gaz_name q;
    if (!name_at(e, s, end + 1, &q)) return;
    for (uint32_t k = 0; k < q.n; k++) {
        gaz_place p;
        if (!gaz_place_get(e->gaz, gaz_candidate(&q, k), &p) ||
            p.level == GAZ_CITY)
            continue;
        if (has_country(e, of, p.country)) {
            memcpy(hint, p.country, 4);
            return;
        }
    }
}

/* Quotation marks a sentence's tokens are inside (1), for keeping a place
 * in a quotation to the events of the quotation. */
static uint8_t *quoted_tokens(sent_ctx *c) {
    const sentence *s = c->s;
    uint8_t *q = NULL;
    int inside = 0;
    for (uint32_t i = 0; i < s->ntok; i++) {
        const tok *t = &s->toks[i];
        if ((t->tag == T_LQUOTE || t->tag == T_RQUOTE) &&
            !tok_norm_is(t, "'") && !tok_norm_is(t, "`")) {
            if (!q) q = arena_zalloc(c->pa, s->ntok + 1);
            inside = !inside;
            continue;
        }
        if (q) q[i] = (uint8_t)inside;
    }
    return q;
}

MEM_UNWINDS_BEGIN
static void add_mention(places_doc *pd, sent_ctx *c, uint32_t i, uint32_t k,
                        const gaz_name *nm, unsigned how, uint32_t prep,
                        uint8_t want) {
    const dyad_engine *e = c->e;
    const sentence *s = c->s;
    ARENA_GROW(c->pa, pd->m, pd->n, pd->cap);
    place_mention *m = &pd->m[pd->n++];
    memset(m, 0, sizeof *m);
    m->sentence = s->index;
    m->title = s->title;
    uint32_t a = s->toks[i].off, b = s->toks[i + k - 1].off +
                                     s->toks[i + k - 1].len;
    m->off = s->doc_off + a;
    m->len = b - a;
    m->text = arena_strndup(c->pa, s->text + a, b - a);
    m->nm = *nm;
    m->how = (uint8_t)how;
    m->want = want;
    m->phrase = prep;
    m->first = i;
    m->end = i + k;
    m->place = GAZ_NONE;
    qualifier_after(e, s, i + k, nm, m->hint);
    /* the actor dictionary's reading of the same words, or of the actor
     * phrase around them */
    int32_t u = c->unit_of ? c->unit_of[i] : -1;
    if (u >= 0 && c->units[u].coded && c->units[u].ncodes &&
        code_is_state(c->units[u].codes[0])) {
        const unit *un = &c->units[u];
        char cc[4];
        memcpy(cc, un->codes[0], 3);
        cc[3] = '\0';
        uint32_t f = un->first;
        while (f < i && s->toks[f].tag == T_DT) f++;
        if (f == i && un->end == i + k) memcpy(m->own, cc, 4);
        else memcpy(m->near, cc, 4);
    }
}
MEM_UNWINDS_END

/* The token at normalised offset off of the sentence, or ntok. */
static uint32_t token_at(const sentence *s, uint32_t off) {
    if (off < s->doc_off) return s->ntok;
    uint32_t o = off - s->doc_off;
    for (uint32_t i = 0; i < s->ntok; i++)
        if (s->toks[i].off == o) return i;
    return s->ntok;
}

/* The clause of token i, -1 when it is in no chunk. */
static int32_t clause_of(const sentence *s, uint32_t i) {
    if (i >= s->ntok || s->toks[i].chunk < 0) return -1;
    return s->chunks[s->toks[i].chunk].clause;
}

/* Is relative clause cl one on the sentence's subject, between commas
 * before its verb ("Biden, Trudeau and Lopez Obrador, who were meeting in
 * Mexico City, said ...")? It says where the subject was when it acted. */
static int subject_relative(const sentence *s, const clause *cl) {
    if (cl->end + 1 >= s->nchunk || cl->first == 0) return 0;
    const chunk *w = &s->chunks[cl->first], *cm = &s->chunks[cl->end],
                *v = &s->chunks[cl->end + 1];
    return w->kind == CK_SBAR && tok_norm_is(&s->toks[w->first], "WHO") &&
           s->toks[w->first - 1].tag == T_COMMA && cm->kind == CK_PUNCT &&
           s->toks[cm->first].tag == T_COMMA && v->kind == CK_VG;
}

/* Clauses whose places an event in clause v shares: 3 its own, 2 one it
 * belongs with, 0 none (a reported or relative clause it is not in). */
static int clause_affinity(const sentence *s, int32_t v, int32_t m) {
    if (v < 0 || m < 0) return 1;
    if (v == m) return 3;
    /* the place's clause is above the event's: the event's clause must
     * not be reported or relative on the way up */
    for (int32_t k = v, steps = 0; k >= 0 && steps < 16; steps++) {
        const clause *cl = &s->clauses[k];
        if (cl->kind == CL_COMPLEMENT || cl->kind == CL_RELATIVE ||
            cl->kind == CL_REPORTING)
            break;
        k = cl->parent;
        if (k == m) return 2;
    }
    /* the place's clause is below: a participial, infinitive, adverbial
     * or coordinate clause of the event's */
    for (int32_t k = m, steps = 0; k >= 0 && steps < 16; steps++) {
        const clause *cl = &s->clauses[k];
        if (cl->kind != CL_PARTICIPIAL && cl->kind != CL_INFINITIVE &&
            cl->kind != CL_ADVERBIAL && cl->kind != CL_COORD)
            break;
        /* (not an adverbial clause with a subject of its own: "expelled
         * the envoy, a day after Israeli forces killed protesters along
         * the Gaza border" placed the killing, not the expulsion) */
        if (cl->kind == CL_ADVERBIAL && cl->subject >= 0) return 0;
        k = cl->parent;
        if (k == v) return 2;
    }
    const clause *mc = &s->clauses[m];
    if (mc->kind == CL_RELATIVE && subject_relative(s, mc)) return 1;
    if (mc->kind == CL_RELATIVE || mc->kind == CL_COMPLEMENT ||
        mc->kind == CL_PARENTHETICAL)
        return 0;
    return 1;
}

/* Roots whose target is where they happened: fighting (18-20) and the
 * visit pair 042/043 (for 043, the host is the source). */
static int target_is_place(const char *code) {
    return !strncmp(code, "18", 2) || !strncmp(code, "19", 2) ||
           !strncmp(code, "20", 2) || !strcmp(code, "042");
}

/* A gazetteer name that is the whole phrase [first, end) but for its
 * determiners ("the city of Kharkiv" has one too): its word count and
 * first token, or 0. */
MEM_UNWINDS_BEGIN
static int32_t phrase_mention(places_doc *pd, sent_ctx *c, uint32_t first,
                              uint32_t end) {
    const sentence *s = c->s;
    while (first < end && (s->toks[first].tag == T_DT ||
                           tag_is_adj(s->toks[first].tag) ||
                           place_noun(&s->toks[first]) ||
                           tok_norm_is(&s->toks[first], "OF")))
        first++;
    if (first >= end || !(s->toks[first].flags & TOKF_CAP)) return -1;
    /* an existing mention of the same words */
    for (uint32_t k = pd->n; k-- > 0 && pd->m[k].sentence == s->index;)
        if (pd->m[k].first == first) return (int32_t)k;
    gaz_name nm;
    uint32_t k = name_at(c->e, s, first, &nm);
    /* (the name may carry an appositive: "hit Kharkiv, Ukraine's second
     * city") */
    if (!k || (first + k != end && s->toks[first + k].tag != T_COMMA) ||
        (nm.flags & GAZ_ENGLISH))
        return -1;
    add_mention(pd, c, first, k, &nm, PM_TARGET, first,
                want_after(s, first + k));
    return (int32_t)pd->n - 1;
}
MEM_UNWINDS_END

/* The mention that places event ev, or -1. m0: the sentence's first
 * mention. */
static int32_t event_place(places_doc *pd, sent_ctx *c, const dyad_event *ev,
                           uint32_t m0, const uint8_t *quoted) {
    const sentence *s = c->s;
    uint32_t vt = token_at(s, ev->verb_span.off);
    if (vt >= s->ntok) return -1;
    int32_t vcl = clause_of(s, vt);
    int vq = quoted ? quoted[vt] : 0;
    int visit = !strncmp(ev->code, "04", 2) || !strncmp(ev->code, "07", 2);
    int violent = ev->code[0] == '1' && ev->code[1] >= '5';
    violent |= ev->code[0] == '2';
    /* an attack's or a visit's target phrase (for 043, the host) */
    int tp = target_is_place(ev->code) || !strcmp(ev->code, "043");
    dyad_span sp = !strcmp(ev->code, "043") ? ev->source_span : ev->target_span;
    uint32_t ta = s->ntok, tb = s->ntok;
    if (tp && sp.len) {
        ta = tb = token_at(s, sp.off);
        while (tb < s->ntok && s->toks[tb].off + s->toks[tb].len <=
                                   sp.off + sp.len - s->doc_off)
            tb++;
    }
    int32_t best = -1;
    long best_score = 0;
    for (uint32_t k = m0; k < pd->n; k++) {
        const place_mention *m = &pd->m[k];
        if (m->how == PM_TARGET) continue;
        if (m->how == PM_TO && !visit) continue;
        if (m->how == PM_ON && !violent) continue;
        if ((quoted ? quoted[m->first] : 0) != vq) continue;
        int aff = clause_affinity(s, vcl, clause_of(s, m->first));
        if (!aff) continue;
        /* the same phrase's later name is more specific */
        if (k + 1 < pd->n && pd->m[k + 1].phrase == m->phrase &&
            pd->m[k + 1].sentence == m->sentence)
            continue;
        long dist = (long)m->first - (long)vt;
        long score = aff * 1000 - (dist >= 0 ? dist : -2 * dist);
        /* a name says more than a description of the same clause */
        if (m->refers) score -= 500;
        /* "fired rockets at airports in Bahir Dar and at Asmara" (against
         * Eritrea): the place named as the target is where it landed */
        if (m->first >= ta && m->end <= tb) score += 2000;
        /* "support to ... Benin, Togo and Ghana, where": of a list's
         * places, the one of the country the event is aimed at */
        else if (m->phrase == m->first && code_is_state(ev->target) &&
                 has_country(c->e, &m->nm, ev->target))
            score += 2000;
        if (best < 0 || score > best_score) {
            best = (int32_t)k;
            best_score = score;
        }
    }
    /* an attack's or a visit's target named as a place; before the
     * verb, another clause's place rarely says where the act landed ("the
     * situation in Belarus and Russia's war against Ukraine"), after it
     * the clause's place is the more specific ("attacked Ukraine in
     * Kharkiv") */
    if (ta >= s->ntok ||
        (best >= 0 && (pd->m[best].first >= vt ||
                       (pd->m[best].first >= ta && pd->m[best].end <= tb))))
        return best;
    int32_t t = phrase_mention(pd, c, ta, tb);
    return t >= 0 ? t : best;
}

/* The headquarters of organisation code (the longest prefix of
 * data/igo-seats.tsv), or NULL. */
static const igo_seat *seat_of(const char *code) {
    const igo_seat *best = NULL;
    size_t bl = 0;
    for (size_t i = 0; i < igo_seats_len; i++) {
        size_t l = strlen(igo_seats[i].prefix);
        if (l > bl && !strncmp(code, igo_seats[i].prefix, l)) {
            best = &igo_seats[i];
            bl = l;
        }
    }
    return best;
}

/* "At the UN Security Council, ...", "at the council": an organisation's
 * body after "at" is its seat (New York), the place of what is done
 * there. (Only "at": "in the EU" is membership or territory.) */
MEM_UNWINDS_BEGIN
static void seat_mentions(places_doc *pd, sent_ctx *c) {
    const sentence *s = c->s;
    for (uint32_t k = 0; c->unit_of && k < c->nunits; k++) {
        const unit *u = &c->units[k];
        char iso3[4];
        if (u->pronoun || !u->ncodes) continue;
        /* (a six-letter ...GOV or ...LEG code, only after a preposition:
         * "at the White House"; the cheap tests first, at every unit: the
         * tokens before it, then its code, which lives in the dictionary's
         * memory, far from the sentence) */
        uint32_t b = u->first;
        if (b < s->ntok && s->toks[b].tag == T_DT) b++;
        int pp = b >= 1 && b <= s->ntok &&
                 (prep_how(&s->toks[b - 1]) ||
                  (b >= 2 && s->toks[b - 1].tag == T_DT &&
                   prep_how(&s->toks[b - 2])));
        int at = u->first > 0 && tok_norm_is(&s->toks[u->first - 1], "AT");
        if (!pp && !at) continue;
        const char *c0 = u->codes[0];
        int gl = c0[0] && c0[1] && c0[2] &&
                 ((c0[3] == 'G' && c0[4] == 'O' && c0[5] == 'V') ||
                  (c0[3] == 'L' && c0[4] == 'E' && c0[5] == 'G')) &&
                 !c0[6];
        pp = pp && gl;
        int32_t f = pp && u->first < s->ntok ? gov_seat(c, u->first, iso3) : -1;
        if (f >= 0 && u->end - (uint32_t)f <= MAX_NAME_WORDS) {
            /* "at the White House", "in the Kremlin": the capital */
            uint32_t prep = 0;
            uint8_t want = 0;
            unsigned how = locative_before(s, (uint32_t)f, &prep, &want);
            uint32_t cap = gaz_capital(c->e->gaz, gaz_country(c->e->gaz, iso3));
            gaz_place p;
            if (!how || !gaz_place_get(c->e->gaz, cap, &p)) continue;
            char key[64];
            size_t l = 0;
            /* (up to a comma: "Washington, D.C." is the key WASHINGTON) */
            for (const char *q = p.name; *q && *q != ',' && l + 1 < sizeof key; q++)
                key[l++] = (*q >= 'a' && *q <= 'z') ? (char)(*q - 'a' + 'A') : *q;
            gaz_name nm;
            if (!gaz_lookup(c->e->gaz, key, l, &nm) || !has_country(c->e, &nm, iso3))
                continue;
            add_mention(pd, c, (uint32_t)f, u->end - (uint32_t)f, &nm, how, prep,
                        1 + GAZ_CITY);
            memcpy(pd->m[pd->n - 1].hint, iso3, 4);
            trace_add(c, "place: \"%s\" the seat of %s, %s\n",
                      pd->m[pd->n - 1].text, u->codes[0], p.name);
            continue;
        }
        if (!u->coded || u->pronoun || !u->ncodes || u->first == 0 ||
            u->end - u->first > MAX_NAME_WORDS ||
            strncmp(u->codes[0], "IGO", 3) ||
            !tok_norm_is(&s->toks[u->first - 1], "AT"))
            continue;
        const igo_seat *st = seat_of(u->codes[0]);
        if (!st) continue;
        const char *w[MAX_NAME_WORDS];
        size_t wl[MAX_NAME_WORDS];
        uint32_t n = 0;
        for (const char *p = st->city; *p && n < MAX_NAME_WORDS;) {
            const char *q = strchr(p, ' ');
            size_t l = q ? (size_t)(q - p) : strlen(p);
            w[n] = p;
            wl[n++] = l;
            p += l + (q != NULL);
        }
        gaz_name nm;
        if (!n || !gaz_lookup_words(c->e->gaz, w, wl, n, &nm)) continue;
        add_mention(pd, c, u->first, u->end - u->first, &nm, PM_LOC,
                    u->first - 1, 1 + GAZ_CITY);
        memcpy(pd->m[pd->n - 1].hint, st->country, 4);
        trace_add(c, "place: \"%s\" at the seat of %s, %s\n",
                  pd->m[pd->n - 1].text, u->codes[0], st->city);
    }
}
MEM_UNWINDS_END

/* "off the Libyan coast", "in Yemeni waters": a nationality the actor
 * dictionary codes as a country, before a noun for its coast or sea,
 * names that country. Not a border: "near the Venezuelan border" is as
 * often on the other side. Fills nm with the country's name. */
static int nationality_side(const sent_ctx *c, uint32_t i, gaz_name *nm) {
    const sentence *s = c->s;
    if (!c->unit_of || i + 1 >= s->ntok || place_noun(&s->toks[i + 1]) != 3)
        return 0;
    const tok *n = &s->toks[i + 1];
    if (!tok_norm_is(n, "COAST") && !tok_norm_is(n, "WATERS") &&
        !tok_norm_is(n, "SHORES"))
        return 0;
    int32_t u = c->unit_of[i];
    if (u < 0 || !c->units[u].coded || !c->units[u].ncodes ||
        !code_is_state(c->units[u].codes[0]))
        return 0;
    char iso3[4];
    memcpy(iso3, c->units[u].codes[0], 3);
    iso3[3] = '\0';
    gaz_place p;
    uint32_t cp = gaz_country(c->e->gaz, iso3);
    if (cp == GAZ_NONE || !gaz_place_get(c->e->gaz, cp, &p)) return 0;
    /* (the gazetteer's keys are upper case) */
    char key[64];
    size_t l = 0;
    for (const char *q = p.name; *q && l + 1 < sizeof key; q++)
        key[l++] = (*q >= 'a' && *q <= 'z') ? (char)(*q - 'a' + 'A') : *q;
    key[l] = '\0';
    return gaz_lookup(c->e->gaz, key, l, nm) && has_country(c->e, nm, iso3);
}

/* Descriptions that point back to a place ("across the country", "in the
 * city", "the besieged east"): news names a place once and then describes
 * it. PR_COUNTRY is the acting state's country, else the target's (aid to
 * North Korea "in the impoverished country"), else the story's ("Lithuania
 * ordered Russia's ambassador out of the country"); "the capital" is that
 * country's capital; PR_CITY the last city the document named (else the
 * next), PR_SIDE ("the east") the country of the last place named,
 * PR_HOST (an embassy) that of the last place named in another country
 * than the embassy's own. */
enum { PR_COUNTRY = 1, PR_CITY, PR_SIDE, PR_HOST };

static int refers_noun(const tok *t) {
    static const struct {
        const char *w;
        int r;
    } nouns[] = {
        {"COUNTRY", PR_COUNTRY}, {"NATION", PR_COUNTRY},
        {"CITY", PR_CITY},       {"TOWN", PR_CITY},
        {"CAPITAL", PR_COUNTRY}, {"ENCLAVE", PR_CITY},
        {"EAST", PR_SIDE},       {"WEST", PR_SIDE},
        {"NORTH", PR_SIDE},      {"SOUTH", PR_SIDE},
        {"NORTHEAST", PR_SIDE},  {"NORTHWEST", PR_SIDE},
        {"SOUTHEAST", PR_SIDE},  {"SOUTHWEST", PR_SIDE},
    };
    if ((t->tag != T_NN && t->tag != T_NNP) || t->nlen < 4 || t->nlen > 9)
        return 0;
    /* (at every token: most are rejected by their first letter) */
    switch (t->norm[0]) {
    case 'C': case 'N': case 'T': case 'E': case 'W': case 'S': break;
    default: return 0;
    }
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
        if (t->norm[0] == nouns[i].w[0] && !strcmp(t->norm, nouns[i].w))
            return nouns[i].r;
    return 0;
}

/* "off its east coast", "along their border", "inside its territory": a
 * locative preposition, "its" or "their", and a noun for a country's edge
 * or ground (sides and adjectives between) point to the actor's country. */
MEM_UNWINDS_BEGIN
static void own_side_mention(places_doc *pd, sent_ctx *c, uint32_t d) {
    const sentence *s = c->s;
    uint32_t i = d + 1;
    while (i < s->ntok && i < d + 4 &&
           (tag_is_adj(s->toks[i].tag) || refers_noun(&s->toks[i]) == PR_SIDE))
        i++;
    if (i >= s->ntok) return;
    const tok *n = &s->toks[i];
    if (!tok_norm_is(n, "COAST") && !tok_norm_is(n, "BORDER") &&
        !tok_norm_is(n, "BORDERS") && !tok_norm_is(n, "TERRITORY") &&
        !tok_norm_is(n, "SOIL") && !tok_norm_is(n, "WATERS") &&
        !tok_norm_is(n, "AIRSPACE") && !tok_norm_is(n, "SHORES") &&
        !tok_norm_is(n, "FRONTIER"))
        return;
    uint32_t prep = 0;
    uint8_t want = 0;
    unsigned how = locative_before(s, d + 1, &prep, &want);
    if (!how || prep + 1 != d) return;
    gaz_name nm;
    memset(&nm, 0, sizeof nm);
    add_mention(pd, c, d, i + 1 - d, &nm, how, prep, 1 + GAZ_COUNTRY);
    place_mention *m = &pd->m[pd->n - 1];
    m->refers = PR_COUNTRY;
    const char *f = context_focus(c);
    if (f) memcpy(m->focus, f, 3);
    trace_add(c, "place: \"%s\" after \"%s\" is the actor's own\n", m->text,
              s->toks[prep].norm);
}
MEM_UNWINDS_END

/* "demonstrators attacked the French Embassy", "outside the U.S.
 * embassy": an embassy or consulate is in its host country, not its
 * own (the story names the host before, or the dateline does). d: the
 * "the" before it. */
MEM_UNWINDS_BEGIN
static void embassy_mention(places_doc *pd, sent_ctx *c, uint32_t d) {
    const sentence *s = c->s;
    uint32_t i = d + 1;
    while (i < s->ntok && i < d + 4 &&
           (s->toks[i].tag == T_NNP || s->toks[i].tag == T_JJ))
        if (tok_norm_is(&s->toks[i], "EMBASSY") ||
            tok_norm_is(&s->toks[i], "CONSULATE"))
            break;
        else
            i++;
    if (i >= s->ntok || (!tok_norm_is(&s->toks[i], "EMBASSY") &&
                         !tok_norm_is(&s->toks[i], "CONSULATE")))
        return;
    /* (where it went is no place of its own: "fled to the embassy") */
    if (d > 0 && s->toks[d - 1].tag == T_TO) return;
    char guest[4] = {0};
    for (uint32_t j = d + 1; j <= i + 2 && j < s->ntok && !guest[0]; j++) {
        int32_t u = c->unit_of ? c->unit_of[j] : -1;
        if (u >= 0 && c->units[u].coded && c->units[u].ncodes &&
            code_is_state(c->units[u].codes[0]))
            memcpy(guest, c->units[u].codes[0], 3);
    }
    gaz_name nm;
    memset(&nm, 0, sizeof nm);
    add_mention(pd, c, d, i + 1 - d, &nm, PM_LOC, d, 1 + GAZ_COUNTRY);
    place_mention *m = &pd->m[pd->n - 1];
    m->refers = PR_HOST;
    memcpy(m->guest, guest, 4);
    const char *f = context_focus(c);
    if (f) memcpy(m->focus, f, 3);
    trace_add(c, "place: \"%s\" is in its host country (not %s)\n", m->text,
              guest[0] ? guest : "known");
}
MEM_UNWINDS_END

/* "90 percent of the besieged east", "residents of the regional
 * capital", "control of the city": after these nouns "of" says where. */
static int part_of_noun(const tok *t) {
    return tok_norm_is(t, "PERCENT") || tok_norm_is(t, "CENT") ||
           tok_norm_is(t, "PARTS") || tok_norm_is(t, "PART") ||
           tok_norm_is(t, "MOST") || tok_norm_is(t, "MUCH") ||
           tok_norm_is(t, "REST") || tok_norm_is(t, "RESIDENTS") ||
           tok_norm_is(t, "INHABITANTS") || tok_norm_is(t, "CONTROL");
}

/* "in the country", "across the country", "in the regional capital": a
 * description after a locative preposition with nothing after it that
 * names the place (not "the city of Mosul", "the capital, Kabul", "the
 * capital Kyiv", "the country's east" keeps the country). */
MEM_UNWINDS_BEGIN
static void description_mentions(places_doc *pd, sent_ctx *c) {
    const sentence *s = c->s;
    for (uint32_t d = 1; d + 1 < s->ntok; d++) {
        /* "off its east coast", "across their border": the actor's own
         * country (PR_COUNTRY: the acting state's) */
        if (s->toks[d].tag == T_PRPS &&
            (tok_norm_is(&s->toks[d], "ITS") ||
             tok_norm_is(&s->toks[d], "THEIR")))
            own_side_mention(pd, c, d);
        /* (from each "the": the noun within three words) */
        if (s->toks[d].tag != T_DT || !tok_norm_is(&s->toks[d], "THE")) continue;
        embassy_mention(pd, c, d);
        uint32_t i = d + 1;
        while (i < s->ntok && i < d + 3 &&
               (tag_is_adj(s->toks[i].tag) || s->toks[i].tag == T_VBN))
            i++;
        int r = i < s->ntok ? refers_noun(&s->toks[i]) : 0;
        if (!r) continue;
        if (i + 1 < s->ntok) {
            const tok *n = &s->toks[i + 1];
            /* (a possessor only before a side: "the country's east"; not
             * "the country's capital Kabul", whose name places it) */
            if (n->tag == T_POS &&
                (i + 2 >= s->ntok || refers_noun(&s->toks[i + 2]) != PR_SIDE))
                continue;
            if (tok_norm_is(n, "OF") || (n->flags & TOKF_CAP) ||
                (n->tag == T_COMMA && i + 2 < s->ntok &&
                 (s->toks[i + 2].flags & TOKF_CAP)))
                continue;
        }
        uint32_t prep = 0;
        uint8_t want = 0;
        unsigned how = locative_before(s, d + 1, &prep, &want);
        /* "ordering the ambassador out of the country": where from */
        if (!how && d >= 2 && tok_norm_is(&s->toks[d - 1], "OF") &&
            (tok_norm_is(&s->toks[d - 2], "OUT") ||
             part_of_noun(&s->toks[d - 2]))) {
            how = PM_LOC;
            prep = d - 1;
        }
        if (!how || prep + 1 != d) continue;
        gaz_name nm;
        memset(&nm, 0, sizeof nm);
        /* (a capital is its country's, want says the city; not "the
         * regional capital", a city the country-level place stands for) */
        int regional = i > d + 1 && (tok_norm_is(&s->toks[i - 1], "REGIONAL") ||
                                     tok_norm_is(&s->toks[i - 1], "PROVINCIAL"));
        add_mention(pd, c, d, i + 1 - d, &nm, how, prep,
                    r == PR_CITY ||
                            (tok_norm_is(&s->toks[i], "CAPITAL") && !regional)
                        ? 1 + GAZ_CITY
                        : 1 + GAZ_COUNTRY);
        place_mention *m = &pd->m[pd->n - 1];
        m->refers = (uint8_t)r;
        const char *f = context_focus(c);
        if (f) memcpy(m->focus, f, 3);
        trace_add(c, "place: \"%s\" after \"%s\" points back\n", m->text,
                  s->toks[prep].norm);
    }
}
MEM_UNWINDS_END

/* Is nm's first candidate a country? */
static int country_name(const dyad_engine *e, const gaz_name *nm) {
    gaz_place p;
    return nm->n && gaz_place_get(e->gaz, gaz_candidate(nm, 0), &p) &&
           p.level == GAZ_COUNTRY;
}

/* Does a list of names from token i on end in ", where" ("support for
 * coastal states, including Benin, Togo and Ghana, where attacks have
 * spread")? The relative clause makes each listed name a location: the
 * place of the events aimed at it. */
static int where_list_after(const dyad_engine *e, const sentence *s,
                            uint32_t i) {
    for (uint32_t j = i; j < s->ntok && j < i + 24; j++) {
        const tok *t = &s->toks[j];
        if (t->tag == T_COMMA) {
            if (j + 1 < s->ntok && tok_norm_is(&s->toks[j + 1], "WHERE"))
                return 1;
            continue;
        }
        if (t->tag == T_CC && (tok_norm_is(t, "AND") || tok_norm_is(t, "OR")))
            continue;
        gaz_name nm;
        uint32_t k = (t->flags & TOKF_CAP) ? name_at(e, s, j, &nm) : 0;
        if (k) j += k - 1;
        else if (!(t->flags & TOKF_CAP)) return 0;
    }
    return 0;
}

/* Has the sentence a ", where" (the only way where_list_after can hold)? */
static int has_comma_where(const sentence *s) {
    for (uint32_t j = 1; j < s->ntok; j++)
        if (s->toks[j - 1].tag == T_COMMA && tok_norm_is(&s->toks[j], "WHERE"))
            return 1;
    return 0;
}

MEM_UNWINDS_BEGIN
void places_sentence(places_doc *pd, sent_ctx *c, const event_list *ev,
                     uint32_t first_event) {
    const sentence *s = c->s;
    const dyad_engine *e = c->e;
    uint32_t m0 = pd->n;
    int where = has_comma_where(s);
    /* locative_before finds a preposition only before its name: a name
     * up to the sentence's first one is no location (most subjects) */
    uint32_t first_prep = 0;
    while (first_prep < s->ntok && !prep_how(&s->toks[first_prep])) first_prep++;
    for (uint32_t i = where ? 1 : first_prep + 1; i < s->ntok; i++) {
        const tok *t = &s->toks[i];
        if (!(t->flags & TOKF_CAP) || (t->flags & TOKF_PUNCT)) continue;
        uint32_t prep = 0;
        uint8_t want = 0;
        unsigned how = locative_before(s, i, &prep, &want);
        if (!how && !where) continue;
        gaz_name nm;
        uint32_t k = name_at(e, s, i, &nm);
        if (how != PM_LOC && where && k && where_list_after(e, s, i + k)) {
            /* (each listed name its own phrase) */
            how = PM_LOC;
            prep = i;
        }
        if (!how) continue;
        if (!k && nationality_side(c, i, &nm)) {
            add_mention(pd, c, i, 1, &nm, how, prep, 1 + GAZ_COUNTRY);
            continue;
        }
        if (!k) continue;
        char seat[4];
        if (gov_seat(c, i, seat) >= 0 && !has_country(e, &nm, seat)) continue;
        /* a one-word name that is also an English word must at least be
         * tagged as a name ("in Split", not "in Mobile phones") */
        if ((nm.flags & GAZ_ENGLISH) && k == 1 && t->tag != T_NNP) continue;
        /* a longer name this one starts ("in Kandahar Airfield") that the
         * gazetteer lacks: a name followed by another capitalised noun is
         * not this place */
        if (i + k < s->ntok && (s->toks[i + k].tag == T_NNP ||
                                s->toks[i + k].tag == T_NNPS) &&
            (s->toks[i + k].flags & TOKF_CAP) && !want_after(s, i + k))
            continue;
        /* "the Gulf of Guinea", "North of England", "Bajo de Masinloc",
         * "Ras al Khaimah": a longer name */
        if (i + k + 1 < s->ntok && (s->toks[i + k + 1].flags & TOKF_CAP) &&
            (tok_norm_is(&s->toks[i + k], "OF") ||
             tok_norm_is(&s->toks[i + k], "DE") ||
             tok_norm_is(&s->toks[i + k], "DEL") ||
             tok_norm_is(&s->toks[i + k], "DA") ||
             tok_norm_is(&s->toks[i + k], "DO") ||
             tok_norm_is(&s->toks[i + k], "DI") ||
             tok_norm_is(&s->toks[i + k], "LA")))
            continue;
        /* "in Russia's war against Ukraine": a possessor, not a place;
         * the thing it owns is where ("in Russia's Kursk region" takes
         * the later name) */
        if (possessor(s, i + k)) continue;
        uint8_t wa = want_after(s, i + k);
        /* "sanctions on U.S. defence contractors": a country's name before
         * a common noun that is no place noun qualifies it, as an
         * adjective would */
        if (!wa && i + k < s->ntok && !place_noun(&s->toks[i + k]) &&
            (s->toks[i + k].tag == T_NN || s->toks[i + k].tag == T_NNS) &&
            country_name(e, &nm))
            continue;
        add_mention(pd, c, i, k, &nm, how, prep, wa ? wa : want);
        trace_add(c, "place: \"%s\" %s \"%s\" (%u candidate%s)\n",
                  pd->m[pd->n - 1].text, prep == i ? "listed before" : "after",
                  prep == i ? ", WHERE" : s->toks[prep].norm, nm.n,
                  nm.n == 1 ? "" : "s");
        i += k - 1;
    }
    seat_mentions(pd, c);
    description_mentions(pd, c);
    if (pd->capev < ev->n) {
        uint32_t cap = ev->n * 2 + 16;
        int32_t *v = arena_alloc(c->pa, cap * sizeof *v);
        if (pd->nev) memcpy(v, pd->of_event, pd->nev * sizeof *v);
        pd->of_event = v;
        pd->capev = cap;
    }
    uint8_t *quoted = quoted_tokens(c);
    for (uint32_t k = first_event; k < ev->n; k++) {
        int32_t m = event_place(pd, c, &ev->ev[k], m0, quoted);
        pd->of_event[k] = m;
        if (m >= 0)
            trace_add(c, "place of %s %s %s: \"%s\"\n", ev->ev[k].source,
                      ev->ev[k].code, ev->ev[k].target, pd->m[m].text);
    }
    pd->nev = ev->n;
}

void places_dateline(places_doc *pd, const dyad_engine *e, arena *a,
                     const char *d, uint32_t len, uint32_t off) {
    /* the place is the dateline's first words, up to a comma, a bracket,
     * a dash, a colon or a digit: "KYIV, Ukraine (AP) --" */
    uint32_t n = 0;
    while (n < len && d[n] != ',' && d[n] != '(' && d[n] != ':' &&
           d[n] != '/' && !(d[n] == '-' && (n + 1 >= len || d[n + 1] == '-' ||
                                            d[n + 1] == ' ')) &&
           !(d[n] >= '0' && d[n] <= '9'))
        n++;
    while (n > 0 && d[n - 1] == ' ') n--;
    if (!n) return;
    tok *toks;
    uint32_t nt = tok_tokenize(a, d, n, &toks);
    if (!nt || nt > MAX_NAME_WORDS) return;
    const char *w[MAX_NAME_WORDS];
    size_t wl[MAX_NAME_WORDS];
    for (uint32_t i = 0; i < nt; i++) {
        w[i] = toks[i].norm;
        wl[i] = toks[i].nlen;
    }
    gaz_name nm;
    /* "UNITED NATIONS (Reuters) -": the UN's seat */
    int org = 0;
    if (nt == 2 && !strcmp(w[0], "UNITED") && !strcmp(w[1], "NATIONS")) {
        org = 1;
        w[0] = "NEW";
        w[1] = "YORK";
        wl[0] = 3;
        wl[1] = 4;
    }
    if (!gaz_lookup_words(e->gaz, w, wl, nt, &nm)) {
        /* "TAIPEI/BEIJING": the second name */
        if (n < len && d[n] == '/')
            places_dateline(pd, e, a, d + n + 1, len - n - 1, off + n + 1);
        return;
    }
    place_mention *m = pd->has_dateline ? &pd->dateline2 : &pd->dateline;
    memset(m, 0, sizeof *m);
    m->off = off;
    m->len = n;
    m->text = arena_strndup(a, d, n);
    m->nm = nm;
    m->how = PM_LOC;
    m->want = 1 + GAZ_CITY;
    m->place = GAZ_NONE;
    /* "KYIV, Ukraine": the qualifier */
    uint32_t q = n;
    while (q < len && (d[q] == ',' || d[q] == ' ')) q++;
    uint32_t qe = q;
    while (qe < len && d[qe] != ',' && d[qe] != '(' && d[qe] != '-' &&
           d[qe] != ':')
        qe++;
    while (qe > q && (d[qe - 1] == ' ' || d[qe - 1] == '.')) qe--;
    if (q < len && d[n] == ',' && qe > q) {
        tok *qt;
        uint32_t nq = tok_tokenize(a, d + q, qe - q, &qt);
        const char *qw[MAX_NAME_WORDS];
        size_t ql[MAX_NAME_WORDS];
        gaz_name qn;
        if (nq && nq <= MAX_NAME_WORDS) {
            for (uint32_t i = 0; i < nq; i++) {
                qw[i] = qt[i].norm;
                ql[i] = qt[i].nlen;
            }
            if (gaz_lookup_words(e->gaz, qw, ql, nq, &qn))
                for (uint32_t k = 0; k < qn.n; k++) {
                    gaz_place p;
                    if (gaz_place_get(e->gaz, gaz_candidate(&qn, k), &p) &&
                        p.level != GAZ_CITY && has_country(e, &nm, p.country)) {
                        memcpy(m->hint, p.country, 4);
                        break;
                    }
                }
        }
    }
    if (m == &pd->dateline2) {
        pd->has_dateline2 = 1;
        return;
    }
    pd->has_dateline = 1;
    pd->dateline_org = org;
    /* "TAIPEI/BEIJING": the second city places the events of its own
     * country */
    if (n < len && d[n] == '/')
        places_dateline(pd, e, a, d + n + 1, len - n - 1, off + n + 1);
}
MEM_UNWINDS_END

void places_soft_dateline(places_doc *pd, const dyad_engine *e, arena *a,
                          const char *s, uint32_t len, uint32_t off) {
    uint32_t lim = len < 48 ? len : 48, words = 0;
    for (uint32_t i = 0; i + 3 < lim; i++) {
        if (s[i] == ' ' && s[i + 1] == '-' && s[i + 2] == '-') {
            if (words < 4 && s[0] >= 'A' && s[0] <= 'Z')
                places_dateline(pd, e, a, s, i + 3, off);
            return;
        }
        if (s[i] == ' ' && ++words >= 4) return;
        if (s[i] == '.' || s[i] == ';') return;
    }
}

/* ---- the document's choices ---------------------------------------------- */

/* How much the document is about each country: its actors' mentions,
 * its unambiguous places, the dateline. Keyed by alpha-3 code (a document
 * names few countries). */
#define WEIGHT_MAX 64
typedef struct country_weights {
    struct {
        char iso3[4];
        double w;
    } c[WEIGHT_MAX];
    uint32_t n;
    double max;
} country_weights;

static void weigh_country(country_weights *cw, const char *iso3, double by) {
    uint32_t i = 0;
    while (i < cw->n && memcmp(cw->c[i].iso3, iso3, 3)) i++;
    if (i == cw->n) {
        if (i == WEIGHT_MAX) return;
        memcpy(cw->c[i].iso3, iso3, 3);
        cw->c[i].iso3[3] = '\0';
        cw->c[i].w = 0;
        cw->n++;
    }
    cw->c[i].w += by;
    if (cw->c[i].w > cw->max) cw->max = cw->c[i].w;
}

static double weight_of(const country_weights *cw, const char *iso3) {
    for (uint32_t i = 0; i < cw->n; i++)
        if (!memcmp(cw->c[i].iso3, iso3, 3)) return cw->c[i].w;
    return 0;
}

/* The one country of a name's candidates into iso3, or 0 when several. */
static int single_country(const dyad_engine *e, const gaz_name *nm,
                          char *iso3) {
    gaz_place p;
    if ((nm->flags & GAZ_COUNTRIES) ||
        !gaz_place_get(e->gaz, gaz_candidate(nm, 0), &p))
        return 0;
    memcpy(iso3, p.country, 4);
    return 1;
}

static void weigh_document(const dyad_engine *e, const places_doc *pd,
                           const doc_state *ds, country_weights *cw) {
    memset(cw, 0, sizeof *cw);
    char iso3[4];
    for (uint32_t i = 0; ds && i < ds->ncountries; i++)
        weigh_country(cw, ds->country[i].code, ds->country[i].n);
    for (uint32_t i = 0; i < pd->n; i++)
        if (single_country(e, &pd->m[i].nm, iso3)) weigh_country(cw, iso3, 1);
    if (pd->has_dateline && single_country(e, &pd->dateline.nm, iso3))
        weigh_country(cw, iso3, 2);
}

/* The score of candidate p for mention m (higher is better): the
 * document's countries add at most 2 (a factor of 100 in population), so
 * Tripoli with Lebanese actors is Lebanon's but Paris in a story on the
 * United States is still France's. */
static double candidate_score(const place_mention *m, const gaz_place *p,
                              const country_weights *cw) {
    double sc = log10((double)p->population + 10.0);
    if (m->hint[0] && !memcmp(p->country, m->hint, 3)) sc += 5.0;
    if (m->near[0] && !memcmp(p->country, m->near, 3)) sc += 0.5;
    if (cw->max > 0) {
        double w = weight_of(cw, p->country);
        if (m->own[0] && !memcmp(p->country, m->own, 3)) w -= 1;
        if (w > 0) sc += 1.0 + w / cw->max;
    }
    if (m->want && p->level == (gaz_level)(m->want - 1)) sc += 3.0;
    if (p->level == GAZ_COUNTRY) sc += 2.0;
    if (p->fcode && !strcmp(p->fcode, "PPLC")) sc += 1.0;
    return sc;
}

static uint32_t choose(const dyad_engine *e, const place_mention *m,
                       const country_weights *cw) {
    if (m->nm.n == 1) return gaz_candidate(&m->nm, 0);
    uint32_t best = GAZ_NONE;
    double best_sc = -1e9;
    gaz_place bp;
    memset(&bp, 0, sizeof bp);
    for (uint32_t k = 0; k < m->nm.n; k++) {
        gaz_place p;
        uint32_t pi = gaz_candidate(&m->nm, k);
        if (!gaz_place_get(e->gaz, pi, &p)) continue;
        double sc = candidate_score(m, &p, cw);
        if (sc > best_sc) {
            best_sc = sc;
            best = pi;
            bp = p;
        }
    }
    if (best == GAZ_NONE) return best;
    /* a region whose name is also a city of its country is the city,
     * unless the text says region (Moscow, Tripoli, Aleppo); and the
     * other way round */
    gaz_level to = GAZ_COUNTRY;
    if (bp.level == GAZ_ADMIN1 && m->want != 1 + GAZ_ADMIN1) to = GAZ_CITY;
    if (bp.level == GAZ_CITY && m->want == 1 + GAZ_ADMIN1) to = GAZ_ADMIN1;
    if (to == GAZ_COUNTRY) return best;
    for (uint32_t k = 0; k < m->nm.n; k++) {
        gaz_place p;
        uint32_t pi = gaz_candidate(&m->nm, k);
        if (gaz_place_get(e->gaz, pi, &p) && p.level == to &&
            !memcmp(p.country, bp.country, 3))
            return pi; /* (most populous first) */
    }
    return best;
}

static const char *level_name(gaz_level l) {
    return l == GAZ_COUNTRY ? "country" : l == GAZ_ADMIN1 ? "admin1" : "city";
}

/* Makes m's record from its chosen place. */
MEM_UNWINDS_BEGIN
static dyad_place *make_place(const dyad_engine *e, arena *a,
                              place_mention *m, const qp_part *part,
                              const char *source) {
    if (m->out && !strcmp(m->out->source, source)) return m->out;
    gaz_place p;
    if (m->place == GAZ_NONE || !gaz_place_get(e->gaz, m->place, &p))
        return NULL;
    dyad_place *o = arena_zalloc(a, sizeof *o);
    o->name = m->text;
    o->geonameid = p.id;
    o->gazetteer_name = p.name;
    o->admin1 = p.admin1_name;
    o->admin1_code = p.admin1_code;
    memcpy(o->country, p.country, 4);
    o->lat = p.has_coord ? p.lat : NAN;
    o->lon = p.has_coord ? p.lon : NAN;
    if (p.level == GAZ_COUNTRY)
        geo_centroid(e->centroids, p.country_place, &o->lat, &o->lon);
    o->level = level_name(p.level);
    o->source = source;
    o->in_title = m->title;
    qp_to_caller(part, m->off, m->len, &o->span.off, &o->span.len);
    m->out = o;
    return o;
}
MEM_UNWINDS_END

/* Does organisation code sit in country d (data/igo-seats.tsv)? */
static int seated_in(const char *code, const char *d) {
    if (!code || code_is_state(code)) return 0;
    for (size_t i = 0; i < igo_seats_len; i++)
        if (!strncmp(code, igo_seats[i].prefix, strlen(igo_seats[i].prefix)) &&
            !strncmp(igo_seats[i].country, d, 3))
            return 1;
    return 0;
}

/* Did event ev plausibly happen at the dateline's place (country d)? An
 * actor of that country took part, or no state did, or an organisation
 * sitting there took part (its meetings and statements are at its seat:
 * "BRUSSELS -- The EU urged the United States ..."), or it was talks or
 * an agreement, held where the story was filed. */
static int dateline_fits(const dyad_event *ev, const char *d) {
    int s = code_is_state(ev->source), t = code_is_state(ev->target);
    if (s && !strncmp(ev->source, d, 3)) return 1;
    if (t && !strncmp(ev->target, d, 3)) return 1;
    if (seated_in(ev->source, d) || seated_in(ev->target, d)) return 1;
    if (!s && !t) return 1;
    /* "ISTANBUL - Russia and Ukraine agreed to swap prisoners": talks,
     * meetings and the agreements made at them are held at the venue the
     * dateline names, whoever takes part */
    static const char *const venue[] = {"036", "040", "046", "057", "0353", "0871", NULL};
    for (const char *const *p = venue; *p; p++)
        if (!strcmp(ev->code, *p)) return 1;
    return 0;
}

/* Under an organisation's dateline ("UNITED NATIONS (Reuters) -") the
 * states' statements, appeals, demands, accusations and threats (roots
 * 01-13, 17) are their diplomats' there, whatever their country. */
static int said_there(const char *code) {
    return (code[0] == '0' && code[1] != '0') || !strncmp(code, "10", 2) ||
           !strncmp(code, "11", 2) || !strncmp(code, "12", 2) ||
           !strncmp(code, "13", 2) || !strncmp(code, "17", 2);
}

/* "KINSHASA - Summit commended Angola's president" in the organisation's
 * own communique: what the publisher says it says where the dateline
 * puts it, whoever it is about */
static int publisher_spoke(const doc_state *ds, const dyad_event *ev) {
    for (uint32_t i = 0; ds && i < ds->nself; i++)
        if (!strcmp(ev->source, ds->self[i])) return 1;
    return 0;
}

/* Force, posture and violence (roots 15, 18-20) happen where they land,
 * not where the actor's capital is. */
static int violent_root(const char *code) {
    return !strncmp(code, "15", 2) || !strncmp(code, "18", 2) ||
           !strncmp(code, "19", 2) || !strncmp(code, "20", 2);
}

/* Is event ev, placed by mention m at country level only, a talk or a
 * statement (roots 01-09) better placed at the dateline's city of that
 * country ("talks in Cuba" under "HAVANA -")? Not a fight: "attacked
 * villages in Ukraine" under "KYIV -" was not in Kyiv. */
static int finer_dateline(const dyad_engine *e, const dyad_event *ev,
                          const place_mention *m, const char *dl_country) {
    gaz_place p;
    if (ev->code[0] != '0' || !gaz_place_get(e->gaz, m->place, &p) ||
        p.level != GAZ_COUNTRY || memcmp(p.country, dl_country, 3))
        return 0;
    return dateline_fits(ev, dl_country);
}

static void trace_doc(arena *a, doc_trace *tr, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void trace_doc(arena *a, doc_trace *tr, const char *fmt, ...) {
    if (!tr) return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    sent_ctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.pa = a; /* (the trace lives in the document arena) */
    c.tr = tr;
    trace_add(&c, "%s", buf);
}

/* The capital of country place cp, else the country itself. */
static uint32_t capital_of(const dyad_engine *e, uint32_t cp) {
    uint32_t c = cp == GAZ_NONE ? GAZ_NONE : gaz_capital(e->gaz, cp);
    return c == GAZ_NONE ? cp : c;
}

/* An embassy's host (mention i, PR_HOST): the capital (where embassies
 * are) of the country of the last place named before it that is not the
 * embassy's own, else of the dateline's, else of the story's. */
static uint32_t host_country(const dyad_engine *e, places_doc *pd, uint32_t i,
                             const country_weights *cw) {
    const place_mention *m = &pd->m[i];
    gaz_place p;
    for (uint32_t k = i; k-- > 0;) {
        const place_mention *o = &pd->m[k];
        if (!o->refers && gaz_place_get(e->gaz, o->place, &p) &&
            memcmp(p.country, m->guest, 3))
            return capital_of(e, p.country_place);
    }
    if (pd->has_dateline &&
        gaz_place_get(e->gaz, choose(e, &pd->dateline, cw), &p) &&
        memcmp(p.country, m->guest, 3))
        return capital_of(e, p.country_place);
    if (m->focus[0] && memcmp(m->focus, m->guest, 3))
        return capital_of(e, gaz_country(e->gaz, m->focus));
    return GAZ_NONE;
}

void places_finish(places_doc *pd, const dyad_engine *e, arena *a,
                   const doc_state *ds, event_list *ev, const qp_part *parts,
                   doc_trace *tr) {
    for (uint32_t i = 0; i < ev->n; i++) ev->ev[i].place = NULL;
    if (!pd->n && !pd->has_dateline) return;
    /* the document's countries matter only to a name of several */
    country_weights cw;
    int several = pd->has_dateline && (pd->dateline.nm.flags & GAZ_COUNTRIES);
    for (uint32_t i = 0; i < pd->n && !several; i++)
        several = (pd->m[i].nm.flags & GAZ_COUNTRIES) != 0;
    if (several) weigh_document(e, pd, ds, &cw);
    else memset(&cw, 0, sizeof cw);
    for (uint32_t i = 0; i < pd->n; i++) {
        place_mention *m = &pd->m[i];
        m->place = choose(e, m, &cw);
        gaz_place p;
        if (tr && gaz_place_get(e->gaz, m->place, &p))
            trace_doc(a, tr,
                      "place \"%s\" (sentence %u): %s, %s %s (%s; %u "
                      "candidate%s)\n",
                      m->text, m->sentence, p.name, p.country,
                      level_name(p.level), p.admin1_name, m->nm.n,
                      m->nm.n == 1 ? "" : "s");
    }
    for (uint32_t i = 0; i < pd->n; i++) {
        place_mention *m = &pd->m[i];
        if (m->refers == PR_HOST) {
            m->place = host_country(e, pd, i, &cw);
            continue;
        }
        if (m->refers != PR_CITY && m->refers != PR_SIDE) continue;
        /* the last place named before it, else (PR_CITY) the next */
        for (uint32_t k = i; k-- > 0 && m->place == GAZ_NONE;) {
            gaz_place p;
            const place_mention *o = &pd->m[k];
            if (o->refers || !gaz_place_get(e->gaz, o->place, &p)) continue;
            if (m->refers == PR_SIDE) m->place = p.country_place;
            else if (p.level == GAZ_CITY) m->place = o->place;
        }
        for (uint32_t k = i + 1; k < pd->n && m->refers == PR_CITY &&
                                 m->place == GAZ_NONE;
             k++) {
            gaz_place p;
            const place_mention *o = &pd->m[k];
            if (!o->refers && gaz_place_get(e->gaz, o->place, &p) &&
                p.level == GAZ_CITY)
                m->place = o->place;
        }
        if (m->place == GAZ_NONE && m->refers == PR_SIDE && m->focus[0])
            m->place = gaz_country(e->gaz, m->focus);
    }
    const char *dl_country = NULL;
    if (pd->has_dateline) {
        pd->dateline.place = choose(e, &pd->dateline, &cw);
        gaz_place p;
        if (gaz_place_get(e->gaz, pd->dateline.place, &p)) {
            dl_country = arena_strndup(a, p.country, 3);
            trace_doc(a, tr, "dateline \"%s\": %s, %s %s\n",
                      pd->dateline.text, p.name, p.country,
                      level_name(p.level));
        }
    }
    const char *dl2_country = NULL;
    if (pd->has_dateline2) {
        pd->dateline2.place = choose(e, &pd->dateline2, &cw);
        gaz_place p;
        if (gaz_place_get(e->gaz, pd->dateline2.place, &p)) {
            dl2_country = arena_strndup(a, p.country, 3);
            trace_doc(a, tr, "second dateline \"%s\": %s, %s %s\n",
                      pd->dateline2.text, p.name, p.country,
                      level_name(p.level));
        }
    }
    for (uint32_t i = 0; i < ev->n && i < pd->nev; i++) {
        dyad_event *x = &ev->ev[i];
        int32_t k = pd->of_event[i];
        if (k >= 0 && dl_country && finer_dateline(e, x, &pd->m[k], dl_country))
            k = -1;
        /* an organisation's statement, appeal, demand, ruling or threat
         * under its seat's dateline was made there ("THE HAGUE -- The
         * court ordered Israel to ... in Gaza": the clause's place is what
         * it is about); not its aid or its meetings, made in the field */
        if (k >= 0 && dl_country && seated_in(x->source, dl_country) &&
            (!strncmp(x->code, "01", 2) || !strncmp(x->code, "02", 2) ||
             !strncmp(x->code, "10", 2) || !strncmp(x->code, "11", 2) ||
             !strncmp(x->code, "12", 2) || !strncmp(x->code, "13", 2)))
            k = -1;
        /* (a double dateline's second city for its own country's acts,
         * before the first city's country as the target: "TAIPEI/BEIJING
         * -- China announced sanctions on Taiwan"; not its force, which
         * lands in the target's) */
        if (k < 0 && dl2_country && dl_country && strcmp(dl2_country, dl_country) &&
            code_is_state(x->source) && !strncmp(x->source, dl2_country, 3) &&
            !violent_root(x->code)) {
            x->place = make_place(e, a, &pd->dateline2, &parts[1], "dateline");
            continue;
        }
        if (k >= 0 && pd->m[k].refers == PR_COUNTRY) {
            /* the acting state's country, else the story's */
            place_mention t = pd->m[k];
            t.out = NULL;
            char cc[4] = {0};
            if (code_is_state(x->source)) memcpy(cc, x->source, 3);
            else if (code_is_state(x->target)) memcpy(cc, x->target, 3);
            else memcpy(cc, t.focus, 3);
            t.place = cc[0] ? gaz_country(e->gaz, cc) : GAZ_NONE;
            /* "the capital": that country's */
            if (t.want == 1 + GAZ_CITY && t.place != GAZ_NONE)
                t.place = gaz_capital(e->gaz, t.place);
            x->place = make_place(e, a, &t, &parts[t.title ? 0 : 1], "clause");
        } else if (k >= 0) {
            place_mention *m = &pd->m[k];
            x->place = make_place(e, a, m, &parts[m->title ? 0 : 1], "clause");
        } else if (dl_country &&
                   (dateline_fits(x, dl_country) ||
                    ((pd->dateline_org || publisher_spoke(ds, x)) &&
                     said_there(x->code)))) {
            x->place = make_place(e, a, &pd->dateline, &parts[1], "dateline");
        } else if (dl2_country && dl_country && strcmp(dl2_country, dl_country) &&
                   code_is_state(x->source) &&
                   !strncmp(x->source, dl2_country, 3)) {
            /* (the second city's own country speaking or acting) */
            x->place = make_place(e, a, &pd->dateline2, &parts[1], "dateline");
        }
    }
    /* "The E3 and the EU agreed to work with Iran" under "BRUSSELS": the
     * co-actors of one act (the same verb, the same code) were in one
     * place; the dateline that places the EU's places the E3's */
    uint32_t ne = ev->n < pd->nev ? ev->n : pd->nev;
    for (uint32_t i = 0; dl_country && i < ne; i++) {
        dyad_event *x = &ev->ev[i];
        if (x->place || pd->of_event[i] >= 0) continue;
        /* (events come in sentence order: only this sentence's) */
        uint32_t j0 = i;
        while (j0 > 0 && ev->ev[j0 - 1].sentence == x->sentence) j0--;
        for (uint32_t j = j0; j < ne && ev->ev[j].sentence == x->sentence; j++) {
            const dyad_event *y = &ev->ev[j];
            if (j == i || !y->place || pd->of_event[j] >= 0 ||
                strcmp(y->code, x->code) ||
                y->verb_span.off != x->verb_span.off ||
                y->verb_span.len != x->verb_span.len)
                continue;
            x->place = y->place;
            break;
        }
    }
}
