/* quotes.c -- direct quotations and their speakers; see quotes.h.
 *
 * Speakers come from the sentences as the coder read them: a trailing
 * attribution ("...," the minister said / said the minister), a clause
 * whose verb is a verb of saying and whose subject is the speaker ("X told
 * reporters: ..."; "X called the plan "humiliating""), "according to X",
 * and a headline's "X: '...'". Pronouns and descriptions ("he", "the
 * spokesman") are the actors the coder resolved them to, so the code is
 * the speaker's as of the document's date; a role with no country ("a
 * spokesman") takes the story's country, as the coder's agents do.
 *
 * A quotation's speaker is, in order: one of its own sentences' speakers
 * whose verb is outside every quotation (the trailing attribution of its
 * last sentence first, then a speaker introducing it in its first, then
 * the nearest); the previous sentence's ("X said on Monday. "..."" , or
 * the speaker of a quotation ending there); the last speaker of the two
 * sentences before; the next sentence's; else none.
 *
 * Scare quotes are left out: a stretch after "so-called", "dubbed",
 * "known as" ...; a short name in title case ("Operation Iron Swords");
 * a short stretch in a sentence where nobody says anything. A stretch that
 * ends in punctuation, fills its sentence, or runs over several is speech.
 */
#include "code/quotes.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/quote_marks.h"
#include "util/strfmt.h"

/* Verbs of saying, by lemma, sorted: the [reporting] class of
 * dyad.rules.txt less its verbs of thinking (believe, hear, hope ...),
 * which report no words, and more that introduce quoted words. */
static const char *const speech_verbs[] = {
    "ACCUSE", "ACKNOWLEDGE", "ADD", "ADMIT", "ALLEGE", "ANNOUNCE", "ANSWER",
    "APPEAL", "ARGUE", "ASK", "ASSERT", "BLAST", "BOAST", "BRAND", "CALL",
    "CHANT", "CHARGE", "CITE", "CLAIM", "COMPLAIN", "CONCEDE", "CONCLUDE",
    "CONDEMN", "CONFIRM", "CONTINUE", "CRITICISE", "CRITICIZE", "CRY",
    "DECLARE", "DEMAND", "DENOUNCE", "DENY", "DESCRIBE", "DISCLOSE",
    "DISMISS", "EMPHASISE", "EMPHASIZE", "EXPLAIN", "INSIST", "JOKE",
    "LABEL", "LAMENT", "MAINTAIN", "NOTE", "PLEAD", "PLEDGE", "POST",
    "PRAISE", "PREDICT", "PROMISE", "QUIP", "QUOTE", "RECALL", "RECOUNT",
    "REITERATE", "REJECT", "REMARK", "REPLY", "REPORT", "RESPOND", "REVEAL",
    "SAY", "SCREAM", "SHOUT", "SLAM", "STATE", "STRESS", "SUGGEST", "TELL",
    "TERM", "TESTIFY", "THREATEN", "TWEET", "UNDERLINE", "URGE", "VOW",
    "WARN", "WELCOME", "WRITE",
};

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int speech_verb(const tok *t) {
    const char *l = t->lemma ? t->lemma : t->norm;
    return bsearch(&l, speech_verbs, sizeof speech_verbs / sizeof *speech_verbs,
                   sizeof *speech_verbs, cmp_str) != NULL;
}

static int lemma_is(const tok *t, const char *l) {
    return !strcmp(t->lemma ? t->lemma : t->norm, l);
}

/* Is [a, b) a document's phrase ("the statement", "the declaration",
 * "a joint communique")? */
static int document_np(const sentence *s, uint32_t a, uint32_t b) {
    static const char *const w[] = {"STATEMENT", "DECLARATION", "COMMUNIQUE",
                                    "COMMUNIQUÉ", "LETTER", NULL};
    if (b <= a || b - a > 4 || s->toks[a].tag != T_DT) return 0;
    const tok *h = &s->toks[b - 1];
    for (const char *const *p = w; *p; p++)
        if (lemma_is(h, *p)) return 1;
    return 0;
}

/* A double quotation mark token. */
static int dmark(const tok *t) {
    return (t->tag == T_LQUOTE || t->tag == T_RQUOTE) && !tok_norm_is(t, "'");
}

/* The lower-case text of tokens [a, b) of the sentence. */
static char *lower_text(arena *ar, const sentence *s, uint32_t a, uint32_t b) {
    uint32_t x = s->toks[a].off, y = s->toks[b - 1].off + s->toks[b - 1].len;
    char *t = arena_strndup(ar, s->text + x, y - x);
    for (char *p = t; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return t;
}

/* A code, its "---" role given the story's country. */
static const char *speaker_code_of(sent_ctx *c, const char *code) {
    if (!code) return NULL;
    if (strncmp(code, "---", 3)) return events_intern(c, code, strlen(code)); /* (outlives the sentence) */
    const char *f = context_focus(c);
    return f ? arena_cat(c->pa, f, code + 3) : NULL;
}

/* A unit's first code, its "---" role given the story's country. */
static const char *speaker_code(sent_ctx *c, const unit *u) {
    if (!u || !u->ncodes) return NULL;
    const char *code = u->codes[0];
    if (!u->coded && strncmp(code, "---", 3)) return NULL;
    if (strncmp(code, "---", 3)) return events_intern(c, code, strlen(code)); /* (outlives the sentence) */
    const char *f = context_focus(c);
    return f ? arena_cat(c->pa, f, code + 3) : NULL;
}

/* Is code a state's actor or a bare role ("RUSGOV", "---GOV"), not an
 * organisation's? */
static int state_role(const char *code) {
    return strlen(code) >= 3 && strncmp(code, "IGO", 3) &&
           strncmp(code, "NGO", 3) && strncmp(code, "IMG", 3);
}

/* Is chunk ch a proper name (capitalised nouns only)? */
static int name_chunk(const sentence *s, const chunk *ch) {
    int words = 0;
    for (uint32_t i = ch->first; i < ch->end; i++) {
        const tok *t = &s->toks[i];
        if (t->tag == T_NNP || t->tag == T_NNPS) words++;
        else if (!(t->flags & TOKF_ABBREV)) return 0;
    }
    return words > 0;
}

/* Entry i of the names ring as a string and its code (copied on use:
 * the ring itself stores pointers only, since most are never asked for). */
static const char *ring_name(sent_ctx *c, const quotes_doc *qd, uint32_t i) {
    return arena_strndup(c->pa, qd->names[i].text, qd->names[i].len);
}

static const char *name_of(sent_ctx *c, const quotes_doc *qd,
                           const char *code) {
    for (uint32_t k = 0; code && k < qd->nnames && k < QUOTE_NAMES; k++) {
        uint32_t i = (qd->nnames - 1 - k) % QUOTE_NAMES;
        if (qd->names[i].named && !strcmp(qd->names[i].code, code))
            return ring_name(c, qd, i);
    }
    return NULL;
}

/* The codes of the coding conventions: one role after the country
 * ("TURGOVHLH", an office's agents stacked, is TURGOV), and a capital
 * speaking is its government ("Beijing said": CHNGOV). */
static const char *speaker_convention(sent_ctx *c, const char *code,
                                      uint32_t first, uint32_t end) {
    if (!code || !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) ||
        !strncmp(code, "IMG", 3) || !strncmp(code, "---", 3))
        return code;
    size_t n = strlen(code);
    if (n > 6) return arena_strndup(c->pa, code, 6);
    if (n != 3 || end - first > 3) return code;
    const sentence *s = c->s;
    while (first < end && s->toks[first].tag == T_DT) first++;
    const char *w[3];
    size_t wl[3];
    uint32_t k = 0;
    for (uint32_t i = first; i < end && k < 3; i++, k++) {
        w[k] = s->toks[i].norm;
        wl[k] = s->toks[i].nlen;
    }
    gaz_name nm;
    if (!k || !gaz_lookup_words(c->e->gaz, w, wl, k, &nm)) return code;
    for (uint32_t i = 0; i < nm.n; i++) {
        gaz_place p;
        if (gaz_place_get(c->e->gaz, gaz_candidate(&nm, i), &p) &&
            !strcmp(p.fcode, "PPLC") && !memcmp(p.country, code, 3))
            return arena_printf(c->pa, "%sGOV", code);
    }
    return code;
}

