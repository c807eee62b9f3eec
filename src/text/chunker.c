/* chunker.c -- flat chunks, NP coordination and clauses; see chunker.h.
 *
 * Three linear passes:
 *   1. chk_chunks():  tokens -> chunks, left to right, longest match of a
 *                     few tag patterns (NP, VG, PP, SBAR ...).
 *   2. chk_coord():   "A, B and C" NP groups.
 *   3. chk_clauses(): a stack of open clauses; openers (SBAR, "and" + verb,
 *                     ", killing", ", officials said") push, commas and new
 *                     finite verbs pop.
 */
#include "text/chunker.h"

#include <string.h>

const char *chunk_kind_name(int k) {
    static const char *const names[] = {"NP",   "VG",   "PP",    "ADVP", "ADJP",
                                        "SBAR", "CONJ", "PUNCT", "OTHER"};
    return k >= 0 && k <= CK_OTHER ? names[k] : "?";
}

const char *chunk_clause_kind_name(int k) {
    static const char *const names[] = {
        "MAIN",     "COMPLEMENT", "RELATIVE",  "PARENTHETICAL", "COORD",
        "ADVERBIAL", "INFINITIVE", "REPORTING", "PARTICIPIAL"};
    return k >= 0 && k <= CL_PARTICIPIAL ? names[k] : "?";
}

/* ---- helpers over tokens ------------------------------------------- */

/* Word tests run for nearly every token against constant words; testing
 * the first byte inline rejects almost all of them without a strcmp call. */
static inline int lem_is(const tok *t, const char *s) {
    return t->lemma && t->lemma[0] == s[0] && strcmp(t->lemma, s) == 0;
}

/* norm's length is known (nlen), so a literal is compared by length and
 * then with a fixed-size memcmp that the compiler inlines; no strcmp call.
 * s must be a string literal. */
#define norm_is(t, s)                                                         \
    ((t)->nlen == sizeof(s) - 1 && memcmp((t)->norm, (s), sizeof(s) - 1) == 0)

/* Equality of two NUL-terminated strings, inline: the word lists below
 * compare against a handful of short candidates after a first-byte
 * dispatch, where a strcmp call costs more than the comparison. */
