/* coder_verbs.c -- from verb groups to events, for one sentence.
 *
 * Each verb group is looked up in the verb dictionary by its main verb's
 * surface form (multi-word verbs first: "broke down", "wire tapped"). The
 * verb's block patterns are tried in dictionary order around it; the first
 * that matches gives the code and may name the source ($), target (+) or a
 * compound (%). Otherwise the source is the first coded actor unit before
 * the verb (back to the start of its stretch of the sentence) and the target
 * the first coded unit after it whose code differs -- PETRARCH1's model,
 * which the validation records were written for. When dictionaries in the
 * PETRARCH2 format are used, the clause structure decides instead: the
 * verb's subject is the source, negated verbs give no event, and reporting
 * verbs hand over to their complement clause.
 */
#include <stdio.h>
#include <string.h>

#include "code/cameo_hex.h"
#include "code/coder.h"
#include "code/places.h"
#include "util/strfmt.h"

/* One verb found in the dictionary. */
typedef struct verb_hit {
    const verb_form *form;
    uint32_t vfirst, vend;   /* tokens of the verb, with pre-words/particles */
} verb_hit;

static int tok_is(const sentence *s, uint32_t i, uint32_t wid) {
    return i < s->ntok && wid && s->toks[i].wid == wid;
}

/* Does form f fit around token h (its pre-words before, particles after)?
 * Fills hit when it does. */
static int form_fits(const sent_ctx *c, const verb_form *f, uint32_t h,
                     verb_hit *hit) {
    const dict *d = &c->e->d;
    const sentence *s = c->s;
    if (f->npre > h) return 0;
    for (uint32_t j = 0; j < f->npre; j++)
        if (!tok_is(s, h - f->npre + j, d->pat_words[f->pre + j])) return 0;
    for (uint32_t j = 0; j < f->npart; j++)
        if (!tok_is(s, h + 1 + j, d->pat_words[f->part + j])) return 0;
    hit->form = f;
    hit->vfirst = h - f->npre;
    hit->vend = h + 1 + f->npart;
    return 1;
}

/* Finds the dictionary forms of the verb headed at token h, multi-word
 * forms first, one per verb block (a verb may be listed in several blocks,
 * each with its own patterns). Returns how many were stored in hits. */
static int find_verbs(const sent_ctx *c, uint32_t h, verb_hit *hits,
                      int max) {
    const dict *d = &c->e->d;
    const sentence *s = c->s;
    int n = 0;
    for (int pass = 0; pass < 2 && n == 0; pass++) {
        /* pass 1: a verb with a pre-word whose first word the chunker took
         * as the verb: "will not wire tap" (WIRE_+TAP) */
        uint32_t at = h + (uint32_t)pass;
        if (at >= s->ntok) break;
        const tok *t = &s->toks[at];
        const uint32_t *ids;
        uint32_t nf = dict_verb_forms(d, t->norm, t->nlen, &ids);
        for (uint32_t k = 0; k < nf && n < max; k++) {
            const verb_form *f = &d->forms[ids[k]];
            if (pass == 1 && !f->npre) continue;
            verb_hit hit;
            if (!form_fits(c, f, at, &hit)) continue;
            int dup = 0;
            for (int q = 0; q < n && !dup; q++)
                dup = hits[q].form->block == f->block;
            if (!dup) hits[n++] = hit;
        }
        /* a further sense that fits is left out: say so */
        if (n == max && max > 1)
            for (uint32_t k = 0; k < nf; k++) {
                const verb_form *f = &d->forms[ids[k]];
                verb_hit hit;
                int dup = 0;
                for (int q = 0; q < n && !dup; q++) dup = hits[q].form->block == f->block;
                if (dup || (pass == 1 && !f->npre) || !form_fits(c, f, at, &hit)) continue;
                coder_limit(c, "more than 4 verb senses fit one verb");
                break;
            }
    }
    /* dyad's clause model: a form the dictionary does not list is found
     * through its lemma, which the tagger took from WordNet's exception
     * lists and English inflection rules ("fought" -> FIGHT, "stopped" ->
     * STOP), so a dictionary may list base forms only */
    const tok *t = &s->toks[h];
    if (n == 0 && c->e->rules->verb_lemmas && tag_is_verb(t->tag) && t->lemma &&
        strcmp(t->lemma, t->norm) != 0) {
        const uint32_t *ids;
        uint32_t nf = dict_verb_forms(d, t->lemma, strlen(t->lemma), &ids);
        for (uint32_t k = 0; k < nf && n < max; k++) {
            const verb_form *f = &d->forms[ids[k]];
            if (f->word != f->lemma) continue; /* base forms only */
            verb_hit hit;
            if (!form_fits(c, f, h, &hit)) continue;
            int dup = 0;
            for (int q = 0; q < n && !dup; q++)
                dup = hits[q].form->block == f->block;
            if (!dup) hits[n++] = hit;
        }
    }
    return n;
}

static int is_comma(const sentence *s, uint32_t i) {
    return s->toks[i].tag == T_COMMA;
}

/* Start of the verb's stretch: just after the nearest kept comma before
 * it, or the sentence start. */
static uint32_t stretch_start(const sent_ctx *c, uint32_t vfirst) {
    for (uint32_t i = vfirst; i-- > 0;) {
        if (!is_comma(c->s, i) || c->deleted[i]) continue;
        /* commas inside an actor unit ("A, B and C") and the closing comma
         * of a deleted clause do not start a new stretch */
        if (c->unit_of[i] >= 0) continue;
        if (i > 0 && c->deleted[i - 1]) continue;
        return i + 1;
    }
    return 0;
}

/* Index of the chunk at or after token p. */
static uint32_t chunk_at(const sentence *s, uint32_t p) {
    if (p >= s->ntok) return s->nchunk;
    return s->toks[p].chunk >= 0 ? (uint32_t)s->toks[p].chunk : s->nchunk;
}

/* End of the verb's phrase: the lower part stops where a coordinated verb
 * ("... and promised aid") or a new comma clause with its own verb
 * ("..., a senior official said") begins, or at the sentence end. */
/* An adverbial subordinator ("as", "after", "while") at token i that
 * opens a clause of its own: NP* then a finite verb group ("seized power
 * as ECOWAS condemned the takeover"). */
static int opens_adverbial(const sent_ctx *c, uint32_t i) {
    const sentence *s = c->s;
    const tok *t = &s->toks[i];
    if (t->chunk < 0 || s->chunks[t->chunk].kind != CK_SBAR ||
        s->chunks[t->chunk].first != i)
        return 0;
    if (!(tok_norm_is(t, "AS") || tok_norm_is(t, "AFTER") ||
          tok_norm_is(t, "WHILE") || tok_norm_is(t, "WHEN") ||
          tok_norm_is(t, "BECAUSE") || tok_norm_is(t, "ALTHOUGH") ||
          tok_norm_is(t, "THOUGH") || tok_norm_is(t, "SINCE") ||
          tok_norm_is(t, "BEFORE") || tok_norm_is(t, "UNTIL") ||
          tok_norm_is(t, "WHEREAS") || tok_norm_is(t, "UNLESS")))
        return 0;
    uint32_t k = (uint32_t)t->chunk + 1;
    while (k < s->nchunk && (s->chunks[k].kind == CK_NP ||
                             s->chunks[k].kind == CK_ADVP ||
                             s->chunks[k].kind == CK_CONJ ||
                             is_comma(s, s->chunks[k].first) ||
                             /* ("while the leaders of Colombia and Chile
                              * expressed") */
                             (s->chunks[k].kind == CK_PP &&
                              tok_norm_is(&s->toks[s->chunks[k].head], "OF") &&
                              k + 1 < s->nchunk && s->chunks[k + 1].kind == CK_NP)))
        k++;
    return k > (uint32_t)t->chunk + 1 && k < s->nchunk &&
           s->chunks[k].kind == CK_VG &&
           !(s->chunks[k].vflags & (VG_INFINITIVE | VG_PARTICIPLE));
}

/* ", with Japan's foreign minister saying ...": an absolute phrase at
 * comma i, "with" + a noun phrase + a gerund, is no one's object. */
static int absolute_with(const sent_ctx *c, uint32_t i) {
    const sentence *s = c->s;
    if (!is_comma(s, i) || i + 2 >= s->ntok ||
        !tok_norm_is(&s->toks[i + 1], "WITH"))
        return 0;
    for (uint32_t q = i + 2; q < s->ntok && q < i + 14; q++) {
        int t = s->toks[q].tag;
        if (t == T_VBG) return q > i + 2;
        if (t == T_COMMA || t == T_PERIOD || tag_is_verb(t) || t == T_IN ||
            t == T_TO)
            return 0;
    }
    return 0;
}

/* Does a relative or noun clause with its own subject start at token i:
 * "that"/"which"/"whom" right after a noun phrase, then noun phrases
 * (commas, "and") and a finite verb? */
static int noun_clause_at(const sent_ctx *c, uint32_t i) {
    const sentence *s = c->s;
    const tok *t = &s->toks[i];
    if (t->chunk < 1 || s->chunks[t->chunk].kind != CK_SBAR ||
        s->chunks[t->chunk].first != i || s->chunks[t->chunk - 1].kind != CK_NP ||
        chunk_is_time(s, &s->chunks[t->chunk - 1]) || /* ("admitted for the first time that") */
        !(tok_norm_is(t, "THAT") || tok_norm_is(t, "WHICH") || tok_norm_is(t, "WHOM")))
        return 0;
    uint32_t k = (uint32_t)t->chunk + 1, nps = 0;
    while (k < s->nchunk &&
           (s->chunks[k].kind == CK_NP || s->chunks[k].kind == CK_CONJ ||
            (s->chunks[k].kind == CK_PUNCT && s->toks[s->chunks[k].first].tag == T_COMMA))) {
        nps += s->chunks[k].kind == CK_NP;
        k++;
    }
    return nps && k < s->nchunk && s->chunks[k].kind == CK_VG &&
           !(s->chunks[k].vflags & VG_INFINITIVE);
}

static uint32_t phrase_end(const sent_ctx *c, uint32_t vend) {
    const sentence *s = c->s;
    for (uint32_t i = vend; i < s->ntok; i++) {
        if (c->deleted[i]) continue;
        const tok *t = &s->toks[i];
        if (t->tag == T_PERIOD) return i;
        /* "..., according to health ministry figures": the source of a
         * report is not whom the act concerns */
        if (c->e->rules->clause_breaks && t->nlen == 9 && tok_norm_is(t, "ACCORDING") &&
            i + 1 < s->ntok && tok_norm_is(&s->toks[i + 1], "TO"))
            return i;
        if (c->e->rules->clause_breaks &&
            (opens_adverbial(c, i) || absolute_with(c, i)))
            return i;
        /* a semicolon joins two sentences */
        if (c->e->rules->clause_breaks && t->nlen == 1 && t->norm[0] == ';') return i;
        /* "deepening military ties that Japan, the United States and
         * South Korea say are fueling the war": a clause with its own
         * subject after a noun describes the noun; its actors are not
         * this verb's */
        if (c->e->rules->clause_breaks && noun_clause_at(c, i)) return i;
        if (t->tag == T_CC || is_comma(s, i)) {
            /* look at the chunks after it: NP* then a verb group; in the
             * clause model also "where"/"while"/"who" + NP* + verb (", where
             * China and Russia accused ...") */
            uint32_t k = chunk_at(s, i) + 1;
            if (c->e->rules->clause_breaks && is_comma(s, i) && k < s->nchunk &&
                s->chunks[k].kind == CK_SBAR)
                k++;
            while (k < s->nchunk &&
                   (s->chunks[k].kind == CK_NP ||
                    s->chunks[k].kind == CK_ADVP ||
                    /* (", while the governments of Kenya and Ethiopia
                     * condemned": a subject's "of" phrase) */
                    (c->e->rules->clause_breaks && s->chunks[k].kind == CK_PP &&
                     tok_norm_is(&s->toks[s->chunks[k].head], "OF") &&
                     k + 1 < s->nchunk && s->chunks[k + 1].kind == CK_NP) ||
                    (c->e->rules->clause_breaks && s->chunks[k].kind == CK_CONJ &&
                     k + 1 < s->nchunk && s->chunks[k + 1].kind == CK_NP) ||
                    (s->chunks[k].kind == CK_PUNCT &&
                     s->toks[s->chunks[k].first].tag == T_COMMA) ||
                    c->deleted[s->chunks[k].first]))
                k++;
            if (k < s->nchunk && s->chunks[k].kind == CK_VG &&
                !(s->chunks[k].vflags & VG_INFINITIVE)) {
                /* ", it seems," is a parenthetical: the phrase goes on */
                uint32_t after = s->chunks[k].end;
                if (is_comma(s, i) && after < s->ntok && after - i <= 4 &&
                    is_comma(s, after))
                    continue;
                return i;
            }
        }
    }
    return s->ntok;
}

/* Can unit u be a default source or target? It must not have been
 * deleted with a comma clause, must be coded (1), or coded by its own
 * words (2), or not coded (0), and must not carry the same first code as
 * `differ` (the other side of the event). */
static int unit_usable(const sent_ctx *c, const unit *u, int want,
                       const unit *differ) {
    if (c->deleted[u->first]) return 0;
    int quoted = u->quoted && u->ncodes && u->codes[0][0] == '"';
    if (want == 0 && u->coded) return 0;
    if (want != 0 && !u->coded) return 0;
    if (want == 1 && quoted) return 0;
    return !(differ && u->ncodes && differ->ncodes &&
             strcmp(u->codes[0], differ->codes[0]) == 0);
}

/* First unit starting in [lo, hi): coded = 1 wants an actor (one coded by
 * its own words only if no real actor is there), 0 an uncoded phrase. */
static int32_t first_unit(const sent_ctx *c, uint32_t lo, uint32_t hi,
                          int coded, const unit *differ) {
    int passes[2] = {coded, coded ? 2 : 0};
    for (int p = 0; p < (coded ? 2 : 1); p++)
        for (uint32_t i = 0; i < c->nunits; i++) {
            const unit *u = &c->units[i];
            if (u->first >= lo && u->first < hi &&
                unit_usable(c, u, passes[p], differ))
                return (int32_t)i;
        }
    return -1;
}

/* Last unit lying inside [lo, hi), with the same wants as first_unit
 * (coded actors only for coded = 1). */
static int32_t last_unit(const sent_ctx *c, uint32_t lo, uint32_t hi,
                         int coded, const unit *differ) {
    for (uint32_t i = c->nunits; i-- > 0;) {
        const unit *u = &c->units[i];
        if (u->first >= lo && u->end <= hi &&
            unit_usable(c, u, coded ? 2 : 0, differ))
            return (int32_t)i;
    }
    return -1;
}

/* A verb found in the dictionary and the code its patterns give it. */
typedef struct verb_coding {
    verb_hit hit;
    uint32_t lo, hi;          /* token range its patterns may look at */
    const char *code, *rcode; /* CAMEO code, reciprocal code ("" none) */
    match_result m;           /* slots bound by the pattern that fired */
    const char *rule_file;
    uint32_t rule_line;
    int specific;             /* a pattern gave a specific (sub)code */
} verb_coding;

/* Looks up the verb group's verb and tries its block's patterns in order;
 * the first that matches (and is not a null pattern) gives the code. */
static int code_verb(sent_ctx *c, const chunk *ch, verb_coding *vc) {
    const sentence *s = c->s;
    const dict *d = &c->e->d;
    verb_hit hits[4];
    int nh = find_verbs(c, ch->head, hits, 4);
    if (!nh) {
        trace_add(c, "verb %s: not in the verb dictionary\n",
                  s->toks[ch->head].norm);
        return 0;
    }
    /* default: the first listing with a code of its own */
    int def = 0;
    while (def + 1 < nh && !strcmp(hits[def].form->code, "---") &&
           !hits[def].form->rcode[0])
        def++;
    vc->hit = hits[def];
    vc->code = hits[def].form->code;
    vc->rcode = hits[def].form->rcode;
    const pattern *fired = NULL;
    match_result m = {-1, -1, -1, hits[def].vfirst, hits[def].vend, hits[def].vend};
    for (int h = 0; h < nh && !fired; h++) {
        const verb_hit *hit = &hits[h];
        const verb_block *blk = &d->blocks[hit->form->block];
        uint32_t lo = stretch_start(c, hit->vfirst);
        uint32_t hi = phrase_end(c, hit->vend);
        /* a light verb ([---]: it codes only through what it takes) takes
         * the pattern whose object stands nearest it, not the first listed
         * that matches anywhere: "suspending arms exports to Turkey that
         * could be used in the offensive" is about the exports */
        int light = !strcmp(hit->form->code, "---") && !hit->form->rcode[0];
        for (uint32_t k = 0; k < blk->n; k++) {
            const pattern *p = &d->patterns[blk->first + k];
            match_result mm;
            if (!match_pattern(c, p, hit->vfirst, hit->vend, lo, hi, &mm))
                continue;
            if (strcmp(p->code, "---") == 0 && !p->rcode[0]) continue;
            if (fired && (!p->nlower || mm.lower_first >= m.lower_first)) continue;
            fired = p;
            m = mm;
            vc->hit = *hit;
            vc->code = p->code;
            vc->rcode = p->rcode;
            /* the object right after the verb cannot be bettered */
            if (!light || !p->nlower || mm.lower_first <= hit->vend + 1) break;
        }
    }
    vc->lo = stretch_start(c, vc->hit.vfirst);
    vc->hi = phrase_end(c, vc->hit.vend);
    vc->m = m;
    vc->rule_file =
        fired ? d->files[fired->file] : d->files[vc->hit.form->file];
    vc->rule_line = fired ? fired->line : vc->hit.form->line;
    /* "threatened to impose sanctions" matched a pattern for 1312: that
     * beats composing the verbs; a pattern giving a root-level code
     * ("030", "020") still composes */
    vc->specific = fired && fired->code[0] &&
                   (strlen(fired->code) > 3 || fired->code[2] != '0');
    return 1;
}

static int null_code(const char *code) {
    return !code || !code[0] || strcmp(code, "---") == 0;
}

