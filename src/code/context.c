/* context.c -- what the rest of the document says about a noun phrase.
 *
 * News refers back: "he", "the group", "the ministry", "the two sides", a
 * surname after the full name, a name introduced with its role ("Martin
 * Griffiths, the UN envoy, ..."). And it leaves out what the reader knows:
 * "troops", "civilians" and "police" in a story about Mali are Mali's. The
 * document state keeps the actors mentioned so far (newest last) and how
 * often each country came up; this file answers the questions the actor
 * units ask of it. Each answer is a general rule with its reason beside it;
 * the word lists they use are the classes of dyad.rules.txt.
 */
#include <stdio.h>
#include <string.h>

#include "code/coder.h"

/* The role block a code ends with ("SYRMIL" -> "MIL"), or "". */

/* The country block of a state code, in the arena. */
static const char *country_block(sent_ctx *c, const char *code) {
    return arena_strndup(c->a, code, 3);
}

/* Armed actors: rebels, insurgents, militias, separatists, and the
 * transnational groups coded IMG... */
static int is_armed(const char *code) {
    const char *r = code_role(code);
    return !strncmp(code, "IMG", 3) || !strcmp(r, "REB") ||
           !strcmp(r, "INS") || !strcmp(r, "UAF") || !strcmp(r, "SEP");
}

static int is_organisation(const char *actor) {
    return actor && (!strncmp(actor, "IGO", 3) || !strncmp(actor, "NGO", 3));
}

static const tok *unit_head(const sent_ctx *c, const unit *u) {
    return u->chunk >= 0 ? &c->s->toks[c->s->chunks[u->chunk].head] : NULL;
}

/* A proper name: every word of the chunk a capitalised noun (or joined by
 * a hyphen or an initial), e.g. "Martin Griffiths", "al-Yamani". */
static int is_name(const sent_ctx *c, const chunk *ch) {
    const sentence *s = c->s;
    int words = 0;
    if (tok_is_calendar(&s->toks[ch->head])) return 0;
    for (uint32_t i = ch->first; i < ch->end; i++) {
        const tok *t = &s->toks[i];
        if (t->tag == T_NNP || t->tag == T_NNPS) {
            words++;
            continue;
        }
        if (t->tag == T_POS || (t->flags & TOKF_ABBREV)) continue;
        return 0;
    }
    return words > 0;
}

/* A token's lemma as one of 64 bits, for doc_state.heads: a cheap "no
 * earlier actor had this head noun". */
static unsigned lemma_bit(const tok *t) {
    if (t->lwid) return t->lwid & 63u;
    const char *l = t->lemma ? t->lemma : t->norm;
    return ((unsigned)(unsigned char)l[0] * 31u + (unsigned char)(l[0] ? l[1] : 0)) & 63u;
}

/* Copies into the document's arena what a mention keeps of its sentence,
 * whose scratch is reset after it: the codes and the head word. */
MEM_UNWINDS_BEGIN
static const char **persist_codes(sent_ctx *c, const char **codes, uint32_t n) {
    const char **v = arena_alloc(c->pa, (n ? n : 1) * sizeof *v);
    for (uint32_t k = 0; k < n; k++) v[k] = arena_strdup(c->pa, codes[k]);
    return v;
}

/* s copied into the mention's own buffer, or the arena when it is full. */
static const char *slot_str(sent_ctx *c, mention *m, const char *s, size_t n) {
    if (m->used + n + 1 <= sizeof m->buf) {
        char *d = m->buf + m->used;
        memcpy(d, s, n);
        d[n] = '\0';
        m->used += (uint32_t)n + 1;
        return d;
    }
    return arena_strndup(c->pa, s, n);
}

static void slot_codes(sent_ctx *c, mention *m, const char **codes, uint32_t n) {
    const char **v = n <= 8 ? m->codev : arena_alloc(c->pa, n * sizeof *v);
    for (uint32_t k = 0; k < n; k++) v[k] = slot_str(c, m, codes[k], strlen(codes[k]));
    m->codes = v;
}

static const tok *slot_tok(sent_ctx *c, mention *m, const tok *t) {
    m->headtok = *t;
    m->headtok.norm = slot_str(c, m, t->norm, t->nlen);
    m->headtok.lemma = t->lemma == t->norm ? m->headtok.norm
                       : t->lemma ? slot_str(c, m, t->lemma, strlen(t->lemma))
                                  : NULL;
    return &m->headtok;
}
MEM_UNWINDS_END

/* A surname without its Arabic article: "al-Abadi" is "Abadi" on second
 * mention as often as not. */
static const char *name_key(const char *norm) {
    if ((norm[0] == 'A' && norm[1] == 'L' && norm[2] == '-') ||
        (norm[0] == 'E' && norm[1] == 'L' && norm[2] == '-'))
        return norm[3] ? norm + 3 : norm;
    return norm;
}

/* "Iraqi Prime Minister Haider al-Abadi": a role before a given name and
 * a surname still ends in a person's name, whose surname alone names
 * them later ("Abadi congratulated the troops"). */