static inline int str_eq(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

static int is_adv(int t) { return t == T_RB || t == T_RBR || t == T_RBS; }

static int is_punct_tag(int t) {
    return t >= T_COMMA && t <= T_RRB;
}

/* Verbs of saying and thinking whose complement is a reported clause:
 * "X said (that) Y attacked Z", "officials believe the attack ...". The
 * list is data: the [reporting] class of dyad.rules.txt. */
static int reporting(const tok *t) { return tok_in_class(t, WC_REPORTING); }

/* Tags that may sit inside a noun phrase before its head. */
static int np_body(int t) {
    return tag_is_noun(t) || tag_is_adj(t) || t == T_CD || t == T_VBN ||
           t == T_VBG || t == T_DOLLAR;
}

/* ---- pass 1: chunks ------------------------------------------------ */

/* Growable chunk list. */
typedef struct chk_list {
    chunk *v;            /* chunks */
    size_t n, cap;       /* used, allocated */
    arena *a;            /* storage */
} chk_list;

static chunk *chk_add(chk_list *l, int kind, uint32_t first, uint32_t end,
                      uint32_t head) {
    ARENA_GROW(l->a, l->v, l->n, l->cap);
    chunk *c = &l->v[l->n++];
    memset(c, 0, sizeof *c);
    c->kind = (uint8_t)kind;
    c->first = first;
    c->end = end;
    c->head = head;
    c->particle = -1;
    c->coord = -1;
    c->pp_obj = -1;
    return c;
}

/* Noun phrase starting at i, or 0. Sets *end and *head. Possessives stay
 * inside ("Dagolath's first Deputy Prime Minister Telemar", "the state's
 * fiercest foe"); a determiner after a noun starts the next NP ("gave the
 * envoy a letter"). */
static int chk_np(const tok *t, uint32_t n, uint32_t i, uint32_t *end,
                  uint32_t *head) {
    int tg = t[i].tag;
    if (tg == T_PRP || tg == T_EX) {
        *end = i + 1;
        *head = i;
        return 1;
    }
    uint32_t j = i;
    int seen_det = 0;
    if (t[j].tag == T_PDT) j++;
    if (j < n && (t[j].tag == T_DT || t[j].tag == T_PRPS || t[j].tag == T_WPS)) {
        seen_det = 1;
        j++;
    }
    uint32_t last_head = UINT32_MAX, last_adj = UINT32_MAX;
    while (j < n) {
        int x = t[j].tag;
        int nx = j + 1 < n ? t[j + 1].tag : T_NONE;
        if (np_body(x)) {
            /* "a charge Tehran denies": a name after a noun of someone's act,
             * then a verb, starts a clause of its own (that ... denies) */
            if ((x == T_NNP || x == T_NNPS) && j > i && last_head == j - 1 &&
                (t[j - 1].tag == T_NN || t[j - 1].tag == T_NNS) &&
                (tok_in_class(&t[j - 1], WC_ACT_NOUN) ||
                 tok_in_class(&t[j - 1], WC_ALLEGATION))) {
                /* (or a people's officials: "a claim Turkish officials
                 * rejected") */
                uint32_t q = j;
                while (q < n && (t[q].tag == T_NNP || t[q].tag == T_NNPS)) q++;
                while (q < n && q < j + 4 && (t[q].tag == T_NNS || t[q].tag == T_NN)) q++;
                if (q < n && (t[q].tag == T_VBZ || t[q].tag == T_VBD || t[q].tag == T_VBP))
                    break;
            }
            /* a participle inside an NP only before a noun or adjective:
             * "the ruling party", not "the army attacked" */
            if ((x == T_VBN || x == T_VBG) && !(tag_is_noun(nx) || tag_is_adj(nx)))
                break;
            /* ... and before the head, not after it: "statements backing
             * King Abdullah" is a noun and its reduced relative */
            if (x == T_VBG && last_head != UINT32_MAX && last_head == j - 1) break;
            /* "In December 2011 police shot ...": a month and its year are
             * a date, and the noun after them starts the next phrase */
            if (x != T_CD && j >= i + 2 && t[j - 1].tag == T_CD && t[j - 1].nlen == 4 &&
                t[j - 1].norm[0] >= '1' && t[j - 1].norm[0] <= '2' &&
                tok_is_calendar(&t[j - 2]))
                break;
            if (tag_is_noun(x) || x == T_CD) last_head = j;
            else if (tag_is_adj(x)) last_adj = j;
            j++;
            continue;
        }
        /* "most powerful", "about 50", "very large" */
        if (is_adv(x) && last_head == UINT32_MAX && last_adj == UINT32_MAX &&
            (tag_is_adj(nx) || nx == T_CD) &&
            (j + 2 < n && (np_body(t[j + 2].tag) || nx == T_CD)))
        {
            j++;
            continue;
        }
        /* coordinated lower-case adjectives stay in one phrase: "the
         * awful and evil minister" ("Israeli and Emirati officials" are
         * two actors and stay two phrases) */
        if (x == T_CC && last_adj != UINT32_MAX && last_adj == j - 1 &&
            tag_is_adj(nx) && !(t[j - 1].flags & TOKF_CAP) &&
            !(t[j + 1].flags & TOKF_CAP) &&
            (norm_is(&t[j], "AND") || norm_is(&t[j], "OR"))) {
            j++;
            continue;
        }
        /* possessive chain: "Gondor 's main opposition groups" */
        if (x == T_POS && last_head != UINT32_MAX && last_head == j - 1 &&
            (np_body(nx) || nx == T_PDT)) {
            j++;
            continue;
        }
        break;
    }
    if (last_head != UINT32_MAX) {
        *end = last_head + 1;
        *head = last_head;
        return 1;
    }
    if (seen_det && last_adj != UINT32_MAX) { /* "the poor", "the injured" */
        *end = last_adj + 1;
        *head = last_adj;
        return 1;
    }
    if (seen_det && j == i + 1 && t[i].tag == T_DT) { /* "this", "that" */
        *end = i + 1;
        *head = i;
        return 1;
    }
    return 0;
}

/* Verb group starting at i (MD, verb, "to"+verb, "not"/"never"+verb), or 0.
 * "has not been invited", "will meet", "to help", "is about to restore"
 * (one group, head "restore"), "cordoned off" (particle). */
static int chk_vg(const tok *t, uint32_t n, uint32_t i, chunk *out) {
    uint32_t j = i;
    int fl = 0;
    int tg = t[i].tag;
    if (tg == T_TO) {
        uint32_t k = i + 1;
        while (k < n && is_adv(t[k].tag)) k++;
        if (k >= n || t[k].tag != T_VB) return 0;
        fl |= VG_INFINITIVE;
        j = i + 1;
    } else if (is_adv(tg)) {
        if (!(lem_is(&t[i], "NOT") || norm_is(&t[i], "NEVER"))) return 0;
        uint32_t k = i + 1;
        while (k < n && is_adv(t[k].tag)) k++;
        if (k >= n || !(tag_is_verb(t[k].tag) || t[k].tag == T_MD)) return 0;
    } else if (!(tag_is_verb(tg) || tg == T_MD)) {
        return 0;
    }
    uint32_t head = UINT32_MAX;
    int aux = 0;          /* auxiliaries seen */
    int last_be = 0, last_have = 0;
    while (j < n) {
        int x = t[j].tag;
        if (is_adv(x)) {
            /* adverbs inside the group only when a verb follows: "has not
             * been", "will also meet"; never after the main verb */
            uint32_t k = j;
            while (k < n && is_adv(t[k].tag)) k++;
            if (k >= n || !(tag_is_verb(t[k].tag) || t[k].tag == T_MD ||
                            (t[k].tag == T_TO && k + 1 < n && t[k + 1].tag == T_VB)))
                break;
            for (uint32_t m = j; m < k; m++)
                if (lem_is(&t[m], "NOT") || norm_is(&t[m], "NEVER")) fl |= VG_NEG;
            j = k;
            continue;
        }
        if (x == T_MD) {
            fl |= VG_MODAL;
            aux++;
            j++;
            continue;
        }
        if (x == T_TO && aux && j + 1 < n && t[j + 1].tag == T_VB) {
            j++; /* "has to leave", "is about to restore" */
            continue;
        }
        if (!tag_is_verb(x)) break;
        /* what follows this verb, skipping adverbs */
        uint32_t k = j + 1;
        while (k < n && is_adv(t[k].tag)) k++;
        int nx = k < n ? t[k].tag : T_NONE;
        /* "is about to restore", "was going to attack", "were able to
         * reach", "has to leave": modal-like, one group */
        if ((lem_is(&t[j], "BE") || lem_is(&t[j], "HAVE")) && k + 2 < n + 1) {
            uint32_t m = k;
            if (m < n && lem_is(&t[j], "BE") &&
                (norm_is(&t[m], "ABOUT") || norm_is(&t[m], "GOING") ||
                 norm_is(&t[m], "ABLE")))
                m++;
            if (m < n && t[m].tag == T_TO && m + 1 < n && t[m + 1].tag == T_VB &&
                (m > k || lem_is(&t[j], "HAVE"))) {
                fl |= VG_MODAL;
                aux++;
                j = m + 1;
                continue;
            }
        }
        int is_aux = 0;
        if (lem_is(&t[j], "BE") && (nx == T_VBN || nx == T_VBG)) is_aux = 1;
        else if (lem_is(&t[j], "HAVE") && nx == T_VBN) is_aux = 1;
        else if (lem_is(&t[j], "DO") && nx == T_VB) is_aux = 1;
        else if (lem_is(&t[j], "GET") && nx == T_VBN) is_aux = 1;
        if (is_aux) {
            aux++;
            last_be = lem_is(&t[j], "BE") || lem_is(&t[j], "GET");
            last_have = lem_is(&t[j], "HAVE");
            if (last_have) fl |= VG_PERFECT;
            j = k;
            /* re-run the adverb check for NEG between aux and verb */
            for (uint32_t m = j > 0 ? j - 1 : 0; m > 0 && is_adv(t[m].tag); m--)
                if (lem_is(&t[m], "NOT") || norm_is(&t[m], "NEVER")) fl |= VG_NEG;
            continue;
        }
        head = j++;
        break;
    }
    if (head == UINT32_MAX) {
        /* no main verb after the auxiliaries: "is" in "is ready", "has" */
        uint32_t k = j;
        while (k > i && !tag_is_verb(t[k - 1].tag) && t[k - 1].tag != T_MD) k--;
        if (k == i) return 0;
        head = k - 1;
        j = k;
    }
    if (lem_is(&t[head], "BE")) fl |= VG_COPULA;
    int ht = t[head].tag;
    if (ht == T_VBN && last_be && aux) fl |= VG_PASSIVE;
    if (ht == T_VBG && last_be && aux) fl |= VG_PROGRESSIVE;
    if (!aux && !(fl & VG_INFINITIVE)) {
        /* a bare participle heads a reduced clause: "Rebuked by Arnor,",
         * "troops backed by Mordor", ", killing ten" */
        if (ht == T_VBN) fl |= VG_PARTICIPLE | VG_PASSIVE;
        if (ht == T_VBG) fl |= VG_PARTICIPLE;
    }
    (void)last_have;
    out->particle = -1;
    if (j < n && t[j].tag == T_RP) { /* "cordoned off", "broke down" */
        out->particle = (int32_t)j;
        j++;
    }
    out->first = i;
    out->end = j;
    out->head = head;
    out->vflags = (uint8_t)fl;
    return 1;
}

/* Subordinators that always open a clause. */
static int always_sbar(const tok *t) {
    switch (t->norm[0]) {
    case 'B': return norm_is(t, "BECAUSE");
    case 'A': return norm_is(t, "ALTHOUGH");
    case 'T': return norm_is(t, "THOUGH") || norm_is(t, "THAT");
    case 'W': return norm_is(t, "WHILE") || norm_is(t, "WHEREAS") ||
                     norm_is(t, "WHETHER");
    case 'U': return norm_is(t, "UNLESS");
    case 'I': return norm_is(t, "IF");
    default: return 0;
    }
}

/* Prepositions that open a clause when one follows: "after crowds trashed
 * its embassy" (SBAR) vs "after the talks" (PP). */
static int maybe_sbar(const tok *t) {
    switch (t->norm[0]) {
    case 'A': return norm_is(t, "AFTER") || norm_is(t, "AS");
    case 'B': return norm_is(t, "BEFORE");
    case 'S': return norm_is(t, "SINCE");
    case 'U': return norm_is(t, "UNTIL");
    case 'T': return norm_is(t, "TILL");
    case 'O': return norm_is(t, "ONCE");
    default: return 0;
    }
}

/* Does a subject + finite verb follow token i? Bounded lookahead. The
 * subject may be a list: "as ECOWAS, France and the US condemned" (in a
 * title without the "and": "as ECOWAS, France condemn"); a comma with no
 * "and" after it ends a phrase otherwise ("after the talks, Russia said"). */
static int clause_follows(const tok *t, uint32_t n, uint32_t i, int title) {
    uint32_t k = i + 1, lim = i + 16 < n ? i + 16 : n;
    int np = 0, comma = 0, cc = 0, sep = 0, pp = 0;
    while (k < lim) {
        int x = t[k].tag;
        if (x == T_DT || x == T_PDT || x == T_PRPS || x == T_POS || x == T_PRP ||
            np_body(x) || is_adv(x)) {
            if (x != T_VBN && x != T_VBG && !is_adv(x)) np = 1;
            sep = 0;
            k++;
            continue;
        }
        if (np && (x == T_COMMA || x == T_CC)) {
            comma |= x == T_COMMA;
            cc |= x == T_CC;
            sep = 1;
            k++;
            continue;
        }
        /* the subject's own place or owner: "after a car bomb in Kabul
         * killed", "since the war in Ukraine began" (one such phrase) */
        if (np && x == T_IN && !pp && !always_sbar(&t[k]) && !maybe_sbar(&t[k])) {
            pp = 1;
            sep = 1; /* (an object must follow) */
            k++;
            continue;
        }
        break;
    }
    /* (a verb right after the "and" is the main clause's second verb:
     * "has moved three times since August and asked") */
    if (!np || sep || k >= n || (comma && !cc && !title)) return 0;
    int x = t[k].tag;
    return x == T_MD || x == T_VBD || x == T_VBZ || x == T_VBP;
}

static void chk_chunks(sentence *s, chk_list *l) {
    const tok *t = s->toks;
    uint32_t n = s->ntok;
    uint32_t i = 0;
    while (i < n) {
        int x = t[i].tag;
        uint32_t end, head;
        chunk vg;
        if (is_punct_tag(x)) {
            chk_add(l, CK_PUNCT, i, i + 1, i);
            i++;
        } else if (x == T_CC) {
            chk_add(l, CK_CONJ, i, i + 1, i);
            i++;
        } else if ((x == T_TO || tag_is_verb(x) || x == T_MD || is_adv(x)) &&
                   chk_vg(t, n, i, &vg)) {
            chunk *c = chk_add(l, CK_VG, vg.first, vg.end, vg.head);
            c->vflags = vg.vflags;
            c->particle = vg.particle;
            i = vg.end;
        } else if (x == T_WDT || x == T_WP || x == T_WPS || x == T_WRB) {
            chk_add(l, CK_SBAR, i, i + 1, i);
            i++;
        } else if (x == T_IN || x == T_TO) {
            int sb = x == T_IN && (always_sbar(&t[i]) ||
                                   (maybe_sbar(&t[i]) &&
                                    clause_follows(t, n, i, s->title)));
            chk_add(l, sb ? CK_SBAR : CK_PP, i, i + 1, i);
            i++;
        } else if (chk_np(t, n, i, &end, &head)) {
            chk_add(l, CK_NP, i, end, head);
            i = end;
        } else if (tag_is_adj(x)) {
            uint32_t j = i + 1;
            while (j < n && tag_is_adj(t[j].tag)) j++;
            chk_add(l, CK_ADJP, i, j, j - 1);
            i = j;
        } else if (is_adv(x)) {
            uint32_t j = i + 1;
            while (j < n && is_adv(t[j].tag) && !(j + 1 < n && tag_is_verb(t[j + 1].tag) &&
                                                   (lem_is(&t[j], "NOT") || norm_is(&t[j], "NEVER"))))
                j++;
            chk_add(l, CK_ADVP, i, j, j - 1);
            i = j;
        } else {
            chk_add(l, CK_OTHER, i, i + 1, i);
            i++;
        }
    }
    /* a PP's object is the NP right after it */
    for (size_t k = 0; k + 1 < l->n; k++)
        if (l->v[k].kind == CK_PP && l->v[k + 1].kind == CK_NP)
            l->v[k].pp_obj = (int32_t)(k + 1);
}

/* ---- pass 2: coordination ------------------------------------------ */

static int is_comma(const sentence *s, const chunk *c) {
    return c->kind == CK_PUNCT && s->toks[c->first].tag == T_COMMA;
}

static int is_andor(const sentence *s, const chunk *c) {
    if (c->kind != CK_CONJ) return 0;
    const tok *t = &s->toks[c->first];
    return norm_is(t, "AND") || norm_is(t, "OR") || norm_is(t, "NOR") ||
           norm_is(t, "&");
}

static int finite_vg(const sentence *s, const chunk *c) {
    if (c->kind != CK_VG) return 0;
    if (c->vflags & (VG_INFINITIVE | VG_PARTICIPLE)) return 0;
    (void)s;
    return 1;
}

/* "Arnor, Osgiliath and Gondor", "Lions, tigers, and Gondor": every NP of
 * the group gets coord = the first. A group needs its "and"/"or"; without
 * one, commas mean apposition ("Telemar, the minister,"). Not across
 * clauses: in "X met Y and Z left", Z is the next clause's subject. */
static void chk_coord(sentence *s) {
    chunk *c = s->chunks;
    size_t nc = s->nchunk;
    for (size_t k = 0; k < nc; k++) {
        if (c[k].kind != CK_NP || c[k].coord >= 0) continue;
        /* "On Friday, Milan Radoicic, a businessman and ...": a day or a
         * month starts no list */
        if (tok_is_calendar(&s->toks[c[k].head])) continue;
        size_t items[64];
        size_t ni = 0, pos = k + 1;
        int closed = 0;
        items[ni++] = k;
        while (pos < nc && ni < 64) {
            /* "Milan Radoicic, a wealthy businessman and ...": a name
             * followed by an indefinite description is its apposition */
            if (ni == 1 && is_comma(s, &c[pos]) && pos + 1 < nc &&
                c[pos + 1].kind == CK_NP && s->toks[c[k].head].tag == T_NNP &&
                s->toks[c[pos + 1].first].tag == T_DT &&
                (norm_is(&s->toks[c[pos + 1].first], "A") ||
                 norm_is(&s->toks[c[pos + 1].first], "AN")))
                break;
            if (is_comma(s, &c[pos]) && pos + 1 < nc && c[pos + 1].kind == CK_NP) {
                items[ni++] = pos + 1;
                pos += 2;
            } else if (is_comma(s, &c[pos]) && pos + 2 < nc && ni >= 2 &&
                       is_andor(s, &c[pos + 1]) && c[pos + 2].kind == CK_NP) {
                /* the serial comma closes a list of three or more; "A, and
                 * B" of two is a clause boundary ("..., and the U.S. and
                 * Japan requested") */
                items[ni++] = pos + 2;
                closed = 1;
                break;
            } else if (is_andor(s, &c[pos]) && pos + 1 < nc &&
                       c[pos + 1].kind == CK_NP) {
                items[ni++] = pos + 1;
                closed = 1;
                break;
            } else {
                break;
            }
        }
        if (!closed && ni == 64) s->limits++; /* the rest is another group */
        /* a headline's comma is its "and": "Iran, US Hold Talks", "Kiir,
         * Machar Sign Deal", "... As China, India Abstain": names before
         * the verb, at the start of the title or of a clause in it */
        if (!closed && s->title && ni >= 2 && ni < 64 && pos < nc &&
            finite_vg(s, &c[pos]) &&
            (k == 0 || c[k - 1].kind == CK_SBAR ||
             (c[k - 1].kind == CK_PP &&
              (norm_is(&s->toks[c[k - 1].head], "AS") ||
               norm_is(&s->toks[c[k - 1].head], "AFTER") ||
               norm_is(&s->toks[c[k - 1].head], "WHILE"))))) {
            closed = 1;
            for (size_t m = 0; m < ni && closed; m++)
                closed = (s->toks[c[items[m]].head].flags & TOKF_CAP) != 0;
        }
        if (!closed) continue;
        size_t last = items[ni - 1];
        if (last + 1 < nc && finite_vg(s, &c[last + 1]) && k > 0) {
            /* the last NP is a subject: the group continues a clause only
             * when it is itself a subject (clause start or after a
             * reporting verb) */
            const chunk *pc = &c[k - 1];
            int subj_pos = !(pc->kind == CK_VG || pc->kind == CK_PP) ||
                           (pc->kind == CK_VG &&
                            reporting(&s->toks[pc->head]));
            if (pc->kind == CK_PP) {
                /* "Lawmakers in A and B welcomed": still inside the
                 * subject when no verb came before in this clause */
                subj_pos = 1;
                for (size_t q = k; q-- > 0;) {
                    if (c[q].kind == CK_SBAR || is_comma(s, &c[q])) break;
                    if (finite_vg(s, &c[q])) {
                        subj_pos = 0;
                        break;
                    }
                }
            }
            if (!subj_pos) ni--;
        }
        if (ni < 2) continue;
        for (size_t m = 0; m < ni; m++) c[items[m]].coord = (int32_t)k;
        k = items[ni - 1];
    }
}

/* ---- pass 3: clauses ----------------------------------------------- */

/* Per-clause state kept while scanning. */
typedef struct chk_open {
    int32_t last_np;     /* last NP directly in the clause, not a PP object */
    int32_t close_at;    /* chunk index that closes it (parenthetical), -1 */
    int32_t antecedent;  /* relative clause: the NP it modifies, -1 */
    int32_t comp_at;     /* pending bare complement start after its verb */
    uint8_t inverted;    /* reporting clause waiting for "said the X" */
} chk_open;

typedef struct chk_cl {
    sentence *s;
    clause *cl;          /* clauses */
    chk_open *op;        /* parallel scan state */
    size_t n, cap, opcap;
    int stack[256];      /* open clause indices */
    int sp;
    arena *a;
} chk_cl;

static int cl_push(chk_cl *x, int kind, uint32_t first) {
    if (x->n >= 32000 || x->sp >= 256) return -1;
    size_t cap = x->cap;
    ARENA_GROW(x->a, x->cl, x->n, x->cap);
    ARENA_GROW(x->a, x->op, x->n, cap);
    x->opcap = cap;
    clause *c = &x->cl[x->n];
    c->kind = (uint8_t)kind;
    c->parent = (int16_t)(x->sp ? x->stack[x->sp - 1] : -1);
    c->first = first;
    c->end = first;
    c->subject = -1;
    c->verb = -1;
    chk_open *o = &x->op[x->n];
    o->last_np = -1;
    o->close_at = -1;
    o->antecedent = -1;
    o->comp_at = -1;
    o->inverted = 0;
    x->stack[x->sp++] = (int)x->n;
    return (int)x->n++;
}

static void cl_pop(chk_cl *x, uint32_t end) {
    if (x->sp <= 1) return;
    x->cl[x->stack[--x->sp]].end = end;
}

static int top(const chk_cl *x) { return x->stack[x->sp - 1]; }

static int subord(int kind) {
    return kind == CL_RELATIVE || kind == CL_ADVERBIAL || kind == CL_PARTICIPIAL ||
           kind == CL_INFINITIVE || kind == CL_PARENTHETICAL;
}

/* The NP to record as a subject: the head of its coordination group. */
static int32_t subj_of(const sentence *s, int32_t np) {
    if (np < 0) return -1;
    return s->chunks[np].coord >= 0 ? s->chunks[np].coord : np;
}

/* ", with Egypt and Sudan accusing Ethiopia of ...": in an absolute
 * phrase the noun phrase between "with" and the gerund is the gerund's
 * subject. Returns its chunk (the list's, for a list), or -1. */
static int32_t absolute_with_subject(const sentence *s, size_t k) {
    const chunk *c = s->chunks;
    if (k < 2 || s->toks[c[k].head].tag != T_VBG || c[k - 1].kind != CK_NP) return -1;
    size_t j = k - 1;
    while (j > 0 && (c[j - 1].kind == CK_NP || c[j - 1].kind == CK_CONJ ||
                     (c[j - 1].kind == CK_PUNCT && is_comma(s, &c[j - 1]) && j >= 2 &&
                      c[j - 2].kind == CK_NP)))
        j--;
    if (j == 0 || c[j].kind != CK_NP || c[j - 1].kind != CK_PP ||
        !norm_is(&s->toks[c[j - 1].head], "WITH"))
        return -1;
    /* (after a comma or at the start: "..., with X saying"; not "met with
     * X saying") */
    if (j >= 2 && !(c[j - 2].kind == CK_PUNCT && is_comma(s, &c[j - 2]))) return -1;
    return subj_of(s, (int32_t)j);
}

/* Makes VG chunk k the verb of clause ci and picks its subject. */
static void cl_set_verb(chk_cl *x, int ci, size_t k) {
    clause *c = &x->cl[ci];
    chk_open *o = &x->op[ci];
    const sentence *s = x->s;
    c->verb = (int32_t)k;
    if (c->kind == CL_INFINITIVE || c->kind == CL_PARTICIPIAL) return;
    if (o->last_np >= 0) c->subject = subj_of(s, o->last_np);
    else if (c->kind == CL_RELATIVE) c->subject = subj_of(s, o->antecedent);
    else if (c->kind == CL_COORD && c->parent >= 0)
        c->subject = x->cl[c->parent].subject;
    else if (c->kind == CL_REPORTING) o->inverted = 1; /* "said the minister" */
}

/* Is PP chunk p "than" before a number ("more than 4,000 protesters")? */
static int quantity_than(const sentence *s, size_t p) {
    const chunk *c = s->chunks;
    return p + 1 < s->nchunk && norm_is(&s->toks[c[p].head], "THAN") &&
           c[p + 1].kind == CK_NP && s->toks[c[p + 1].first].tag == T_CD;
}

/* After a reporting verb at k without "that": does "NP ... finite VG"
 * follow? Returns the chunk the complement starts at, or -1. "said on
 * Tuesday the army would withdraw" -> "the army". */
static int32_t bare_complement(const sentence *s, size_t k) {
    const chunk *c = s->chunks;
    size_t nc = s->nchunk, p = k + 1, lim = k + 24 < nc ? k + 24 : nc;
    while (p < lim && (c[p].kind == CK_ADVP ||
                       (c[p].kind == CK_PP && p + 1 < lim && c[p + 1].kind == CK_NP))) {
        /* "says more than 1,900 people have been killed": the quantity
         * is the subject, not an aside */
        if (c[p].kind == CK_PP && quantity_than(s, p)) {
            p++;
            break;
        }
        p += c[p].kind == CK_PP ? 2 : 1;
    }
    if (p >= lim || c[p].kind != CK_NP) return -1;
    size_t start = p;
    /* "accused Baku of ethnic cleansing, an allegation Azerbaijan
     * rejects": a verb whose object is followed by "of" (accuse, warn,
     * inform X of) has an object, not a clause */
    const tok *vh = &s->toks[c[k].head];
    if (p + 1 < lim && c[p + 1].kind == CK_PP &&
        tok_norm_is(&s->toks[c[p + 1].head], "OF") &&
        (lem_is(vh, "ACCUSE") || lem_is(vh, "WARN") || lem_is(vh, "INFORM") ||
         lem_is(vh, "REMIND") || lem_is(vh, "CONVINCE") ||
         lem_is(vh, "ASSURE") || lem_is(vh, "NOTIFY")))
        return -1;
    while (p < lim && (c[p].kind == CK_NP || c[p].kind == CK_PP ||
                       c[p].kind == CK_ADVP || is_comma(s, &c[p]) ||
                       (c[p].kind == CK_CONJ && c[p].coord < 0)))
        p++;
    if (p < lim && finite_vg(s, &c[p])) return (int32_t)start;
    return -1;
}

/* ", a senior official said." / ", officials said on Saturday." / ", said
 * the minister." at the end of the sentence. Returns the first chunk of
 * the attribution after the comma (and any closing quote), or -1. */
static int32_t trailing_report(const sentence *s, size_t k) {
    const chunk *c = s->chunks;
    size_t nc = s->nchunk, p = k + 1;
    while (p < nc && c[p].kind == CK_PUNCT && s->toks[c[p].first].tag == T_RQUOTE) p++;
    size_t start = p, lim = p + 16 < nc ? p + 16 : nc;
    int seen_np = 0;
    while (p < lim && (c[p].kind == CK_NP || c[p].kind == CK_CONJ ||
                       c[p].kind == CK_PP || is_comma(s, &c[p]))) {
        if (c[p].kind == CK_NP) seen_np = 1;
        p++;
    }
    if (p >= lim || c[p].kind != CK_VG || !finite_vg(s, &c[p])) return -1;
    /* ", an allegation Azerbaijan rejects": a rebuttal of the noun of
     * someone's claim answers it as "a charge Tehran denies" does */
    const tok *vh = &s->toks[c[p].head];
    int rebut = p > start && c[start].kind == CK_NP &&
                (tok_in_class(&s->toks[c[start].head], WC_ALLEGATION) ||
                 tok_in_class(&s->toks[c[start].head], WC_ACT_NOUN)) &&
                (lem_is(vh, "REJECT") || lem_is(vh, "DISMISS") || lem_is(vh, "DISPUTE") ||
                 lem_is(vh, "REFUTE") || lem_is(vh, "CONTEST"));
    if (!reporting(vh) && !rebut) return -1;
    if (!seen_np && p != start) return -1;
    /* an inverted report follows what was said: "Iran, in turn, accused
     * Israel of sabotage" has no clause or quotation before the comma, so
     * its verb is the sentence's own */
    if (!seen_np) {
        int said = 0;
        for (size_t q = 0; q < k && !said; q++)
            said = c[q].kind == CK_VG ||
                   (c[q].kind == CK_PUNCT && s->toks[c[q].first].tag == T_RQUOTE);
        if (!said) return -1;
    }
    int tell = lem_is(&s->toks[c[p].head], "TELL");
    p++;
    /* "officials told reporters": TELL's hearer is not an object */
    if (seen_np && tell && p < nc && c[p].kind == CK_NP) p++;
    /* inverted "said the minister": the subject NP follows the verb */
    if (!seen_np && p < nc && c[p].kind == CK_NP) p++;
    /* then only time and place: "on Saturday", "in a statement" -- an
     * object NP means this is a clause of its own ("recalled its envoy") */
    while (p < nc && (c[p].kind == CK_ADVP ||
                      (c[p].kind == CK_PP && p + 1 < nc && c[p + 1].kind == CK_NP)))
        p += c[p].kind == CK_PP ? 2 : 1;
    while (p < nc && c[p].kind == CK_PUNCT &&
           (s->toks[c[p].first].tag == T_PERIOD || s->toks[c[p].first].tag == T_RQUOTE))
        p++;
    return p == nc ? (int32_t)start : -1;
}

/* ", the state's fiercest foe," after an NP: returns the closing chunk
 * (a comma, or the sentence end), or -1. */
static int32_t parenthetical(const sentence *s, size_t k) {
    const chunk *c = s->chunks;
    size_t nc = s->nchunk;
    if (k == 0 || k + 1 >= nc || c[k - 1].kind != CK_NP || c[k + 1].kind != CK_NP)
        return -1;
    if (c[k - 1].coord >= 0 && c[k - 1].coord == c[k + 1].coord) return -1;
    /* "On Friday, Milan Radoicic, a businessman, said": what follows a
     * time is the clause, not an aside about the time */
    if (tok_is_calendar(&s->toks[c[k - 1].head])) return -1;
    size_t p = k + 2, lim = k + 14 < nc ? k + 14 : nc;
    while (p < lim && (c[p].kind == CK_NP || c[p].kind == CK_PP || c[p].kind == CK_ADJP ||
                       (c[p].kind == CK_CONJ && c[p].coord < 0)))
        p++;
    if (p < lim && is_comma(s, &c[p])) return (int32_t)p;
    return -1;
}

/* Does verb group g open with an auxiliary or modal ("had acted", "would
 * leave")? */
static int aux_vg(const sentence *s, const chunk *g) {
    if (g->end - g->first < 2) return 0;
    const tok *t = &s->toks[g->first];
    return t->tag == T_MD || tok_norm_is(t, "HAD") || tok_norm_is(t, "HAS") ||
           tok_norm_is(t, "HAVE") || tok_norm_is(t, "WAS") || tok_norm_is(t, "WERE");
}

static void chk_clauses(sentence *s, arena *a) {
    chk_cl x;
    memset(&x, 0, sizeof x);
    x.s = s;
    x.a = a;
    chunk *c = s->chunks;
    size_t nc = s->nchunk;
    cl_push(&x, CL_MAIN, 0);
    for (size_t k = 0; k < nc; k++) {
        chunk *ch = &c[k];
        const tok *ht = &s->toks[ch->head];
        /* a parenthetical ends at its closing comma */
        while (x.sp > 1 && x.op[top(&x)].close_at == (int32_t)k) cl_pop(&x, (uint32_t)k);
        /* a pending bare complement starts here */
        if (x.op[top(&x)].comp_at == (int32_t)k) {
            x.op[top(&x)].comp_at = -1;
            cl_push(&x, CL_COMPLEMENT, (uint32_t)k);
        }
        if (ch->kind == CK_PUNCT && ht->nlen == 1 && ht->norm[0] == ';' &&
            k + 1 < nc) {
            /* a semicolon joins two sentences: "X welcomed the offer;
             * Riyadh pledged aid" -- everything open ends here */
            while (x.sp > 1) cl_pop(&x, (uint32_t)k);
            ch->clause = (uint16_t)top(&x);
            cl_push(&x, CL_COORD, (uint32_t)k + 1);
            continue;
        }
        if (ch->kind == CK_PUNCT && is_comma(s, ch)) {
            int32_t r = trailing_report(s, k), e;
            if (r >= 0) {
                while (x.sp > 1) cl_pop(&x, (uint32_t)k);
                ch->clause = (uint16_t)top(&x);
                for (size_t m = k + 1; m < (size_t)r; m++) c[m].clause = (uint16_t)top(&x);
                k = (size_t)r - 1;
                cl_push(&x, CL_REPORTING, (uint32_t)r);
                continue;
            }
            if ((e = parenthetical(s, k)) >= 0) {
                ch->clause = (uint16_t)top(&x);
                int ci = cl_push(&x, CL_PARENTHETICAL, (uint32_t)k + 1);
                if (ci >= 0) x.op[ci].close_at = e;
                continue;
            }
            if (k + 1 < nc && c[k + 1].kind == CK_VG &&
                (c[k + 1].vflags & VG_PARTICIPLE)) {
                /* ", killing ten": pop a finished subordinate clause, then
                 * open the participial one at the verb */
                while (x.sp > 1 && subord(x.cl[top(&x)].kind) && x.cl[top(&x)].verb >= 0)
                    cl_pop(&x, (uint32_t)k);
                ch->clause = (uint16_t)top(&x);
                continue; /* the VG chunk opens the clause below */
            }
            /* "the CSTO, which groups Russia, Belarus and Armenia, said",
             * "the memorandum signed by Finland, Sweden and Turkey
             * addressed": a comma inside a relative or reduced relative
             * clause's list goes on with the list */
            if (k > 0 && k + 1 < nc && c[k - 1].kind == CK_NP &&
                c[k - 1].coord >= 0 && c[k - 1].coord == c[k + 1].coord &&
                (x.cl[top(&x)].kind == CL_RELATIVE || x.cl[top(&x)].kind == CL_PARTICIPIAL) &&
                x.cl[top(&x)].verb >= 0 &&
                x.cl[top(&x)].verb < (int32_t)k - 1) {
                ch->clause = (uint16_t)top(&x);
                continue;
            }
            /* a comma closes finished subordinate clauses: "After crowds
             * trashed its embassy, Gondor recalled ..." */
            while (x.sp > 1) {
                int ti = top(&x);
                int pk = x.cl[ti].parent >= 0 ? x.cl[x.cl[ti].parent].kind : CL_MAIN;
                if (x.cl[ti].verb < 0) break;
                if (subord(x.cl[ti].kind) ||
                    ((x.cl[ti].kind == CL_COMPLEMENT || x.cl[ti].kind == CL_COORD) &&
                     subord(pk)))
                    cl_pop(&x, (uint32_t)k);
                else
                    break;
            }
            /* a list of verbs sharing the subject: "carried out searches,
             * detained suspects and seized cash" */
            if (k + 1 < nc && c[k + 1].kind == CK_VG && finite_vg(s, &c[k + 1]) &&
                !(c[k + 1].vflags & (VG_PARTICIPLE | VG_INFINITIVE)) &&
                x.cl[top(&x)].verb >= 0 && x.cl[top(&x)].kind != CL_REPORTING) {
                ch->clause = (uint16_t)top(&x);
                cl_push(&x, CL_COORD, (uint32_t)k + 1);
                continue;
            }
            /* a headline's comma after a clause with its verb, then a new
             * subject and verb: "U.S. Blacklists Huawei, China Condemns
             * Washington" is two clauses (headlines drop the "and") */
            if (s->title && k + 2 < nc && c[k + 1].kind == CK_NP && c[k + 2].kind == CK_VG &&
                finite_vg(s, &c[k + 2]) && x.cl[top(&x)].verb >= 0 &&
                !(c[k + 2].vflags & (VG_PARTICIPLE | VG_INFINITIVE))) {
                while (x.sp > 1) cl_pop(&x, (uint32_t)k);
                ch->clause = (uint16_t)top(&x);
                cl_push(&x, CL_COORD, (uint32_t)k + 1);
                continue;
            }
        } else if (ch->kind == CK_SBAR) {
            int kind = CL_ADVERBIAL;
            int tg = ht->tag;
            int32_t prev = (int32_t)k - 1;
            if (prev >= 0 && is_comma(s, &c[prev])) prev--;
            int prev_report = prev >= 0 && c[prev].kind == CK_VG &&
                              reporting(&s->toks[c[prev].head]);
            if (tg == T_WDT || tg == T_WP || tg == T_WPS) {
                kind = prev >= 0 && c[prev].kind == CK_NP ? CL_RELATIVE
                       : prev_report                      ? CL_COMPLEMENT
                                                          : CL_RELATIVE;
                if (norm_is(ht, "WHAT")) kind = prev_report ? CL_COMPLEMENT : CL_ADVERBIAL;
            } else if (norm_is(ht, "THAT")) {
                kind = CL_COMPLEMENT;
            } else if (norm_is(ht, "WHETHER") || norm_is(ht, "IF") || tg == T_WRB) {
                kind = prev_report ? CL_COMPLEMENT : CL_ADVERBIAL;
            }
            int ci = cl_push(&x, kind, (uint32_t)k);
            if (ci >= 0 && kind == CL_RELATIVE && prev >= 0 && c[prev].kind == CK_NP)
                x.op[ci].antecedent = prev;
        } else if (ch->kind == CK_CONJ && k + 1 < nc) {
            /* "... and seized the city" / "X met Y and Z left" */
            int opens = c[k + 1].kind == CK_VG && !(c[k + 1].vflags & VG_INFINITIVE) &&
                        x.cl[top(&x)].verb >= 0;
            if (!opens && c[k + 1].kind == CK_NP &&
                (c[k + 1].coord < 0 || c[k + 1].coord == (int32_t)k + 1) &&
                x.cl[top(&x)].verb >= 0) {
                /* the next NP, or a coordination group it starts, then a
                 * finite verb: "..., and the U.S. and Japan requested" */
                size_t p = k + 1, lim = k + 12 < nc ? k + 12 : nc;
                /* (a reduced relative after the NP is part of it: "and
                 * EU leaders meeting in Brussels renewed their calls") */
                while (p < lim && (c[p].kind == CK_NP || c[p].kind == CK_PP ||
                                   (c[p].coord == (int32_t)k + 1) ||
                                   (p + 1 < lim && c[p + 1].coord == (int32_t)k + 1) ||
                                   (c[p].kind == CK_VG && (c[p].vflags & VG_PARTICIPLE) &&
                                    c[p - 1].kind == CK_NP && p + 1 < lim &&
                                    c[p + 1].kind == CK_PP)))
                    p++;
                opens = p < lim && finite_vg(s, &c[p]);
            }
            if (opens) {
                /* a conjunct of a finished reduced clause belongs higher */
                while (x.sp > 1 && (x.cl[top(&x)].kind == CL_PARENTHETICAL))
                    cl_pop(&x, (uint32_t)k);
                /* "ordered the ambassador to leave the country and said it
                 * would close consulates": a past or present tense verb
                 * after an infinitive goes on with the verb that governs
                 * the infinitive, not with the infinitive */
                if (c[k + 1].kind == CK_VG && x.sp > 1 &&
                    x.cl[top(&x)].kind == CL_INFINITIVE && x.cl[top(&x)].verb >= 0) {
                    int t = s->toks[c[k + 1].head].tag;
                    if (t == T_VBD || t == T_VBZ)
                        while (x.sp > 1 && x.cl[top(&x)].kind == CL_INFINITIVE)
                            cl_pop(&x, (uint32_t)k);
                }
                /* "told the council that Israel had acted with restraint and
                 * blamed Hamas": a plain past verb after a reported clause
                 * whose verb had an auxiliary goes on with the reporter */
                if (c[k + 1].kind == CK_VG && x.sp > 1 &&
                    x.cl[top(&x)].kind == CL_COMPLEMENT && x.cl[top(&x)].verb >= 0 &&
                    aux_vg(s, &c[x.cl[top(&x)].verb]) && !aux_vg(s, &c[k + 1]) &&
                    s->toks[c[k + 1].head].tag == T_VBD) {
                    int pi = x.cl[top(&x)].parent;
                    if (pi >= 0 && x.cl[pi].verb >= 0 &&
                        s->toks[c[x.cl[pi].verb].head].tag == T_VBD)
                        cl_pop(&x, (uint32_t)k);
                }
                cl_push(&x, CL_COORD, (uint32_t)k);
            }
        } else if (ch->kind == CK_VG) {
            int ti = top(&x);
            if (ch->vflags & VG_INFINITIVE) {
                int ci = cl_push(&x, CL_INFINITIVE, (uint32_t)k);
                if (ci >= 0) cl_set_verb(&x, ci, k);
            } else if (ch->vflags & VG_PARTICIPLE) {
                int ci = cl_push(&x, CL_PARTICIPIAL, (uint32_t)k);
                if (ci >= 0) {
                    cl_set_verb(&x, ci, k);
                    int32_t w = absolute_with_subject(s, k);
                    if (w >= 0) x.cl[ci].subject = w;
                }
            } else {
                /* a finite verb: close finished reduced/subordinate
                 * clauses ("the minister who arrived on Monday said") */
                while (x.sp > 1 && x.cl[ti].verb >= 0 && subord(x.cl[ti].kind)) {
                    clause *done = &x.cl[ti];
                    uint32_t end = (uint32_t)k;
                    /* "After crowds trashed its embassy Gondor recalled":
                     * the NP right before the verb is the outer subject */
                    int moved = 0;
                    if ((done->kind == CL_ADVERBIAL || done->kind == CL_PARTICIPIAL) &&
                        k >= 2 && c[k - 1].kind == CK_NP && c[k - 2].kind == CK_NP &&
                        (int32_t)(k - 1) > done->verb) {
                        end = (uint32_t)k - 1;
                        moved = 1;
                    }
                    cl_pop(&x, end);
                    ti = top(&x);
                    if (moved) {
                        c[k - 1].clause = (uint16_t)ti;
                        x.op[ti].last_np = (int32_t)k - 1;
                    }
                }
                if (x.cl[ti].verb < 0) cl_set_verb(&x, ti, k);
            }
            ti = top(&x);
            if (x.cl[ti].verb == (int32_t)k && reporting(ht) &&
                !(k + 1 < nc && c[k + 1].kind == CK_SBAR))
                x.op[ti].comp_at = bare_complement(s, k);
        }
        int ti = top(&x);
        ch->clause = (uint16_t)ti;
        if (ch->kind == CK_NP) {
            /* "More than 4,000 protesters have been arrested": a quantity
             * after "more/fewer/less than" is no preposition's object */
            int is_obj = k > 0 && c[k - 1].kind == CK_PP &&
                         !quantity_than(s, k - 1);
            if (!is_obj && (x.cl[ti].verb < 0 || x.cl[ti].kind == CL_REPORTING)) {
                x.op[ti].last_np = (int32_t)k;
                if (x.op[ti].inverted && x.cl[ti].subject < 0) {
                    x.cl[ti].subject = subj_of(s, (int32_t)k);
                    x.op[ti].inverted = 0;
                }
            }
        }
    }
    while (x.sp > 1) cl_pop(&x, (uint32_t)nc);
    x.cl[0].end = (uint32_t)nc;
    s->clauses = x.cl;
    s->nclause = (uint32_t)x.n;
}

void chunk_sentence(sentence *s, arena *a) {
    chk_list l = {NULL, 0, 0, a};
    chk_chunks(s, &l);
    s->chunks = l.v;
    s->nchunk = (uint32_t)l.n;
    for (size_t k = 0; k < l.n; k++)
        for (uint32_t i = l.v[k].first; i < l.v[k].end; i++)
            s->toks[i].chunk = (int32_t)k;
    chk_coord(s);
    chk_clauses(s, a);
}