/* Commentators quoted for their view are not political actors: "the
 * analyst", "Laila Mansour, a Yemen analyst at ...". */
static int analyst_word(const tok *t) {
    static const char *const w[] = {"ANALYST", "EXPERT", "RESEARCHER",
                                    "PROFESSOR", "SCHOLAR", "ECONOMIST",
                                    "FELLOW", "CONSULTANT", "HISTORIAN",
                                    "COMMENTATOR", NULL};
    const char *l = t->lemma ? t->lemma : t->norm;
    for (const char *const *p = w; *p; p++)
        if (!strcmp(l, *p)) return 1;
    return 0;
}

static int analyst(const sentence *s, uint32_t first, uint32_t end) {
    for (uint32_t i = first; i < end; i++)
        if (analyst_word(&s->toks[i])) return 1;
    /* an appositive: ", a ... analyst at ..." */
    if (end < s->ntok && s->toks[end].tag == T_COMMA)
        for (uint32_t i = end + 1; i < s->ntok && i < end + 8; i++) {
            if (tag_is_verb(s->toks[i].tag) || s->toks[i].tag == T_COMMA) break;
            if (analyst_word(&s->toks[i])) return 1;
        }
    return 0;
}

/* A private person's noun ("a shopkeeper", "a 34-year-old teacher", "a
 * retired teacher"): the role "CVL", "REF" for refugees, else NULL. An
 * individual quoted for what they saw or live through speaks as a civilian
 * (docs/coding-conventions.md), whatever the sector the agents give a
 * trade (a shopkeeper is ~BUS as an actor). */
static const char *private_role(const tok *t) {
    static const char *const cvl[] = {
        "SHOPKEEPER", "TRADER", "VENDOR", "MERCHANT", "TEACHER",
        "SCHOOLTEACHER", "FARMER", "DRIVER", "RESIDENT", "VILLAGER",
        "MOTHER", "FATHER", "GRANDMOTHER", "GRANDFATHER", "WIDOW",
        "PENSIONER", "RETIREE", "WORKER", "LABOURER", "LABORER",
        "FISHERMAN", "SHEPHERD", "HERDER", "HOUSEWIFE", "MECHANIC",
        "SURVIVOR", "WITNESS", "NEIGHBOUR", "NEIGHBOR", "MAN", "WOMAN",
        "TAILOR", "BAKER", "BUTCHER", "CARPENTER", "CLERK", "SHOPOWNER",
        NULL};
    static const char *const ref[] = {"REFUGEE", "MIGRANT", "EVACUEE", NULL};
    if (t->tag != T_NN) return NULL;
    const char *l = t->lemma ? t->lemma : t->norm;
    for (const char *const *p = cvl; *p; p++)
        if (l[0] == (*p)[0] && !strcmp(l, *p)) return "CVL";
    for (const char *const *p = ref; *p; p++)
        if (l[0] == (*p)[0] && !strcmp(l, *p)) return "REF";
    return NULL;
}

/* The head noun of an indefinite phrase starting at i ("a 41-year-old
 * trader from Mopti": trader), or -1: the last noun before a preposition,
 * a comma, a verb or the end. */
static int32_t indefinite_head(const sentence *s, uint32_t i, uint32_t end,
                               int *former) {
    if (i >= end || s->toks[i].tag != T_DT ||
        (!tok_norm_is(&s->toks[i], "A") && !tok_norm_is(&s->toks[i], "AN")))
        return -1;
    int32_t h = -1;
    for (uint32_t j = i + 1; j < end && j < i + 8; j++) {
        int t = s->toks[j].tag;
        if (tok_norm_is(&s->toks[j], "FORMER")) *former = 1;
        if (t == T_NN || t == T_NNS) h = (int32_t)j;
        else if (!(tag_is_adj(t) || t == T_CD || t == T_VBN || t == T_NNP ||
                   (s->toks[j].len == 1 && s->text[s->toks[j].off] == '-')))
            break;
    }
    return h;
}

/* The role of a private person speaking, from the phrase [first, end) or
 * its appositive (", a 34-year-old teacher"), or NULL. */
static const char *private_speaker(const sentence *s, uint32_t first,
                                   uint32_t end, int32_t *head) {
    int former = 0;
    int32_t h = indefinite_head(s, first, end, &former);
    if (h < 0 && end + 1 < s->ntok && s->toks[end].tag == T_COMMA)
        h = indefinite_head(s, end + 1, s->ntok, &former);
    *head = h;
    if (h < 0) return NULL;
    /* "a former Iranian diplomat": a former office holder is ELI (the
     * agents' FORMER_DIPLOMAT needs the words together) */
    static const char *const office[] = {
        "DIPLOMAT", "MINISTER", "OFFICIAL", "AMBASSADOR", "PRESIDENT",
        "ENVOY", "NEGOTIATOR", "ADVISER", "ADVISOR", "SPOKESMAN",
        "SPOKESWOMAN", "GOVERNOR", "MAYOR", "LAWMAKER", "LEGISLATOR",
        "SENATOR", "PROSECUTOR", "JUDGE", NULL};
    const tok *t = &s->toks[h];
    const char *l = t->lemma ? t->lemma : t->norm;
    for (const char *const *p = office; former && *p; p++)
        if (!strcmp(l, *p)) return "ELI";
    return private_role(t);
}

/* Does ring entry i hold the words [a, b) of the sentence, whole words,
 * in any case? */
static int ring_holds(const quotes_doc *qd, uint32_t i, const sentence *s,
                      uint32_t a, uint32_t b) {
    const char *nm = qd->names[i].text;
    size_t nl = qd->names[i].len;
    uint32_t x = s->toks[a].off, y = s->toks[b - 1].off + s->toks[b - 1].len;
    size_t wl = y - x;
    for (size_t q = 0; q + wl <= nl; q++) {
        if ((q && nm[q - 1] != ' ' && nm[q - 1] != '-') ||
            (q + wl < nl && nm[q + wl] != ' '))
            continue;
        size_t j = 0;
        while (j < wl) {
            char u = nm[q + j], v = s->text[x + j];
            if (u >= 'a' && u <= 'z') u = (char)(u - 'a' + 'A');
            if (v >= 'a' && v <= 'z') v = (char)(v - 'a' + 'A');
            if (u != v) break;
            j++;
        }
        if (j == wl) return 1;
    }
    return 0;
}

/* A definite description ("the coalition", "the Prime Minister", "the
 * diplomat") names the actor the document last named with the same
 * words ("the Saudi-led coalition", "Prime Minister Imran Khan", "a
 * Western diplomat"): news refers back by the head noun. Its code, or
 * NULL. */
static const char *description_code(sent_ctx *c, const quotes_doc *qd,
                                    uint32_t first, uint32_t end) {
    const sentence *s = c->s;
    if (end - first < 2 || end - first > 4 || s->toks[first].tag != T_DT ||
        !tok_norm_is(&s->toks[first], "THE"))
        return NULL;
    for (uint32_t i = first + 1; i < end; i++)
        if (!tag_is_noun(s->toks[i].tag) && !tag_is_adj(s->toks[i].tag))
            return NULL;
    for (uint32_t k = 0; k < qd->nnames && k < QUOTE_NAMES; k++) {
        uint32_t i = (qd->nnames - 1 - k) % QUOTE_NAMES;
        /* (the words must have coded it: a description the coder
         * resolved from the context is no evidence) */
        if (qd->names[i].resolved || !strncmp(qd->names[i].code, "---", 3))
            continue;
        /* (nor is the same description coded before: it must say more) */
        if (qd->names[i].len <= s->toks[end - 1].off + s->toks[end - 1].len -
                                    s->toks[first].off)
            continue;
        if (ring_holds(qd, i, s, first + 1, end))
            return arena_strdup(c->pa, qd->names[i].code);
    }
    return NULL;
}

/* Does text t hold the word w[0..wl) as a whole word? */
static int word_in(const char *t, const char *w, size_t wl) {
    for (const char *q = t; *q; q++) {
        if (strncmp(q, w, wl)) continue;
        if ((q == t || q[-1] == ' ' || q[-1] == '-') &&
            (q[wl] == '\0' || q[wl] == ' ' || q[wl] == ','))
            return 1;
    }
    return 0;
}

