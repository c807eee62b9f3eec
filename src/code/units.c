/* coder_units.c -- actor units: which noun phrases name whom.
 *
 * A unit is a noun phrase or a coordination of them, optionally with one
 * attached prepositional phrase whose object names the actor:
 *   "the government of Valdoria"            -> VALGOV
 *   "soldiers from Valdoria"                -> VALMIL
 *   "the ambassadors of A, B and C"         -> AGOV, BGOV, CGOV
 *   "lawmakers and officials in A and B"    -> ALEG, BLEG, AGOV, BGOV
 * Inside a conjunct, the first actor phrase found (longest match at each
 * word, left to right) is the actor and every agent phrase found adds its
 * code, in order (PETRARCH1's rule, which the validation records expect).
 */
#include <stdio.h>
#include <string.h>

#include "code/coder.h"
#include "code/places.h"
#include "util/strfmt.h"

/* What one conjunct names. */
typedef struct conj_code {
    const char *actor;        /* resolved actor code (may hold '/'), or NULL */
    const char *agents[8];    /* agent codes in order ("~GOV", "NGO~") */
    int nagents;
    uint32_t actor_tok;       /* token where the actor phrase starts */
    uint32_t null_end;        /* end of a phrase listed with the null code
                                 ("the Gulf of Oman"), 0 if none */
    uint32_t nlimits;         /* coder_limit calls made coding it */
} conj_code;

/* The words of tokens [first, end) as vocabulary ids, a token joined with
 * '_' in the text ("Dol_Amroth") giving one id per part so it matches the
 * dictionary phrase of its parts. tokof[k] is the token of word k. */
static uint32_t conj_words(const sent_ctx *c, uint32_t first, uint32_t end,
                           uint32_t *w, uint32_t *tokof, uint32_t max) {
    const dict *d = &c->e->d;
    const tok *t = c->s->toks;
    uint32_t n = 0;
    for (uint32_t i = first; i < end && n < max; i++) {
        if (t[i].wid || !memchr(t[i].norm, '_', t[i].nlen)) {
            tokof[n] = i;
            w[n++] = t[i].wid;
            continue;
        }
        const char *p = t[i].norm, *e = p + t[i].nlen;
        while (p < e && n < max) {
            const char *q = memchr(p, '_', (size_t)(e - p));
            size_t l = q ? (size_t)(q - p) : (size_t)(e - p);
            tokof[n] = i;
            w[n++] = vocab_find(&d->voc, p, l);
            p += l + 1;
        }
    }
    return n;
}

/* The length of the suffix of sfx (NULL-terminated) a hyphenated token
 * ends in, or 0. */
static size_t hyphen_suffix(const tok *tk, const char *const *sfx) {
    if (!(tk->flags & TOKF_HYPHEN)) return 0;
    for (const char *const *x = sfx; *x; x++) {
        size_t l = strlen(*x);
        if (tk->nlen > l && !strcmp(tk->norm + tk->nlen - l, *x)) return l;
    }
    return 0;
}

/* Suffixes that make the name before them the owner of the phrase ("the
 * Saudi-led coalition", "a UN-hosted meeting") ... */
static const char *const owner_sfx[] = {"-LED", "-HOSTED", "-DRAFTED", "-SPONSORED",
                                        "-PROPOSED", "-CONVENED", "-ORGANISED",
                                        "-ORGANIZED", "-RUN", "-CONTROLLED", NULL};
/* ... and those that make it a broker or backer, not the phrase's actor
 * ("an EU-brokered deal", "Iran-backed rebels") */
static const char *const broker_sfx[] = {"-BROKERED", "-MEDIATED", "-BACKED",
                                         "-SUPPORTED", "-FUNDED", NULL};