/* "The decree signed by Jeenbekov imposes a state of emergency", "a
 * resolution drafted by France demands ...": a document that acts is its
 * author's act. The unit of the author named by the participle after a
 * subject that is a document noun, or -1. */
static int32_t document_author(const sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    int32_t k = s->chunks[ci].clause;
    if (k < 0 || (uint32_t)k >= s->nclause) return -1;
    int32_t sj = s->clauses[k].subject;
    if (sj < 0 || (uint32_t)sj + 3 >= s->nchunk || (uint32_t)sj + 3 > ci) return -1;
    const chunk *vg = &s->chunks[sj + 1], *pp = &s->chunks[sj + 2];
    if (!tok_in_class(&s->toks[s->chunks[sj].head], WC_DOCUMENT) || vg->kind != CK_VG || s->toks[vg->head].tag != T_VBN ||
        pp->kind != CK_PP || !tok_is(s, pp->head, c->e->w_by) ||
        s->chunks[sj + 3].kind != CK_NP)
        return -1;
    int32_t u = c->unit_of[s->chunks[sj + 3].first];
    return u >= 0 && c->units[u].coded ? u : -1;
}

/* "A ceasefire agreement was signed by A and B", "a deal was reached":
 * a passive's subject is what the active verb's object would be, so a
 * verb that codes through its object's patterns (SIGN, REACH, CONCLUDE)
 * tries them on the subject, tokens [first, end). 1 when one fired (vc
 * updated). */
static int code_passive_object(sent_ctx *c, uint32_t head, verb_coding *vc,
                               uint32_t first, uint32_t end) {
    const dict *d = &c->e->d;
    verb_hit hits[4];
    int nh = find_verbs(c, head, hits, 4);
    for (int h = 0; h < nh; h++) {
        const verb_block *blk = &d->blocks[hits[h].form->block];
        for (uint32_t k = 0; k < blk->n; k++) {
            const pattern *p = &d->patterns[blk->first + k];
            if (p->nupper) continue; /* only what follows the verb */
            match_result mm;
            if (!match_pattern(c, p, first, first, first, end, &mm)) continue;
            if (null_code(p->code) && !p->rcode[0]) continue;
            vc->code = p->code;
            vc->rcode = p->rcode;
            vc->rule_file = d->files[p->file];
            vc->rule_line = p->line;
            vc->specific = strlen(p->code) > 3 || p->code[2] != '0';
            return 1;
        }
    }
    return 0;
}

/* Default target: first coded unit after the verb whose code differs
 * from the source's, else the first uncoded one. */
static int32_t default_target(const sent_ctx *c, uint32_t from, uint32_t hi,
                              int32_t src) {
    const unit *su = src >= 0 ? &c->units[src] : NULL;
    int32_t tgt = first_unit(c, from, hi, 1, su);
    if (tgt < 0) tgt = first_unit(c, from, hi, 0, NULL);
    return tgt;
}

static int32_t localise(sent_ctx *c, int32_t u, const char *loc);

/* Is the participle at token v ("brokered") in "in a deal brokered by",
 * "at talks hosted by", "under a plan mediated by" -- modifying the noun
 * of an adjunct, not the verb's object ("blocked a statement drafted by
 * France", "the release of hostages held by Hamas", whose agent is the
 * one acted on)? */
static int adjunct_agent(const sent_ctx *c, uint32_t v) {
    const sentence *s = c->s;
    int32_t vc = s->toks[v].chunk;
    if (vc < 2 || s->chunks[vc - 1].kind != CK_NP || s->chunks[vc - 2].kind != CK_PP)
        return 0;
    const tok *p = &s->toks[s->chunks[vc - 2].head];
    return !tok_norm_is(p, "OF") && !tok_norm_is(p, "TO") && !tok_norm_is(p, "FOR");
}

/* Does a partner's name begin at token i, after "alongside", "along
 * with" or "together with" (tokens from lo on)? */
static int after_partner_word(const sentence *s, uint32_t lo, uint32_t i) {
    if (i < lo + 1) return 0;
    if (tok_norm_is(&s->toks[i - 1], "ALONGSIDE")) return 1;
    return i >= lo + 2 && tok_norm_is(&s->toks[i - 1], "WITH") &&
           (tok_norm_is(&s->toks[i - 2], "ALONG") ||
            tok_norm_is(&s->toks[i - 2], "TOGETHER"));
}

/* Does unit u name several actors by a plural head ("the warring
 * generals", "the two sides")? */
static int plural_unit(const sent_ctx *c, const unit *u) {
    if (u->chunk < 0 || (uint32_t)u->chunk >= c->s->nchunk) return 0;
    uint8_t t = c->s->toks[c->s->chunks[u->chunk].head].tag;
    return t == T_NNS || t == T_NNPS;
}

/* Does unit u name something its actor owns ("Panama's willingness",
 * "Argentina's commitment"): a possessive inside it? (Callers ask it of
 * a bare country's phrase: "the Kurdistan Workers' Party" is a name.) */
static int owned_by_self(const sentence *s, const unit *u) {
    for (uint32_t i = u->first; i + 1 < u->end && i + 1 < s->ntok; i++)
        if (s->toks[i + 1].tag == T_POS) return 1;
    return 0;
}

/* Is code one of unit u's codes? */
static int in_codes(const unit *u, const char *code) {
    for (uint32_t k = 0; k < u->ncodes; k++)
        if (!strcmp(u->codes[k], code)) return 1;
    return 0;
}

/* The clause model's target: like default_target, but a place named after
 * "in" is where the event happened, not whom it concerns ("held talks in
 * Riyadh", "exercises in the Sea of Japan"). */
static int32_t clause_target(const sent_ctx *c, uint32_t from, uint32_t hi,
                             int32_t src, const char *code) {
    const sentence *s = c->s;
    const unit *su = src >= 0 ? &c->units[src] : NULL;
    /* giving, sending, handing over: the recipient after "to" is the
     * target, not what is given ("extradited militants to Iraq") */
    if (code && (!strncmp(code, "06", 2) || !strncmp(code, "07", 2) ||
                 !strcmp(code, "174")))
        for (uint32_t i = 0; i < c->nunits; i++) {
            const unit *u = &c->units[i];
            if (u->first < from || u->first >= hi || !u->coded) continue;
            if (u->first > 0 && tok_is(s, u->first - 1, c->e->w_to) &&
                !(su && u->actor && su->actor && !strcmp(u->actor, su->actor)))
                return (int32_t)i;
        }
    /* "called on the international community to restrain Israel", "urged
     * all parties to respect the truce": the object an appeal or demand
     * asks to act
     * is the one acted on, though no actor code names it; the
     * infinitive's own object is its act's, not this verb's */
    for (uint32_t i = 0; code && (!strncmp(code, "02", 2) || !strncmp(code, "10", 2)) &&
                         i < c->nunits; i++) {
        const unit *u = &c->units[i];
        if (u->first < from) continue;
        uint32_t at = u->first == from ? from
                      : u->first == from + 1 && (tok_norm_is(&s->toks[from], "ON") ||
                                                 tok_norm_is(&s->toks[from], "UPON"))
                          ? from + 1 : 0;
        if (at && !u->coded && !u->ncodes && u->end + 1 < hi &&
            tok_is(s, u->end, c->e->w_to) && s->toks[u->end + 1].tag == T_VB)
            return (int32_t)i;
        break;
    }
    /* pass 0: actors not introduced by "in"; pass 1: people named by an
     * agent word only ("dozens of students", who take the place's country
     * later); pass 2: only a place ("arrived in Moscow", "detonated a bomb
     * in Mogadishu") -- but a compound meeting "in Riyadh" meets itself;
     * pass 3: phrases with no actor at all */
    for (int pass = 0; pass < 4; pass++) {
        if (pass == 2 && su && su->compound &&
            !(code && (!strcmp(code, "042") || !strcmp(code, "043"))))
            continue; /* (but "France and Jordan landed in Beirut") */
        /* where a meeting is held is not whom one meets ("held an
         * emergency meeting in New York"); a visit to a place is */
        if (pass == 2 && code &&
            ((!strncmp(code, "04", 2) && strcmp(code, "042") != 0 &&
              strcmp(code, "043") != 0) ||
             !strcmp(code, "036"))) /* ("expected to meet in Granada") */
            continue;
        /* nor is where a plural subject signs or truces with itself: "the
         * warring generals signed a truce in Jeddah" (but "Putin signs a
         * pact in Pyongyang" signs with his host) */
        if (pass == 2 && code && su && plural_unit(c, su) &&
            (events_symmetric_code(code) || !strncmp(code, "087", 3)))
            continue;
        for (uint32_t i = 0; i < c->nunits; i++) {
            const unit *u = &c->units[i];
            if (u->first < from || u->first >= hi) continue;
            int coded_pass = pass == 0 || pass == 2;
            if (coded_pass != !!u->coded) continue;
            if (pass == 1 && !u->ncodes) continue;
            int after_in =
                u->first > 0 && tok_is(s, u->first - 1, c->e->w_in);
            /* "in Granada, Spain": the country after a place is where too */
            if (!after_in && u->first >= 3 && s->toks[u->first - 1].tag == T_COMMA) {
                int32_t pu = c->unit_of[u->first - 2];
                after_in = pu >= 0 && c->units[pu].first > 0 &&
                           tok_is(s, c->units[pu].first - 1, c->e->w_in);
            }
            if (pass != 2 && after_in) continue;
            if (pass == 2 && !after_in) continue;
            /* "fought alongside Syrian forces", "together with France":
             * a partner in the act, not its target (co_agent) */
            if (after_partner_word(s, from, u->first)) continue;
            /* "agreed to restore ties in a deal brokered by China": the
             * agent of a later participle is that verb's, not this one's
             * counterpart */
            if (u->first >= from + 2 && tok_is(s, u->first - 1, c->e->w_by) &&
                s->toks[u->first - 2].tag == T_VBN && adjunct_agent(c, u->first - 2))
                continue;
            /* the source's own forces are not its target: "Russia
             * withdrew its troops from Ukraine" (but "Iranian police fired
             * at Iranian protesters" is) */
            if (pass == 0 && su && u->ncodes && su->ncodes &&
                (strcmp(u->codes[0], su->codes[0]) == 0 ||
                 (u->actor && su->actor && !strcmp(u->actor, su->actor) &&
                  (s->toks[u->first].tag == T_PRPS ||
                   (strlen(u->codes[0]) == 3 && owned_by_self(s, u))))))
                continue;
            /* nor is a member of its own list: "Britain, France and
             * Germany ... warned they could trigger sanctions" */
            if (pass == 0 && su && su->compound && u->ncodes && in_codes(su, u->codes[0]))
                continue;
            if (pass == 2 && su && u->actor && su->actor &&
                !strcmp(u->actor, su->actor))
                continue;
            return (int32_t)i;
        }
    }
    return -1;
}

/* The role an agent code ends with ("---GOV" -> GOV), or "". */
static const char *agent_role(const unit *u) {
    return u && u->ncodes ? code_role(u->codes[0]) : "";
}

/* "Lebanese protesters called on the government to resign": a bare state
 * agent facing a country's own people belongs to that country. Returns a
 * new unit or u. */
static int32_t domestic_state(sent_ctx *c, int32_t u, int32_t other);

/* Insurgents' victims with no nationality named are their own country's
 * people: "Taliban insurgents abducted bus passengers" is AFGREB against
 * AFGCVL. Only for rebels: an army may fight abroad. */
static int32_t insurgent_victims(sent_ctx *c, int32_t tgt, int32_t src) {
    if (tgt < 0 || src < 0 || c->units[tgt].coded || !c->units[tgt].ncodes)
        return tgt;
    const unit *o = &c->units[src];
    if (!o->coded || !o->ncodes) return tgt;
    const char *sc = o->codes[0];
    size_t n = strlen(sc);
    if (n < 6 || strcmp(sc + n - 3, "REB") != 0) return tgt;
    /* the country the rebels fight in leads their code ("AFGREB"); groups
     * coded as transnational (IMG...) have none */
    if (!strncmp(sc, "IGO", 3) || !strncmp(sc, "NGO", 3) ||
        !strncmp(sc, "IMG", 3) || !strncmp(sc, "---", 3))
        return tgt;
    return localise(c, tgt, arena_strndup(c->a, sc, 3));
}

static int32_t domestic_state(sent_ctx *c, int32_t u, int32_t other) {
    /* (not police or soldiers, nor civilians or refugees: "police
     * arrested a Venezuelan man" says nothing about whose police) */
    static const char *const state[] = {"GOV", "LEG", "JUD", NULL};
    static const char *const people[] = {"OPP", "EDU", "LAB", "BUS", "MED",
                                         "HLH", "AGR", "HRI", NULL};
    if (u < 0 || other < 0 || c->units[u].coded || !c->units[u].ncodes)
        return u;
    const unit *o = &c->units[other];
    if (!o->coded || !o->actor || strlen(o->actor) != 3) return u;
    const char *ro = agent_role(o), *ru = agent_role(&c->units[u]);
    int is_state = 0, is_people = 0;
    for (const char *const *p = state; *p; p++) is_state |= !strcmp(ru, *p);
    for (const char *const *p = people; *p; p++) is_people |= !strcmp(ro, *p);
    if (!is_state || !is_people) return u;
    return localise(c, u, o->actor);
}

/* "A and B renewed ties": a compound with no other target acts on itself,
 * one event per ordered pair. */
static int self_compound(const sent_ctx *c, int32_t src, int32_t *tgt,
                         const match_result *m) {
    if (src >= 0 && c->units[src].compound && c->units[src].ncodes > 1 &&
        (*tgt < 0 || !c->units[*tgt].coded) && m->target < 0) {
        *tgt = src;
        return 1;
    }
    return 0;
}

/* PETRARCH1 linear model (validation suite): see the file comment. */
static void code_linear(sent_ctx *c, event_list *out) {
    const sentence *s = c->s;
    uint32_t ci = 0;
    while (ci < s->nchunk) {
        const chunk *ch = &s->chunks[ci];
        verb_coding vc;
        if (ch->kind != CK_VG || c->deleted[ch->head] ||
            !code_verb(c, ch, &vc)) {
            ci++;
            continue;
        }
        const verb_hit *hit = &vc.hit;
        const char *code = vc.code, *rcode = vc.rcode;
        if (null_code(code) && !rcode[0]) {
            trace_add(c, "verb %s (%s:%u): null code, no event\n",
                      s->toks[ch->head].norm, vc.rule_file, vc.rule_line);
            ci++;
            continue;
        }
        const match_result *m = &vc.m;
        int32_t src = m->source, tgt = m->target;
        if (m->compound >= 0) tgt = m->compound;
        if (src < 0) {
            src = first_unit(c, vc.lo, hit->vfirst, 1, NULL);
            if (src < 0) src = first_unit(c, vc.lo, hit->vfirst, 0, NULL);
        }
        if (tgt < 0) {
            tgt = default_target(c, hit->vend, vc.hi, src);
            const unit *su = src >= 0 ? &c->units[src] : NULL;
            if (tgt < 0) tgt = last_unit(c, vc.lo, hit->vfirst, 1, su);
            if (tgt < 0 && src >= 0) {
                int32_t t2 = last_unit(c, vc.lo, hit->vfirst, 0, NULL);
                if (t2 != src) tgt = t2;
            }
        }
        if (tgt == src && m->compound < 0) tgt = -1;
        int selfc = self_compound(c, src, &tgt, m);
        /* passive: "B was opposed by A" */
        int passive = 0;
        if ((ch->vflags & VG_PASSIVE) && m->source < 0) {
            for (uint32_t q = hit->vend; q < vc.hi && !passive; q++)
                passive = tok_is(s, q, c->e->w_by) && !c->deleted[q];
            if (passive) {
                int32_t tmp = src;
                src = tgt;
                tgt = tmp;
            }
        }
        trace_add(c, "verb %s -> %s (%s:%u)%s\n", s->toks[ch->head].norm,
                  code[0] ? code : rcode, vc.rule_file, vc.rule_line,
                  passive ? " passive: roles swapped" : "");
        events_add_pairs(c, out, src, tgt, code, rcode,
                        m->compound >= 0 || selfc, ci, vc.rule_file,
                        vc.rule_line);
        /* resume after the verb's phrase: one coded verb per phrase */
        uint32_t next = chunk_at(s, vc.hi);
        ci = next > ci ? next : ci + 1;
    }
}

/* The unit acting as subject of the clause holding chunk ci: the clause's
 * own subject, or for infinitive, participial and coordinated clauses
 * without one, the nearest enclosing clause's. */
/* Verbs whose object does what the infinitive after it says: "prompting
 * crowds to storm parliament", "forced the rebels to withdraw". (Not
 * "ordered troops to fire": CAMEO gives an order's act to who gave it;
 * requests, "urged X to", code as the request.) */
static int causative(const tok *t) {
    static const char *const v[] = {"PROMPT", "FORCE", "CAUSE", "LEAD",
                                    "PUSH", "PRESSURE", "PERSUADE", "COMPEL",
                                    "ENCOURAGE", "INSPIRE", "DRIVE", "SPUR",
                                    "ALLOW", "PERMIT", "ENABLE"};
    if (!t->lemma) return 0;
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        if (!strcmp(t->lemma, v[i])) return 1;
    return 0;
}

/* The object of a causative verb right before infinitive clause cl, as a
 * unit (uncoded, -2 when it is none: "prompted angry crowds to storm" has
 * no coded subject, not the prompter), or -1 when there is no such verb. */
static int32_t causee(const sent_ctx *c, const clause *cl) {
    const sentence *s = c->s;
    if (cl->verb < 2) return -1;
    int32_t np = -1, j = cl->verb - 1;
    for (; j >= 0 && cl->verb - j < 6; j--) {
        const chunk *ch = &s->chunks[j];
        if (ch->kind == CK_NP) np = j;
        else if (ch->kind != CK_PP && ch->kind != CK_ADVP) break;
    }
    if (j < 0 || np < 0 || s->chunks[j].kind != CK_VG ||
        !causative(&s->toks[s->chunks[j].head]))
        return -1;
    int32_t u = c->unit_of[s->chunks[np].first];
    return u >= 0 ? u : -2;
}