/* The last named entry of the ring holding word w as a whole word ("Churkin"
 * in "Russia's U.N. ambassador Vitaly Churkin"), or -1. */
static int32_t ring_surname(const quotes_doc *qd, const sentence *s,
                            const tok *w) {
    for (uint32_t k = 0; k < qd->nnames && k < QUOTE_NAMES; k++) {
        uint32_t i = (qd->nnames - 1 - k) % QUOTE_NAMES;
        if (!qd->names[i].named) continue;
        const char *nm = qd->names[i].text;
        size_t nl = qd->names[i].len, ll = w->len;
        for (const char *q = nm; q + ll <= nm + nl; q++)
            if (!memcmp(q, s->text + w->off, ll) && (q == nm || q[-1] == ' ') &&
                (q + ll == nm + nl || q[ll] == ' '))
                return (int32_t)i;
    }
    return -1;
}

/* The last named entry of the ring that is a full name ending in word w
 * ("President Gustavo Petro" for "Petro"; not "Petro" itself nor "Petro
 * and the ELN's top commander"), or -1. */
static int32_t ring_fullname(const quotes_doc *qd, const sentence *s,
                             const tok *w) {
    for (uint32_t k = 0; k < qd->nnames && k < QUOTE_NAMES; k++) {
        uint32_t i = (qd->nnames - 1 - k) % QUOTE_NAMES;
        const char *nm = qd->names[i].text;
        size_t nl = qd->names[i].len, ll = w->len;
        if (!qd->names[i].named || qd->names[i].resolved || nl <= ll + 1)
            continue;
        if (nm[nl - ll - 1] == ' ' && !memcmp(nm + nl - ll, s->text + w->off, ll))
            return (int32_t)i;
    }
    return -1;
}

/* The unit of the main clause's subject when token i is in a clause below
 * it and the subject is a name before i ("Farmaajo blamed ..., where he
 * urged"), else -1. */
static int32_t subject_before(const sent_ctx *c, uint32_t i) {
    const sentence *s = c->s;
    if (s->toks[i].chunk < 0) return -1;
    int32_t k = s->chunks[s->toks[i].chunk].clause;
    /* (a relative, adverbial, participial or coordinate clause: not the
     * attribution of a quotation, whose main clause is the quoted one) */
    if (k < 0 || s->clauses[k].parent < 0 ||
        (s->clauses[k].kind != CL_RELATIVE &&
         s->clauses[k].kind != CL_ADVERBIAL &&
         s->clauses[k].kind != CL_PARTICIPIAL &&
         s->clauses[k].kind != CL_COORD))
        return -1;
    for (int steps = 0; s->clauses[k].parent >= 0 && steps < 16; steps++)
        k = s->clauses[k].parent;
    int32_t sc = s->clauses[k].subject;
    if (sc < 0 || s->chunks[sc].end > i) return -1;
    for (uint32_t j = s->chunks[sc].first; j < i; j++)
        if (dmark(&s->toks[j])) return -1;
    int32_t u = c->unit_of[s->chunks[sc].first];
    if (u < 0) return -1;
    const unit *un = &c->units[u];
    if (un->pronoun || un->first >= un->end || un->end > i ||
        s->toks[un->end - 1].tag != T_NNP)
        return -1;
    return u;
}

MEM_UNWINDS_BEGIN
static void add_speech(quotes_doc *qd, sent_ctx *c, speech_kind kind,
                       uint32_t vfirst, uint32_t vend, int32_t u,
                       uint32_t sfirst, uint32_t send, const char *verb) {
    const sentence *s = c->s;
    if (sfirst >= send || send > s->ntok) return;
    /* one speech per verb */
    uint32_t voff = s->doc_off + s->toks[vfirst].off;
    for (uint32_t k = qd->n; k-- > 0 && qd->sp[k].sentence == s->index;)
        if (qd->sp[k].verb_off == voff && qd->sp[k].title == s->title) return;
    ARENA_GROW(c->pa, qd->sp, qd->n, qd->cap);
    speech *p = &qd->sp[qd->n++];
    memset(p, 0, sizeof *p);
    p->sentence = s->index;
    p->title = s->title;
    p->kind = (uint8_t)kind;
    uint32_t a = s->toks[vfirst].off,
             b = s->toks[vend - 1].off + s->toks[vend - 1].len;
    p->verb_off = s->doc_off + a;
    p->verb_len = b - a;
    if (!verb) { /* (lowered in the sentence's scratch, kept once) */
        const char *lw = lower_text(c->a, s, vfirst, vend);
        verb = events_intern(c, lw, strlen(lw));
    }
    p->verb = verb;
    a = s->toks[sfirst].off;
    b = s->toks[send - 1].off + s->toks[send - 1].len;
    p->spk_off = s->doc_off + a;
    p->spk_len = b - a;
    p->speaker = events_intern(c, s->text + a, b - a);
    const unit *un = u >= 0 ? &c->units[u] : NULL;
    p->code = speaker_code(c, un);
    /* a role without a country of its own ("the Defense Ministry
     * spokesman" after "The Russian military dismissed ..."): the side
     * that spoke last, in this sentence or the one before, more often than
     * the story's main country */
    if (un && !un->pronoun && un->ncodes && state_role(un->codes[0]) &&
        (un->resolved || !strncmp(un->codes[0], "---", 3))) {
        for (uint32_t k = qd->n - 1; k-- > 0;) {
            const speech *o = &qd->sp[k];
            if (o->title || o->sentence + 1 < s->index) break;
            if (!o->code || !state_role(o->code) ||
                !strncmp(o->code, "---", 3))
                continue;
            p->code = arena_printf(c->pa, "%.3s%s", o->code,
                                   un->codes[0] + 3);
            break;
        }
    }
    p->pronoun = s->toks[sfirst].tag == T_PRP || (un && un->pronoun);
    /* (the head a plural: "Employees at the plant chanted") */
    p->plural = s->toks[send - 1].tag == T_NNS ||
                s->toks[send - 1].tag == T_NNPS ||
                (un && un->compound) || tok_norm_is(&s->toks[sfirst], "THEY");
    p->name = p->speaker;
    /* "Hamid Rezaei, a former Iranian diplomat ..., said": the speaker
     * phrase is the appositive; the person is the name before it */
    if (sfirst >= 2 && s->toks[sfirst - 1].tag == T_COMMA &&
        s->toks[sfirst - 2].tag == T_NNP && s->toks[sfirst].tag == T_DT) {
        uint32_t na = sfirst - 2;
        while (na > 0 && s->toks[na - 1].tag == T_NNP && sfirst - na < 6) na--;
        uint32_t x = s->toks[na].off,
                 y = s->toks[sfirst - 2].off + s->toks[sfirst - 2].len;
        p->name = arena_strndup(c->pa, s->text + x, y - x);
    }
    int32_t named = p->pronoun && !s->title ? subject_before(c, sfirst) : -1;
    if (named >= 0) {
        /* "Farmaajo blamed ..., where he urged": a pronoun in a
         * subordinate clause stands for its sentence's subject named
         * before it */
        const unit *nu = &c->units[named];
        p->code = speaker_code(c, nu);
        p->name = arena_strndup(c->pa, s->text + s->toks[nu->first].off,
                                s->toks[nu->end - 1].off +
                                    s->toks[nu->end - 1].len -
                                    s->toks[nu->first].off);
        int32_t i = p->code ? -1 : ring_surname(qd, s, &s->toks[nu->end - 1]);
        if (i >= 0) {
            p->code = speaker_code_of(c, qd->names[i].code);
            p->name = ring_name(c, qd, (uint32_t)i);
        }
    } else if (p->pronoun && !s->title) {
        /* "he said": in news the last speaker named, more often than the
         * last actor the coder would pick (a pronoun resolved before
         * counts as that speaker); "he" or "she" is one person, not the
         * workers who chanted before */
        int one = tok_norm_is(&s->toks[sfirst], "HE") ||
                  tok_norm_is(&s->toks[sfirst], "SHE");
        for (uint32_t k = qd->n - 1; k-- > 0;) {
            const speech *o = &qd->sp[k];
            if (o->title || o->sentence + 3 < s->index) break;
            if (o->pronoun && !o->code) continue;
            if (one && o->plural) continue;
            /* (nor an uncoded source: "according to video footage") */
            if (one && !o->code && o->kind == SP_ACCORDING) continue;
            p->code = o->code;
            p->name = o->name;
            break;
        }
    } else if (!p->code && send - sfirst <= 3) {
        /* a surname after the full name: "Churkin" after "Russia's U.N.
         * ambassador Vitaly Churkin" */
        int32_t i = ring_surname(qd, s, &s->toks[send - 1]);
        if (i >= 0) {
            p->code = speaker_code_of(c, qd->names[i].code);
            p->name = ring_name(c, qd, (uint32_t)i);
        }
    } else if (send - sfirst == 1 && s->toks[sfirst].tag == T_NNP &&
               ring_fullname(qd, s, &s->toks[sfirst]) >= 0) {
        /* the full name's code over the coder's reading of a surname from
         * the context: "Petro" after "President Gustavo Petro" is not the
         * rebels he shook hands with */
        int32_t i = ring_fullname(qd, s, &s->toks[sfirst]);
        if (i >= 0) {
            p->code = speaker_code_of(c, qd->names[i].code);
            p->name = ring_name(c, qd, (uint32_t)i);
        }
    }
    if (!p->pronoun) {
        const char *d = description_code(c, qd, sfirst, send);
        if (d) p->code = d;
    }
    /* a name alone after a speech by the full name ("Rezaei said" after
     * "Hamid Rezaei, a former Iranian diplomat, said"): the same speaker,
     * also one the dictionaries do not know */
    if (!p->code && !p->pronoun && send - sfirst <= 2 &&
        s->toks[send - 1].tag == T_NNP) {
        const tok *w = &s->toks[send - 1];
        uint32_t nk = qd->ncoded < QUOTE_SPEAKERS ? qd->ncoded : QUOTE_SPEAKERS;
        for (uint32_t k = 0; k < nk; k++) {
            uint32_t r = (qd->ncoded - 1 - k) % QUOTE_SPEAKERS;
            if (!word_in(qd->coded[r].speaker, s->text + w->off, w->len) &&
                !word_in(qd->coded[r].name, s->text + w->off, w->len))
                continue;
            p->code = qd->coded[r].code;
            p->name = qd->coded[r].name;
            break;
        }
    }
    /* "the declaration said": a document speaks for whoever issued it,
     * the last speaker named */
    if (!p->code && !s->title && document_np(s, sfirst, send))
        for (uint32_t k = qd->n - 1; k-- > 0;) {
            const speech *o = &qd->sp[k];
            if (o->title || o->sentence + 3 < s->index) break;
            if (!o->code) continue;
            p->code = o->code;
            p->name = o->name;
            break;
        }
    if (p->code && analyst(s, sfirst, send)) p->code = NULL;
    /* an organisation's person speaks for it: "judge Joan Donoghue" of the
     * ICJ is IGOUNOICJ, not the court plus the agent's role */
    if (p->code && un && un->actor && !state_role(p->code) &&
        strlen(un->actor) >= 3 && strlen(p->code) > strlen(un->actor) &&
        !strncmp(p->code, un->actor, strlen(un->actor)))
        p->code = arena_strdup(c->pa, un->actor);
    int32_t ph = -1;
    const char *pr = p->pronoun ? NULL : private_speaker(s, sfirst, send, &ph);
    if (pr) {
        /* the country the phrase gives ("a shopkeeper in Kabul": AFG), or
         * its appositive ("a former Iranian diplomat"), else the story's */
        int32_t au = ph >= 0 ? c->unit_of[ph] : -1;
        const char *ac = au >= 0 && c->units[au].coded && c->units[au].ncodes
                             ? c->units[au].codes[0]
                             : NULL;
        const char *f = p->code && state_role(p->code) &&
                                strncmp(p->code, "---", 3)
                            ? p->code
                        : ac && state_role(ac) && strncmp(ac, "---", 3)
                            ? ac
                            : context_focus(c);
        p->code = f ? arena_printf(c->pa, "%.3s%s", f, pr) : NULL;
    }
    p->code = speaker_convention(c, p->code, sfirst, send);
    if (p->pronoun || (un && un->resolved)) {
        const char *n = name_of(c, qd, p->code);
        if (n) p->name = n;
    }
    if (p->code && !p->pronoun) {
        uint32_t r = qd->ncoded++ % QUOTE_SPEAKERS;
        qd->coded[r].speaker = p->speaker;
        qd->coded[r].name = p->name;
        qd->coded[r].code = p->code;
    }
    trace_add(c, "speech: %s \"%s\" = %s (%s)\n",
              kind == SP_REPORTING ? "attribution" : "speaker", p->speaker,
              p->code ? p->code : "uncoded", p->verb);
}