static void code_conjunct(const sent_ctx *c, uint32_t first, uint32_t end,
                          conj_code *out) {
    const dict *d = &c->e->d;
    uint32_t wids[128], tokof[128];
    memset(out, 0, sizeof *out);
    uint32_t nw = conj_words(c, first, end, wids, tokof, 128);
    int refine = c->e->rules->actor_refine;
    /* "a European Union-brokered deal", "an Iran-backed militia": the
     * name before "-brokered", "-backed" is the broker's or backer's, not
     * the phrase's actor (the phrase is the deal or the militia) */
    uint32_t from = 0;
    for (uint32_t i = 0; i + 1 < nw; i++)
        if (hyphen_suffix(&c->s->toks[tokof[i]], broker_sfx)) from = i + 1;
    for (uint32_t i = from; i < nw;) {
        uint32_t val = 0;
        size_t len = 0;
        /* "the Saudi-led coalition", "a UN-hosted meeting", "a
         * Brazilian-drafted resolution": led, hosted or drafted by an actor
         * is that actor's (but "Iran-backed rebels" are the rebels) */
        const tok *tk = &c->s->toks[tokof[i]];
        size_t sl = hyphen_suffix(tk, owner_sfx);
        if (!out->actor && refine && sl) {
            /* "US-led": capital US is the country, listed dotted (as
             * document.c tags a bare "US"), "us" the pronoun */
            uint32_t w = tk->nlen == sl + 2 && !strncmp(c->s->text + tk->off, "US", 2)
                             ? c->e->w_us_dotted
                             : vocab_find(&d->voc, tk->norm, tk->nlen - sl);
            if (w && ptrie_longest(&d->actors, &w, 1, &val) == 1) {
                const char *code = dict_actor_code(d, val - 1, c->date);
                if (code && strcmp(code, "---")) {
                    out->actor = code;
                    out->actor_tok = tokof[i];
                }
            }
            i++;
            continue;
        }
        if (!out->actor || refine)
            len = ptrie_longest(&d->actors, wids + i, nw - i, &val);
        if (len) {
            const char *code = dict_actor_code(d, val - 1, c->date);
            /* "the port town of Mocimboa da Praia" is Mozambique's, not
             * Cape Verde's: a longer place name holding the actor's name
             * is the place's country */
            char iso[4];
            if (code && tokof[i] > first && c->ds &&
                (c->s->toks[tokof[i] - 1].flags & TOKF_CAP ||
                 c->s->toks[tokof[i] - 1].nlen <= 3) &&
                places_name_around(c, first, tokof[i], tokof[i + len - 1], iso) &&
                strncmp(iso, code, 3) != 0)
                code = arena_strdup(c->a, iso);
            /* "the Vienna Convention", "the Minsk Group": the name goes on
             * into a [name-head] noun and names something else */
            uint32_t after = tokof[i + len - 1] + 1;
            if (code && after < end && (c->s->toks[after].flags & TOKF_CAP) &&
                tok_in_class(&c->s->toks[after], WC_NAME_HEAD)) {
                out->null_end = after + 1;
                i += (uint32_t)len;
                while (i < nw && tokof[i] <= after) i++;
                continue;
            }
            if (code && !strcmp(code, "---"))
                out->null_end = tokof[i + len - 1] + 1;
            if (code && strcmp(code, "---") != 0) {
                size_t have = out->actor ? strlen(out->actor) : 0;
                if (!out->actor) {
                    out->actor = code;
                    out->actor_tok = tokof[i];
                } else if (strlen(code) > have &&
                           strncmp(code, out->actor, have) == 0) {
                    /* "North Korean leader Kim Jong Un": the named
                     * person (PRKGOV) is more specific than PRK */
                    out->actor = code;
                    out->actor_tok = tokof[i];
                }
            }
            i += (uint32_t)len;
            continue;
        }
        len = ptrie_longest(&d->agents, wids + i, nw - i, &val);
        /* "military ties", "military aid": an agent word before a
         * [thing] head names no one */
        if (len && tokof[i + len - 1] + 1 < end &&
            tok_in_class(&c->s->toks[end - 1], WC_THING) &&
            tokof[i + len - 1] < end - 1) {
            i += (uint32_t)len;
            continue;
        }
        if (len) {
            if (out->nagents < 8) {
                out->agents[out->nagents++] = d->agent_entries[val - 1].code;
            } else {
                coder_limit(c, "more than 8 agents in one phrase");
                out->nlimits++;
            }
            i += (uint32_t)len;
            continue;
        }
        i++;
    }
}

/* True when block (3 letters) already stands in code at a 3-letter
 * boundary: "GOV" in "ARNGOV". */
static int has_block(const char *code, const char *blk, size_t blen) {
    size_t n = strlen(code);
    for (size_t i = 0; i + blen <= n; i += 3)
        if (memcmp(code + i, blk, blen) == 0) return 1;
    return 0;
}

/* actor (single code, no '/') + agents -> composite code. */
static int is_role(const char *b) {
    static const char *const roles[] = {"GOV", "MIL", "COP", "JUD", "LEG",
                                        "ELI", "OPP", "REB", "SPY", "INS",
                                        "UAF", NULL};
    for (const char *const *r = roles; *r; r++)
        if (!strncmp(b, *r, 3)) return 1;
    return 0;
}

/* dyad's clause model drops agents that would contradict the actor's own
 * code: a title on a person coded with a role by date ("President X" while
 * X is USAELI), armed-role words on transnational militant groups
 * ("Islamic State militants" stays IMGMUSISI). */