static int ends_in_full_name(const sent_ctx *c, const chunk *ch) {
    const sentence *s = c->s;
    uint32_t h = ch->head;
    if (h != ch->end - 1 || h <= ch->first) return 0;
    const tok *last = &s->toks[h], *given = &s->toks[h - 1];
    return last->tag == T_NNP && given->tag == T_NNP &&
           (last->flags & TOKF_CAP) && (given->flags & TOKF_CAP) &&
           !(given->wcls & (1u << WC_GOVERNMENT | 1u << WC_ORGANISATION));
}

/* "North Korean leader Kim Jong Un", "Yoon Suk Yeol": a full name whose
 * first word is a family name written first ([family-first]); the story
 * calls them by it later ("Kim said"), not by the last word. NULL for
 * other names. */
static const tok *family_first(const sent_ctx *c, const chunk *ch) {
    const sentence *s = c->s;
    uint32_t i = ch->head;
    while (i > ch->first && s->toks[i - 1].tag == T_NNP &&
           (s->toks[i - 1].flags & TOKF_CAP) &&
           !(s->toks[i - 1].wcls & (1u << WC_GOVERNMENT | 1u << WC_PERSON)))
        i--;
    return i < ch->head && tok_in_class(&s->toks[i], WC_FAMILY_FIRST) ? &s->toks[i] : NULL;
}

static void keep_person(doc_state *ds, const char *key, const char *code,
                        const char *actor) {
    named_person *p = &ds->person[ds->nperson++ % NAMED_MAX];
    snprintf(p->key, sizeof p->key, "%s", key);
    snprintf(p->code, sizeof p->code, "%s", code);
    snprintf(p->actor, sizeof p->actor, "%s", actor ? actor : "");
}

void context_name_member(sent_ctx *c, uint32_t chunk_i, const char *code,
                         const char *actor) {
    doc_state *ds = c->ds;
    if (!ds || !code || chunk_i >= c->s->nchunk) return;
    const chunk *ch = &c->s->chunks[chunk_i];
    if (!ends_in_full_name(c, ch) && !is_name(c, ch)) return;
    const tok *h = &c->s->toks[ch->head], *f = family_first(c, ch);
    if (strlen(h->norm) < sizeof ds->person[0].key) keep_person(ds, name_key(h->norm), code, actor);
    if (f && f->nlen < sizeof ds->person[0].key) keep_person(ds, f->norm, code, actor);
}

/* The newest person of the lists named key, or NULL. */
static const named_person *person_named(const doc_state *ds, const char *key) {
    for (uint32_t k = 0; k < ds->nperson && k < NAMED_MAX; k++) {
        const named_person *p = &ds->person[(ds->nperson - 1 - k) % NAMED_MAX];
        if (!strcmp(p->key, key)) return p;
    }
    return NULL;
}

void context_remember(sent_ctx *c, int32_t ui, int count) {
    doc_state *ds = c->ds;
    if (!ds || ui < 0) return;
    const unit *u = &c->units[ui];
    if (!u->coded || !u->ncodes) return;
    /* written in place: units hold copies of what they took from a
     * mention (take), never its slot's own strings */
    mention *m = &ds->m[ds->nm % MENTION_MAX];
    m->used = 0;
    m->name = NULL;
    slot_codes(c, m, u->codes, u->ncodes);
    m->ncodes = u->ncodes;
    m->actor = u->actor ? slot_str(c, m, u->actor, strlen(u->actor)) : NULL;
    const tok *h = unit_head(c, u);
    m->head = h ? slot_tok(c, m, h) : NULL;
    m->head_at = h ? (uint32_t)(h - c->s->toks) : 0;
    m->pronoun = u->pronoun;
    m->compound = u->compound && u->ncodes > 1;
    m->subject = 0;
    if (u->chunk >= 0) {
        uint32_t cl = c->s->chunks[u->chunk].clause;
        if (cl < c->s->nclause &&
            (c->s->clauses[cl].kind == CL_MAIN || c->s->clauses[cl].kind == CL_REPORTING) &&
            c->s->clauses[cl].subject == u->chunk)
            m->subject = 1;
    }
    m->sentence = c->s->index;
    if (u->chunk >= 0 && m->head &&
        (is_name(c, &c->s->chunks[u->chunk]) ||
         ends_in_full_name(c, &c->s->chunks[u->chunk]))) {
        m->name = name_key(m->head->norm);
        ds->named++;
        const tok *f = m->compound ? NULL : family_first(c, &c->s->chunks[u->chunk]);
        if (f && f->nlen < sizeof ds->person[0].key)
            keep_person(ds, f->norm, m->codes[0], m->actor);
    }
    if (m->head) ds->heads |= (uint64_t)1 << lemma_bit(m->head);
    ds->nm++;
    /* how often each country came up: the story's country, for agents
     * named without one */
    if (!count || u->pronoun) return;
    for (uint32_t k = 0; k < u->ncodes; k++) {
        const char *code = u->codes[k];
        if (strlen(code) < 3 || !strncmp(code, "---", 3) ||
            !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) ||
            !strncmp(code, "IMG", 3) || code_is_region(code))
            continue;
        uint32_t i = 0;
        while (i < ds->ncountries && memcmp(ds->country[i].code, code, 3))
            i++;
        if (i == ds->ncountries) {
            if (i == COUNTRY_MAX) continue;
            memcpy(ds->country[i].code, code, 3);
            ds->country[i].code[3] = '\0';
            ds->country[i].n = 0;
            ds->ncountries++;
        }
        ds->country[i].n++;
        ds->country[i].last = ++ds->tick;
    }
}