/* The speaker phrase of NP chunk k: its actor unit's tokens, else the
 * chunk's. */
static int32_t np_speaker(const sent_ctx *c, uint32_t k, uint32_t *a,
                          uint32_t *b) {
    const sentence *s = c->s;
    const chunk *ch = &s->chunks[k];
    int32_t u = c->unit_of[ch->first];
    *a = ch->first;
    *b = ch->end;
    if (u >= 0 && c->units[u].first <= *a && c->units[u].end > *a) {
        *a = c->units[u].first;
        *b = c->units[u].end;
    }
    /* "a source in the Ukrainian delegation", "a member of the
     * association": a nobody of the words speaks for the body after them */
    const tok *h = &s->toks[ch->head];
    int generic = tok_norm_is(h, "SOURCE") || tok_norm_is(h, "SOURCES") ||
                  tok_norm_is(h, "MEMBER") || tok_norm_is(h, "MEMBERS") ||
                  tok_norm_is(h, "AIDE") || tok_norm_is(h, "AIDES");
    if (generic && (u < 0 || !c->units[u].coded) && k + 2 < s->nchunk &&
        s->chunks[k + 1].kind == CK_PP && s->chunks[k + 2].kind == CK_NP) {
        const tok *p = &s->toks[s->chunks[k + 1].head];
        int32_t v = c->unit_of[s->chunks[k + 2].first];
        if ((tok_norm_is(p, "IN") || tok_norm_is(p, "OF") ||
             tok_norm_is(p, "FROM") || tok_norm_is(p, "AT") ||
             tok_norm_is(p, "WITHIN")) &&
            v >= 0 && c->units[v].coded && c->units[v].ncodes) {
            *b = s->chunks[k + 2].end;
            return v;
        }
    }
    return u;
}

/* The chunk at token i of kind k, or -1. */
static int32_t chunk_at(const sentence *s, uint32_t i, int kind) {
    if (i >= s->ntok || s->toks[i].chunk < 0) return -1;
    int32_t k = s->toks[i].chunk;
    return s->chunks[k].kind == kind && s->chunks[k].first == i ? k : -1;
}

/* Does a capitalised NP chunk start at token j? */
static int cap_np_at(const sentence *s, uint32_t j) {
    return j < s->ntok && s->toks[j].chunk >= 0 &&
           s->chunks[s->toks[j].chunk].kind == CK_NP &&
           s->chunks[s->toks[j].chunk].first == j &&
           (s->toks[j].flags & TOKF_CAP);
}

/* Does "of" or "for" at token j carry a title on to a name ("High
 * Representative for Foreign Affairs and Security Policy Josep Borrell",
 * "Secretary for Foreign Affairs Enrique A. Manalo")? The phrase after it
 * is capitalised. */
static int title_of(const sentence *s, uint32_t j) {
    if (j + 1 >= s->ntok || (!tok_norm_is(&s->toks[j], "FOR") &&
                             !tok_norm_is(&s->toks[j], "OF")))
        return 0;
    return cap_np_at(s, j + 1) && (s->toks[j - 1].flags & TOKF_CAP);
}

/* The most specific coded unit inside tokens [a, b), else the first unit
 * there, else -1. */
static int32_t coded_within(const sent_ctx *c, uint32_t a, uint32_t b) {
    int32_t first = -1, best = -1;
    for (uint32_t k = 0; k < c->nunits; k++) {
        const unit *u = &c->units[k];
        if (u->first < a || u->end > b || !u->ncodes) continue;
        if (first < 0) first = (int32_t)k;
        if (u->coded && (best < 0 || strlen(u->codes[0]) >
                                         strlen(c->units[best].codes[0])))
            best = (int32_t)k;
    }
    return best >= 0 ? best : first;
}