static int redundant_agent(const char *actor, const char *blk) {
    if (!actor) return 0;
    size_t n = strlen(actor);
    if (n >= 6 && is_role(actor + n - 3) && is_role(blk)) return 1;
    if (!strncmp(actor, "IMG", 3) &&
        (!strncmp(blk, "REB", 3) || !strncmp(blk, "UAF", 3) ||
         !strncmp(blk, "INS", 3) || !strncmp(blk, "MIL", 3)))
        return 1;
    /* an organisation's officials are the organisation: "the UN envoy" is
     * IGOUNO, not a government */
    if ((!strncmp(actor, "IGO", 3) || !strncmp(actor, "NGO", 3)) &&
        !strncmp(blk, "GOV", 3))
        return 1;
    return 0;
}

/* Which side of the state a role block is on: 1 an organ of the state
 * (GOV, MIL, COP, JUD, LEG, SPY), 2 its population (civilians, refugees,
 * workers, students, business, media, health, farmers, clergy), 0 other. */
static int role_side(const char *b) {
    static const char *const people[] = {"CVL", "REF", "LAB", "EDU", "BUS", "MED",
                                         "HLH", "AGR", "REL", NULL};
    if (role_is_organ(b)) return 1;
    for (const char *const *r = people; *r; r++)
        if (!strncmp(b, *r, 3)) return 2;
    return 0;
}

static const char *combine(arena *a, const char *actor,
                           const char *const *agents, int nagents,
                           int prune) {
    char buf[128];
    size_t cl = str_copy(buf, sizeof buf, actor ? actor : "---", sizeof buf);
    int side = 0; /* role_side of the first agent kept */
    for (int i = 0; i < nagents; i++) {
        const char *g = agents[i];
        size_t gl = strlen(g);
        int prefix = gl && g[gl - 1] == '~';
        const char *blk = prefix ? g : g + (g[0] == '~');
        size_t bl = prefix ? gl - 1 : gl - (g[0] == '~');
        while (bl && *blk == ' ') blk++, bl--;
        if (!bl) continue;
        if (prune && bl >= 3 && redundant_agent(actor, blk)) continue;
        /* "the children of American diplomats" are children (USACVL), not
         * civilian diplomats: the phrase's first role stands, one from the
         * other side of the state after it is a modifier's */
        if (prune && bl >= 3) {
            int sd = role_side(blk);
            if (side && sd && sd != side) continue;
            if (!side) side = sd;
        }
        if (has_block(buf, blk, bl < 3 ? bl : 3)) break; /* first duplicate
                                                             stops: PETRARCH1 */
        if (cl + bl >= sizeof buf) break; /* absurdly long: stop adding */
        if (prefix) {
            memmove(buf + bl, buf, cl + 1);
            memcpy(buf, blk, bl);
        } else {
            memcpy(buf + cl, blk, bl);
            buf[cl + bl] = '\0';
        }
        cl += bl;
    }
    return arena_strndup(a, buf, cl);
}

/* Appends the codes of one conjunct, given the actor to use. */
static void push_codes(arena *a, const char *actor, const conj_code *cc,
                       const char ***codes, uint32_t *n, uint32_t *cap,
                       int prune) {
    if (actor && strchr(actor, '/')) {
        /* compound actor code "A/B": one code per member */
        const char *p = actor;
        while (*p) {
            const char *q = strchr(p, '/');
            size_t len = q ? (size_t)(q - p) : strlen(p);
            char *one = arena_strndup(a, p, len);
            ARENA_GROW(a, *codes, *n, *cap);
            (*codes)[(*n)++] =
                combine(a, one, cc->agents, cc->nagents, prune);
            p += len + (q != NULL);
        }
        return;
    }
    ARENA_GROW(a, *codes, *n, *cap);
    (*codes)[(*n)++] =
        combine(a, actor, cc->agents, cc->nagents, prune);
}

uint32_t units_code_range(sent_ctx *c, uint32_t first, uint32_t end,
                          const char ***codes, uint32_t *n, uint32_t *cap,
                          int *has_actor, int *has_agent) {
    conj_code cc;
    code_conjunct(c, first, end, &cc);
    uint32_t before = *n;
    if (cc.actor) {
        push_codes(c->a, cc.actor, &cc, codes, n, cap, c->e->rules->agent_pruning);
        *has_actor = 1;
    } else if (cc.nagents) {
        push_codes(c->a, NULL, &cc, codes, n, cap, c->e->rules->agent_pruning);
        *has_agent = 1;
    }
    return *n - before;
}

/* The chunks of a coordination group starting at NP chunk i (at most max:
 * the rest is reported as a limit and coded as phrases of their own). */