/* The possessor of an [act-noun] right before infinitive clause cl
 * ("Washington's decision to", "Moscow's plan to"), coded; or -1. */
static int32_t act_possessor(const sent_ctx *c, const clause *cl) {
    const sentence *s = c->s;
    if (cl->first == 0) return -1;
    const chunk *np = &s->chunks[cl->first - 1];
    if (np->kind != CK_NP || !tok_in_class(&s->toks[np->head], WC_ACT_NOUN)) return -1;
    for (uint32_t i = np->first; i < np->head; i++)
        if (s->toks[i].tag == T_POS || s->toks[i].tag == T_PRPS) {
            int32_t u = c->unit_of[np->first];
            return u >= 0 && c->units[u].coded && c->units[u].ncodes ? u : -1;
        }
    return -1;
}

static int32_t clause_subject(const sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    int32_t k = s->chunks[ci].clause;
    for (int depth = 0; k >= 0 && (uint32_t)k < s->nclause && depth < 8;
         depth++) {
        const clause *cl = &s->clauses[k];
        if (cl->subject >= 0 && (uint32_t)cl->subject < s->nchunk) {
            int32_t u = c->unit_of[s->chunks[cl->subject].first];
            /* (a count before the unit: "4,000 people have been
             * arrested", the unit starting at its noun) */
            if (u < 0) u = c->unit_of[s->chunks[cl->subject].head];
            if (u >= 0) return u;
        }
        if (cl->kind == CL_INFINITIVE && cl->subject < 0) {
            int32_t u = causee(c, cl);
            if (u != -1) return u >= 0 ? u : -1;
            /* "in retaliation for Washington's decision to throw out 35
             * Russians": the infinitive completing a possessed act noun is
             * the possessor's act */
            u = act_possessor(c, cl);
            if (u >= 0) return u;
        }
        if (cl->kind != CL_INFINITIVE && cl->kind != CL_PARTICIPIAL &&
            cl->kind != CL_COORD)
            break;
        k = cl->parent;
    }
    return -1;
}

/* "The ministry said the voyage was routine and urged Canberra to view
 * it objectively": a statement, appeal or diplomatic act (roots 01-05,
 * 10-13, 16) joined by "and" to a reported clause whose subject is no
 * actor is the reporter's, not the reported thing's. The reporter's unit,
 * or -1. (Not force: "said the blast killed five and wounded ten".) */
static int32_t coord_reporter(const sent_ctx *c, uint32_t ci,
                              const char *code) {
    const sentence *s = c->s;
    int verbal = (code[0] == '0' && code[1] >= '1' && code[1] <= '5') ||
                 (code[0] == '1' && ((code[1] >= '0' && code[1] <= '3') ||
                                     code[1] == '6'));
    int32_t k = s->chunks[ci].clause;
    if (!verbal || k < 0 || (uint32_t)k >= s->nclause) return -1;
    const clause *cl = &s->clauses[k];
    if (cl->kind != CL_COORD || cl->parent < 0) return -1;
    const clause *p = &s->clauses[cl->parent];
    if (p->kind != CL_COMPLEMENT || p->parent < 0) return -1;
    if (p->subject >= 0 && (uint32_t)p->subject < s->nchunk) {
        int32_t u = c->unit_of[s->chunks[p->subject].first];
        if (u >= 0 && c->units[u].coded) return -1;
    }
    const clause *r = &s->clauses[p->parent];
    if (r->verb < 0 || (uint32_t)r->verb >= s->nchunk) return -1;
    return clause_subject(c, (uint32_t)r->verb);
}

/* Is verb chunk ch "called on X" (or "upon", in the past) with nothing
 * asked after it up to hi or the clause's next verb: no "to", no "for",
 * no colon? */
static int courtesy_call(const sent_ctx *c, const chunk *ch, uint32_t vend, uint32_t hi) {
    const sentence *s = c->s;
    const tok *h = &s->toks[ch->head];
    if (!(h->lemma && !strcmp(h->lemma, "CALL")) || vend >= s->ntok ||
        !(tok_norm_is(&s->toks[ch->end], "ON") || tok_norm_is(&s->toks[ch->end], "UPON")))
        return 0;
    if (h->tag == T_VBG || h->tag == T_VBZ || h->tag == T_VBP) return 0; /* ("I am calling on") */
    for (uint32_t q = ch->end + 1; q < hi && q < s->ntok; q++) {
        const tok *t = &s->toks[q];
        if (t->tag == T_PERIOD) break;
        /* (": hand this man over", "to 'immediately' return") */
        if (t->tag == T_COLON || tok_norm_is(t, "FOR") || tok_norm_is(t, "TO")) return 0;
        /* "called on Israel and urged ...": what follows is another act */
        if (tag_is_verb(t->tag) && t->tag != T_VBN && t->tag != T_VBG) break;
    }
    return 1;
}

/* "Moscow responded by expelling two diplomats", "Pakistan retaliated by
 * closing its airspace": a gerund after "by" right after an active verb
 * is the means, the subject's own act -- the event the sentence reports
 * (unlike "accused X of attacking Y", an activity named). */
static int means_gerund(const sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    if (ci < 2 || s->chunks[ci - 1].kind != CK_PP ||
        !tok_is(s, s->chunks[ci - 1].head, c->e->w_by) ||
        s->chunks[ci - 1].end != s->chunks[ci].first)
        return 0;
    const chunk *v = &s->chunks[ci - 2];
    /* (past a time: "responded the next day by recalling its envoys") */
    if (ci >= 3 && v->kind == CK_NP && chunk_is_time(s, v)) v = &s->chunks[ci - 3];
    return v->kind == CK_VG && !(v->vflags & VG_PASSIVE) &&
           (s->toks[v->head].tag == T_VBD || s->toks[v->head].tag == T_VBZ ||
            s->toks[v->head].tag == T_VBP || s->toks[v->head].tag == T_VB);
}

/* Is verb chunk ci an infinitive of purpose after verb chunk pv and its
 * object ("telephoned Kenyatta to convey", "summoned the ambassador to
 * protest"): a subjectless infinitive clause of pv's clause, only noun
 * and prepositional phrases between them, pv not a verb whose object does
 * the infinitive's act ("urged Iran to release": [control]), pv's
 * object unit obj not an act ([act-noun])? */
static int purpose_infinitive(const sent_ctx *c, uint32_t ci, int32_t pv,
                              int32_t obj) {
    const sentence *s = c->s;
    const chunk *ch = &s->chunks[ci];
    if (!(ch->vflags & VG_INFINITIVE) || pv < 0 || (uint32_t)pv >= ci) return 0;
    /* the object is no act: not "Australia's decision to ban", where the
     * infinitive completes the noun */
    const unit *o = &c->units[obj];
    if (o->end == 0 || o->end > s->ntok || o->end > ch->first) return 0;
    int32_t oc = s->toks[o->end - 1].chunk;
    if (oc < 0 || tok_in_class(&s->toks[s->chunks[oc].head], WC_ACT_NOUN)) return 0;
    int32_t k = ch->clause;
    if (k < 0 || (uint32_t)k >= s->nclause) return 0;
    const clause *cl = &s->clauses[k];
    if (cl->kind != CL_INFINITIVE || cl->subject >= 0 || cl->parent < 0 ||
        s->clauses[cl->parent].verb != pv)
        return 0;
    if (tok_in_class(&s->toks[s->chunks[pv].head], WC_CONTROL)) return 0;
    int np = 0;
    for (uint32_t j = (uint32_t)pv + 1; j < ci; j++) {
        if (s->chunks[j].kind == CK_NP) np = 1;
        else if (s->chunks[j].kind != CK_PP && s->chunks[j].kind != CK_ADVP) return 0;
    }
    return np;
}

/* The actor named after "alongside", "along with" or "together with" in
 * verb chunk ci's clause -- a partner in the act, not its target -- as a
 * unit, or -1. */
static int32_t co_agent(const sent_ctx *c, uint32_t ci, int32_t src, int32_t tgt) {
    const sentence *s = c->s;
    int32_t k = s->chunks[ci].clause;
    if (k < 0 || (uint32_t)k >= s->nclause) return -1;
    const clause *cl = &s->clauses[k];
    if (cl->first >= s->nchunk) return -1;
    uint32_t lo = s->chunks[cl->first].first;
    uint32_t hi = cl->end <= s->nchunk && cl->end > 0 ? s->chunks[cl->end - 1].end : s->ntok;
    for (uint32_t at = lo + 1; at < hi; at++) {
        if (!after_partner_word(s, lo, at)) continue;
        /* the partner phrase's first word ("alongside", "along") */
        uint32_t i = tok_norm_is(&s->toks[at - 1], "WITH") ? at - 2 : at - 1;
        /* (the clause's own words, not a relative clause inside it:
         * "missiles, most of which were intercepted by the IDF together
         * with the United States") */
        if (s->toks[i].chunk < 0 || s->chunks[s->toks[i].chunk].clause != k) continue;
        /* (not "fighting alongside the FDLR", a gerund's) */
        if (i > 0 && s->toks[i - 1].tag == T_VBG) return -1;
        int32_t u = at < s->ntok ? units_starting_at(c, at) : -1;
        if (u < 0 || u == src || u == tgt || !c->units[u].coded) return -1;
        return u;
    }
    return -1;
}

/* "by phone", "by telephone", "in a (tele)phone call", "on the phone"
 * among tokens [from, to): the chunk naming the phone (the event's verb
 * text, so the act said on it stays the verb's own), or -1. */
/* Is unit u a news medium ("the Guardian", "Reuters": role MED)? Telling
 * one something by phone is an interview, not a call between actors. */
static int media_unit(const sent_ctx *c, int32_t u) {
    return u >= 0 && !strcmp(agent_role(&c->units[u]), "MED");
}

static int32_t by_phone(const sent_ctx *c, uint32_t from, uint32_t to) {
    const sentence *s = c->s;
    for (uint32_t i = from; i < to && i < s->ntok; i++) {
        const tok *t = &s->toks[i];
        if (!tok_norm_is(t, "PHONE") && !tok_norm_is(t, "TELEPHONE")) continue;
        if ((i > 0 && (tok_norm_is(&s->toks[i - 1], "BY") ||
                       tok_norm_is(&s->toks[i - 1], "THE"))) ||
            (i + 1 < s->ntok && (tok_norm_is(&s->toks[i + 1], "CALL") ||
                                 tok_norm_is(&s->toks[i + 1], "CONVERSATION"))))
            return t->chunk;
    }
    return -1;
}

/* Is the object of verb chunk ci a count of people with no one named:
 * "1,500", "dozens", "hundreds more", "200 more"? */
static int counted_object(const sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    uint32_t k = ci + 1;
    if (k >= s->nchunk || s->chunks[k].kind != CK_NP) return 0;
    const chunk *np = &s->chunks[k];
    if (c->unit_of[np->head] >= 0 && c->units[c->unit_of[np->head]].ncodes) return 0;
    const tok *h = &s->toks[np->head];
    if (h->tag == T_CD) return 1;
    for (uint32_t i = np->first; i <= np->head; i++) {
        const tok *t = &s->toks[i];
        if (tok_norm_is(t, "DOZENS") || tok_norm_is(t, "HUNDREDS") ||
            tok_norm_is(t, "THOUSANDS") || tok_norm_is(t, "SCORES"))
            return np->end == i + 1 || tok_norm_is(&s->toks[np->end - 1], "MORE");
        if (t->tag == T_CD && i + 1 < np->end && tok_norm_is(&s->toks[i + 1], "MORE"))
            return 1;
    }
    return 0;
}

/* "each other" or "one another" in tokens [from, to), or "the other"
 * after a subject "each" ("each has accused the other"). */
static int each_other(const sent_ctx *c, uint32_t from, uint32_t to) {
    const sentence *s = c->s;
    for (uint32_t q = from; q + 1 < to && q + 1 < s->ntok; q++) {
        if ((tok_norm_is(&s->toks[q], "EACH") &&
             tok_norm_is(&s->toks[q + 1], "OTHER")) ||
            (tok_norm_is(&s->toks[q], "ONE") &&
             tok_norm_is(&s->toks[q + 1], "ANOTHER")))
            return 1;
        if (tok_norm_is(&s->toks[q], "THE") && tok_norm_is(&s->toks[q + 1], "OTHER") &&
            (q + 2 >= s->ntok || !tag_is_noun(s->toks[q + 2].tag)))
            for (uint32_t e = 0; e < from; e++)
                if (tok_norm_is(&s->toks[e], "EACH") && s->toks[e].tag == T_DT &&
                    e + 1 < s->ntok && !tag_is_noun(s->toks[e + 1].tag) &&
                    !tok_norm_is(&s->toks[e + 1], "OTHER"))
                    return 1;
    }
    return 0;
}

/* A compound actor unit introduced by "between" or "among" in tokens
 * [from, to), or -1. */
static int32_t between_pair(const sent_ctx *c, uint32_t from, uint32_t to) {
    const sentence *s = c->s;
    for (uint32_t q = from; q + 1 < to && q + 1 < s->ntok; q++) {
        if (!tok_norm_is(&s->toks[q], "BETWEEN") &&
            !tok_norm_is(&s->toks[q], "AMONG"))
            continue;
        int32_t u = units_starting_at(c, q + 1);
        if (u >= 0 && c->units[u].compound && c->units[u].coded &&
            c->units[u].ncodes > 1)
            return u;
    }
    return -1;
}

/* Adjectives that make "be ADJ to VERB" an intention: "is ready to meet"
 * (the [intent-adjective] class of dyad.rules.txt). */
static int intent_adjective(const sentence *s, uint32_t ci) {
    if (ci + 1 >= s->nchunk) return 0;
    const chunk *a = &s->chunks[ci + 1];
    if (a->kind != CK_ADJP && a->kind != CK_NP) return 0;
    return tok_in_class(&s->toks[a->head], WC_INTENT_ADJ);
}

/* The infinitive verb group governed by the verb group at ci ("vowed to
 * retaliate", "urged Canada to release ..."), or -1. Only noun phrases,
 * prepositions and adverbs may stand between. */
static int32_t governed_infinitive(const sentence *s, uint32_t ci) {
    for (uint32_t k = ci + 1; k < s->nchunk && k < ci + 8; k++) {
        const chunk *ch = &s->chunks[k];
        if (ch->kind == CK_VG)
            return (ch->vflags & VG_INFINITIVE) ? (int32_t)k : -1;
        if (ch->kind != CK_NP && ch->kind != CK_PP && ch->kind != CK_ADVP &&
            ch->kind != CK_ADJP)
            return -1;
    }
    return -1;
}

/* The verb group of a complement clause right after chunk ci ("demanded
 * that Sweden extradite ..."), with the clause's subject unit, or -1. */
static int32_t governed_complement(const sent_ctx *c, uint32_t ci,
                                   int32_t *subj, uint32_t *cstart) {
    const sentence *s = c->s;
    *subj = -1;
    for (uint32_t k = ci + 1; k < s->nchunk && k < ci + 4; k++) {
        const chunk *ch = &s->chunks[k];
        if (ch->kind == CK_ADVP) continue;
        const clause *cl = &s->clauses[ch->clause];
        if (cl->kind != CL_COMPLEMENT || cl->verb < 0 ||
            (uint32_t)cl->first < ci + 1)
            return -1;
        /* the complement's subject, when the chunker found it right here */
        if (cl->subject >= 0 && (uint32_t)cl->subject <= ci + 4)
            *subj = c->unit_of[s->chunks[cl->subject].first];
        *cstart = s->chunks[cl->first].first;
        return cl->verb;
    }
    return -1;
}

/* Verb group ci states an act to come: "will"/"would"/"shall" in a
 * reported ("said that ...") clause or a quotation, or "will"/"shall"
 * anywhere. */
static int reported_future(const sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    const chunk *ch = &s->chunks[ci];
    int will = 0, would = 0;
    for (uint32_t t = ch->first; t < ch->head; t++) {
        const tok *w = &s->toks[t];
        will |= tok_norm_is(w, "WILL") || tok_norm_is(w, "'LL") || tok_norm_is(w, "SHALL");
        would |= tok_norm_is(w, "WOULD");
    }
    if ((!will && !would) || ch->clause >= s->nclause) return 0;
    /* said that ... would, or a speaker's quotation: "We will respond";
     * or the story's own "will": "The EU will send more aid" is
     * announced, not done ("would" alone is mostly a conditional's) */
    return will || s->clauses[ch->clause].kind == CL_COMPLEMENT ||
           (c->quoted && c->quoted[ch->head]);
}

/* A verb group of obligation: 1 "must", "has to", "have to"; 2 "should",
 * "ought to"; else 0. */
static int obligation(const sentence *s, const chunk *ch) {
    for (uint32_t t = ch->first; t < ch->head; t++) {
        const tok *w = &s->toks[t];
        if (tok_norm_is(w, "MUST")) return 1;
        if (tok_norm_is(w, "SHOULD") || tok_norm_is(w, "OUGHT")) return 2;
    }
    return 0;
}

/* The subject of the reporting verb whose complement holds chunk ci
 * ("the UN said Israel must ..."), or -1. */
static int32_t reporter_of(const sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    uint32_t k = s->chunks[ci].clause;
    if (k >= s->nclause || s->clauses[k].kind != CL_COMPLEMENT) return -1;
    int32_t p = s->clauses[k].parent;
    if (p < 0 || s->clauses[p].verb < 0) return -1;
    const chunk *v = &s->chunks[s->clauses[p].verb];
    if (!tok_in_class(&s->toks[v->head], WC_REPORTING)) return -1;
    int32_t u = clause_subject(c, (uint32_t)s->clauses[p].verb);
    return u >= 0 && c->units[u].coded ? u : -1;
}

/* The state whose organ reports the clause of chunk ci -- the subject of
 * the reporting verb it is the complement of, or of a trailing
 * attribution (", the ministry said") -- as a country code, or NULL.
 * "Kenya's interior ministry said police had arrested three Somali
 * nationals": police with no country of their own are the reporter's,
 * not the story's most named country's. */