/* The attributions around the sentence's quotation marks, read from the
 * chunks alone (the clause parse can lose them in a long quotation):
 * '"...," he said', '"...," said the minister', 'X said: "..."'. */
static void mark_attributions(quotes_doc *qd, sent_ctx *c) {
    const sentence *s = c->s;
    for (uint32_t i = 0; i + 1 < s->ntok; i++) {
        const tok *t = &s->toks[i];
        if (!dmark(t)) continue;
        uint32_t a, b;
        /* (a mark after a comma closes, whatever the tokenizer made of
         * it in a sentence that continues a quotation) */
        int closing = t->tag == T_RQUOTE ||
                      (i > 0 && (s->toks[i - 1].tag == T_COMMA ||
                                 s->toks[i - 1].tag == T_PERIOD));
        if (closing) {
            int32_t np = chunk_at(s, i + 1, CK_NP), vg = -1;
            /* the speaker's phrase may be several chunks: "Iran 's foreign
             * minister said" */
            uint32_t j = i + 1, appos = 0;
            int titled = 0;
            while (j < s->ntok && j < i + 14) {
                const tok *tj = &s->toks[j];
                if (tj->chunk >= 0 && (s->chunks[tj->chunk].kind == CK_NP ||
                                       tj->tag == T_POS)) {
                    j = s->chunks[tj->chunk].end > j ? s->chunks[tj->chunk].end
                                                     : j + 1;
                    continue;
                }
                if (j > i + 1 && (title_of(s, j) ||
                                  (titled && tok_norm_is(tj, "AND") &&
                                   cap_np_at(s, j + 1)))) {
                    j++;
                    titled = 1;
                    continue;
                }
                /* "Lin Jian, a Chinese foreign ministry spokesperson,
                 * told": an appositive between commas */
                if (j > i + 1 && tj->tag == T_COMMA && j + 1 < s->ntok &&
                    chunk_at(s, j + 1, CK_NP) >= 0 && !appos) {
                    appos = j++;
                    titled = 1;
                    continue;
                }
                break;
            }
            uint32_t vj = j;
            if (appos && j + 1 < s->ntok && s->toks[j].tag == T_COMMA)
                vj = j + 1;
            else if (appos)
                j = vj = appos; /* (no verb after it: as before) */
            if (np >= 0 && j > i + 1) vg = chunk_at(s, vj, CK_VG);
            if (vg >= 0 && speech_verb(&s->toks[s->chunks[vg].head])) {
                int32_t u = c->unit_of[i + 1];
                a = i + 1;
                b = j;
                if (titled) u = coded_within(c, a, b);
                else if (u >= 0 && c->units[u].first == a) b = c->units[u].end;
                uint32_t h = s->chunks[vg].head;
                add_speech(qd, c, SP_REPORTING, h, h + 1, u, a, b, NULL);
            } else if ((vg = chunk_at(s, i + 1, CK_VG)) >= 0 &&
                       speech_verb(&s->toks[s->chunks[vg].head]) &&
                       (np = chunk_at(s, s->chunks[vg].end, CK_NP)) >= 0) {
                int32_t u = np_speaker(c, (uint32_t)np, &a, &b);
                uint32_t e = s->chunks[np].end;
                while (e < s->ntok && e < b + 12 &&
                       (title_of(s, e) ||
                        (e > s->chunks[np].end &&
                         tok_norm_is(&s->toks[e], "AND") &&
                         cap_np_at(s, e + 1))))
                    e = s->chunks[s->toks[e + 1].chunk].end;
                if (e > s->chunks[np].end) {
                    a = s->chunks[np].first;
                    b = e;
                    u = coded_within(c, a, b);
                }
                uint32_t h = s->chunks[vg].head;
                add_speech(qd, c, SP_REPORTING, h, h + 1, u, a, b, NULL);
            }
        } else if (i >= 2 && (tok_norm_is(&s->toks[i - 1], ":") ||
                              s->toks[i - 1].tag == T_COMMA)) {
            int32_t vg = s->toks[i - 2].chunk;
            if (vg < 0 || s->chunks[vg].kind != CK_VG ||
                !speech_verb(&s->toks[s->chunks[vg].head]) ||
                s->chunks[vg].first == 0)
                continue;
            int32_t np = s->toks[s->chunks[vg].first - 1].chunk;
            if (np < 0 || s->chunks[np].kind != CK_NP) continue;
            int32_t u = np_speaker(c, (uint32_t)np, &a, &b);
            uint32_t h = s->chunks[vg].head;
            add_speech(qd, c, SP_VERB, h, h + 1, u, a, b, NULL);
        }
    }
}

/* A verb of saying whose clause the parse gave no subject ("Earlier in
 * Geneva, Rupert Colville, a spokesman for the U.N. human rights office,
 * said"): the speaker is the first actor phrase before the verb that is
 * not a place, with the most specific code among it and its appositives. */
static void subjectless_speech(quotes_doc *qd, sent_ctx *c, const clause *cl,
                               const chunk *vg) {
    const sentence *s = c->s;
    uint32_t from = s->chunks[cl->first].first;
    /* a participial "said" under a main clause without a verb: the parse
     * lost the main verb, the subject stands before ("Maj. Gen. Igor
     * Konashenkov, the Defense Ministry spokesman, said") */
    if (cl->kind == CL_PARTICIPIAL && cl->parent >= 0 &&
        s->clauses[cl->parent].verb < 0)
        from = s->chunks[s->clauses[cl->parent].first].first;
    int32_t first = -1, best = -1;
    for (uint32_t i = 0; i < c->nunits; i++) {
        const unit *u = &c->units[i];
        if (u->first < from || u->end > vg->first || !u->ncodes) continue;
        const tok *pv = u->first > 0 ? &s->toks[u->first - 1] : NULL;
        if (pv && (tok_norm_is(pv, "IN") || tok_norm_is(pv, "AT"))) continue;
        /* the phrase is not inside a prepositional phrase ("In a
         * declaration on behalf of the Union, the High Representative ...
         * said"); its appositives may be ("a spokesman for the U.N. human
         * rights office") */
        if (first < 0 && pv && pv->tag == T_IN) continue;
        if (first < 0) first = (int32_t)i;
        if (u->coded && (best < 0 || strlen(u->codes[0]) >
                                         strlen(c->units[best].codes[0])))
            best = (int32_t)i;
    }
    if (first < 0) return;
    const unit *f = &c->units[first];
    uint32_t n0 = qd->n;
    add_speech(qd, c, SP_VERB, vg->head, vg->head + 1, best >= 0 ? best : first,
               f->first, f->end, NULL);
    /* ("Employees at the Minsk plant, which ..., chanted": the clause
     * opens with a plural the actor phrase lies in) */
    const chunk *c0 = &s->chunks[s->clauses[cl - s->clauses].first];
    if (qd->n > n0 && c0->end > c0->first && c0->end <= f->first &&
        (s->toks[c0->end - 1].tag == T_NNS || s->toks[c0->end - 1].tag == T_NNPS))
        qd->sp[qd->n - 1].plural = 1;
}

/* Does relative clause cl report words it quotes, with a subject of its
 * own ("which the government has branded a criminal "junta"")? Its
 * speaker then says that quotation, whatever the main clause says. */
static int relative_speech(const sentence *s, const clause *cl) {
    if (cl->subject < 0) return 0;
    const tok *f = &s->toks[s->chunks[cl->subject].first];
    if (f->tag == T_WDT || f->tag == T_WP) return 0;
    if (cl->end <= cl->first || cl->end > s->nchunk) return 0;
    /* (the marks themselves may fall between chunks) */
    uint32_t a = s->chunks[cl->first].first,
             b = s->chunks[cl->end - 1].end;
    for (uint32_t i = a; i < b && i < s->ntok; i++)
        if (dmark(&s->toks[i])) return 1;
    return 0;
}