static uint32_t coord_members(const sent_ctx *c, uint32_t i, uint32_t *out,
                              uint32_t max) {
    const sentence *s = c->s;
    uint32_t n = 0;
    out[n++] = i;
    int32_t g = s->chunks[i].coord;
    if (g < 0) return n;
    for (uint32_t j = i + 1; j < s->nchunk; j++) {
        const chunk *ch = &s->chunks[j];
        if (ch->kind == CK_NP && ch->coord == g) {
            if (n == max) {
                coder_limit(c, "more than 64 coordinated phrases");
                break;
            }
            out[n++] = j;
        } else if (ch->kind != CK_PUNCT && ch->kind != CK_CONJ &&
                   ch->kind != CK_NP) {
            break;
        }
    }
    return n;
}

static int is_word(const sent_ctx *c, uint32_t tokidx, uint32_t wid) {
    return wid && c->s->toks[tokidx].wid == wid;
}

static int norm_in(const tok *t, const char *const *list) {
    for (; *list; list++)
        if (strcmp(t->norm, *list) == 0) return 1;
    return 0;
}

static const char *const personal[] = {"HE", "SHE", "IT", "THEY", "THEM", "HIM", NULL};
static const char *const possessive[] = {"ITS", "THEIR", "HIS", "HER", NULL};

/* PETRARCH1's new_actor_length (a validation option): a short phrase with
 * no actor and no agent is coded by its own words, "\"THE MINISTRY OF
 * MAGIC\"", so that new actors show in the output. NULL when too long. */
static const char *quoted_actor(const sent_ctx *c, uint32_t first,
                                uint32_t end) {
    char buf[256];
    size_t bl = 0;
    int words = 0;
    buf[bl++] = '"';
    for (uint32_t t = first; t < end && bl < 200; t++) {
        const tok *tk = &c->s->toks[t];
        if ((tk->flags & TOKF_PUNCT) || tk->tag == T_POS) continue;
        if (words++) buf[bl++] = ' ';
        size_t nl = tk->nlen < 48 ? tk->nlen : 48;
        memcpy(buf + bl, tk->norm, nl);
        bl += nl;
    }
    buf[bl++] = '"';
    if (words == 0 || words > c->opt->new_actor_length) return NULL;
    return arena_strndup(c->a, buf, bl);
}

/* A dictionary name that runs past NP chunk i across prepositions and
 * conjunctions: "Al-Qaeda in the Arabian Peninsula", "the Organization for
 * Security and Co-operation in Europe". Returns the last chunk the name
 * covers, or 0 when none does. Names the chunker kept in one chunk, or
 * across one "of", are found by the conjunct coder itself. */
static uint32_t name_span(const sent_ctx *c, uint32_t i) {
    const sentence *s = c->s;
    const dict *d = &c->e->d;
    const chunk *ch = &s->chunks[i];
    if (i + 2 >= s->nchunk) return 0;
    int k1 = s->chunks[i + 1].kind;
    if (k1 != CK_PP && k1 != CK_CONJ) return 0;
    /* such names are proper names: a capitalised word on both sides */
    const chunk *nx = &s->chunks[i + 2];
    if (!(s->toks[ch->end - 1].flags & TOKF_CAP) ||
        !(s->toks[nx->first].flags & TOKF_CAP || s->toks[nx->end - 1].flags & TOKF_CAP))
        return 0;
    uint32_t wids[64], tokof[64];
    uint32_t lim = ch->end + 12 < s->ntok ? ch->end + 12 : s->ntok;
    uint32_t nw = conj_words(c, ch->first, lim, wids, tokof, 64);
    uint32_t best = 0;
    for (uint32_t w = 0; w < nw && tokof[w] < ch->end; w++) {
        uint32_t val = 0;
        size_t len = ptrie_longest(&d->actors, wids + w, nw - w, &val);
        if (!len || tokof[w + len - 1] + 1 <= ch->end) continue;
        if (!dict_actor_code(d, val - 1, c->date)) continue; /* not at this date */
        if (tokof[w + len - 1] + 1 > best) best = tokof[w + len - 1] + 1;
    }
    if (!best) return 0;
    for (uint32_t j = i + 1; j < s->nchunk; j++) {
        const chunk *cj = &s->chunks[j];
        if (cj->kind != CK_NP && cj->kind != CK_PP && cj->kind != CK_CONJ) return 0;
        if (cj->end == best) return cj->kind == CK_NP ? j : 0;
        if (cj->end > best) return 0;
    }
    return 0;
}

/* Allocates from the document's arena under dyad_code's unwind point:
 * the analyzer's NULL warnings are false positives here (mem.h). */
/* "Gunmen led by Hamas stormed", "soldiers led by Damiba detained the
 * president", "a coalition led by Saudi Arabia intervened": people named
 * by a role alone and led by an actor are that actor's. */