/* The k-th newest mention (k = 0: the newest), or NULL. */
static const mention *newest(const doc_state *ds, uint32_t k) {
    if (!ds || k >= ds->nm || k >= MENTION_MAX) return NULL;
    return &ds->m[(ds->nm - 1 - k) % MENTION_MAX];
}

/* A person is named: "President Xi Jinping", "the foreign minister", a
 * name with a title's code. Asked only when a pronoun needs it. */
static int mention_is_person(const mention *m) {
    const tok *h = m->head;
    if (m->pronoun || !h) return 0;
    if (tok_in_class(h, WC_PERSON)) return 1;
    return h->tag == T_NNP && m->ncodes && strlen(m->codes[0]) > 3 &&
           !m->compound;
}

/* Plural: a plural head noun or a compound ("the rebels", "X and Y"). */
static int mention_is_plural(const mention *m) {
    return m->compound || (m->head && (m->head->tag == T_NNS || m->head->tag == T_NNPS));
}

const mention *context_pronoun(const sent_ctx *c, const tok *t) {
    int want_person = !strcmp(t->norm, "HE") || !strcmp(t->norm, "SHE") ||
                      !strcmp(t->norm, "HIM");
    int want_thing = !strcmp(t->norm, "IT");
    const mention *m;
    /* "they" / "them": the newest plural among the last few mentions
     * ("fired at the bases of Kurdish groups in northern Iraq, accusing
     * them"), else the newest of all */
    if (!strcmp(t->norm, "THEY") || !strcmp(t->norm, "THEM"))
        for (uint32_t k = 0; k < 4 && (m = newest(c->ds, k)); k++)
            if (!m->pronoun && mention_is_plural(m)) return m;
    /* an object pronoun is not its own clause's subject ("al-Abadi
     * thanked him": that would be "himself") */
    uint32_t subj_head = UINT32_MAX;
    int object = !strcmp(t->norm, "HIM") || !strcmp(t->norm, "HER") ||
                 !strcmp(t->norm, "THEM");
    if (object && t->chunk >= 0) {
        const chunk *pc = &c->s->chunks[t->chunk];
        if ((uint32_t)pc->clause < c->s->nclause) {
            int32_t sj = c->s->clauses[pc->clause].subject;
            if (sj >= 0) subj_head = c->s->chunks[sj].head;
        }
    }
    /* "Kobakhidze was defiant ... 'No Maidan,' he said, referring to the
     * protests that toppled Ukraine's president. He accused ...": a
     * subject "he" goes on with the person the last sentences were about
     * -- the newest subject of a main or reporting clause (itself perhaps
     * a resolved "he") -- before any person named in passing */
    if (want_person && !object && t->chunk >= 0) {
        const chunk *pc = &c->s->chunks[t->chunk];
        if ((uint32_t)pc->clause < c->s->nclause &&
            c->s->clauses[pc->clause].subject == t->chunk)
            for (uint32_t k = 0; (m = newest(c->ds, k)) && k < 12; k++) {
                if (m->sentence + 2 < c->s->index) break;
                if (!m->subject || m->compound || !m->ncodes) continue;
                if (m->pronoun ? strlen(m->codes[0]) > 3 : mention_is_person(m))
                    return m;
            }
    }
    for (uint32_t k = 0; (m = newest(c->ds, k)); k++) {
        if ((want_person || want_thing) &&
            want_person != mention_is_person(m))
            continue;
        if (m->sentence == c->s->index && m->head_at == subj_head) continue;
        return m;
    }
    return NULL;
}

const char *context_possessor(const sent_ctx *c) {
    const mention *m = newest(c->ds, 0);
    return m ? m->actor : NULL;
}

const mention *context_adversary(const sent_ctx *c, const char *src) {
    const mention *m;
    int src_armed = is_armed(src);
    for (uint32_t k = 0; (m = newest(c->ds, k)) && k < 16; k++) {
        if (m->pronoun || !m->ncodes || m->compound) continue;
        const char *mc = m->codes[0];
        if (!code_is_state(mc) && strncmp(mc, "IMG", 3)) continue;
        /* a foe: another country, or within one country an armed group
         * against the state (or the state against it) */
        if (strncmp(mc, src, 3)) {
            if (is_armed(mc) || src_armed) return m;
            continue;
        }
        if (is_armed(mc) != src_armed) return m;
    }
    return NULL;
}

const mention *context_last_actor(const sent_ctx *c, const char *src) {
    const mention *m;
    for (uint32_t k = 0; (m = newest(c->ds, k)) && k < 16; k++) {
        if (m->pronoun || !m->ncodes || m->compound) continue;
        if (m->sentence == c->s->index) continue; /* an earlier sentence's */
        if (!strncmp(m->codes[0], src, 3) &&
            !strcmp(m->codes[0] + (strlen(m->codes[0]) > 3 ? 3 : 0),
                    src + (strlen(src) > 3 ? 3 : 0)))
            continue;
        return m;
    }
    return NULL;
}