static const char *reporter_state(sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    int32_t u = reporter_of(c, ci);
    uint32_t k = s->chunks[ci].clause;
    for (uint32_t r = 0; u < 0 && k < s->nclause && r < s->nclause; r++)
        if (s->clauses[r].kind == CL_REPORTING && s->clauses[r].parent == (int16_t)k &&
            s->clauses[r].verb >= 0) {
            u = clause_subject(c, (uint32_t)s->clauses[r].verb);
            if (u >= 0 && !c->units[u].coded) u = -1;
        }
    if (u < 0 || !c->units[u].ncodes || !code_is_state(c->units[u].codes[0])) return NULL;
    return arena_strndup(c->a, c->units[u].codes[0], 3);
}

/* Is infinitive verb group g put on the calendar by the word before it:
 * "due to", "expected to", "scheduled to", "set to", "slated to"? */
static int scheduled(const sentence *s, const chunk *g) {
    if (g->first == 0) return 0;
    const tok *t = &s->toks[g->first - 1];
    return tok_norm_is(t, "DUE") || tok_norm_is(t, "EXPECTED") ||
           tok_norm_is(t, "SCHEDULED") || tok_norm_is(t, "SET") ||
           tok_norm_is(t, "SLATED") || tok_norm_is(t, "PLANNED") ||
           tok_norm_is(t, "PREPARING") || tok_norm_is(t, "PREPARES");
}

/* Speech acts that govern another act and compose with it: appeals (2),
 * intentions (3), demands (4), threats (6) and refusals (negative codes).
 * "Met X to discuss Y" is a meeting, not a composed code. */
static int governing_act(int up) {
    if (up < 0) return 1;
    int cls = (up >> 12) & 0xF;
    return cls == 2 || cls == 3 || cls == 4 || cls == 6;
}

/* Is chunk ci in the "that" clause of an allegation noun: "accusations
 * that it had used chemical weapons", "reports that troops fired"? The
 * sentence says the accusation was made, not that the act happened (the
 * [allegation] class of dyad.rules.txt). */
static int alleged(const sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    int32_t k = s->chunks[ci].clause;
    for (int depth = 0; k > 0 && (uint32_t)k < s->nclause && depth < 8;
         depth++) {
        const clause *cl = &s->clauses[k];
        if (cl->kind == CL_COMPLEMENT && cl->first > 0 &&
            cl->first < s->nchunk && s->chunks[cl->first].kind == CK_SBAR) {
            const chunk *np = &s->chunks[cl->first - 1];
            if (np->kind == CK_NP &&
                tok_in_class(&s->toks[np->head], WC_ALLEGATION))
                return 1;
        }
        k = cl->parent;
    }
    return 0;
}

/* Is chunk ci inside an "if"/"unless" clause? "... warned China of
 * consequences if it supplied weapons to Russia" reports no supply. */
static int hypothetical(const sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    int32_t k = s->chunks[ci].clause;
    for (int depth = 0; k >= 0 && (uint32_t)k < s->nclause && depth < 8;
         depth++) {
        const clause *cl = &s->clauses[k];
        if (cl->kind == CL_ADVERBIAL && cl->first < s->nchunk) {
            const chunk *op = &s->chunks[cl->first];
            const char *w = s->toks[op->first].norm;
            if (!strcmp(w, "IF") || !strcmp(w, "UNLESS")) return 1;
        }
        k = cl->parent;
    }
    return 0;
}

/* The country where the sentence places its events: the first actor unit
 * after "in" whose actor is a state ("rallied in Tbilisi", "students in
 * Bangladesh"), or NULL. */
static const nominal_entry *nominal_at(const sent_ctx *c, const chunk *np);
static int range_has_actor(sent_ctx *c, uint32_t first, uint32_t end);

static const char *sentence_location(const sent_ctx *c) {
    const sentence *s = c->s;
    for (uint32_t i = 0; i < c->nunits; i++) {
        const unit *u = &c->units[i];
        if (!u->coded || !u->actor || strlen(u->actor) != 3) continue;
        /* ("killed in Israeli attacks" names an attack, not a place) */
        if (u->chunk >= 0 && nominal_at(c, &s->chunks[u->chunk])) continue;
        /* (", his spokesman told reporters in New York": where it was said,
         * not where the reported act happens) */
        if (u->chunk >= 0 && (uint32_t)s->chunks[u->chunk].clause < s->nclause &&
            s->clauses[s->chunks[u->chunk].clause].kind == CL_REPORTING)
            continue;
        /* "in X" (or "inside X") before the unit, or inside it
         * ("students in X") */
        uint32_t q = u->first ? u->first - 1 : 0;
        for (; q + 1 < u->end; q++)
            if (tok_is(s, q, c->e->w_in) || tok_norm_is(&s->toks[q], "INSIDE"))
                return u->actor;
    }
    return NULL;
}

/* Is unit u an agent alone whose role travels to talks: officials,
 * envoys, rebels, soldiers (---GOV, ---REB, ...)? */
static int venue_guest(const sent_ctx *c, int32_t u) {
    if (u < 0 || c->units[u].coded || !c->units[u].ncodes) return 0;
    const char *k = c->units[u].codes[0];
    if (strncmp(k, "---", 3) || strlen(k) < 6) return 0;
    static const char *const roles[] = {"GOV", "REB", "INS", "UAF", "MIL", "SPY", NULL};
    for (const char *const *r = roles; *r; r++)
        if (!strncmp(k + 3, *r, 3)) return 1;
    return 0;
}

/* An agent without an actor ("---GOV", "---OPP") belongs to the country
 * the sentence takes place in: "protesters rallied in Tbilisi against the
 * government" is GEOOPP against GEOGOV. Returns a new unit, or u. */
static int32_t localise(sent_ctx *c, int32_t u, const char *loc) {
    if (u < 0 || !loc || c->units[u].coded || !c->units[u].ncodes) return u;
    unit nu = c->units[u];
    const char **codes = arena_alloc(c->a, nu.ncodes * sizeof *codes);
    for (uint32_t k = 0; k < nu.ncodes; k++) {
        const char *code = nu.codes[k];
        codes[k] = !strncmp(code, "---", 3)
                       ? arena_cat(c->a, loc, code + 3)
                       : code;
    }
    nu.codes = codes;
    nu.coded = 1;
    nu.actor = loc;
    ARENA_GROW(c->a, c->units, c->nunits, c->cap_units);
    c->units[c->nunits] = nu;
    return (int32_t)c->nunits++;
}


/* Codes that answer someone else's act: deny (016), disapprove,
 * criticise, accuse (11x), reject (12x). */
static int reaction_code(const char *code) {
    return !strcmp(code, "016") || !strncmp(code, "11", 2) ||
           !strncmp(code, "12", 2);
}

/* A people or its civilians: a country code alone ("PSE") or with a
 * civilian role, not an armed group, a government or an organisation. */
static int civilian_code(const char *code) {
    size_t n = strlen(code);
    if (n < 3 || !strncmp(code, "---", 3) || !strncmp(code, "IGO", 3) ||
        !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3))
        return 0;
    if (n == 3) return 1;
    const char *r = code + n - 3;
    return !strcmp(r, "CVL") || !strcmp(r, "REF") || !strcmp(r, "EDU") ||
           !strcmp(r, "MED") || !strcmp(r, "HLH") || !strcmp(r, "REL");
}

/* Protesters, workers on strike, opposition supporters: people, unarmed
 * ("security forces killed dozens of protesters" is 180, not combat). */
static int protester_code(const char *code) {
    const char *r = code_role(code);
    return strncmp(code, "---", 3) && (!strcmp(r, "OPP") || !strcmp(r, "LAB"));
}

/* Does verb ch ([seizing]: "seized", "took") take people as unit u, its object (or
 * its subject, passive): a people's role (civilians, students, clergy,
 * journalists ...), not something of theirs ("seized their laptops")? */
static int seized_people(const sent_ctx *c, const chunk *ch, const unit *u,
                         int passive) {
    static const char *const roles[] = {"CVL", "EDU", "REF", "REL", "MED", "LAB",
                                        "AGR", "HRI", NULL};
    int v = tok_in_class(&c->s->toks[ch->head], WC_SEIZING);
    /* (the verb's own object: not "arrested six journalists and seized
     * their laptops") */
    uint32_t ci = (uint32_t)(ch - c->s->chunks);
    if (!v || u->first >= c->s->ntok || c->s->toks[u->first].tag == T_PRPS) return 0;
    if (!passive && (ci + 1 >= c->s->nchunk || c->s->chunks[ci + 1].kind != CK_NP ||
                     u->first != c->s->chunks[ci + 1].first))
        return 0;
    const char *code = u->codes[0];
    size_t n = strlen(code);
    if (n < 6) return 0;
    for (const char *const *p = roles; *p; p++)
        if (!strcmp(code + n - 3, *p)) return 1;
    return 0;
}

/* A unit of one code made by the coder (not in the text). */
static int32_t synthetic_unit(sent_ctx *c, const char *code, int32_t like) {
    unit nu;
    memset(&nu, 0, sizeof nu);
    if (like >= 0) nu = c->units[like];
    const char **codes = arena_alloc(c->a, sizeof *codes);
    codes[0] = code;
    nu.codes = codes;
    nu.ncodes = 1;
    nu.coded = 1;
    nu.compound = 0;
    nu.actor = arena_strndup(c->a, code, 3);
    nu.chunk = like >= 0 ? c->units[like].chunk : -1;
    ARENA_GROW(c->a, c->units, c->nunits, c->cap_units);
    c->units[c->nunits] = nu;
    return (int32_t)c->nunits++;
}

/* Is country the backer of the source phrase su: "troops backed by
 * Russia attacked the town", "forces supported by Turkey"? The agent of
 * a participle right after the source is on its side, never the target
 * an unnamed victim stands for. */
static int backs_source(const sent_ctx *c, const unit *su, const char *country) {
    const sentence *s = c->s;
    if (su->chunk < 0) return 0;
    uint32_t k = (uint32_t)c->s->toks[su->end - 1].chunk + 1;
    if (k + 2 >= s->nchunk || s->chunks[k].kind != CK_VG ||
        s->toks[s->chunks[k].head].tag != T_VBN || s->chunks[k + 1].kind != CK_PP ||
        !tok_is(s, s->chunks[k + 1].head, c->e->w_by))
        return 0;
    int32_t bu = c->unit_of[s->chunks[k + 2].first];
    if (bu < 0) return 0;
    const unit *b = &c->units[bu];
    for (uint32_t i = 0; i < b->ncodes; i++)
        if (!strncmp(b->codes[i], country, 3)) return 1;
    return 0;
}

/* The target news leaves out, where the kind of act says who it is:
 *   violence (18-20) with no one named hits the country the sentence or the
 *   story is about, when that is not the attacker's ("Russia launched
 *   drones overnight" in a story on Ukraine);
 *   curfews, emergencies and bans (172x) fall on the people of the country
 *   that imposes them, protests (14x) are against its government.
 * like is the uncoded target phrase, if any (its span is kept). */
static int32_t implicit_target(sent_ctx *c, int32_t src, const char *code,
                               const char *loc, int32_t like,
                               const event_list *out, uint32_t first_event) {
    if (src < 0 || !c->units[src].coded || !c->units[src].ncodes || !code)
        return like;
    const char *sc = c->units[src].codes[0];
    if (strlen(sc) < 3 || !strncmp(sc, "---", 3)) return like;
    /* "condemned the strikes", "welcomed the deal", "rejected the
     * timetable": a reaction to an event named by a noun is aimed at
     * whoever did the story's last event of that kind (within a few
     * sentences), not at the phrase */
    if (like >= 0 && c->units[like].chunk >= 0 && !c->units[like].coded &&
        (reaction_code(code) || !strcmp(code, "051"))) {
        const chunk *lc = &c->s->chunks[c->units[like].chunk];
        const nominal_entry *ne = nominal_at(c, lc);
        if (ne && !range_has_actor(c, lc->first, lc->end))
            for (uint32_t i = first_event; i-- > 0;) {
                const dyad_event *ev = &out->ev[i];
                if (ev->sentence + 6 < c->s->index) break;
                if (strncmp(ev->code, ne->code, 2) || !ev->source ||
                    !strncmp(ev->source, "---", 3) || !strncmp(ev->source, sc, 3))
                    continue;
                trace_add(c, "reaction to %s: the doer of sentence %u's %s\n",
                          c->s->toks[lc->head].norm, ev->sentence, ev->code);
                return synthetic_unit(c, arena_strdup(c->a, ev->source), like);
            }
    }
    /* "The Kremlin rejected what it called the language of ultimatums",
     * "rights groups accused all sides of abuses": criticism and refusals
     * that name no one answer the other side the story has just named
     * (threats and demands were tried too: "officials warned that the toll
     * could rise" made them wrong four times in five) */
    if ((like < 0 || !c->units[like].coded) &&
        reaction_code(code)) {
        const mention *m = context_counterpart(c, sc);
        if (m) return synthetic_unit(c, arena_strdup(c->a, m->codes[0]), like);
    }
    if (!strncmp(sc, "IGO", 3) || !strncmp(sc, "NGO", 3)) return like;
    int domestic = !strncmp(sc, "IMG", 3) ? 0 : 1;
    char country[4];
    memcpy(country, sc, 3);
    country[3] = '\0';
    if (!strncmp(code, "18", 2) || !strncmp(code, "19", 2) ||
        !strncmp(code, "20", 2)) {
        /* "an Iranian missile attack on US bases injured dozens": the event
         * noun of the subject names the event and its target itself */
        const unit *su = &c->units[src];
        if (su->chunk >= 0 && nominal_at(c, &c->s->chunks[su->chunk]))
            return like;
        /* the other side of the fighting the story reports ("troops seized
         * more of the east" after "rebel fighters"), else the place's or
         * the story's other country */
        const mention *adv = context_adversary(c, sc);
        if (adv) return synthetic_unit(c, arena_strdup(c->a, adv->codes[0]), like);
        const char *other = loc && strncmp(loc, country, 3) ? loc : NULL;
        if (!other) other = context_other_country(c, country);
        if (other && backs_source(c, &c->units[src], other)) other = NULL;
        return other ? synthetic_unit(c, arena_strdup(c->a, other), like)
                     : like;
    }
    /* reactions to something named only as a thing ("rejected the
     * announcement", "dismissed the allegations"): aimed at whoever last
     * did something in the story */
    if (like >= 0 && c->units[like].chunk >= 0 && reaction_code(code) &&
        tok_in_class(&c->s->toks[c->s->chunks[c->units[like].chunk].head],
                     WC_ACT_NOUN)) {
        const mention *m = context_last_actor(c, sc);
        if (m) return synthetic_unit(c, arena_strdup(c->a, m->codes[0]), like);
    }
    if (!domestic) return like;
    if (!strncmp(code, "172", 3))
        return synthetic_unit(c, arena_printf(c->a, "%sCVL", country), like);
    size_t n = strlen(sc);
    if (code[0] == '1' && code[1] == '4' &&
        !(n >= 6 && !strcmp(sc + n - 3, "GOV")))
        return synthetic_unit(c, arena_printf(c->a, "%sGOV", country), like);
    return like;
}

/* The agent a passive leaves out, where the kind of act says who it is:
 * "protesters have been arrested", "4,000 people have been detained" are
 * arrests by the police of the victims' country (or the story's); "were
 * charged", "sentenced" by its courts; "schoolgirls had been abducted",
 * "were freed", "were killed" by the armed side the story is about. tgt
 * is the passive's subject (coded, or an agent word alone). -1 when the
 * story does not tell. */
static int32_t implicit_agent(sent_ctx *c, int32_t tgt, const char *code,
                              const char *loc) {
    if (tgt < 0 || !c->units[tgt].ncodes || !code) return -1;
    const char *tc = c->units[tgt].codes[0];
    const char *country = NULL;
    if (code_is_state(tc))
        country = arena_strndup(c->a, tc, 3);
    else if (loc)
        country = loc;
    if (!strcmp(code, "173") || !strcmp(code, "1711") || !strcmp(code, "175")) {
        if (!country) return -1;
        return synthetic_unit(c, arena_printf(c->a, "%.3sCOP", country), -1);
    }
    if (!strncmp(code, "18", 2) || !strncmp(code, "19", 2) ||
        !strncmp(code, "084", 3)) {
        const mention *adv = context_adversary(c, country ? country : tc);
        if (adv) return synthetic_unit(c, arena_strdup(c->a, adv->codes[0]), -1);
    }
    return -1;
}

/* Is the noun right before the subject of verb chunk ci's clause one of
 * claims ([allegation]: "a charge Tehran denies", "an allegation Azerbaijan
 * rejects")? */
static int answers_allegation(const sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    const clause *cl = &s->clauses[s->chunks[ci].clause];
    if (cl->subject <= 0) return 0;
    const chunk *np = &s->chunks[cl->subject - 1];
    return np->kind == CK_NP && tok_in_class(&s->toks[np->head], WC_ALLEGATION);
}

/* "Baku said the road was used to smuggle arms, a claim Yerevan denied":
 * the clause of verb chunk ci has a subject right after a noun of
 * someone's act ("a claim", "a charge"), which the clause answers; the
 * act is the outer clause's subject's. Its unit, or -1. */
static int32_t claimant(const sent_ctx *c, uint32_t ci) {
    const sentence *s = c->s;
    const clause *cl = &s->clauses[s->chunks[ci].clause];
    if (cl->subject <= 0 || cl->parent < 0) return -1;
    const chunk *np = &s->chunks[cl->subject - 1];
    if (np->kind != CK_NP) return -1;
    const tok *h = &s->toks[np->head];
    if (!tok_in_class(h, WC_ACT_NOUN) && !tok_in_class(h, WC_ALLEGATION)) return -1;
    const clause *pc = &s->clauses[cl->parent];
    if (pc->subject < 0) return -1;
    int32_t u = c->unit_of[s->chunks[pc->subject].first];
    return u >= 0 && c->units[u].coded ? u : -1;
}

/* dyad's clause model, for PETRARCH2-format dictionaries: the source is the
 * verb's subject (pronouns resolved), passive verbs take their source from
 * "by", negated verbs give no event, and a verb governing an infinitive
 * ("vowed to attack") combines both codes (cameo_hex.c). loc is where the
 * sentence happens; placed: the sentence names it (not the story's focus). */