static void led_by(sent_ctx *c) {
    const sentence *s = c->s;
    for (uint32_t i = 0; i < c->nunits; i++) {
        unit *u = &c->units[i];
        if (u->coded || u->chunk < 0) continue;
        uint32_t k = (uint32_t)s->toks[u->end - 1].chunk + 1;
        if (k + 2 >= s->nchunk || s->chunks[k].kind != CK_VG ||
            s->chunks[k].first != u->end || s->chunks[k].end - s->chunks[k].first != 1)
            continue;
        const tok *v = &s->toks[s->chunks[k].head];
        if (v->tag != T_VBN || !v->lemma || strcmp(v->lemma, "LEAD") ||
            s->chunks[k + 1].kind != CK_PP || !is_word(c, s->chunks[k + 1].head, c->e->w_by))
            continue;
        int32_t l = c->unit_of[s->chunks[k + 2].first];
        if (l < 0 || !c->units[l].coded || !c->units[l].ncodes || c->units[l].compound) continue;
        u->codes = c->units[l].codes;
        u->ncodes = c->units[l].ncodes;
        u->actor = c->units[l].actor;
        u->coded = 1;
        trace_add(c, "led by: \"%.*s\" = %s\n",
                  (int)(s->toks[u->end - 1].off + s->toks[u->end - 1].len - s->toks[u->first].off),
                  s->text + s->toks[u->first].off, u->codes[0]);
    }
}

MEM_UNWINDS_BEGIN
/* The unit of the sayer whose reported clause pronoun chunk pi is the
 * subject of: "Somalia said it would ...", "the ministry said they had
 * ..." (it, they; he and she for a person's code); -1 when the pronoun is
 * not such a subject or the sayer is not coded. */
static int32_t reported_sayer(const sent_ctx *c, uint32_t pi) {
    const sentence *s = c->s;
    const tok *t = &s->toks[s->chunks[pi].first];
    int person = tok_norm_is(t, "HE") || tok_norm_is(t, "SHE");
    if (!person && !tok_norm_is(t, "IT") && !tok_norm_is(t, "THEY")) return -1;
    uint32_t ci = s->chunks[pi].clause;
    if (ci >= s->nclause) return -1;
    const clause *cl = &s->clauses[ci];
    if (cl->kind != CL_COMPLEMENT || cl->subject != (int32_t)pi || cl->parent < 0) return -1;
    /* the saying clause, or the one a coordinated "and said" goes on with */
    int32_t k = cl->parent;
    for (int depth = 0; k >= 0 && depth < 4; depth++) {
        const clause *pc = &s->clauses[k];
        if (pc->subject >= 0) {
            int32_t u = c->unit_of[s->chunks[pc->subject].first];
            if (u < 0 || !c->units[u].coded || !c->units[u].ncodes || c->units[u].pronoun)
                return -1;
            if (person && strlen(c->units[u].codes[0]) <= 3) return -1;
            /* ("it" is not a list) */
            if (tok_norm_is(t, "IT") && c->units[u].ncodes > 1) return -1;
            return u;
        }
        if (pc->kind != CL_COORD) return -1;
        k = pc->parent;
    }
    return -1;
}