const mention *context_counterpart(const sent_ctx *c, const char *src) {
    const mention *m;
    for (uint32_t k = 0; (m = newest(c->ds, k)) && k < 12; k++) {
        if (m->pronoun || !m->ncodes || m->compound) continue;
        if (m->sentence == c->s->index) continue;
        const char *mc = m->codes[0];
        if (strlen(mc) < 3 || !strncmp(mc, "---", 3)) continue;
        if (!strncmp(mc, src, 3)) continue; /* the speaker's own side */
        if (!strcmp(code_role(mc), "MED")) continue; /* ("told Reuters") */
        return m;
    }
    return NULL;
}

const char *context_other_country(const sent_ctx *c, const char *not) {
    const doc_state *ds = c->ds;
    if (!ds) return NULL;
    int best = -1;
    for (uint32_t i = 0; i < ds->ncountries; i++) {
        if (!strncmp(ds->country[i].code, not, 3)) continue;
        if (best < 0 || ds->country[i].n > ds->country[best].n ||
            (ds->country[i].n == ds->country[best].n &&
             ds->country[i].last > ds->country[best].last))
            best = (int)i;
    }
    return best >= 0 ? ds->country[best].code : NULL;
}

void context_seed_country(sent_ctx *c, const char *code, uint32_t n) {
    doc_state *ds = c->ds;
    if (!ds || !code || strlen(code) < 3 || !strncmp(code, "---", 3) ||
        !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3) ||
        ds->ncountries == COUNTRY_MAX)
        return;
    uint32_t i = 0;
    while (i < ds->ncountries && memcmp(ds->country[i].code, code, 3)) i++;
    if (i == ds->ncountries) {
        memcpy(ds->country[i].code, code, 3);
        ds->country[i].code[3] = '\0';
        ds->country[i].n = 0;
        ds->ncountries++;
    }
    ds->country[i].n += n;
    ds->country[i].last = ++ds->tick;
}

const char *context_focus(const sent_ctx *c) {
    const doc_state *ds = c->ds;
    if (!ds || !ds->ncountries) return NULL;
    uint32_t best = 0;
    for (uint32_t i = 1; i < ds->ncountries; i++)
        if (ds->country[i].n > ds->country[best].n ||
            (ds->country[i].n == ds->country[best].n &&
             ds->country[i].last > ds->country[best].last))
            best = i;
    return ds->country[best].code;
}

/* Gives u the codes of mention m (resolved from context). */
/* (copied: the mention's slot may be reused before the sentence ends) */
MEM_UNWINDS_BEGIN
/* u is one person, code (actor: its actor part, or NULL). */
static void take_one(sent_ctx *c, unit *u, const char *code, const char *actor) {
    const char **v = arena_alloc(c->a, sizeof *v);
    v[0] = arena_strdup(c->a, code);
    u->codes = v;
    u->ncodes = 1;
    u->actor = actor && actor[0] ? arena_strdup(c->a, actor) : NULL;
    u->coded = 1;
    u->resolved = 1;
}

static void take(sent_ctx *c, unit *u, const mention *m) {
    const char **v = arena_alloc(c->a, (m->ncodes ? m->ncodes : 1) * sizeof *v);
    for (uint32_t k = 0; k < m->ncodes; k++) v[k] = arena_strdup(c->a, m->codes[k]);
    u->codes = v;
    u->ncodes = m->ncodes;
    u->actor = m->actor ? arena_strdup(c->a, m->actor) : NULL;
    u->coded = 1;
    u->compound = m->compound;
    u->resolved = 1;
}
MEM_UNWINDS_END

/* u's agent-only codes ("---GOV") given the country (or actor) code.
 * (Arena allocations unwind on failure: mem.h.) */
MEM_UNWINDS_BEGIN
static void take_country(sent_ctx *c, unit *u, const char *country) {
    const char **codes = arena_alloc(c->a, (u->ncodes ? u->ncodes : 1) *
                                               sizeof *codes);
    uint32_t n = 0;
    for (uint32_t k = 0; k < u->ncodes; k++)
        codes[n++] = !strncmp(u->codes[k], "---", 3)
                         ? arena_printf(c->a, "%s%s", country,
                                        u->codes[k] + 3)
                         : u->codes[k];
    if (!n) codes[n++] = country;
    u->codes = codes;
    u->ncodes = n;
    u->actor = country;
    u->coded = 1;
    u->resolved = 1;
}
MEM_UNWINDS_END

#define word_is(t, w) tok_norm_is(t, w)

/* Do two tokens have the same lemma? By vocabulary id when both have one
 * (the dictionaries' words), else by spelling. */
static int same_lemma(const tok *a, const tok *b) {
    if (a->lwid && b->lwid) return a->lwid == b->lwid;
    if (!a->lemma || !b->lemma || a->lemma[0] != b->lemma[0]) return 0;
    return !strcmp(a->lemma, b->lemma);
}

/* u is the newest list of n members the document named (n = 0: of any
 * number): 1, or 0 when there is none. */
static int take_list(sent_ctx *c, unit *u, uint32_t n) {
    const mention *m;
    for (uint32_t k = 0; (m = newest(c->ds, k)) && k < MENTION_MAX; k++)
        if (m->compound && (n ? m->ncodes == n : m->ncodes >= 2)) {
            take(c, u, m);
            u->compound = 1;
            return 1;
        }
    return 0;
}