static void code_clauses(sent_ctx *c, event_list *out, uint8_t *consumed,
                         const char *loc, int placed) {
    const sentence *s = c->s;
    /* the subject and target of the last verb coded, for the next verb of
     * a coordination ("met X and urged ...") */
    int32_t prev_src = -1, prev_tgt = -1, prev_ci = -1;
    uint32_t first_event = out->n; /* this sentence's first event */
    /* the events of the last verb coded ([last_from, last_to) of out) */
    uint32_t last_vg = UINT32_MAX, last_from = 0, last_to = 0;
    for (uint32_t ci = 0; ci < s->nchunk; ci++) {
        const chunk *ch = &s->chunks[ci];
        if (ch->kind != CK_VG || consumed[ci]) continue;
        uint32_t ev0 = out->n;
        /* "Hungary vetoed a European Union statement criticising China":
         * what a rejected text says (a participle describing the object
         * of a rejection, 12x) never happened */
        if (s->toks[ch->first].tag == T_VBG && ci >= 2 && last_vg == ci - 2 &&
            last_from < last_to && !strncmp(out->ev[last_from].code, "12", 2) &&
            s->chunks[ci - 1].kind == CK_NP && s->chunks[ci - 1].end == ch->first)
            continue;
        /* a gerund after a preposition names an activity, not a new event:
         * "accused X of attacking Y", "praised X for seeking Y" */
        /* (past an adverb between them: "of unlawfully deporting") */
        uint32_t before = ch->first;
        while (before > 0 && s->toks[before - 1].tag == T_RB) before--;
        /* ... but after a preposition of time the gerund is the subject's
         * own act, told as when: "flew home after meeting Putin", "said
         * while visiting Kyiv" ("without consulting" is still none) */
        const tok *bp = before > 0 ? &s->toks[before - 1] : NULL;
        /* ("before signing their deal" tells what was still to come) */
        int when = bp && (tok_norm_is(bp, "AFTER") || tok_norm_is(bp, "WHILE") ||
                          tok_norm_is(bp, "WHEN") || tok_norm_is(bp, "UPON") ||
                          tok_norm_is(bp, "DESPITE"));
        if (s->toks[ch->first].tag == T_VBG && before > 0 && !when &&
            s->toks[before - 1].tag == T_IN && !means_gerund(c, ci)) {
            int32_t g = governed_infinitive(s, ci);
            if (g >= 0) consumed[g] = 1; /* "of attempting to murder" */
            continue;
        }
        /* "release detained journalists": a lone participle between a
         * verb and a noun is an adjective */
        if (ch->end - ch->first == 1 && ci > 0 && ci + 1 < s->nchunk &&
            (s->toks[ch->head].tag == T_VBN ||
             s->toks[ch->head].tag == T_VBD) &&
            s->chunks[ci - 1].kind == CK_VG &&
            s->chunks[ci + 1].kind == CK_NP &&
            s->chunks[ci + 1].first == ch->end)
            continue;
        /* "the decision to ban Huawei": an infinitive completing a noun
         * that names no actor is not an event */
        /* (... but "sent a plane to evacuate the wounded": what a verb of
         * sending or using sends is the means of the subject's act) */
        if ((ch->vflags & VG_INFINITIVE) && ci > 0 &&
            s->chunks[ci - 1].kind == CK_NP &&
            !chunk_is_time(s, &s->chunks[ci - 1]) && /* ("on Saturday to") */
            !(ci >= 2 && s->chunks[ci - 2].kind == CK_VG &&
              s->chunks[ci - 2].end == s->chunks[ci - 1].first &&
              tok_in_class(&s->toks[s->chunks[ci - 2].head], WC_DISPATCH))) {
            int32_t nu = c->unit_of[s->chunks[ci - 1].first];
            if (nu < 0 || !c->units[nu].ncodes) continue;
        }
        if (alleged(c, ci)) {
            trace_add(c, "verb %s: what an accusation or report says, not "
                         "asserted\n",
                      s->toks[ch->head].norm);
            continue;
        }
        if (hypothetical(c, ci)) {
            trace_add(c, "verb %s: in a conditional clause, no event\n",
                      s->toks[ch->head].norm);
            continue;
        }
        verb_coding vc;
        int have = code_verb(c, ch, &vc);
        if (have && null_code(vc.code) && !vc.rcode[0] && (ch->vflags & VG_PASSIVE)) {
            int32_t sj = clause_subject(c, ci);
            if (sj >= 0 && c->units[sj].first < ch->first &&
                code_passive_object(c, ch->head, &vc, c->units[sj].first,
                                    c->units[sj].end))
                trace_add(c, "passive: %s's subject as its object -> %s\n",
                          s->toks[ch->head].norm, vc.code);
        }
        if (have && null_code(vc.code) && !vc.rcode[0] &&
            ch->end == ch->first + 1 && s->toks[ch->head].tag == T_VBN &&
            ci > 0 && s->chunks[ci - 1].kind == CK_NP && ci + 1 < s->nchunk &&
            s->chunks[ci + 1].kind == CK_PP &&
            tok_is(s, s->chunks[ci + 1].head, c->e->w_by)) {
            /* "talks facilitated by Turkey": a reduced relative's noun is
             * what the participle's patterns are about, as a passive's
             * subject is -- for mediation only (045): "the memorandum
             * signed in Madrid", "a case brought by South Africa" have
             * their parties elsewhere */
            const chunk *an = &s->chunks[ci - 1];
            verb_coding keep = vc;
            if (code_passive_object(c, ch->head, &vc, an->first, an->end)) {
                if (strcmp(vc.code, "045")) vc = keep;
                else trace_add(c, "reduced relative: %s's noun as its object -> %s\n",
                               s->toks[ch->head].norm, vc.code);
            }
        }
        int up = have ? cameo_to_hex(vc.code) : 0;
        if (!have && (ch->vflags & VG_COPULA) && intent_adjective(s, ci))
            up = cameo_to_hex("030");
        const char *code = have ? vc.code : "", *rcode = have ? vc.rcode : "";
        uint32_t vend = have ? vc.hit.vend : ch->end;
        uint32_t hi = have ? vc.hi : phrase_end(c, ch->end);
        /* "EU leaders meeting in Brussels renewed their calls for Ankara":
         * a reduced relative's phrase ends at the verb of the clause it
         * sits in; what follows is that verb's */
        {
            uint32_t k = s->chunks[ci].clause;
            if (k < s->nclause && s->clauses[k].kind == CL_PARTICIPIAL &&
                s->clauses[k].subject < 0 && ci > 0 &&
                s->chunks[ci - 1].kind == CK_NP && s->clauses[k].parent >= 0) {
                int32_t pv = s->clauses[s->clauses[k].parent].verb;
                if (pv > (int32_t)ci && s->chunks[pv].first < hi)
                    hi = s->chunks[pv].first;
            }
        }
        const match_result *m = have ? &vc.m : NULL;
        const char *rule_file = have ? vc.rule_file : "(frame)";
        uint32_t rule_line = have ? vc.rule_line : 0;
        int32_t tgt_from = -1;
        const char *frame_lower = NULL; /* code of a composed infinitive */
        int negated_refusal = 0; /* "would not": coded as a refusal */

        /* a speech act governing an infinitive: one combined event */
        int32_t inf =
            governing_act(up) ? governed_infinitive(s, ci) : -1;
        if (inf >= 0 && have && vc.specific) {
            /* the pattern already coded the whole frame ("threatened to
             * impose sanctions" 1312): the infinitive is part of it */
            consumed[inf] = 1;
        } else if (inf >= 0) {
            verb_coding lc;
            if (code_verb(c, &s->chunks[inf], &lc) && !null_code(lc.code)) {
                int comb =
                    cameo_hex_combine(up, cameo_to_hex_governed(lc.code));
                const char *cc = cameo_from_hex_near(comb);
                consumed[inf] = 1;
                if (cc) {
                    frame_lower = lc.code;
                    trace_add(c, "frame: %s + %s -> %s\n",
                              s->toks[ch->head].norm,
                              s->toks[s->chunks[inf].head].norm, cc);
                    code = cc;
                    rcode = "";
                    hi = lc.hi > hi ? lc.hi : hi;
                    if (lc.m.target >= 0) tgt_from = lc.m.target;
                    rule_file = lc.rule_file;
                    rule_line = lc.rule_line;
                }
            }
        }
        /* "A demanded that B withdraw": A acts on B with the combined
         * code (a speech act about a material act); a reporting verb with
         * a null code leaves the complement to be coded on its own */
        int32_t comp_subj = -1;
        uint32_t comp_start = 0;
        int32_t comp = (inf < 0 && up >= 0x1000)
                           ? governed_complement(c, ci, &comp_subj,
                                                 &comp_start)
                           : -1;
        int comp_used = 0;
        if (comp >= 0 && comp_subj >= 0 && have && vc.specific) {
            consumed[comp] = 1;
            comp_used = 1;
            if (vc.m.target < 0) tgt_from = comp_subj;
        } else if (comp >= 0 && comp_subj >= 0 && governing_act(up)) {
            verb_coding lc;
            const chunk *lch = &s->chunks[comp];
            if (!(lch->vflags & VG_NEG) && code_verb(c, lch, &lc) &&
                !null_code(lc.code)) {
                int low = cameo_to_hex_governed(lc.code);
                const char *cc =
                    low > 0 && low < 0x1000
                        ? cameo_from_hex_near(cameo_hex_combine(up, low))
                        : NULL;
                if (cc) {
                    consumed[comp] = 1;
                    comp_used = 1;
                    trace_add(c, "complement: %s that ... %s -> %s\n",
                              s->toks[ch->head].norm,
                              s->toks[lch->head].norm, cc);
                    code = cc;
                    rcode = "";
                    tgt_from = comp_subj;
                    hi = lc.hi > hi ? lc.hi : hi;
                }
            }
        }
        /* a reported future is an intention: "Germany said it would send
         * air defence systems" (0332), not the sending itself */
        /* ("will continue to consult", "will seek to restore": the
         * infinitive after a future is the act to come) */
        int fut_inf = have && ci > 0 &&
                      ((ch->vflags & VG_INFINITIVE) ||
                       s->toks[ch->first].tag == T_VBG) && /* ("will keep supporting") */
                      s->chunks[ci - 1].kind == CK_VG &&
                      s->chunks[ci - 1].end == ch->first &&
                      !(s->chunks[ci - 1].vflags & VG_NEG) && reported_future(c, ci - 1);
        /* "the EU remains committed to supporting Ukraine", "is ready to
         * help": a gerund or infinitive after an adjective of intention
         * and "to" is the act intended */
        if (have && !fut_inf && ch->first >= 2 && tok_is(s, ch->first - 1, c->e->w_to) &&
            (s->toks[ch->first].tag == T_VBG || (ch->vflags & VG_INFINITIVE)) &&
            tok_in_class(&s->toks[ch->first - 2], WC_INTENT_ADJ))
            fut_inf = 1;
        int intent = have && ((ch->vflags & VG_MODAL) || fut_inf) && up > 0
                         ? cameo_hex_intent(up) : 0;
        /* ... and a reported "will not" is a refusal: "said it would not
         * withdraw its staff" (124), "would not accept a timetable" (12x),
         * as "refused to" composes */
        if (have && (ch->vflags & VG_NEG) && (ch->vflags & VG_MODAL) &&
            up > 0 && reported_future(c, ci)) {
            const char *cc = cameo_from_hex_near(
                cameo_hex_combine(cameo_to_hex("120"), up));
            if (cc && cc[0] == '1' && cc[1] == '2') {
                trace_add(c, "reported refusal: %s -> %s\n",
                          s->toks[ch->head].norm, cc);
                code = cc;
                rcode = "";
                negated_refusal = 1;
                intent = 0;
            }
        }
        /* "are due to meet Biden", "is expected to travel to Tehran", "is
         * scheduled to visit": an act on the calendar is an intention
         * (036 for a meeting, 033 for aid ...), not the act */
        if (have && up > 0 && (ch->vflags & VG_INFINITIVE) && scheduled(s, ch)) {
            int in = cameo_hex_intent(up);
            const char *cc = in ? cameo_from_hex_near(in) : NULL;
            if (cc) {
                trace_add(c, "scheduled: %s -> %s\n", s->toks[ch->head].norm, cc);
                /* (a meeting ahead is both sides' intention; a visit the
                 * guest's) */
                rcode = events_symmetric_code(code) ? cc : "";
                code = cc;
                intent = 0;
            }
        }
        if (intent && (fut_inf || reported_future(c, ci))) {
            const char *cc = cameo_from_hex_near(intent);
            if (cc) {
                trace_add(c, "reported future: %s -> %s\n",
                          s->toks[ch->head].norm, cc);
                /* (one side's intention: "South Korea will consult
                 * with the United States"; both sides' when they are
                 * the subject together: "Armenia and Azerbaijan will
                 * meet") */
                int32_t su = m && m->source >= 0 ? m->source : clause_subject(c, ci);
                int both = su >= 0 && c->units[su].compound;
                rcode = both && events_symmetric_code(code) ? cc : "";
                code = cc;
            }
        }
        /* "warned that millions faced hunger": the reported clause is not
         * the verb's target; it is coded on its own */
        if (comp >= 0 && !comp_used && comp_start >= vend &&
            comp_start < hi) {
            /* ... but one demands or appeals of the complement's subject:
             * "demanded that Moscow explain the poisoning" */
            if ((up >> 12) == 2 || (up >> 12) == 4) {
                if (comp_subj >= 0 && tgt_from < 0) tgt_from = comp_subj;
            } else {
                hi = comp_start;
                /* ... and a warning or threat is aimed at an actor the
                 * complement is about: "warned that Baghdad would pay a
                 * heavy price" (not the warner's own side: "warned that
                 * Kyrgyzstan would respond") */
                int32_t su = m && m->source >= 0 ? m->source : clause_subject(c, ci);
                if ((up >> 12) == 6 && comp_subj >= 0 && tgt_from < 0 &&
                    c->units[comp_subj].coded && c->units[comp_subj].ncodes && su >= 0 &&
                    c->units[su].coded && c->units[su].ncodes &&
                    strncmp(c->units[su].codes[0], c->units[comp_subj].codes[0], 3))
                    tgt_from = comp_subj;
            }
        }
        /* "the Foreign Secretary called on the Chief Adviser": a call on
         * someone that asks for nothing -- no "to" and an infinitive, no
         * "for" -- is a courtesy call, a visit (042, the host 043) */
        if (have && !strcmp(code, "020") && courtesy_call(c, ch, vend, hi)) {
            code = "042";
            rcode = "043";
        }
        if (null_code(code) && !rcode[0]) {
            if (have)
                trace_add(c, "verb %s (%s:%u): null code, no event\n",
                          s->toks[ch->head].norm, rule_file, rule_line);
            /* ... but "Meloni told Netanyahu in a telephone call that"
             * was a call (the told thing is coded on its own) */
            int32_t ph = have && !(ch->vflags & VG_NEG) ? by_phone(c, vend, hi) : -1;
            /* "summoned Indian High Commissioner Bambawale to lodge a
             * protest": a verb with no code of its own still hands its
             * object to an infinitive of purpose after it */
            if (have && !(ch->vflags & VG_NEG)) {
                uint32_t k = ci + 1;
                while (k < s->nchunk && s->chunks[k].kind != CK_VG) k++;
                int32_t ps = k < s->nchunk ? clause_subject(c, ci) : -1;
                int32_t pt = ps >= 0 ? clause_target(c, vend, hi, ps, NULL) : -1;
                if (pt >= 0 && pt != ps && c->units[pt].coded &&
                    purpose_infinitive(c, k, (int32_t)ci, pt)) {
                    prev_src = ps;
                    prev_tgt = pt;
                    prev_ci = (int32_t)ci;
                }
            }
            if (ph >= 0) {
                int32_t ps = clause_subject(c, ci);
                int32_t pt = ps >= 0 ? clause_target(c, vend, hi, ps, "041") : -1;
                if (pt >= 0 && c->units[ps].coded && c->units[pt].coded &&
                    !media_unit(c, pt)) /* ("told the Guardian by telephone") */
                    events_add_pairs(c, out, ps, pt, "041", "041", 0, ph,
                                    "(phone)", 0);
            }
            continue;
        }
        if ((ch->vflags & VG_NEG) && !negated_refusal) {
            trace_add(c, "verb %s: negated, no event\n",
                      s->toks[ch->head].norm);
            continue;
        }
        int32_t src = m ? m->source : -1;
        int32_t tgt = tgt_from >= 0 ? tgt_from : (m ? m->target : -1);
        int compound = m && m->compound >= 0;
        if (compound) tgt = m->compound;
        int passive = (ch->vflags & VG_PASSIVE) != 0 && src < 0;
        if (passive) {
            /* "B was attacked by A": A is the source, B the target */
            int32_t subj = clause_subject(c, ci);
            src = -1;
            for (uint32_t q = vend; q + 1 < hi && src < 0; q++)
                if (tok_is(s, q, c->e->w_by))
                    src = units_starting_at(c, q + 1);
            /* "the British ambassador was summoned to the foreign ministry
             * in Moscow": who summons is where one is summoned to */
            {
                const tok *vh = &s->toks[ch->head];
                if (src < 0 && vh->lemma && !strcmp(vh->lemma, "SUMMON") &&
                    vend < s->ntok && tok_is(s, vend, c->e->w_to)) {
                    int32_t u = units_starting_at(c, vend + 1);
                    if (u >= 0 && c->units[u].coded) src = u;
                }
            }
            /* "U.S. sanctions on Iran will be lifted": a subject naming an
             * act and its actor ("U.S. sanctions") is that actor's, lifted
             * from whom its phrase names ("on Iran") */
            if (src < 0 && subj >= 0 && c->units[subj].coded &&
                c->units[subj].chunk >= 0 && (uint32_t)c->units[subj].chunk + 2 < s->nchunk &&
                nominal_at(c, &s->chunks[c->units[subj].chunk]) &&
                s->chunks[c->units[subj].chunk + 1].kind == CK_PP) {
                int32_t on = c->unit_of[s->chunks[c->units[subj].chunk + 2].first];
                if (on >= 0 && on != subj && c->units[on].coded) {
                    src = subj;
                    tgt = on;
                }
            }
            /* "Aid was sent to Syrian refugees by the EU": an uncoded
             * subject is what moved; the recipient is the target */
            if (tgt < 0 && subj >= 0 && !c->units[subj].coded) {
                int32_t r = clause_target(c, vend, hi, src, code);
                /* (an actor: not "since June") */
                if (r >= 0 && r != src && c->units[r].ncodes) tgt = r;
            }
            if (tgt < 0) tgt = subj;
            /* "1,900 people have been killed in Israeli attacks": the
             * attack named after "in" is the agent */
            for (uint32_t q = vend; q + 1 < hi && src < 0; q++) {
                if (!tok_norm_is(&s->toks[q], "IN")) continue;
                int32_t u = units_starting_at(c, q + 1);
                if (u < 0 || !c->units[u].coded || c->units[u].chunk < 0) break;
                const nominal_entry *ne = nominal_at(c, &s->chunks[c->units[u].chunk]);
                if (ne && (ne->code[0] == '1' && (ne->code[1] == '8' || ne->code[1] == '9'))) {
                    src = u;
                    if (tgt == u) tgt = subj; /* the victims, not the attack */
                }
                break;
            }
            if (src < 0 && tgt >= 0) {
                tgt = localise(c, tgt, loc);
                src = implicit_agent(c, tgt, code, loc);
            }
        } else {
            if (src < 0) src = clause_subject(c, ci);
            if (src < 0 || !c->units[src].coded) {
                int32_t r = document_author(c, ci);
                if (r >= 0) src = r;
            }
            if (src < 0 || !c->units[src].coded) {
                int32_t r = coord_reporter(c, ci, code);
                if (r >= 0) src = r;
            }
            if (src < 0) {
                uint32_t lo = stretch_start(c, ch->first);
                src = first_unit(c, lo, ch->first, 1, NULL);
            }
            if (tgt < 0) tgt = clause_target(c, vend, hi, src, code);
            /* "expressed Panama's willingness to expand cooperation with
             * the United States", "they could trigger sanctions if Iran":
             * the source's own possession, or the source itself named
             * again, is not whom the act concerns -- the next actor is */
            if (tgt >= 0 && src >= 0 && tgt != src && c->units[src].coded &&
                c->units[tgt].coded && c->units[tgt].ncodes &&
                ((c->units[src].ncodes && strlen(c->units[tgt].codes[0]) == 3 &&
                  !strncmp(c->units[tgt].codes[0], c->units[src].codes[0], 3) &&
                  owned_by_self(s, &c->units[tgt])) ||
                 (c->units[tgt].pronoun && c->units[src].compound &&
                  in_codes(&c->units[src], c->units[tgt].codes[0])))) {
                int32_t t2 = clause_target(c, c->units[tgt].end, hi, src, code);
                tgt = t2 >= 0 && c->units[t2].coded ? t2 : -1;
            }
            /* "the government deployed troops in the capital", "massed
             * soldiers near the border": the forces a state moves (154) are
             * its own, not whom it acts on; that is the country where they
             * go when it is another's, else its own people */
            if (code && !strncmp(code, "154", 3) && tgt >= 0 && src >= 0 &&
                c->units[src].coded && c->units[src].ncodes && c->units[tgt].ncodes &&
                (!strcmp(code_role(c->units[tgt].codes[0]), "MIL") ||
                 !strcmp(code_role(c->units[tgt].codes[0]), "COP")) &&
                (!strncmp(c->units[tgt].codes[0], "---", 3) ||
                 !strncmp(c->units[tgt].codes[0], c->units[src].codes[0], 3))) {
                const char *sc = c->units[src].codes[0];
                if (loc && strncmp(loc, sc, 3) && strncmp(sc, "---", 3))
                    tgt = synthetic_unit(c, arena_strdup(c->a, loc), tgt);
                else
                    tgt = synthetic_unit(c, arena_printf(c->a, "%.3sCVL", sc), tgt);
            }
            /* "Iran, which arms and trains the Houthis": two verbs joined
             * by "and" before one object share it (when the second codes
             * nothing of its own by default: "shot and wounded" is one
             * attack, coded once) */
            verb_hit vh2[1];
            if ((tgt < 0 || !c->units[tgt].coded) && ci + 3 < s->nchunk &&
                find_verbs(c, s->chunks[ci + 2].head, vh2, 1) &&
                !strcmp(vh2[0].form->code, "---") &&
                s->chunks[ci + 1].kind == CK_CONJ && s->chunks[ci + 2].kind == CK_VG &&
                s->chunks[ci + 3].kind == CK_NP && s->chunks[ci + 1].first == ch->end &&
                !(s->chunks[ci + 2].vflags & VG_INFINITIVE)) {
                uint32_t v2 = s->chunks[ci + 2].end;
                int32_t t2 = clause_target(c, v2, phrase_end(c, v2), src, code);
                if (t2 >= 0 && c->units[t2].coded) tgt = t2;
            }
            /* "spoke by phone with Vucic and urged de-escalation",
             * "summoned the ambassador and protested": a verb joined by
             * "and" to the one before, with the same subject and no one of
             * its own to act on, acts on that verb's target */
            if ((tgt < 0 || !c->units[tgt].coded) && src >= 0 && src == prev_src &&
                prev_tgt >= 0 && ci > 0 && s->chunks[ci - 1].kind == CK_CONJ)
                tgt = prev_tgt;
            /* "telephoned Kenyatta to convey his condolences", "met the
             * envoy to discuss the truce": so does an infinitive of
             * purpose after that verb's object */
            if ((tgt < 0 || !c->units[tgt].coded) && src >= 0 && src == prev_src &&
                prev_tgt >= 0 && purpose_infinitive(c, ci, prev_ci, prev_tgt))
                tgt = prev_tgt;
            if ((tgt < 0 || !c->units[tgt].coded) && reaction_code(code)) {
                int32_t ct = claimant(c, ci);
                if (ct >= 0 && ct != src) {
                    tgt = ct;
                    /* ("an allegation Azerbaijan rejects": rejecting an
                     * accusation denies it, 016, as "rejected the
                     * accusations" does) */
                    if (code[0] == '1' && code[1] == '2' && answers_allegation(c, ci))
                        code = "016";
                }
            }
        }
        /* "the deal was negotiated between Turkish and Russian officials",
         * "fighting between X and Y erupted": the parties act on each
         * other */
        if (src < 0 || !c->units[src].coded) {
            int32_t pair = between_pair(c, vend, hi);
            if (pair < 0 && ci > 0) pair = between_pair(c, ch->first > 3 ? ch->first - 3 : 0, ch->first);
            if (pair >= 0) {
                src = tgt = pair;
                compound = 1;
            }
        }
        if (tgt == src && !compound) tgt = -1;
        /* "the UN said Israel must allow aid into Gaza": an act someone
         * must or should do is asked of them, by the reporter: a demand
         * (10x) or an appeal (02x); said by no one, it is no event */
        int ob = have && up > 0 && !(ch->vflags & VG_NEG) ? obligation(s, ch) : 0;
        if (ob) {
            int32_t rep = reporter_of(c, ci);
            const char *cc = rep >= 0 && rep != src
                ? cameo_from_hex_near(cameo_hex_combine(
                      cameo_to_hex(ob == 1 ? "100" : "020"), up))
                : NULL;
            trace_add(c, "obligation: %s -> %s\n", s->toks[ch->head].norm,
                      cc ? cc : "no event (no one asks)");
            if (!cc) continue;
            code = cc;
            rcode = "";
            tgt = src;
            src = rep;
            passive = 0;
        }
        /* a compound acting on itself is cooperation among its members
         * ("A and B signed an accord", "met", "agreed"): PETRARCH2 limits
         * this to roots 03-06; dyad also allows verbs with a reciprocal code
         * -- but "A and B warned" is not A warning B */
        int selfc = 0;
        /* ("A and B offered to host talks" or "to send aid" is directed
         * at others, not at each other) */
        int outward = (frame_lower && (!strncmp(frame_lower, "04", 2) ||
                                       !strncmp(frame_lower, "07", 2) ||
                                       !strcmp(frame_lower, "039"))) ||
                      /* (but "A and B will meet", a meeting ahead
                       * composed with its reciprocal, is mutual) */
                      (!strcmp(code, "036") && strcmp(rcode, "036") != 0) ||
                      !strcmp(code, "039") ||
                      !strncmp(code, "033", 3) ||
                      /* ("A, B and C welcomed the meeting": praise,
                       * defence, recognition, apology go to others) */
                      (!strncmp(code, "05", 2) && code[2] >= '1' &&
                       code[2] <= '6') ||
                      /* ("Fiji, Samoa and Papua New Guinea have offered
                       * personnel, funds and supplies": offers and pledges
                       * of things are made to others; "pledged to
                       * conclude a trade deal" is mutual) */
                      (!frame_lower && governed_infinitive(s, ci) < 0 &&
                       tok_in_class(&s->toks[ch->head], WC_OFFERING));
        /* ... and mutual acts: "the two sides agreed a truce", "accused
         * each other" */
        int mutual = events_symmetric_code(code) ||
                     !strncmp(code, "087", 3) ||
                     each_other(c, vend, hi);
        /* a passive's agents act on the subject, not on each other: "the
         * talks are backed by France and Germany" (but "the deal was
         * signed by A and B" is mutual) */
        if (passive && !mutual) outward = 1;
        if (m && src >= 0 && c->units[src].coded && !outward &&
            ((code[0] == '0' && code[1] >= '3' && code[1] <= '6') ||
             rcode[0] || mutual ||
             /* ("Colombia and Venezuela reopened their border": what
              * two yield with no one else named, they yield each other) */
             (code[0] == '0' && code[1] == '8' && (tgt < 0 || !c->units[tgt].coded))))
            selfc = self_compound(c, src, &tgt, m);
        if (!selfc && !compound) {
            /* "signed a peace agreement with rebel groups in Qatar",
             * "met officials in Geneva": where talks and deals happen is a
             * venue, often abroad, and no nationality of the envoys,
             * officials or rebels met there (people and protesters met in
             * a place are still its own) */
            /* (no place named: the doer's country is the reporter's before
             * the story's; whom they act on is no more the reporter's) */
            const char *rep = loc && !placed ? reporter_state(c, ci) : NULL;
            const char *sloc = rep ? rep : loc, *tloc = loc;
            if (loc && (!strncmp(code, "03", 2) || !strncmp(code, "04", 2) ||
                        !strncmp(code, "05", 2))) {
                if (venue_guest(c, src)) sloc = NULL;
                if (venue_guest(c, tgt)) tloc = NULL;
            }
            src = localise(c, src, sloc);
            /* "Turkey Detains 3,000 Soldiers": a state coerces its own --
             * arrests, bans and purges of people named by role alone are
             * domestic */
            if (!strncmp(code, "17", 2) && src >= 0 && c->units[src].coded &&
                c->units[src].ncodes && tgt >= 0 && !c->units[tgt].coded) {
                const char *sc = c->units[src].codes[0];
                if (code_is_state(sc))
                    tgt = localise(c, tgt, arena_strndup(c->a, sc, 3));
            }
            /* "Cuts Ties With U.S., Gives Diplomats 72 Hours To Leave":
             * diplomats a state expels, no country named, are the side
             * its previous act was aimed at (not "flying out diplomats",
             * its own) */
            if (!strcmp(code, "166") && tgt >= 0 && !c->units[tgt].coded &&
                c->units[tgt].ncodes && !strncmp(c->units[tgt].codes[0], "---", 3) &&
                src >= 0 && c->units[src].coded && c->units[src].ncodes) {
                const char *sc = c->units[src].codes[0], *other = NULL;
                if (prev_tgt >= 0 && src == prev_src && c->units[prev_tgt].ncodes &&
                    strncmp(c->units[prev_tgt].codes[0], sc, 3))
                    other = c->units[prev_tgt].codes[0];
                if (other && code_is_state(other))
                    tgt = localise(c, tgt, arena_strndup(c->a, other, 3));
            }
            tgt = localise(c, tgt, tloc);
            tgt = domestic_state(c, tgt, src);
            tgt = insurgent_victims(c, tgt, src);
            src = domestic_state(c, src, tgt);
            /* "shelled Mariupol", "seized the town of Bucha": a target
             * that only names a place stands for its country (the actor
             * dictionary lists states and capitals, the gazetteer every
             * town); taking one is occupying territory, not seizing
             * property */
            char iso[4];
            if (tgt >= 0 && !c->units[tgt].ncodes && src >= 0 && c->units[src].ncodes &&
                (!strncmp(code, "18", 2) || !strncmp(code, "19", 2) ||
                 !strncmp(code, "20", 2) || !strcmp(code, "171")) &&
                places_name_country(c, &c->units[tgt], iso)) {
                tgt = synthetic_unit(c, arena_strdup(c->a, iso), tgt);
                if (!strcmp(code, "171")) code = "192";
            }
            /* (finite verbs only: "Australia's decision to ban Huawei"
             * is not a ban by the sentence's subject) */
            if ((tgt < 0 || !c->units[tgt].ncodes) &&
                !(ch->vflags & (VG_INFINITIVE | VG_PARTICIPLE)))
                tgt = implicit_target(c, src, code, loc, tgt, out, first_event);
            /* "Brazil Detains 1,500", "police arrested dozens": people
             * counted, not named, whom a state's coercion takes are its
             * own country's (or the place's) */
            if ((tgt < 0 || !c->units[tgt].ncodes) && !strncmp(code, "17", 2) &&
                src >= 0 && c->units[src].coded && c->units[src].ncodes &&
                code_is_state(c->units[src].codes[0]) && counted_object(c, ci)) {
                const char *cc = loc ? loc : c->units[src].codes[0];
                tgt = synthetic_unit(c, arena_printf(c->a, "%.3sCVL", cc), tgt);
            }
        }
        /* "Turkey, which hosts more than 2.7 million Syrians": hosting a
         * people counted or named by their nation (not a leader) is
         * sheltering refugees (075), not a visit */
        if (!strcmp(code, "043") && tgt >= 0 && c->units[tgt].chunk >= 0 &&
            s->toks[ch->head].lemma && !strcmp(s->toks[ch->head].lemma, "HOST")) {
            const chunk *tc = &s->chunks[c->units[tgt].chunk];
            int counted = 0;
            for (uint32_t q = tc->first; q < tc->head && !counted; q++)
                counted = s->toks[q].tag == T_CD;
            if (s->toks[tc->head].tag == T_NNPS && (counted || civilian_code(c->units[tgt].codes[0]))) {
                code = "075";
                rcode = "";
            }
        }
        /* "New Delhi banned hundreds of Chinese apps", "the package
         * prohibits reloading services for Russian LNG": a ban on another
         * country's goods, firms or carriers is an embargo (163), not an
         * administrative sanction on one's own (172) */
        if (!strcmp(code, "172") && src >= 0 && tgt >= 0 && c->units[src].ncodes &&
            c->units[tgt].ncodes && strncmp(c->units[tgt].codes[0], "---", 3) &&
            strncmp(c->units[src].codes[0], c->units[tgt].codes[0], 3) &&
            (code_is_state(c->units[tgt].codes[0])))
            code = "163";
        /* "Israeli forces killed dozens of Palestinians": killing people
         * named by their nation or as civilians, with no armed role, is
         * violence against civilians, not combat */
        if (!strcmp(code, "190") && tok_in_class(&s->toks[ch->head], WC_KILLING) &&
            tgt >= 0 && c->units[tgt].ncodes &&
            (civilian_code(c->units[tgt].codes[0]) || protester_code(c->units[tgt].codes[0])))
            code = "180";
        /* "militants seized 276 girls", "gunmen took 15 pupils": seizing
         * people, not their property, is abducting them (181) -- or, by
         * the state's forces, arresting them (173) */
        if ((!strcmp(code, "171") || !strcmp(code, "192")) && tgt >= 0 && src >= 0 &&
            c->units[src].ncodes && c->units[tgt].ncodes &&
            seized_people(c, ch, &c->units[tgt], passive))
            code = code_is_state(c->units[src].codes[0]) &&
                           code_state_organ(c->units[src].codes[0])
                       ? "173"
                       : "181";
        trace_add(c, "verb %s -> %s (%s:%u)%s%s%s\n", s->toks[ch->head].norm,
                  code[0] ? code : rcode, rule_file, rule_line,
                  passive ? " passive: source from \"by\"" : "",
                  src < 0 || !c->units[src].ncodes ? ", no source" : "",
                  tgt < 0 || !c->units[tgt].ncodes ? ", no target" : "");
        /* "Meloni told Netanyahu in a telephone call that ...", "Aliyev
         * apologised to Putin by phone": the act was said on the phone,
         * which is itself a call between the two (041 both ways); a
         * consultation by phone ("spoke with Mirziyoyev by telephone") is
         * that call alone */
        int32_t ph = !compound && !selfc && src >= 0 && tgt >= 0 &&
                             c->units[src].coded && c->units[tgt].coded &&
                             strncmp(code, "041", 3) != 0
                         ? by_phone(c, vend, hi)
                         : -1;
        if (ph >= 0 && !media_unit(c, tgt) && !strcmp(code, "040")) {
            code = "041";
            if (!strcmp(rcode, "040")) rcode = "041";
            ph = -1;
        }
        events_add_pairs(c, out, src, tgt, code, rcode, compound || selfc, ci,
                        rule_file, rule_line);
        /* "Georgia applied alongside Ukraine and Moldova", "Britain, along
         * with France, condemned": the partner does the same */
        int32_t co = !compound && !selfc && !passive && src >= 0 && c->units[src].coded
                         ? co_agent(c, ci, src, tgt)
                         : -1;
        if (co >= 0)
            events_add_pairs(c, out, co, tgt, code, rcode, 0, ci, rule_file, rule_line);
        if (ph >= 0 && !media_unit(c, tgt))
            events_add_pairs(c, out, src, tgt, "041", "041", 0, ph, "(phone)", 0);
        if (!passive && !compound && !selfc && src >= 0 && tgt >= 0 &&
            c->units[tgt].coded) {
            prev_src = clause_subject(c, ci);
            prev_tgt = tgt;
            prev_ci = (int32_t)ci;
        }
        if (src >= 0) context_remember(c, src, 0);
        /* "was considering suspending diplomatic relations", "is weighing
         * whether to impose sanctions": the option considered (014) is
         * not done, so its verb is no event of its own */
        if (!strcmp(code, "014") && ci + 1 < s->nchunk) {
            uint32_t k = ci + 1;
            if (s->chunks[k].kind == CK_SBAR && tok_norm_is(&s->toks[s->chunks[k].first], "WHETHER"))
                k++;
            if (k < s->nchunk && s->chunks[k].kind == CK_VG &&
                s->chunks[k].first == s->chunks[k - 1].end &&
                ((k > ci + 1 && (s->chunks[k].vflags & VG_INFINITIVE)) ||
                 (k == ci + 1 && s->toks[s->chunks[k].first].tag == T_VBG)))
                consumed[k] = 1;
        }
        /* "Pakistan retaliated by closing its airspace": the means names
         * the act; the response verb's own code (retaliation as 190)
         * gives way to it */
        if (out->n > ev0 && last_vg + 2 == ci && last_to == ev0 && last_from < last_to &&
            (means_gerund(c, ci) ||
             /* ("remains committed to supporting Ukraine": the intent is
              * the gerund's, coded; "committed" alone says no more) */
             (ch->first >= 2 && tok_is(s, ch->first - 1, c->e->w_to) &&
              tok_in_class(&s->toks[ch->first - 2], WC_INTENT_ADJ)))) {
            memmove(&out->ev[last_from], &out->ev[ev0], (out->n - ev0) * sizeof *out->ev);
            out->n -= ev0 - last_from;
            ev0 = last_from;
        }
        last_vg = ci;
        last_from = ev0;
        last_to = out->n;
    }
}