/* Is clause cl inside a reported (complement) clause? */
static int in_reported(const sentence *s, const clause *cl) {
    for (int32_t k = cl->parent, steps = 0; k >= 0 && steps < 16; steps++) {
        if (s->clauses[k].kind == CL_COMPLEMENT) return 1;
        if (s->clauses[k].kind != CL_COORD) return 0;
        k = s->clauses[k].parent;
    }
    return 0;
}

/* A double mark, or a single one opening a word ('like this'), in t. */
static int has_marks(const char *t, size_t n) {
    if (!t || !n) return 0;
    if (memchr(t, '"', n)) return 1;
    for (const char *p = t; (p = memchr(p, '\'', n - (size_t)(p - t)));
         p++)
        if ((p == t || p[-1] == ' ' || p[-1] == '\n') && p + 1 < t + n &&
            p[1] != ' ')
            return 1;
    return 0;
}

void quotes_begin(quotes_doc *qd, const char *title, size_t tlen,
                  const char *body, uint32_t from, uint32_t to,
                  const sent_span *spans, uint32_t nspans,
                  uint32_t first_index) {
    qd->active = has_marks(title, tlen) || has_marks(body + from, to - from);
    qd->body = body;
    qd->from = from;
    qd->spans = spans;
    qd->nspans = nspans;
    qd->first_index = first_index;
}

/* Could body sentence index k hold a quotation mark (quotes_finish gives a
 * mark between sentences to the next one)? Every '"', and every '\'' but
 * an apostrophe inside a word: more than the marks, never fewer. */
static int scan_marks(const quotes_doc *qd, uint32_t j) {
    uint32_t a = j ? qd->spans[j - 1].off + qd->spans[j - 1].len : qd->from,
             b = qd->spans[j].off + qd->spans[j].len;
    const char *t = qd->body;
    for (uint32_t i = a; i < b; i++) {
        if (t[i] == '"') return 1;
        if (t[i] == '\'' &&
            !(i > a && i + 1 < b && isalnum((unsigned char)t[i - 1]) &&
              isalnum((unsigned char)t[i + 1])))
            return 1;
    }
    return 0;
}

/* (quotes_prune asks of each speech's four sentences, so neighbours ask
 * the same ones again: the answers are kept, a sentence scanned once) */
static int may_hold_mark(quotes_doc *qd, uint32_t k) {
    if (k < qd->first_index || k - qd->first_index >= qd->nspans) return 0;
    uint32_t slot = k & 7;
    if (qd->mark_seen[slot] != k + 1) {
        qd->mark_had[slot] = (uint8_t)scan_marks(qd, k - qd->first_index);
        qd->mark_seen[slot] = k + 1;
    }
    return qd->mark_had[slot];
}

/* Drops the speeches of body sentences no quotation can take its speaker
 * from, once no later speech looks back at them: a quotation's speaker is
 * in its own sentences or one or two before or one after (quotes_finish),
 * and a speech reads the speeches of three sentences back (add_speech; the
 * surname ring keeps the coded names). A long document then holds the
 * speeches near its quotation marks, not one for every "said". */
static void quotes_prune(quotes_doc *qd, uint32_t index) {
    uint32_t j = qd->settled, w = qd->settled;
    for (; j < qd->n && (qd->sp[j].title || qd->sp[j].sentence + 3 < index);
         j++) {
        const speech *o = &qd->sp[j];
        int keep = o->title;
        for (uint32_t k = o->sentence ? o->sentence - 1 : 0;
             !keep && k <= o->sentence + 2; k++)
            keep = may_hold_mark(qd, k);
        if (keep) qd->sp[w++] = *o;
    }
    if (w < j) {
        memmove(qd->sp + w, qd->sp + j, (qd->n - j) * sizeof *qd->sp);
        qd->n -= j - w;
    }
    qd->settled = w;
}

void quotes_sentence(quotes_doc *qd, sent_ctx *c) {
    const sentence *s = c->s;
    if (!c->unit_of || !qd->active) return;
    quotes_prune(qd, s->index);
    mark_attributions(qd, c);
    for (uint32_t k = 0; k < s->nclause; k++) {
        const clause *cl = &s->clauses[k];
        if (cl->verb < 0) continue;
        /* what a reported or relative clause says is not the speaker's
         * act of saying */
        int inner = cl->kind == CL_RELATIVE && relative_speech(s, cl);
        if ((cl->kind == CL_COMPLEMENT || cl->kind == CL_RELATIVE ||
             cl->kind == CL_INFINITIVE) && !inner)
            continue;
        /* nor what a coordinate of a reported clause says ("said that
         * civilians had been freed and accused ..."): its subject is the
         * reported clause's */
        if (cl->kind == CL_COORD && in_reported(s, cl)) continue;
        const chunk *vg = &s->chunks[cl->verb];
        if (!speech_verb(&s->toks[vg->head])) continue;
        /* the one told follows "tell" ("told a regular briefing", "told
         * the Nation"): never its speaker, as an inverted subject would be */
        if (cl->subject > cl->verb && lemma_is(&s->toks[vg->head], "TELL"))
            continue;
        uint32_t a, b;
        /* "... accused X, and this week wrote on X that ...": a time is no
         * speaker; a coordinate clause's is its first conjunct's */
        int32_t subj = cl->subject;
        if (subj >= 0 && chunk_is_time(s, &s->chunks[subj]))
            subj = cl->kind == CL_COORD && cl->parent >= 0
                       ? s->clauses[cl->parent].subject
                       : -1;
        if (subj >= 0 && chunk_is_time(s, &s->chunks[subj])) subj = -1;
        /* "Speaking after funeral prayers ..., President Zardari ... said":
         * a lone -ing word the parse took for the subject opens a
         * participial phrase; the speaker is the actor before the verb */
        if (subj >= 0 && s->chunks[subj].end == s->chunks[subj].first + 1 &&
            s->chunks[subj].first == 0) {
            const tok *g = &s->toks[s->chunks[subj].first];
            int32_t gu = c->unit_of[s->chunks[subj].first];
            if (g->nlen > 4 && !strcmp(g->norm + g->nlen - 3, "ING") &&
                (gu < 0 || !c->units[gu].coded))
                subj = -1;
        }
        if (subj >= 0) {
            int32_t u = np_speaker(c, (uint32_t)subj, &a, &b);
            uint32_t n0 = qd->n;
            add_speech(qd, c,
                       cl->kind == CL_REPORTING ? SP_REPORTING : SP_VERB,
                       vg->head, vg->head + 1, u, a, b, NULL);
            if (qd->n > n0) qd->sp[qd->n - 1].inner = (uint8_t)inner;
            /* ("Employees at the plant chanted": the subject is plural
             * whatever its actor phrase) */
            const chunk *sc = &s->chunks[subj];
            /* (or the clause opens with a plural the subject's phrase
             * hangs from: "Employees at the Minsk plant (MZKT) chanted") */
            const chunk *c0 = &s->chunks[cl->first];
            if ((int32_t)cl->first < subj && c0->end > c0->first &&
                cl->first + 1 < s->nchunk &&
                s->chunks[cl->first + 1].kind == CK_PP)
                sc = c0;
            if (qd->n > n0 && (s->toks[sc->end - 1].tag == T_NNS ||
                               s->toks[sc->end - 1].tag == T_NNPS))
                qd->sp[qd->n - 1].plural = 1;
        } else if (!inner) {
            subjectless_speech(qd, c, cl, vg);
        }
    }
    for (uint32_t i = 0; i + 2 < s->ntok; i++) {
        const tok *t = &s->toks[i];
        /* "according to X" */
        if (tok_norm_is(t, "ACCORDING") && tok_norm_is(&s->toks[i + 1], "TO")) {
            int32_t u = units_starting_at(c, i + 2);
            if (u >= 0)
                add_speech(qd, c, SP_ACCORDING, i, i + 2, u,
                           c->units[u].first, c->units[u].end,
                           "according to");
        }
    }
    /* a headline's "X: '...'" and "'...': X" */
    for (uint32_t i = 1; s->title && i + 1 < s->ntok; i++) {
        if (!tok_norm_is(&s->toks[i], ":")) continue;
        const tok *nx = &s->toks[i + 1], *pv = &s->toks[i - 1];
        int32_t u = -1;
        if (nx->tag == T_LQUOTE || tok_norm_is(nx, "'") || tok_norm_is(nx, "\""))
            u = units_ending_at(c, i - 1);
        if (u < 0 && (pv->tag == T_RQUOTE || tok_norm_is(pv, "'")))
            u = units_starting_at(c, i + 1);
        if (u >= 0)
            add_speech(qd, c, SP_COLON, i, i + 1, u, c->units[u].first,
                       c->units[u].end, "");
    }
    /* the sentence's named actors, for later pronouns and descriptions */
    for (uint32_t i = 0; i < c->nunits; i++) {
        const unit *u = &c->units[i];
        if (!u->coded || u->pronoun || u->chunk < 0 || !u->ncodes ||
            u->first >= u->end)
            continue;
        /* a phrase that ends in a name: "Russia's U.N. ambassador Vitaly
         * Churkin"; else a description with a country, for a later "the
         * coalition" */
        int named = s->toks[u->end - 1].tag == T_NNP ||
                    name_chunk(s, &s->chunks[u->chunk]);
        if (!named && (u->resolved || !strncmp(u->codes[0], "---", 3)))
            continue;
        uint32_t x = s->toks[u->first].off,
                 y = s->toks[u->end - 1].off + s->toks[u->end - 1].len;
        uint32_t r = qd->nnames++ % QUOTE_NAMES;
        /* (copies: the sentence's scratch is reset after it; into the
         * slot's buffer, since fresh copies in the document arena would
         * add up over a long document and only QUOTE_NAMES are ever
         * read) */
        size_t cl = strlen(u->codes[0]), need = cl + 1 + (y - x) + 1;
        if (need > qd->names[r].cap) {
            uint32_t cap = need < 64 ? 64 : (uint32_t)need * 2;
            qd->names[r].buf = arena_alloc(c->pa, cap);
            qd->names[r].cap = cap;
        }
        char *b = qd->names[r].buf;
        memcpy(b, u->codes[0], cl + 1);
        memcpy(b + cl + 1, s->text + x, y - x);
        b[cl + 1 + (y - x)] = '\0';
        qd->names[r].code = b;
        qd->names[r].text = b + cl + 1;
        qd->names[r].len = y - x;
        qd->names[r].named = (uint8_t)named;
        qd->names[r].resolved = u->resolved;
    }
}
MEM_UNWINDS_END