/* One member of a described pair: the mention's code as it is, or its
 * country ("the two countries") or its government ("both governments"). */
static const char *pair_member(sent_ctx *c, const char *code, int state, int gov) {
    if (!state || strlen(code) < 3) return arena_strdup(c->a, code);
    char buf[8];
    snprintf(buf, sizeof buf, "%.3s%s", code, gov ? "GOV" : "");
    return arena_strdup(c->a, buf);
}

/* "the two sides", "both countries", "the two leaders": the actors last
 * named together. */
static int describe_pair(sent_ctx *c, unit *u, const chunk *ch) {
    const sentence *s = c->s;
    const tok *h = &s->toks[ch->head];
    if (!tok_in_class(h, WC_PAIR) || h->tag != T_NNS) return 0;
    int two = 0, many = 0;
    static const char *const counts[] = {"THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", NULL};
    for (uint32_t i = ch->first; i < ch->head; i++) {
        two |= word_is(&s->toks[i], "TWO") || word_is(&s->toks[i], "BOTH");
        for (int q = 0; counts[q]; q++) /* (tok_norm_is wants a literal) */
            if (!strcmp(s->toks[i].norm, counts[q])) many = q + 3;
    }
    if (!two && !many) return 0;
    /* "the three countries", "both sides": the newest list of as many
     * (France, Germany, Britain and Poland are no two sides) */
    if (take_list(c, u, (uint32_t)(many ? many : 2))) return 1;
    if (many) return 0;
    const mention *m;
    /* no compound: the two countries named last (for "the two
     * neighbours", "both countries", states only) */
    const char *first = NULL;
    int govs = word_is(h, "GOVERNMENTS");
    int states_only = tok_in_class(h, WC_STATE) || word_is(h, "NEIGHBOURS") ||
                      word_is(h, "NEIGHBORS") || govs;
    for (uint32_t k = 0; (m = newest(c->ds, k)); k++) {
        /* (not this sentence's: "Brazil offered to host the two
         * neighbours" does not count Brazil among them) */
        if (m->sentence == s->index) continue;
        if (!code_is_state(m->codes[0]) && (states_only || !is_organisation(m->actor)))
            continue;
        if (!first) {
            first = m->codes[0];
            continue;
        }
        if (!strncmp(m->codes[0], first, 3)) continue;
        const char **codes = arena_alloc(c->a, 2 * sizeof *codes);
        /* (copies: the mentions' ring slots are reused) "The two
         * neighbours" after "police in Georgetown" and "a Venezuelan man"
         * are the two states, "both governments" their governments: the
         * head names the level, not the mentions it was found through. */
        codes[0] = pair_member(c, m->codes[0], states_only, govs);
        codes[1] = pair_member(c, first, states_only, govs);
        u->codes = codes;
        u->ncodes = 2;
        u->actor = m->actor ? arena_strdup(c->a, m->actor) : NULL;
        u->coded = u->compound = u->resolved = 1;
        return 1;
    }
    return 0;
}

/* "The Ministry", "the Department", "MOFA" in a statement whose publisher
 * is an actor (document.c: publisher_voice): a bare head word of the
 * publisher's name, or its initials, is the publisher. */
static int self_reference(const sent_ctx *c, const chunk *ch) {
    const doc_state *ds = c->ds;
    const sentence *s = c->s;
    uint32_t first = ch->first;
    if (first < ch->end && s->toks[first].tag == T_DT &&
        (word_is(&s->toks[first], "THE") || word_is(&s->toks[first], "THIS")))
        first++;
    uint32_t end = ch->end; /* ("The DFA today summoned") */
    if (end - first == 2 && (word_is(&s->toks[end - 1], "TODAY") ||
                             word_is(&s->toks[end - 1], "YESTERDAY")))
        end--;
    if (end - first != 1) return 0;
    const tok *h = &s->toks[first];
    if (h->nlen < 3) return 0;
    /* "Summit condemned ...", "Summit commended ...": an organisation's
     * communique names its own summit with no article (not "the summit",
     * which may be anyone's) */
    if (first == ch->first && (h->flags & TOKF_CAP) && word_is(h, "SUMMIT")) return 1;
    for (uint32_t i = 0; i < ds->nself_words; i++)
        if (!strcmp(ds->self_words[i], h->norm) ||
            (h->lemma && !strcmp(ds->self_words[i], h->lemma)))
            return 1;
    /* initials: "MOFA" (Ministry Of Foreign Affairs), "DFA" */
    if (!(h->flags & TOKF_ALLCAPS) || h->nlen > 6) return 0;
    return !strncmp(ds->self_initials[0], h->norm, h->nlen) ||
           !strncmp(ds->self_initials[1], h->norm, h->nlen);
}