/* The nominal entry naming the event of noun phrase chunk k, or NULL:
 * its last word is the head (form or lemma), the others stand just before
 * it ("air strike"). */
static const nominal_entry *nominal_at(const sent_ctx *c, const chunk *np) {
    const dict *d = &c->e->d;
    const sentence *s = c->s;
    const tok *h = &s->toks[np->head];
    if (!dict_nominal_head(d, h->wid) && !dict_nominal_head(d, h->lwid)) return NULL;
    for (uint32_t i = 0; i < d->nnominals; i++) {
        const nominal_entry *e = &d->nominals[i];
        const uint32_t *w = d->pat_words + e->first;
        uint32_t last = w[e->n - 1];
        if (h->wid != last && h->lwid != last) continue;
        if (e->n - 1 > np->head - np->first) continue;
        int ok = 1;
        for (uint32_t j = 0; ok && j + 1 < e->n; j++)
            ok = tok_is(s, np->head - (e->n - 1) + j, w[j]);
        if (ok) return e;
    }
    return NULL;
}

/* Did a verb event of this sentence come from verb group chunk k? */
static int verb_coded_as(const sent_ctx *c, const event_list *out,
                         uint32_t first_event, uint32_t k, const char *code) {
    const sentence *s = c->s;
    uint32_t off = s->doc_off + s->toks[s->chunks[k].first].off;
    for (uint32_t i = first_event; i < out->n; i++)
        if (out->ev[i].verb_span.off == off &&
            (!code || !strcmp(out->ev[i].code, code)))
            return 1;
    return 0;
}