/* ---- the document's quotations -------------------------------------------- */

/* A quotation being decided. */
typedef struct qcand {
    raw_quote r;
    int part;
    uint32_t first, last;     /* document sentence indexes */
    int32_t speech;           /* index in qd->sp, -1 none */
    const char *where;
} qcand;

/* The sentence of part p holding offset off (the next one when off falls
 * between sentences), as a document index; UINT32_MAX when none. */
static uint32_t sentence_at(const qp_part *p, uint32_t off) {
    for (uint32_t j = 0; j < p->nspans; j++)
        if (off < p->spans[j].off + p->spans[j].len)
            return p->first_index + j;
    return UINT32_MAX;
}

static const sent_span *span_of(const qp_part *p, uint32_t index) {
    if (index < p->first_index || index - p->first_index >= p->nspans)
        return NULL;
    return &p->spans[index - p->first_index];
}

/* Is offset off inside a stretch of v[0..n)? */
static int in_quotes(const raw_quote *v, uint32_t n, uint32_t off) {
    for (uint32_t i = 0; i < n; i++)
        if (off >= v[i].open && off < v[i].close) return 1;
    return 0;
}

static int lower_ends_with(const char *s, uint32_t n, const char *w) {
    size_t l = strlen(w);
    if (n < l) return 0;
    for (size_t i = 0; i < l; i++) {
        char ch = s[n - l + i];
        if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
        if (ch != w[i]) return 0;
    }
    return n == l || s[n - l - 1] == ' ' || s[n - l - 1] == '(';
}

/* Is the stretch reported speech rather than a scare quote or a name? */
static int is_speech(const qp_part *p, const qcand *q, int has_speaker) {
    const char *t = p->norm + q->r.open;
    uint32_t n = q->r.close - q->r.open;
    uint32_t words = 0, caps = 0, small = 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)t[i];
        int letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                     (ch >= '0' && ch <= '9') || ch >= 0x80;
        if (!letter || (i && t[i - 1] != ' ' && t[i - 1] != '\n')) continue;
        words++;
        if (ch >= 'A' && ch <= 'Z') caps++;
        else if (!strncmp(t + i, "of ", 3) || !strncmp(t + i, "the ", 4) ||
                 !strncmp(t + i, "and ", 4) || !strncmp(t + i, "for ", 4) ||
                 !strncmp(t + i, "in ", 3) || !strncmp(t + i, "on ", 3))
            small++;
    }
    uint32_t e = n;
    while (e > 0 && t[e - 1] == ' ') e--;
    int ends_punct = e > 0 && strchr(",.!?;:", t[e - 1]) != NULL;
    if (q->r.paragraphs || q->first != q->last) return 1;
    /* what stands before the opening mark */
    uint32_t b = q->r.open ? q->r.open - 1 : 0;
    while (b > 0 && p->norm[b - 1] == ' ') b--;
    const char *before = p->norm;
    static const char *const cues[] = {
        "so-called", "dubbed", "nicknamed", "known as", "named", "titled",
        "entitled", "codenamed", "code-named", "the word", "the term",
        "the phrase", "the slogan", "the hashtag", "operation", NULL};
    for (const char *const *c = cues; *c; c++)
        if (lower_ends_with(before, b, *c)) return 0;
    if (lower_ends_with(before, b, "called") && words && caps == words)
        return 0;
    /* it fills its sentence: nothing but a dash or spaces before it */
    const sent_span *sp = NULL;
    for (uint32_t j = 0; j < p->nspans; j++)
        if (q->r.open >= p->spans[j].off &&
            q->r.open <= p->spans[j].off + p->spans[j].len)
            sp = &p->spans[j];
    int fills = sp && q->r.open <= sp->off + 3;
    if (q->r.single && !ends_punct && !fills && !has_speaker) return 0;
    if (ends_punct || fills) return words >= 1;
    /* a name or a title: capitalised words, short */
    if (words && words <= 6 && caps + small == words && caps) return 0;
    if (words >= 6) return 1;
    return has_speaker;
}

/* The speaker of q among its own sentences' speeches, whose verbs are
 * outside every quotation of its part. */
static int32_t own_speech(const quotes_doc *qd, const qcand *q,
                          const raw_quote *raws, uint32_t nraw) {
    int32_t best = -1;
    long best_sc = 0;
    for (uint32_t i = 0; i < qd->n; i++) {
        const speech *s = &qd->sp[i];
        if ((s->title != 0) != (q->part == 0)) continue;
        if (s->sentence < q->first || s->sentence > q->last) continue;
        if (in_quotes(raws, nraw, s->verb_off)) continue;
        long sc;
        int after = s->verb_off >= q->r.close;
        long dist = after ? (long)(s->verb_off - q->r.close)
                          : (long)(q->r.open - s->verb_off);
        if (s->kind == SP_REPORTING && after && s->sentence == q->last)
            sc = 4000;
        else if (!after && s->sentence == q->first)
            sc = 3000;
        else
            sc = 2000;
        if (s->kind == SP_COLON) sc = 3500;
        sc -= dist;
        if (best < 0 || sc > best_sc) {
            best = (int32_t)i;
            best_sc = sc;
        }
    }
    return best;
}

/* The last speech of sentence index k outside quotations, or -1. */
static int32_t speech_in(const quotes_doc *qd, uint32_t k, int title,
                         const raw_quote *raws, uint32_t nraw, int last) {
    int32_t r = -1;
    for (uint32_t i = 0; i < qd->n; i++) {
        const speech *s = &qd->sp[i];
        if (s->sentence != k || (s->title != 0) != title || s->inner)
            continue;
        if (in_quotes(raws, nraw, s->verb_off)) continue;
        r = (int32_t)i;
        if (!last) break;
    }
    return r;
}