int context_describe(sent_ctx *c, unit *u, const chunk *ch, uint32_t nconj) {
    const sentence *s = c->s;
    doc_state *ds = c->ds;
    if (!u->coded && nconj == 1 && ds && ds->self && self_reference(c, ch)) {
        u->codes = ds->self;
        u->ncodes = ds->nself;
        u->actor = ds->self_actor;
        u->coded = 1;
        u->resolved = 1;
        return 1;
    }
    if (u->coded || nconj != 1 || !ds || !ds->nm) return 0;
    const tok *first = &s->toks[ch->first], *h = &s->toks[ch->head];
    /* "Pakistan and Iran share a border, and each has accused the other":
     * "each" alone is every member of the newest list */
    if (ch->end - ch->first == 1 && word_is(first, "EACH")) return take_list(c, u, 0);
    /* most noun phrases are none of what follows: "Monday", "a statement";
     * the cheap tests come first (this runs for every one of them) */
    int definite = first->tag == T_DT &&
                   (word_is(first, "THE") || word_is(first, "THIS") ||
                    word_is(first, "THESE") || word_is(first, "THAT") ||
                    word_is(first, "THOSE"));
    int capitals = 1;
    for (uint32_t i = ch->first; i < ch->end && capitals; i++)
        capitals &= (s->toks[i].flags & TOKF_CAP) != 0;
    int pairish = tok_in_class(h, WC_PAIR) && h->tag == T_NNS;
    if (!definite && !capitals && !pairish && !((ds->named || ds->nperson) && is_name(c, ch)))
        return 0;
    if (pairish && describe_pair(c, u, ch)) return 1;
    /* "these partners", "those countries": the newest list */
    if ((word_is(first, "THESE") || word_is(first, "THOSE")) && h->tag == T_NNS &&
        (tok_in_class(h, WC_STATE) || tok_in_class(h, WC_PAIR) ||
         tok_in_class(h, WC_RELATIONAL)) &&
        take_list(c, u, 0))
        return 1;
    /* a name met before in full: "Griffiths" after "Martin Griffiths, the
     * UN envoy" (capitalised: at a sentence's start the tagger may take an
     * unknown name for a plural) */
    if (!definite) {
        const mention *m;
        const char *key = name_key(h->norm);
        for (uint32_t k = 0; ds->named && (m = newest(ds, k)); k++)
            if (m->name && m->name[0] == key[0] && !strcmp(m->name, key)) {
                /* a list's name is its first member's: "Aurangzeb" after
                 * "Marriyum Aurangzeb and Rana Sanaullah" is one of two */
                if (m->compound && m->ncodes > 1)
                    take_one(c, u, m->codes[0],
                             m->actor && !strncmp(m->codes[0], m->actor, strlen(m->actor))
                                 ? m->actor : NULL);
                else take(c, u, m);
                return 1;
            }
        const named_person *p = ds->nperson ? person_named(ds, key) : NULL;
        if (!p) return 0;
        take_one(c, u, p->code, p->actor);
        return 1;
    }
    /* the same head noun as an earlier actor's: "the coalition" after "the
     * Saudi-led coalition", "the council" after "the military council" */
    const mention *m;
    if (ds->heads >> lemma_bit(h) & 1)
        for (uint32_t k = 0; (m = newest(ds, k)); k++)
            if (m->head && !m->pronoun &&
                !(m->sentence == c->s->index && m->head_at == (uint32_t)(h - s->toks)) &&
                same_lemma(m->head, h)) {
                take(c, u, m);
                return 1;
            }
    /* a word describing a kind of actor: the newest actor of that kind */
    if (!(h->wcls & (1u << WC_ARMED_GROUP | 1u << WC_ORGANISATION |
                     1u << WC_GOVERNMENT | 1u << WC_STATE | 1u << WC_FORCES |
                     1u << WC_POLICE)))
        return 0;
    /* ... unless the phrase says where it is: "the authorities in Kabul"
     * are the place's (the place decides, units.c), not the last named */
    uint32_t ck = (uint32_t)(ch - s->chunks);
    if (ck + 2 < s->nchunk && s->chunks[ck + 1].kind == CK_PP &&
        word_is(&s->toks[s->chunks[ck + 1].head], "IN") &&
        s->chunks[ck + 2].kind == CK_NP &&
        (s->toks[s->chunks[ck + 2].first].flags & TOKF_CAP) &&
        s->toks[s->chunks[ck + 2].first].tag == T_NNP)
        return 0;
    /* "Germany and France called on the authorities to show restraint":
     * the authorities an actor acts on are not its own, so the subject of
     * the description's own sentence is passed over when the description
     * is no subject itself (its fallback when no other state was named) */
    int32_t ci = (int32_t)(ch - s->chunks);
    int object = ch->clause < s->nclause && s->clauses[ch->clause].subject != ci;
    const mention *passed = NULL;
    for (uint32_t k = 0; (m = newest(ds, k)); k++) {
        if (m->pronoun || !m->ncodes) continue;
        if (tok_in_class(h, WC_ARMED_GROUP) && is_armed(m->codes[0])) {
            take(c, u, m);
            return 1;
        }
        if (tok_in_class(h, WC_ORGANISATION) && is_organisation(m->actor)) {
            take(c, u, m);
            return 1;
        }
        /* (not a list: "the United States, Britain and Australia urged
         * Yameen ... Guterres called on the government" means one) */
        if ((tok_in_class(h, WC_GOVERNMENT) || tok_in_class(h, WC_STATE) ||
             tok_in_class(h, WC_FORCES) || tok_in_class(h, WC_POLICE)) &&
            code_is_state(m->codes[0]) && !code_is_region(m->codes[0]) && !m->compound) {
            if (object && m->subject && m->sentence == s->index &&
                m->head_at < ch->first) {
                if (!passed) passed = m;
                continue;
            }
            take_country(c, u, country_block(c, m->codes[0]));
            return 1;
        }
    }
    if (passed) {
        take_country(c, u, country_block(c, passed->codes[0]));
        return 1;
    }
    return 0;
}