static int verb_coded(const sent_ctx *c, const event_list *out,
                      uint32_t first_event, uint32_t k) {
    return verb_coded_as(c, out, first_event, k, NULL);
}

/* The actor named inside nominal phrase np before its head, as a unit of
 * its own, or -1. */
static int32_t nominal_source(sent_ctx *c, const chunk *np, int32_t tgt) {
    for (uint32_t i = 0; i < c->nunits; i++) {
        const unit *u = &c->units[i];
        if (!(u->first <= np->first && u->end > np->first && u->coded &&
              u->first < np->head && c->unit_of[np->head] == (int32_t)i &&
              u->codes != c->units[tgt].codes))
            continue;
        /* the unit spans the phrase and its PP: take the actor named before
         * the head only */
        const char **codes = NULL;
        uint32_t nc = 0, cap = 0;
        int has_actor = 0, has_agent = 0;
        units_code_range(c, np->first, np->head, &codes, &nc, &cap,
                         &has_actor, &has_agent);
        if (!has_actor) continue;
        unit nu = *u;
        nu.codes = codes;
        nu.ncodes = nc;
        nu.end = np->end;
        nu.compound = 0;
        ARENA_GROW(c->a, c->units, c->nunits, c->cap_units);
        c->units[c->nunits] = nu;
        return (int32_t)c->nunits++;
    }
    return -1;
}

/* Did a verb event with the same root take NP chunk np as its source? */
static int subject_coded(const sent_ctx *c, const event_list *out,
                         uint32_t first_event, const chunk *np, const char *code) {
    uint32_t off = c->s->doc_off + c->s->toks[np->first].off;
    /* ... or one that lifts, eases or promises to end what the phrase
     * names ("U.S. sanctions on Iran will be lifted": 0354, no new 163) */
    for (uint32_t i = first_event; i < out->n; i++)
        if (out->ev[i].source_span.off == off &&
            (!strncmp(out->ev[i].code, code, 2) || !strncmp(out->ev[i].code, "03", 2) ||
             !strncmp(out->ev[i].code, "08", 2)))
            return 1;
    return 0;
}

/* Does PP chunk pp carry one of the nominal's prepositions? */
static int nominal_prep(const sentence *s, const nominal_entry *e, const chunk *pp) {
    for (uint8_t j = 0; j < e->npreps; j++)
        if (tok_is(s, pp->head, e->preps[j])) return 1;
    return 0;
}

/* Does token range [first,end) name an actor (not only an agent)? */
static int range_has_actor(sent_ctx *c, uint32_t first, uint32_t end) {
    const char **codes = NULL;
    uint32_t nc = 0, cap = 0;
    int has_actor = 0, has_agent = 0;
    units_code_range(c, first, end, &codes, &nc, &cap, &has_actor, &has_agent);
    return has_actor;
}

/* A unit of its own for NP chunk np, which a longer unit swallowed ("Russia's
 * invasion of Ukraine" is one unit coded RUS), or -1 when it names no
 * actor. */
static int32_t split_unit(sent_ctx *c, const chunk *np) {
    const char **codes = NULL;
    uint32_t nc = 0, cap = 0;
    int has_actor = 0, has_agent = 0;
    units_code_range(c, np->first, np->end, &codes, &nc, &cap, &has_actor, &has_agent);
    if (!has_actor) return -1;
    unit nu;
    memset(&nu, 0, sizeof nu);
    nu.first = np->first;
    nu.end = np->end;
    nu.head_end = np->end;
    nu.chunk = (int32_t)(np - c->s->chunks);
    nu.codes = codes;
    nu.ncodes = nc;
    nu.coded = 1;
    ARENA_GROW(c->a, c->units, c->nunits, c->cap_units);
    c->units[c->nunits] = nu;
    return (int32_t)c->nunits++;
}

/* Nominal events: "an Israeli air strike on Khan Younis", "talks between
 * X and Y", "sanctions against Iran" when no verb already coded them. The
 * source is the actor named inside the noun phrase ("Israeli", "Russia's")
 * or, for the object of an uncoded verb, that verb's subject. */
static void code_nominals(sent_ctx *c, event_list *out,
                          uint32_t first_event, const uint8_t *consumed) {
    const sentence *s = c->s;
    if (!c->e->d.nnominals) return;
    for (uint32_t k = 0; k + 2 < s->nchunk; k++) {
        const chunk *np = &s->chunks[k];
        if (np->kind != CK_NP) continue;
        const nominal_entry *e = nominal_at(c, np);
        if (!e) continue;
        const chunk *pp = &s->chunks[k + 1];
        if (pp->kind != CK_PP || pp->pp_obj < 0) continue;
        int prep_ok = nominal_prep(s, e, pp);
        /* "war of aggression against Ukraine": past an "of" complement
         * that names no actor */
        if (!prep_ok && tok_norm_is(&s->toks[pp->head], "OF") && k + 3 < s->nchunk &&
            s->chunks[k + 3].kind == CK_PP && s->chunks[k + 3].pp_obj >= 0 &&
            !range_has_actor(c, s->chunks[pp->pp_obj].first, s->chunks[pp->pp_obj].end)) {
            pp = &s->chunks[k + 3];
            prep_ok = nominal_prep(s, e, pp);
        }
        if (!prep_ok) continue;
        int32_t tgt = c->unit_of[s->chunks[pp->pp_obj].first];
        if (tgt >= 0 && tgt == c->unit_of[np->head]) {
            /* "Russia's invasion of Ukraine": the object's own actor; "its
             * repression of the opposition" (no actor there) keeps the whole */
            int32_t st = split_unit(c, &s->chunks[pp->pp_obj]);
            if (st >= 0) tgt = st;
        }
        if (tgt < 0 || !c->units[tgt].coded) continue;
        /* the actor named in the phrase ("an Israeli air strike", "Russia's
         * war of aggression against Ukraine"): the event is presupposed
         * wherever the phrase stands ("condemned Russia's war against
         * Ukraine"); without one, the event is taken only where the
         * phrase itself is asserted (below) */
        int32_t src = nominal_source(c, np, tgt);
        /* ... but "demanded an end to Israeli air strikes on Gaza" asks
         * for their end: the demand is the event */
        if (src >= 0 && k >= 2 && s->chunks[k - 1].kind == CK_PP &&
            s->chunks[k - 2].kind == CK_NP &&
            tok_in_class(&s->toks[s->chunks[k - 2].head], WC_CESSATION))
            src = -1;
        /* only a phrase that opens a clause ("An air strike on X killed")
         * or is the object of a verb the dictionary does not know ("began
         * talks with X"): a known verb decides itself ("launched an attack
         * on X", "offered to send aid to X", "rejected talks with X"), and
         * a phrase inside a prepositional phrase is not asserted ("demanded
         * an end to air strikes on X") */
        /* "was in Jeddah for talks with X", "flew to Moscow for a meeting
         * with Y": a purpose phrase's event is the governing verb's subject's */
        /* ... and so is one of its circumstances: "cut tariffs after
         * talks with Xi", "said during a meeting with Putin" -- whatever
         * that verb coded itself */
        long gv = k - 1;
        int adjunct = 0;
        if (k >= 2 && src < 0 && s->chunks[k - 1].kind == CK_PP &&
            (tok_norm_is(&s->toks[s->chunks[k - 1].head], "FOR") ||
             tok_norm_is(&s->toks[s->chunks[k - 1].head], "AT") ||
             tok_norm_is(&s->toks[s->chunks[k - 1].head], "AFTER") ||
             tok_norm_is(&s->toks[s->chunks[k - 1].head], "DURING"))) {
            long j = (long)k - 2;
            while (j >= 0 && (long)k - j < 12 &&
                   (s->chunks[j].kind == CK_NP || s->chunks[j].kind == CK_PP ||
                    s->chunks[j].kind == CK_ADVP))
                j--;
            if (j >= 0 && s->chunks[j].kind == CK_VG &&
                s->chunks[j].clause == np->clause) {
                gv = j;
                /* ("flew to Ankara for talks with": a journey's purpose;
                 * not "claimed credit for the attack") */
                const tok *pt = &s->toks[s->chunks[k - 1].head];
                adjunct = tok_norm_is(pt, "AFTER") || tok_norm_is(pt, "DURING") ||
                          (tok_norm_is(pt, "FOR") &&
                           verb_coded_as(c, out, first_event, (uint32_t)j, "042"));
            }
        }
        /* "killed in two days of clashes between Ugandan security forces
         * and opposition supporters": a "between" phrase inside another
         * noun's "of" phrase is asserted with it */
        int of_between = c->units[tgt].compound &&
                         tok_norm_is(&s->toks[pp->head], "BETWEEN") && k >= 2 &&
                         s->chunks[k - 1].kind == CK_PP &&
                         tok_norm_is(&s->toks[s->chunks[k - 1].head], "OF") &&
                         s->chunks[k - 2].kind == CK_NP;
        if (k > 0 && src < 0 && !adjunct && !of_between) {
            const chunk *pv = &s->chunks[gv];
            verb_hit vh[1];
            if (pv->kind == CK_VG) {
                /* a verb with a null code and no pattern for this object
                 * leaves the noun to name the event: "announced $300
                 * million in military aid for Ukraine" */
                if (consumed[gv] || verb_coded(c, out, first_event, gv))
                    continue;
                if (find_verbs(c, pv->head, vh, 1) &&
                    strcmp(vh[0].form->code, "---") != 0)
                    continue;
            } else if (pv->kind != CK_SBAR && pv->kind != CK_PUNCT &&
                       pv->kind != CK_CONJ) {
                continue;
            }
        }
        /* "during the worst fighting between Kyrgyzstan and Tajikistan",
         * "said talks between Armenia and Azerbaijan had stalled": the
         * "between" phrase names both parties, whoever the clause's
         * subject is */
        int between = c->units[tgt].compound && tok_norm_is(&s->toks[pp->head], "BETWEEN");
        if (src < 0 && !between && k > 0 && s->chunks[gv].kind == CK_VG &&
            !(s->chunks[gv].vflags & VG_NEG))
            src = clause_subject(c, gv);
        /* "Qatar announced the end of its mediation between X and Y": a
         * possessive pronoun before the noun is the clause's subject, the
         * mediator or host, not one of the pair */
        if (src < 0 && between && s->toks[np->first].tag == T_PRPS) {
            int32_t su = clause_subject(c, (uint32_t)(np - s->chunks));
            if (su >= 0 && su != tgt && c->units[su].coded) src = su;
        }
        int compound = 0;
        if (src < 0 && c->units[tgt].compound) {
            src = tgt; /* "talks between X and Y" */
            compound = 1;
        }
        if (src < 0) continue;
        /* "An Israeli air strike on X killed 20": the verb already coded
         * the strike as its subject's act */
        if (subject_coded(c, out, first_event, np, e->code)) continue;
        trace_add(c, "nominal event: %s -> %s (%s:%u)\n",
                  s->toks[np->head].norm, e->code,
                  c->e->d.files[e->file], e->line);
        events_add_pairs(c, out, src, tgt, e->code, e->rcode, compound, k,
                        c->e->d.files[e->file], e->line);
    }
}

/* "donated vaccines to Taiwan, drawing rebukes from China", "the
 * decision drew criticism from the EU", "has faced accusations from
 * opponents": a reaction named by a noun after a verb of drawing it, with
 * "from X", is X's reaction to the clause's subject. */
static void code_reactions_from(sent_ctx *c, event_list *out, uint32_t first_event) {
    const sentence *s = c->s;
    if (!c->e->d.nnominals) return;
    static const char *const draw[] = {"DRAW", "PROMPT", "SPARK", "TRIGGER", "PROVOKE",
                                       "ATTRACT", "EARN", "FACE", "INVITE", NULL};
    for (uint32_t k = 0; k + 2 < s->nchunk; k++) {
        const chunk *vg = &s->chunks[k], *np = &s->chunks[k + 1], *pp = &s->chunks[k + 2];
        if (vg->kind != CK_VG || (vg->vflags & VG_NEG) || np->kind != CK_NP ||
            pp->kind != CK_PP || pp->pp_obj < 0 || !tok_norm_is(&s->toks[pp->head], "FROM"))
            continue;
        const tok *v = &s->toks[vg->head];
        const char *l = v->lemma ? v->lemma : v->norm;
        int ok = 0;
        for (const char *const *d = draw; *d && !ok; d++) ok = !strcmp(l, *d);
        if (!ok || verb_coded(c, out, first_event, k)) continue;
        const nominal_entry *e = nominal_at(c, np);
        if (!e || !(e->code[0] == '1' && e->code[1] >= '1' && e->code[1] <= '4')) continue;
        int32_t src = c->unit_of[s->chunks[pp->pp_obj].first];
        int32_t tgt = clause_subject(c, k);
        if (src < 0 || tgt < 0 || src == tgt || !c->units[src].coded || !c->units[tgt].coded)
            continue;
        trace_add(c, "reaction from: %s %s from ... -> %s\n", v->norm,
                  s->toks[np->head].norm, e->code);
        events_add_pairs(c, out, src, tgt, e->code, "", 0, k + 1,
                         c->e->d.files[e->file], e->line);
    }
}

/* Has this sentence (events from first_event on) an event of code's root
 * already? The passes below add an event only where none covers it. */
static int sentence_has_root(const event_list *out, uint32_t first_event,
                             const char *code) {
    for (uint32_t i = first_event; i < out->n; i++)
        if (!strncmp(out->ev[i].code, code, 2)) return 1;
    return 0;
}

/* "the defence cooperation protocol signed in Cairo on 14 August between
 * Somalia and Egypt", "the memorandum signed on 1 January between Ethiopia
 * and Somaliland": a text signed, told by a participle with a "between"
 * phrase after its time and place, is the parties' agreement (057 both
 * ways) whatever the clause around it says of it. */