static void trace_doc(arena *a, doc_trace *tr, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void trace_doc(arena *a, doc_trace *tr, const char *fmt, ...) {
    if (!tr) return;
    char buf[768];
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

/* The quoted words: a quotation over paragraphs without the line breaks
 * and the marks that reopen it. (Arena allocations unwind: mem.h.) */
MEM_UNWINDS_BEGIN
static char *quote_text(arena *a, const qp_part *p, const raw_quote *r) {
    uint32_t n = r->close - r->open;
    char *t = arena_alloc(a, n + 1);
    uint32_t k = 0;
    for (uint32_t i = r->open; i < r->close; i++) {
        char ch = p->norm[i];
        if (ch == '\n') {
            while (i + 1 < r->close &&
                   (p->norm[i + 1] == '\n' || p->norm[i + 1] == ' ' ||
                    p->norm[i + 1] == '"'))
                i++;
            if (k && t[k - 1] != ' ') t[k++] = ' ';
            continue;
        }
        t[k++] = ch;
    }
    while (k && t[k - 1] == ' ') k--;
    t[k] = '\0';
    return t;
}
MEM_UNWINDS_END

MEM_UNWINDS_BEGIN
/* Does h hold n[0..nl) in any case? */
static int contains_ci(const char *h, const char *n, size_t nl) {
    for (; *h; h++) {
        size_t k = 0;
        while (k < nl && h[k] &&
               (h[k] == n[k] ||
                ((h[k] | 0x20) == (n[k] | 0x20) && ((h[k] | 0x20) >= 'a') &&
                 ((h[k] | 0x20) <= 'z'))))
            k++;
        if (k == nl) return 1;
    }
    return 0;
}

void quotes_finish(quotes_doc *qd, const dyad_engine *e, arena *a,
                   event_list *ev, const qp_part *parts, dyad_result *out,
                   doc_trace *tr) {
    (void)e;
    for (uint32_t i = 0; i < ev->n; i++) ev->ev[i].quote = -1;
    if (!qd->active) return;
    qcand *qs = NULL;
    uint32_t nq = 0, capq = 0;
    raw_quote *raws[2] = {NULL, NULL};
    uint32_t nraw[2] = {0, 0};
    for (int pi = 0; pi < 2; pi++) {
        const qp_part *p = &parts[pi];
        if (!p->norm || !p->len || !p->nspans) continue;
        nraw[pi] = quote_marks_find(a, p, &raws[pi]);
        for (uint32_t i = 0; i < nraw[pi]; i++) {
            raw_quote *r = &raws[pi][i];
            /* trim the blanks inside the marks */
            while (r->open < r->close && p->norm[r->open] == ' ') r->open++;
            while (r->close > r->open && p->norm[r->close - 1] == ' ')
                r->close--;
            if (r->close <= r->open) continue;
            uint32_t f = sentence_at(p, r->open),
                     l = sentence_at(p, r->close - 1);
            if (f == UINT32_MAX || l == UINT32_MAX) continue;
            const sent_span *fs = span_of(p, f);
            if (fs && r->close <= fs->off) continue; /* in the dateline */
            ARENA_GROW(a, qs, nq, capq);
            qcand *q = &qs[nq++];
            memset(q, 0, sizeof *q);
            q->r = *r;
            q->part = pi;
            q->first = f;
            q->last = l < f ? f : l;
            q->speech = -1;
            q->where = "none";
        }
    }
    /* speakers, in text order: a quotation may take its predecessor's */
    dyad_quote *out_q = nq ? arena_zalloc(a, nq * sizeof *out_q) : NULL;
    uint32_t nout = 0;
    uint32_t last_quote_sentence = UINT32_MAX;
    int32_t last_quote_speech = -1;
    for (uint32_t i = 0; i < nq; i++) {
        qcand *q = &qs[i];
        const qp_part *p = &parts[q->part];
        const raw_quote *rv = raws[q->part];
        uint32_t rn = nraw[q->part];
        int title = q->part == 0;
        int32_t sp = own_speech(qd, q, rv, rn);
        if (!is_speech(p, q, sp >= 0)) {
            trace_doc(a, tr, "quote \"%.*s\" (sentence %u): not speech, left "
                             "out\n",
                      (int)(q->r.close - q->r.open), p->norm + q->r.open,
                      q->first);
            continue;
        }
        if (sp >= 0) {
            q->where = qd->sp[sp].pronoun ? "pronoun" : "same";
        } else if (!title && q->first > 0 &&
                   (sp = speech_in(qd, q->first - 1, 0, rv, rn, 1)) >= 0) {
            q->where = "previous";
        } else if (!title && last_quote_speech >= 0 &&
                   last_quote_sentence + 1 >= q->first) {
            sp = last_quote_speech;
            q->where = "previous";
        } else if (!title && q->first > 1 &&
                   (sp = speech_in(qd, q->first - 2, 0, rv, rn, 1)) >= 0) {
            q->where = "earlier";
        } else if (!title &&
                   (sp = speech_in(qd, q->last + 1, 0, rv, rn, 0)) >= 0) {
            q->where = "next";
        }
        q->speech = sp;
        if (sp >= 0 && !qd->sp[sp].inner) {
            last_quote_speech = sp;
            last_quote_sentence = q->last;
        }
        dyad_quote *o = &out_q[nout++];
        o->sentence = q->first;
        o->last_sentence = q->last;
        o->text = quote_text(a, p, &q->r);
        qp_to_caller(p, q->r.open, q->r.close - q->r.open, &o->span.off,
                     &o->span.len);
        o->speaker = "";
        o->speaker_name = "";
        o->verb = "";
        o->attribution = q->where;
        o->in_title = title;
        if (sp >= 0) {
            const speech *s = &qd->sp[sp];
            o->speaker = s->speaker;
            o->speaker_name = s->name;
            o->speaker_code = s->code;
            o->verb = s->verb;
            qp_to_caller(&parts[s->title ? 0 : 1], s->spk_off, s->spk_len,
                         &o->speaker_span.off, &o->speaker_span.len);
        }
        /* the events coded from inside it */
        uint32_t ne = 0;
        for (uint32_t k = 0; k < ev->n; k++) {
            const dyad_event *x = &ev->ev[k];
            if ((x->in_title != 0) == title && x->verb_span.len &&
                x->verb_span.off >= q->r.open && x->verb_span.off < q->r.close)
                ne++;
        }
        if (ne) {
            uint32_t *ix = arena_alloc(a, ne * sizeof *ix);
            ne = 0;
            for (uint32_t k = 0; k < ev->n; k++) {
                dyad_event *x = &ev->ev[k];
                if ((x->in_title != 0) == title && x->verb_span.len &&
                    x->verb_span.off >= q->r.open &&
                    x->verb_span.off < q->r.close) {
                    ix[ne++] = k;
                    x->quote = (int32_t)(nout - 1);
                }
            }
            o->events = ix;
            o->nevents = ne;
        }
        trace_doc(a, tr, "quote %u (sentences %u-%u) \"%.60s%s\": speaker %s "
                         "= %s (%s, %s), %u event%s\n",
                  nout - 1, o->sentence, o->last_sentence, o->text,
                  strlen(o->text) > 60 ? "..." : "",
                  o->speaker[0] ? o->speaker : "unknown",
                  o->speaker_code ? o->speaker_code : "uncoded",
                  o->attribution, o->verb[0] ? o->verb : "no verb", ne,
                  ne == 1 ? "" : "s");
    }
    /* a headline quotes the body ("'We Are Living In Hell'" over '"We are
     * living in hell," said Marie-Claude'): the body's speaker is its
     * speaker, whatever the headline's own words around it */
    for (uint32_t i = 0; i < nout; i++) {
        dyad_quote *t = &out_q[i];
        size_t tl = strlen(t->text);
        while (tl && strchr(".,!?;: ", t->text[tl - 1])) tl--;
        if (!t->in_title || tl < 8) continue;
        for (uint32_t j = 0; j < nout; j++) {
            const dyad_quote *b = &out_q[j];
            if (b->in_title || !b->speaker_code || !contains_ci(b->text, t->text, tl))
                continue;
            t->speaker = b->speaker;
            t->speaker_name = b->speaker_name;
            t->speaker_code = b->speaker_code;
            t->speaker_span = b->speaker_span;
            t->verb = b->verb;
            t->attribution = "body";
            break;
        }
    }
    out->nquotes = nout;
    out->quotes_ = out_q;
}
MEM_UNWINDS_END