void context_appositives(sent_ctx *c) {
    const sentence *s = c->s;
    for (uint32_t i = 0; i + 1 < c->nunits; i++) {
        unit *a = &c->units[i];
        if (a->chunk < 0) continue;
        uint32_t comma = a->end;
        if (comma >= s->ntok || s->toks[comma].tag != T_COMMA) continue;
        int32_t j = c->unit_of[comma + 1 < s->ntok ? comma + 1 : comma];
        if (j < 0 || (uint32_t)j == i) continue;
        unit *b = &c->units[j];
        if (b->first != comma + 1 || b->chunk < 0) continue;
        /* the appositive ends at a comma or the clause's verb, after at
         * most a phrase or two: "X, the UN envoy for Yemen, said" */
        uint32_t after = b->end;
        while (after < s->ntok && after < b->end + 8 &&
               s->toks[after].chunk >= 0 &&
               (s->chunks[s->toks[after].chunk].kind == CK_PP ||
                s->chunks[s->toks[after].chunk].kind == CK_NP))
            after = s->chunks[s->toks[after].chunk].end;
        if (after < s->ntok && s->toks[after].tag != T_COMMA &&
            s->toks[after].tag != T_PERIOD && s->toks[after].chunk >= 0 &&
            s->chunks[s->toks[after].chunk].kind != CK_VG)
            continue;
        /* "... a message to Abadi, Iranian state media reported": a phrase
         * right before a verb whose first noun phrase is an object or a
         * preposition's, not a subject, is the reporting clause's subject */
        if (after < s->ntok && s->toks[after].chunk >= 0 &&
            s->chunks[s->toks[after].chunk].kind == CK_VG && a->first > 0) {
            const tok *before = &s->toks[a->first - 1];
            if (before->tag == T_IN || before->tag == T_TO ||
                tag_is_verb(before->tag))
                continue;
        }
        const chunk *ca = &s->chunks[a->chunk], *cb = &s->chunks[b->chunk];
        /* "Martin Griffiths, the UN special envoy for Yemen": the name is
         * the role's holder; "Yemen's foreign minister, Khaled al-Yamani":
         * the name is remembered with the role's code */
        unit *name = NULL, *role = NULL;
        if (!a->coded && is_name(c, ca) && b->coded && !b->compound) {
            name = a;
            role = b;
        } else if (!b->coded && is_name(c, cb) && a->coded && !a->compound) {
            name = b;
            role = a;
        } else if (!a->coded && b->coded && !b->compound &&
                   tok_in_class(&s->toks[ca->head], WC_PERSON)) {
            /* "His deputy, RSF commander Mohamed Hamdan Dagalo, met": an
             * uncoded person is the coded one beside them */
            name = a;
            role = b;
        }
        if (!name) continue;
        name->codes = role->codes;
        name->ncodes = role->ncodes;
        name->actor = role->actor;
        name->coded = 1;
        name->resolved = 1;
        context_remember(c, name == a ? (int32_t)i : j, 0);
    }
}

/* "coastal states in the Gulf of Guinea, including Benin, Togo and Ghana",
 * "its neighbours, such as Chad and Egypt": a plural phrase that names no
 * actor stands for the actors its list names. */
void context_examples(sent_ctx *c) {
    const sentence *s = c->s;
    for (uint32_t p = 1; p + 1 < s->ntok; p++) {
        const tok *t = &s->toks[p];
        int such = tok_norm_is(t, "SUCH") && p + 2 < s->ntok &&
                   tok_norm_is(&s->toks[p + 1], "AS");
        if (!tok_norm_is(t, "INCLUDING") && !tok_norm_is(t, "NOTABLY") &&
            !tok_norm_is(t, "NAMELY") && !such)
            continue;
        if (s->toks[p - 1].tag != T_COMMA) continue;
        int32_t vi = c->unit_of[p + 1 + (such ? 1 : 0)];
        if (vi < 0) continue;
        unit *v = &c->units[vi];
        if (!v->coded) continue;
        /* the phrase the list exemplifies: the nearest uncoded plural
         * before the comma, across at most one "in/of X" phrase */
        for (uint32_t k = c->nunits; k-- > 0;) {
            unit *u = &c->units[k];
            if (u->end > p - 1 || u->chunk < 0) continue;
            if (u->end + 8 < p - 1) break;
            const tok *h = &s->toks[s->chunks[u->chunk].head];
            if (u->coded) break;
            if (h->tag != T_NNS && h->tag != T_NNPS) continue;
            u->codes = v->codes;
            u->ncodes = v->ncodes;
            u->actor = v->actor;
            u->coded = 1;
            u->compound = v->ncodes > 1;
            u->resolved = 1;
            break;
        }
    }
}

/* A double quotation mark (a single one is mostly a scare quote or an
 * apostrophe: 'total victory'). */