static void code_signed_between(sent_ctx *c, event_list *out, uint32_t first_event) {
    const sentence *s = c->s;
    for (uint32_t k = 1; k + 2 < s->nchunk; k++) {
        const chunk *vg = &s->chunks[k];
        /* (a participle, or a past form with no object of its own: "The
         * Memorandum of Understanding signed on 1 January between") */
        if (vg->kind != CK_VG || (vg->vflags & VG_NEG) || s->chunks[k - 1].kind != CK_NP ||
            !(s->toks[vg->head].tag == T_VBN ||
              (s->toks[vg->head].tag == T_VBD && s->chunks[k + 1].kind == CK_PP)))
            continue;
        if (!tok_in_class(&s->toks[vg->head], WC_SIGNING)) continue;
        for (uint32_t j = k + 1; j < s->nchunk && j < k + 10; j++) {
            const chunk *ch = &s->chunks[j];
            if (ch->kind == CK_NP) continue;
            if (ch->kind != CK_PP || ch->pp_obj < 0) break;
            if (!tok_norm_is(&s->toks[ch->head], "BETWEEN")) continue;
            int32_t u = c->unit_of[s->chunks[ch->pp_obj].first];
            if (u < 0 || !c->units[u].coded || sentence_has_root(out, first_event, "057"))
                break;
            /* (the pair one phrase, or two the parse left apart: "between
             * Ethiopia and Somaliland concerns ...") */
            int32_t v = -1;
            uint32_t after = (uint32_t)ch->pp_obj + 1;
            if (!c->units[u].compound && after + 1 < s->nchunk &&
                s->chunks[after].kind == CK_CONJ && s->chunks[after + 1].kind == CK_NP)
                v = c->unit_of[s->chunks[after + 1].first];
            if (c->units[u].compound && c->units[u].ncodes >= 2) {
                trace_add(c, "signed between: %s ... between -> 057\n", s->toks[vg->head].norm);
                events_add_pairs(c, out, u, u, "057", "057", 1, k, "(signed between)", 0);
            } else if (v >= 0 && v != u && c->units[v].coded) {
                trace_add(c, "signed between: %s ... between -> 057\n", s->toks[vg->head].norm);
                events_add_pairs(c, out, u, v, "057", "057", 0, k, "(signed between)", 0);
            }
            break;
        }
    }
}

/* "Clashes broke out between pro-government gunmen and Druze fighters",
 * "fighting erupted between the army and the RSF": an event noun whose
 * verb only says it happened takes its parties from the "between" phrase
 * after the verb. */
static void code_happenings(sent_ctx *c, event_list *out, uint32_t first_event) {
    const sentence *s = c->s;
    if (!c->e->d.nnominals) return;
    for (uint32_t k = 0; k + 2 < s->nchunk; k++) {
        const chunk *np = &s->chunks[k], *vg = &s->chunks[k + 1];
        if (np->kind != CK_NP || vg->kind != CK_VG || (vg->vflags & VG_NEG)) continue;
        const tok *v = &s->toks[vg->head];
        const char *l = v->lemma ? v->lemma : v->norm;
        if (strcmp(l, "BREAK") && strcmp(l, "ERUPT") && strcmp(l, "FLARE") &&
            strcmp(l, "RESUME") && strcmp(l, "CONTINUE") && strcmp(l, "ESCALATE") &&
            strcmp(l, "INTENSIFY") && strcmp(l, "RAGE"))
            continue;
        const nominal_entry *e = nominal_at(c, np);
        if (!e || range_has_actor(c, np->first, np->end)) continue;
        if (verb_coded(c, out, first_event, k + 1)) continue;
        uint32_t hi = k + 4 < s->nchunk ? s->chunks[k + 4].end : s->ntok;
        int32_t pair = between_pair(c, vg->end, hi);
        if (pair < 0) continue;
        trace_add(c, "happening: %s %s between ... -> %s\n",
                  s->toks[np->head].norm, v->norm, e->code);
        events_add_pairs(c, out, pair, pair, e->code, e->rcode[0] ? e->rcode : e->code,
                         1, k, c->e->d.files[e->file], e->line);
    }
}

/* "The protests erupted in September", "which has led five months of
 * protests", "anti-war protests in dozens of cities": protest named by a
 * noun with no one it is against is the people's against their own
 * government, in the country the sentence or the story is in (the
 * conventions' domestic rule). */
static void code_protest_nouns(sent_ctx *c, event_list *out, uint32_t first_event,
                               const char *loc) {
    const sentence *s = c->s;
    if (!c->e->d.nnominals || !loc) return;
    if (sentence_has_root(out, first_event, "14")) return;
    for (uint32_t k = 0; k < s->nchunk; k++) {
        const chunk *np = &s->chunks[k];
        if (np->kind != CK_NP) continue;
        const nominal_entry *e = nominal_at(c, np);
        if (!e || e->code[0] != '1' || e->code[1] != '4') continue;
        /* ("demanded an end to the protests" is not one) */
        if (k >= 2 && s->chunks[k - 1].kind == CK_PP && s->chunks[k - 2].kind == CK_NP &&
            tok_in_class(&s->toks[s->chunks[k - 2].head], WC_CESSATION))
            continue;
        /* an actor in the phrase is its own: code_nominals' */
        if (range_has_actor(c, np->first, np->end)) continue;
        /* "a protest march by Imran Khan" names its own protester; "ahead
         * of a protest" one that has not happened */
        if (k + 1 < s->nchunk && s->chunks[k + 1].kind == CK_PP &&
            tok_norm_is(&s->toks[s->chunks[k + 1].head], "BY"))
            continue;
        if (np->first >= 2 && tok_norm_is(&s->toks[np->first - 1], "OF") &&
            tok_norm_is(&s->toks[np->first - 2], "AHEAD"))
            continue;
        /* "stepped down after protests", "solidarity after the riots": a
         * time given by an event is not its report; "a strike against the
         * military" has its target (code_nominals decides) */
        if (np->first >= 1) {
            const tok *p = &s->toks[np->first - 1];
            if (tok_norm_is(p, "AFTER") || tok_norm_is(p, "BEFORE") ||
                tok_norm_is(p, "SINCE") || tok_norm_is(p, "FOLLOWING") ||
                tok_norm_is(p, "DURING"))
                continue;
        }
        if (k + 1 < s->nchunk && s->chunks[k + 1].kind == CK_PP &&
            nominal_prep(s, e, &s->chunks[k + 1]))
            continue;
        /* "raided the sit-in": the verb that acts on it is the event */
        if (k > 0 && s->chunks[k - 1].kind == CK_VG &&
            verb_coded(c, out, first_event, k - 1))
            continue;
        /* "recalled their ambassadors in protest": a manner, not a
         * protest; "a note of protest", "diplomatic protests" are a
         * government's (code_nominals and the verbs code them) */
        if (np->first >= 1 && tok_norm_is(&s->toks[np->first - 1], "IN") &&
            np->end - np->first == 1)
            continue;
        if (np->first >= 2 && tok_norm_is(&s->toks[np->first - 1], "OF") &&
            (tok_norm_is(&s->toks[np->first - 2], "NOTE") ||
             tok_norm_is(&s->toks[np->first - 2], "LETTER")))
            continue;
        {
            int diplomatic = 0;
            for (uint32_t q = np->first; q < np->head && !diplomatic; q++)
                diplomatic = tok_norm_is(&s->toks[q], "DIPLOMATIC") ||
                             tok_norm_is(&s->toks[q], "FORMAL") ||
                             tok_norm_is(&s->toks[q], "OFFICIAL");
            if (diplomatic) continue;
        }
        /* "Pakistan lodged a protest with India": a state's protest is
         * diplomatic, not its people's */
        int32_t gv = -1;
        if (k > 0 && s->chunks[k - 1].kind == CK_VG) gv = (int32_t)k - 1;

        if (gv >= 0) {
            int32_t sj = clause_subject(c, (uint32_t)gv);
            if (sj >= 0 && c->units[sj].coded && c->units[sj].ncodes) {
                const char *sc = c->units[sj].codes[0];
                size_t n = strlen(sc);
                if (n == 3 || (n >= 6 && (!strcmp(sc + n - 3, "GOV") ||
                                          !strcmp(sc + n - 3, "MIL"))))
                    continue;
            }
        }
        int32_t su = synthetic_unit(c, arena_printf(c->a, "%.3sOPP", loc), c->unit_of[np->head]);
        int32_t tu = synthetic_unit(c, arena_printf(c->a, "%.3sGOV", loc), c->unit_of[np->head]);
        trace_add(c, "protest noun: %s -> %s, %.3s's own\n", s->toks[np->head].norm,
                  e->code, loc);
        events_add_pairs(c, out, su, tu, e->code, "", 0, k,
                        c->e->d.files[e->file], e->line);
        return;
    }
}

/* "the release of political detainees by the military authorities", "the
 * 2014 kidnapping of 276 girls from a school in Chibok by Boko Haram": an
 * event noun whose "of" phrase names who suffers it and whose "by" phrase
 * names who does it -- the passive of a nominal. The agent acts on the
 * patient, whom the agent's country localises when named by role alone. */
static void code_nominal_agents(sent_ctx *c, event_list *out, uint32_t first_event) {
    const sentence *s = c->s;
    if (!c->e->d.nnominals) return;
    for (uint32_t k = 0; k + 4 < s->nchunk; k++) {
        const chunk *np = &s->chunks[k];
        if (np->kind != CK_NP) continue;
        const nominal_entry *e = nominal_at(c, np);
        if (!e) continue;
        uint32_t j = k + 1;
        if (!(s->chunks[j].kind == CK_PP && tok_norm_is(&s->toks[s->chunks[j].head], "OF") &&
              s->chunks[j + 1].kind == CK_NP))
            continue;
        int32_t pat = c->unit_of[s->chunks[j + 1].first];
        j += 2;
        /* past "from a school", "in Chibok" */
        while (j + 1 < s->nchunk && s->chunks[j].kind == CK_PP &&
               s->chunks[j + 1].kind == CK_NP &&
               (tok_norm_is(&s->toks[s->chunks[j].head], "FROM") ||
                tok_norm_is(&s->toks[s->chunks[j].head], "IN") ||
                tok_norm_is(&s->toks[s->chunks[j].head], "AT")))
            j += 2;
        if (!(j + 1 < s->nchunk && s->chunks[j].kind == CK_PP &&
              tok_norm_is(&s->toks[s->chunks[j].head], "BY") && s->chunks[j + 1].kind == CK_NP))
            continue;
        int32_t ag = c->unit_of[s->chunks[j + 1].first];
        if (ag < 0 || pat < 0 || ag == pat || !c->units[ag].coded || !c->units[ag].ncodes ||
            !c->units[pat].ncodes)
            continue;
        if (sentence_has_root(out, first_event, e->code)) continue;
        const char *ac = c->units[ag].codes[0];
        if (!c->units[pat].coded && code_is_state(ac))
            pat = localise(c, pat, arena_strndup(c->a, ac, 3));
        if (!c->units[pat].coded) continue;
        trace_add(c, "nominal with agent: %s of ... by ... -> %s\n",
                  s->toks[np->head].norm, e->code);
        events_add_pairs(c, out, ag, pat, e->code, "", 0, k,
                        c->e->d.files[e->file], e->line);
    }
}

/* "Mali, Burkina Faso and Niger were leaving ECOWAS", "Sahel Juntas Quit
 * ECOWAS": a state leaving an organisation reduces relations with it
 * (161); "have been suspended from ECOWAS" and "the AU suspended Niger"
 * are the organisation's 161 on them. */
static void code_leave_org(sent_ctx *c, event_list *out, uint32_t first_event) {
    const sentence *s = c->s;
    for (uint32_t k = 0; k + 1 < s->nchunk; k++) {
        const chunk *ch = &s->chunks[k];
        if (ch->kind != CK_VG || (ch->vflags & VG_NEG)) continue;
        const tok *v = &s->toks[ch->head];
        const char *l = v->lemma ? v->lemma : v->norm;
        int passive = (ch->vflags & VG_PASSIVE) != 0;
        int leave = !passive && (!strcmp(l, "LEAVE") || !strcmp(l, "QUIT") ||
                                 !strcmp(l, "EXIT") || !strcmp(l, "WITHDRAW"));
        int suspended = passive && (!strcmp(l, "SUSPEND") || !strcmp(l, "EXPEL"));
        /* "the African Union suspended Niger": the organisation's act on
         * the member named right after the verb */
        if (!passive && (!strcmp(l, "SUSPEND") || !strcmp(l, "EXPEL")) &&
            !verb_coded(c, out, first_event, k)) {
            int32_t org = clause_subject(c, k);
            int32_t st = c->unit_of[ch->end < s->ntok ? ch->end : s->ntok - 1];
            if (org >= 0 && st >= 0 && st != org && c->units[org].ncodes &&
                c->units[st].ncodes && c->units[st].first == ch->end &&
                !strncmp(c->units[org].codes[0], "IGO", 3) &&
                strlen(c->units[st].codes[0]) == 3 && code_is_state(c->units[st].codes[0])) {
                trace_add(c, "membership: %s %s -> 161\n", v->norm, c->units[st].codes[0]);
                events_add_pairs(c, out, org, st, "161", "", 0, k, "(membership)", 0);
            }
            continue;
        }
        if (!leave && !suspended) continue;
        if (verb_coded(c, out, first_event, k)) continue;
        /* the organisation: right after the verb, or after "from" */
        uint32_t q = ch->end;
        if (q < s->ntok && tok_norm_is(&s->toks[q], "FROM")) q++;
        int32_t org = q < s->ntok ? c->unit_of[q] : -1;
        if (org < 0 || !c->units[org].coded || !c->units[org].ncodes ||
            strncmp(c->units[org].codes[0], "IGO", 3))
            continue;
        if (suspended && q == ch->end) continue; /* "suspended X" is no membership */
        int32_t st = clause_subject(c, k);
        if (st < 0 || !c->units[st].coded || !c->units[st].ncodes) continue;
        const char *sc = c->units[st].codes[0];
        if (strlen(sc) < 3 || !strncmp(sc, "IGO", 3) || !strncmp(sc, "NGO", 3) ||
            !strncmp(sc, "---", 3))
            continue;
        trace_add(c, "membership: %s %s -> 161\n", v->norm, c->units[org].codes[0]);
        if (leave)
            events_add_pairs(c, out, st, org, "161", "", 0, k, "(membership)", 0);
        else
            events_add_pairs(c, out, org, st, "161", "", 0, k, "(membership)", 0);
    }
}

/* Disapproval said in so many words: "said the council had entered the
 * capital illegally", "Tehran had made a big mistake, the minister said",
 * "called the conditions blackmail". A verb of saying whose reported words
 * carry a word of the [censure] class (dyad.rules.txt) and name another
 * side's actor, with no event of their own, is 111 from the speaker to
 * that actor. */
static void code_censure(sent_ctx *c, event_list *out, uint32_t first_event) {
    const sentence *s = c->s;
    for (uint32_t k = 0; k < s->nchunk; k++) {
        const chunk *ch = &s->chunks[k];
        if (ch->kind != CK_VG || (ch->vflags & VG_NEG)) continue;
        const tok *v = &s->toks[ch->head];
        if (!tok_in_class(v, WC_REPORTING) &&
            !(v->lemma && (!strcmp(v->lemma, "CALL") || !strcmp(v->lemma, "DESCRIBE") ||
                           !strcmp(v->lemma, "BRAND") || !strcmp(v->lemma, "DUB"))))
            continue;
        if (verb_coded(c, out, first_event, k)) continue;
        int32_t sp = clause_subject(c, k);
        if (sp < 0 || !c->units[sp].coded || !c->units[sp].ncodes) continue;
        /* the words said: after the verb up to ";" or the end, or, for a
         * trailing ", the minister said", the sentence before it */
        uint32_t lo = ch->end, hi = s->ntok;
        const clause *cl = &s->clauses[ch->clause];
        if (cl->kind == CL_REPORTING) {
            lo = 0;
            hi = ch->first;
        }
        /* ... or an adverbial clause: "condemn the annexation, while
         * France and Japan issued statements" */
        for (uint32_t q = lo; q < hi; q++)
            if ((s->toks[q].tag == T_COLON && tok_norm_is(&s->toks[q], ";")) ||
                (q > lo && opens_adverbial(c, q))) {
                hi = q;
                break;
            }
        int censure = 0;
        for (uint32_t q = lo; q < hi && !censure; q++)
            censure = tok_in_class(&s->toks[q], WC_CENSURE);
        if (!censure) continue;
        /* nothing else coded from those words */
        uint32_t blo = s->doc_off + (lo < s->ntok ? s->toks[lo].off : s->len),
                 bhi = s->doc_off + (hi < s->ntok ? s->toks[hi].off : s->len);
        int other = 0; /* (a phone call the words were said in is not them) */
        for (uint32_t i = first_event; i < out->n && !other; i++)
            other = out->ev[i].verb_span.off >= blo && out->ev[i].verb_span.off < bhi &&
                    strcmp(out->ev[i].code, "041") != 0;
        if (other) continue;
        const char *spc = c->units[sp].codes[0];
        int32_t tgt = -1;
        for (uint32_t i = 0; i < c->nunits && tgt < 0; i++) {
            const unit *u = &c->units[i];
            if (u->first < lo || u->first >= hi || !u->coded || !u->ncodes) continue;
            const char *uc = u->codes[0];
            if (strlen(uc) < 3 || !strncmp(uc, "---", 3) || !strncmp(uc, spc, 3)) continue;
            tgt = (int32_t)i;
        }
        if (tgt < 0) continue;
        trace_add(c, "censure: %s ... %s -> 111\n", v->norm,
                  c->units[tgt].codes[0]);
        events_add_pairs(c, out, sp, tgt, "111", "", 0, k, "(censure)", 0);
    }
}

void verbs_code_sentence(sent_ctx *c, event_list *out) {
    if (!c->e->rules->clause_roles) {
        code_linear(c, out);
        return;
    }
    uint32_t first_event = out->n;
    /* verb groups already coded as part of another verb's event */
    uint8_t *consumed = arena_zalloc(c->a, c->s->nchunk + 1);
    /* where the sentence happens: a place it names, else the country the
     * story has been about ("troops", "civilians" in a story on Mali) */
    const char *place = sentence_location(c);
    const char *loc = place ? place : context_focus(c);
    code_clauses(c, out, consumed, loc, place != NULL);
    code_nominals(c, out, first_event, consumed);
    code_reactions_from(c, out, first_event);
    code_censure(c, out, first_event);
    code_leave_org(c, out, first_event);
    code_happenings(c, out, first_event);
    code_signed_between(c, out, first_event);
    code_nominal_agents(c, out, first_event);
    code_protest_nouns(c, out, first_event, loc);
    /* the main clause's subject is the likeliest antecedent of the next
     * sentence's pronouns: "Valdoria sent envoys to Ostmark. It also ..." */
    if (c->s->nclause && c->s->clauses[0].verb >= 0)
        context_remember(c, clause_subject(c, (uint32_t)c->s->clauses[0].verb),
                         0);
}