void units_build(sent_ctx *c) {
    sentence *s = c->s;
    arena *a = c->a;
    c->unit_of = arena_alloc(a, (s->ntok + 1) * sizeof *c->unit_of);
    for (uint32_t i = 0; i < s->ntok; i++) c->unit_of[i] = -1;
    c->units = NULL;
    c->nunits = c->cap_units = 0;
    uint8_t *used = arena_zalloc(a, s->nchunk + 1);
    uint32_t mbr[64], pmem[64];
    /* the "agent only?" probe's codes of the first conjuncts, each over its
     * own chunk: reused when the conjunct is coded over the same tokens */
    conj_code agent_probe[64];
    for (uint32_t i = 0; i < s->nchunk; i++) {
        const chunk *ch = &s->chunks[i];
        if (ch->kind != CK_NP || used[i]) continue;
        uint32_t span = name_span(c, i);
        uint32_t nm = span ? (mbr[0] = i, 1) : coord_members(c, i, mbr, 64);
        for (uint32_t k = 0; k < nm; k++) used[mbr[k]] = 1;
        for (uint32_t k = i; k <= span; k++) used[k] = 1;
        uint32_t last = mbr[nm - 1];
        /* attach "of X" always; "in X"/"from X" when this phrase is not a
         * verb's direct object ("soldiers from Valdoria attacked" vs
         * "police arrested students in Kestria") */
        uint32_t np = 0, pspan = 0, nprobe = 0;
        if (!span && last + 2 <= s->nchunk && last + 1 < s->nchunk) {
            const chunk *pp = &s->chunks[last + 1];
            if (pp->kind == CK_PP && pp->pp_obj >= 0 && !used[pp->pp_obj]) {
                uint32_t pw = pp->head;
                /* (nor after "with": "signed a deal with rebel groups in
                 * Qatar" signed it there) */
                uint32_t pj = i;
                while (pj > 1 && (s->chunks[pj - 1].kind == CK_ADVP ||
                                  (s->chunks[pj - 1].kind == CK_PP &&
                                   tok_norm_is(&s->toks[s->chunks[pj - 1].head], "THAN"))))
                    pj--; /* ("with more than 40 rebel groups") */
                int prev_vg = i > 0 && (s->chunks[i - 1].kind == CK_VG ||
                                        (s->chunks[pj - 1].kind == CK_PP &&
                                         tok_norm_is(&s->toks[s->chunks[pj - 1].head], "WITH")));
                /* "in X"/"from X" names the actor of people described by
                 * an agent word only: "soldiers from X", "lawmakers in X";
                 * "money from X" stays apart */
                int agent_only = 1;
                for (uint32_t k = 0; k < nm && agent_only; k++) {
                    code_conjunct(c, s->chunks[mbr[k]].first,
                                  s->chunks[mbr[k]].end, &agent_probe[k]);
                    nprobe = k + 1;
                    agent_only = !agent_probe[k].actor && agent_probe[k].nagents;
                }
                if (is_word(c, pw, c->e->w_of) ||
                    (!prev_vg && agent_only &&
                     (is_word(c, pw, c->e->w_in) ||
                      is_word(c, pw, c->e->w_from)))) {
                    np = coord_members(c, (uint32_t)pp->pp_obj, pmem, 64);
                    for (uint32_t k = 0; k < np; k++) used[pmem[k]] = 1;
                    /* "the ambassador of the People's Republic of China":
                     * the object is a name running on past its chunk */
                    if (np == 1 && (pspan = name_span(c, pmem[0])) != 0)
                        for (uint32_t k = pmem[0]; k <= pspan; k++) used[k] = 1;
                }
            }
        }
        unit u;
        memset(&u, 0, sizeof u);
        u.chunk = (int32_t)i;
        u.first = s->chunks[mbr[0]].first;
        u.head_end = s->chunks[span ? span : last].end;
        u.end = pspan ? s->chunks[pspan].end
                : np  ? s->chunks[pmem[np - 1]].end
                      : u.head_end;
        /* an acronym in brackets belongs to the name before it: "the
         * European Union (EU)" */
        {
            uint32_t k = (pspan ? pspan : np ? pmem[np - 1] : span ? span : last) + 1;
            if (k + 2 < s->nchunk && s->chunks[k].kind == CK_PUNCT &&
                s->toks[s->chunks[k].first].tag == T_LRB &&
                s->chunks[k + 1].kind == CK_NP &&
                s->chunks[k + 1].end - s->chunks[k + 1].first <= 3 &&
                s->chunks[k + 2].kind == CK_PUNCT &&
                s->toks[s->chunks[k + 2].first].tag == T_RRB) {
                used[k + 1] = 1;
                u.end = s->chunks[k + 2].end;
            }
        }
        u.compound = nm > 1 || np > 1;

        /* code the conjuncts */
        conj_code cj[64], pj[64];
        int any_actor = 0, any_pp_actor = 0;
        for (uint32_t k = 0; k < nm; k++) {
            /* a simple "X of Y" is coded as one phrase, so phrases that
             * span the preposition match: "Ministry of Silly Walks" */
            uint32_t cend = (nm == 1 && np <= 1) ? u.end
                                                 : s->chunks[mbr[k]].end;
            if (k < nprobe && cend == s->chunks[mbr[k]].end) {
                cj[k] = agent_probe[k]; /* (the same tokens: the same codes) */
                for (uint32_t q = 0; q < cj[k].nlimits; q++)
                    coder_limit(c, "more than 8 agents in one phrase");
            } else {
                code_conjunct(c, s->chunks[mbr[k]].first, cend, &cj[k]);
            }
            any_actor |= cj[k].actor != NULL;
        }
        if (nm == 1 && np <= 1 && (cj[0].actor || cj[0].nagents)) np = 0;
        /* "Denmark, Germany and the Republic of Korea": a last conjunct
         * whose name runs on past its chunk is coded with its "of"
         * phrase, which then names no one of its own */
        /* (... also when its first words name an actor of their own: in
         * "Somalia and the Arab Republic of Egypt" the longer name that
         * starts at "Arab" is the one) */
        if (nm > 1 && np == 1 && (cj[nm - 1].actor || !cj[nm - 1].nagents) &&
            is_word(c, s->chunks[last + 1].head, c->e->w_of)) {
            conj_code probe;
            code_conjunct(c, s->chunks[last].first, u.end, &probe);
            if (probe.actor &&
                (!cj[nm - 1].actor ||
                 (strcmp(probe.actor, cj[nm - 1].actor) &&
                  probe.actor_tok == cj[nm - 1].actor_tok))) {
                cj[nm - 1] = probe;
                any_actor = 1;
                np = 0;
            }
        }
        /* "Sudan's neighbours", "Iran's allies": others than the possessor */
        if (nm == 1 && cj[0].actor && c->e->rules->pronouns &&
            tok_in_class(&s->toks[ch->head], WC_RELATIONAL)) {
            for (uint32_t t = cj[0].actor_tok; t < ch->head; t++)
                if (s->toks[t].tag == T_POS) {
                    cj[0].actor = NULL;
                    break;
                }
        }
        /* "the Gulf of Oman" is a place: the null-coded phrase spans the
         * "of" phrase, whose country it must not lend */
        if (nm == 1 && np && cj[0].null_end > s->chunks[mbr[0]].end) np = 0;
        for (uint32_t k = 0; k < np; k++) {
            code_conjunct(c, s->chunks[pmem[k]].first,
                          pspan ? s->chunks[pspan].end : s->chunks[pmem[k]].end, &pj[k]);
            any_pp_actor |= pj[k].actor != NULL;
        }
        const char **codes = NULL;
        uint32_t ncodes = 0, ccap = 0;
        /* pronouns (dyad's clause model only: the linear model of the
         * validation suite has no pronoun resolution) */
        const tok *first_tok = &s->toks[ch->first];
        if (c->e->rules->pronouns && nm == 1 && ch->end == ch->first + 1 &&
            first_tok->tag == T_PRP && norm_in(first_tok, personal)) {
            /* "Somalia ... said it would close consulates": the subject
             * of a reported clause is the sayer it reports */
            int32_t sayer = reported_sayer(c, i);
            const mention *an = sayer < 0 ? context_pronoun(c, first_tok) : NULL;
            if (sayer >= 0) {
                /* (the sentence's own unit: no copy needed) */
                const unit *su = &c->units[sayer];
                u.codes = su->codes;
                u.ncodes = su->ncodes;
                u.actor = su->actor;
                u.coded = 1;
                u.pronoun = 1;
            } else if (an) {
                /* (copied: the mention's ring slot may be reused) */
                const char **v = arena_alloc(a, (an->ncodes ? an->ncodes : 1) * sizeof *v);
                for (uint32_t k = 0; k < an->ncodes; k++) v[k] = arena_strdup(a, an->codes[k]);
                u.codes = v;
                u.ncodes = an->ncodes;
                u.actor = an->actor ? arena_strdup(a, an->actor) : NULL;
                u.coded = 1;
                u.pronoun = 1;
            }
            ARENA_GROW(a, c->units, c->nunits, c->cap_units);
            for (uint32_t t = u.first; t < u.end && t < s->ntok; t++)
                if (c->unit_of[t] < 0) c->unit_of[t] = (int32_t)c->nunits;
            c->units[c->nunits++] = u;
            continue;
        }
        if (c->e->rules->pronouns && nm == 1 && !cj[0].actor && cj[0].nagents &&
            norm_in(first_tok, possessive) &&
            !tok_in_class(&s->toks[ch->head], WC_RELATIONAL)) {
            /* "its defence ministry": the agent belongs to the actor the
             * possessive refers to (not "his counterparts", "its allies":
             * others than the possessor) */
            const char *an = context_possessor(c);
            if (an) cj[0].actor = an;
        }
        /* an adjective actor on the first conjunct is shared by later
         * agent-only conjuncts: "Danish media and government" */
        const char *shared = NULL;
        if (nm > 1 && cj[0].actor && cj[0].nagents &&
            cj[0].actor_tok < s->chunks[mbr[0]].head)
            shared = cj[0].actor;
        /* "Israeli and Emirati officials": an adjective conjunct shares
         * the head noun, and so the agents, of the last conjunct */
        const chunk *lastc = &s->chunks[mbr[nm - 1]];
        if (nm > 1 && cj[nm - 1].nagents && cj[nm - 1].actor &&
            cj[nm - 1].actor_tok == lastc->first)
            for (uint32_t k = 0; k + 1 < nm; k++) {
                const chunk *kc = &s->chunks[mbr[k]];
                /* (the adjective alone, or after the article: "the Saudi
                 * and Iranian foreign ministers") */
                uint32_t w = kc->end - 1;
                if (cj[k].actor && !cj[k].nagents &&
                    (kc->end - kc->first == 1 ||
                     (kc->end - kc->first == 2 && s->toks[kc->first].tag == T_DT)) &&
                    (tag_is_adj(s->toks[w].tag) || s->toks[w].tag == T_NNP)) {
                    cj[k].nagents = cj[nm - 1].nagents;
                    memcpy(cj[k].agents, cj[nm - 1].agents,
                           sizeof cj[k].agents);
                }
            }
        for (uint32_t k = 0; k < nm; k++) {
            if (cj[k].actor) {
                uint32_t before = ncodes;
                push_codes(a, cj[k].actor, &cj[k], &codes, &ncodes, &ccap, c->e->rules->agent_pruning);
                u.coded = 1;
                /* "Putin and North Korean leader Kim Jong Un": the
                 * document remembers the list as one; "Kim" alone later
                 * still means this member */
                if (nm > 1 && ncodes > before && c->e->rules->pronouns)
                    context_name_member(c, mbr[k], codes[before], cj[k].actor);
            } else if (cj[k].nagents && any_pp_actor) {
                for (uint32_t q = 0; q < np; q++)
                    if (pj[q].actor) {
                        push_codes(a, pj[q].actor, &cj[k], &codes, &ncodes,
                                   &ccap, c->e->rules->agent_pruning);
                        u.coded = 1;
                    }
            } else if (cj[k].nagents && shared) {
                push_codes(a, shared, &cj[k], &codes, &ncodes, &ccap, c->e->rules->agent_pruning);
            } else if (cj[k].nagents) {
                push_codes(a, NULL, &cj[k], &codes, &ncodes, &ccap, c->e->rules->agent_pruning);
                u.has_agent = 1;
            } else if (c->e->rules->quoted_actors && c->opt->new_actor_length > 0 &&
                       !any_pp_actor) {
                const chunk *kc = &s->chunks[mbr[k]];
                const char *q =
                    quoted_actor(c, kc->first, nm == 1 ? u.end : kc->end);
                if (q) {
                    ARENA_GROW(a, codes, ncodes, ccap);
                    codes[ncodes++] = q;
                    u.quoted = 1;
                    u.coded = 1;
                }
            }
        }
        if (!any_actor && !ncodes && any_pp_actor) {
            /* "the population of Valdoria" -> VAL */
            for (uint32_t q = 0; q < np; q++)
                if (pj[q].actor) {
                    push_codes(a, pj[q].actor, &pj[q], &codes, &ncodes,
                               &ccap, c->e->rules->agent_pruning);
                    u.coded = 1;
                }
        }
        u.codes = codes;
        u.ncodes = ncodes;
        for (uint32_t k = 0; k < nm && !u.actor; k++) u.actor = cj[k].actor;
        for (uint32_t k = 0; k < np && !u.actor; k++) u.actor = pj[k].actor;
        /* "the group", "the two sides", "Griffiths": from the document */
        if (c->e->rules->pronouns && !u.coded && !np &&
            context_describe(c, &u, ch, nm))
            trace_add(c, "context: \"%.*s\" = %s%s\n",
                      (int)(s->toks[ch->end - 1].off + s->toks[ch->end - 1].len -
                            s->toks[ch->first].off),
                      s->text + s->toks[ch->first].off,
                      u.ncodes ? u.codes[0] : "?", u.ncodes > 1 ? " ..." : "");
        ARENA_GROW(a, c->units, c->nunits, c->cap_units);
        for (uint32_t t = u.first; t < u.end && t < s->ntok; t++)
            if (c->unit_of[t] < 0) c->unit_of[t] = (int32_t)c->nunits;
        c->units[c->nunits++] = u;
        if (c->e->rules->pronouns)
            context_remember(c, (int32_t)c->nunits - 1, !u.resolved);
    }
    led_by(c);
    if (c->e->rules->pronouns) {
        context_appositives(c);
        context_examples(c);
        context_quotes(c);
    }
}
MEM_UNWINDS_END

int32_t units_starting_at(const sent_ctx *c, uint32_t p) {
    if (p >= c->s->ntok) return -1;
    int32_t u = c->unit_of[p];
    if (u < 0) return -1;
    /* the unit starts here, or only a determiner or possessive pronoun
     * stands before: "- * THEIR ^ ABOUT +" matches "their populations
     * about X", the literal word taking "their" */
    for (uint32_t q = c->units[u].first; q < p; q++) {
        int tg = c->s->toks[q].tag;
        if (tg != T_DT && tg != T_PRPS && tg != T_PDT) return -1;
    }
    return u;
}

int32_t units_ending_at(const sent_ctx *c, uint32_t p) {
    if (p >= c->s->ntok) return -1;
    int32_t u = c->unit_of[p];
    if (u < 0) return -1;
    return c->units[u].end == p + 1 ? u : -1;
}