static int dquote(const tok *t) {
    return (t->tag == T_LQUOTE || t->tag == T_RQUOTE) &&
           (tok_norm_is(t, "\"") || tok_norm_is(t, "``") ||
            tok_norm_is(t, "''"));
}

static int first_person(const tok *t) {
    return tok_norm_is(t, "I") || tok_norm_is(t, "WE") ||
           tok_norm_is(t, "ME") || tok_norm_is(t, "US") ||
           tok_norm_is(t, "OUR") || tok_norm_is(t, "MY") ||
           tok_norm_is(t, "OURSELVES");
}

/* The unit saying the sentence's quotation: the subject of a trailing
 * attribution ("...," the minister said), or of a reporting verb that
 * opens it ("The minister said: \"..."), or -1. */
static int32_t quote_speaker(const sent_ctx *c) {
    const sentence *s = c->s;
    for (uint32_t k = 0; k < s->nclause; k++) {
        const clause *cl = &s->clauses[k];
        if (cl->kind == CL_REPORTING && cl->subject >= 0)
            return c->unit_of[s->chunks[cl->subject].first];
    }
    /* '..., and that is not going to happen," a senior official told
     * Reuters': a closing mark, then a phrase and a verb of saying (or
     * the verb and then the phrase: '," said the minister'), whatever
     * clauses the chunker made of what the quotation says */
    for (uint32_t i = 1; i + 2 < s->ntok; i++) {
        if (!dquote(&s->toks[i]) || s->toks[i - 1].tag != T_COMMA) continue;
        int32_t a = s->toks[i + 1].chunk;
        if (a < 0 || (uint32_t)a + 1 >= s->nchunk) break;
        const chunk *x = &s->chunks[a], *y = &s->chunks[a + 1];
        if (x->kind == CK_NP && y->kind == CK_VG &&
            tok_in_class(&s->toks[y->head], WC_REPORTING))
            return c->unit_of[x->first];
        if (x->kind == CK_VG && y->kind == CK_NP &&
            tok_in_class(&s->toks[x->head], WC_REPORTING))
            return c->unit_of[y->first];
        break;
    }
    const clause *m = s->nclause ? &s->clauses[0] : NULL;
    if (m && m->verb >= 0 && m->subject >= 0 &&
        tok_in_class(&s->toks[s->chunks[m->verb].head], WC_REPORTING)) {
        uint32_t after = s->chunks[m->verb].end;
        while (after < s->ntok && (s->toks[after].tag == T_COLON ||
                                   s->toks[after].tag == T_COMMA))
            after++;
        if (after < s->ntok && dquote(&s->toks[after]))
            return c->unit_of[s->chunks[m->subject].first];
    }
    return -1;
}

void context_quotes(sent_ctx *c) {
    const sentence *s = c->s;
    doc_state *ds = c->ds;
    uint32_t marks = 0, first_mark = s->ntok;
    for (uint32_t i = 0; i < s->ntok; i++)
        if (dquote(&s->toks[i])) {
            if (!marks) first_mark = i;
            marks++;
        }
    if (!marks) return;
    uint8_t *in = arena_zalloc(c->a, s->ntok + 1);
    /* an odd count that closes first: the sentence continues a quotation
     * begun in an earlier one ("... forgotten," he said.) */
    int inside = (marks & 1) && first_mark > 0 &&
                 s->toks[first_mark].tag == T_RQUOTE;
    for (uint32_t i = 0; i < s->ntok; i++) {
        if (dquote(&s->toks[i])) {
            inside = !inside;
            continue;
        }
        in[i] = (uint8_t)inside;
    }
    c->quoted = in;
    int32_t sp = quote_speaker(c);
    const char **codes = NULL;
    uint32_t ncodes = 0;
    const char *actor = NULL;
    if (sp >= 0 && c->units[sp].coded) {
        codes = c->units[sp].codes;
        ncodes = c->units[sp].ncodes;
        actor = c->units[sp].actor;
        if (ds) {
            ds->speaker = persist_codes(c, codes, ncodes);
            ds->nspeaker = ncodes;
            ds->speaker_actor = actor ? arena_strdup(c->pa, actor) : NULL;
        }
    } else if (sp < 0 && ds && ds->speaker) {
        /* a quotation going on from the last sentence's speaker */
        codes = ds->speaker;
        ncodes = ds->nspeaker;
        actor = ds->speaker_actor;
    }
    if (!codes) return;
    /* "we", "our", "I" in the quotation are the speaker's side */
    for (uint32_t i = 0; i < c->nunits; i++) {
        unit *u = &c->units[i];
        const tok *f = &s->toks[u->first];
        if (!in[u->first] || !first_person(f)) continue;
        if (u->coded && !u->pronoun) continue;
        if (f->tag == T_PRP) {
            u->codes = codes;
            u->ncodes = ncodes;
            u->actor = actor;
            u->coded = 1;
            u->pronoun = 1;
        } else if (u->ncodes && !u->coded && actor) {
            /* "our forces": the speaker's country with the agent */
            char country[4];
            memcpy(country, codes[0], 3);
            country[3] = '\0';
            if (!code_is_state(country)) continue;
            take_country(c, u, arena_strdup(c->a, country));
        }
    }
}
