/* tabari_parse.c -- TABARI's parse of a looked-up sentence (formats.md
 * g.11, c.2): actor units, compounds, pronouns, comma clauses, clauses.
 *
 * Units. An actor takes one agent: the one right after it ("Valdoria
 * police"), else the one right before it, with an optional IN or OF
 * between ("ambassadors of Kestria", "activists in Kestria"). FORMER before
 * the actor or the agent, or after the actor, makes the agent ELI. A
 * suffix agent ~XYZ is appended unless XYZ already stands in the code at a
 * 3-character boundary, a prefix agent XYZ~ is put in front on the same
 * condition. With SET: CONVERT AGENTS a lone agent is an actor ("~MOS").
 *
 * Compounds. "A and B", "A, B and C", "A nor B", also chained ("A and B,
 * and C and D"). The left conjunct counts only when an actor ends right
 * before the conjunction (a word between, as in "Valdoria's bad and cool
 * minister X", leaves the first phrase uncoded); the right one is the
 * first actor after it (a few determiners, adjectives or other words may
 * come first), and further actors of the same run when a possessive or an
 * adjective separates them ("Valdoria's Toll", "the bad Valdoria awful
 * Kestria"). Two adjectives or two nouns around the conjunction make no
 * compound (two adjectives, two nouns of the <NOUN> list).
 *
 * Pronouns. HE, SHE, IT, HIM and the possessives HIS, HER, ITS stand for
 * the sentence's first actor; THEY, THEM, THEIR for its first compound,
 * else its first actor; with FORWARD on, a pronoun with no actor before it
 * takes the first actor of the story's previous sentence.
 *
 * Comma clauses between two commas, at the start and at the end are
 * deleted when their word counts are within the COMMA: limits; a root
 * with some words deleted and others not is no longer a root. Clauses are
 * then the stretches between conjunctions outside compounds.
 */
#include <stdio.h>
#include <string.h>

#include "code/tabari.h"

/* Everything here allocates from an arena under an unwind point (the
 * document's or the loader's): the analyzer's NULL warnings are false
 * positives (util/mem.h). */
MEM_UNWINDS_BEGIN

int32_t tab_unit_new(tab_ctx *c, uint32_t first, uint32_t end) {
    sent_ctx *sc = &c->c;
    ARENA_GROW(sc->a, sc->units, sc->nunits, sc->cap_units);
    unit *u = &sc->units[sc->nunits];
    memset(u, 0, sizeof *u);
    u->first = first;
    u->end = end;
    u->head_end = end;
    u->chunk = -1;
    for (uint32_t i = first; i < end; i++) sc->unit_of[i] = (int32_t)sc->nunits;
    c->w[first].unit = (int32_t)sc->nunits;
    return (int32_t)sc->nunits++;
}

/* Adds a code to a unit unless it is already there or null. A coded
 * compound "A/B" stays one code here; events expand it. */
void tab_unit_code(tab_ctx *c, int32_t ui, const char *code) {
    unit *u = &c->c.units[ui];
    if (!code || !code[0] || !strcmp(code, "---")) return;
    for (uint32_t k = 0; k < u->ncodes; k++)
        if (!strcmp(u->codes[k], code)) return;
    const char **nc = arena_alloc(c->c.a, (u->ncodes + 1) * sizeof *nc);
    if (u->ncodes) memcpy(nc, u->codes, u->ncodes * sizeof *nc);
    nc[u->ncodes++] = arena_strdup(c->c.a, code);
    u->codes = nc;
    u->coded = 1;
}

static int norm_is(const tab_ctx *c, uint32_t i, const char *w) {
    return i < c->n && !strcmp(c->c.s->toks[i].norm, w);
}

/* The code of the agent whose root starts at i (or whose later word is at
 * i), or NULL. */
static const char *agent_at(const tab_ctx *c, int64_t i, uint32_t *start) {
    if (i < 0 || (uint64_t)i >= c->n) return NULL;
    const tword *w = &c->w[i];
    uint32_t s = (uint32_t)i;
    if (w->type == TT_PART && w->owner >= 0) s = (uint32_t)w->owner;
    const tword *a = &c->w[s];
    if (a->type != TT_AGENT || a->deleted) return NULL;
    *start = s;
    uint32_t e = a->root == TW_PTRIE ? a->pref
                                     : c->d->tab->roots[a->root].ref;
    return c->d->agent_entries[e].code;
}

/* XYZ already at a 3-character boundary of code? */
static int aligned_in(const char *code, const char *xyz, size_t n) {
    size_t cl = strlen(code);
    for (size_t k = 0; k + n <= cl; k += 3)
        if (!memcmp(code + k, xyz, n)) return 1;
    return 0;
}

static const char *with_agent(tab_ctx *c, const char *actor,
                              const char *agent, int former) {
    const char *tl = strchr(agent, '~');
    int prefix = tl && tl != agent;
    const char *xyz = prefix ? agent : tl + 1;
    size_t n = prefix ? (size_t)(tl - agent) : strlen(xyz);
    if (former) xyz = "ELI", n = 3, prefix = 0;
    if (!n || aligned_in(actor, xyz, n)) return actor;
    return prefix ? arena_printf(c->c.a, "%.*s%s", (int)n, xyz, actor)
                  : arena_printf(c->c.a, "%s%.*s", actor, (int)n, xyz);
}

static void actor_unit(tab_ctx *c, uint32_t i) {
    tword *w = &c->w[i];
    uint32_t first = i, end = w->adj_end;
    const char *agent = NULL, *ac;
    int former = norm_is(c, i - 1, "FORMER") && i > 0;
    uint32_t as;
    /* after: "Kestria police", "Kestria former security officials" */
    uint32_t j = end;
    int fa = norm_is(c, j, "FORMER");
    if ((ac = agent_at(c, j + (uint32_t)fa, &as)) && as == j + (uint32_t)fa) {
        agent = ac;
        former |= fa;
        end = c->w[as].adj_end;
    } else if (i > 0) {
        /* before: "ambassadors of Kestria", "rights activists Kestria" */
        int64_t k = (int64_t)i - 1;
        if (norm_is(c, (uint32_t)k, "IN") || norm_is(c, (uint32_t)k, "OF")) k--;
        if ((ac = agent_at(c, k, &as)) && c->w[as].adj_end == k + 1) {
            agent = ac;
            first = as;
            former |= as > 0 && norm_is(c, as - 1, "FORMER");
        }
    }
    for (uint32_t q = first; q < end; q++)
        if (c->c.unit_of[q] >= 0) return; /* taken by an earlier unit */
    int32_t u = tab_unit_new(c, first, end);
    c->w[i].unit = u;
    const char *code = w->code;
    if (agent) {
        /* each part of a compound code takes the agent */
        char buf[256];
        size_t bl = 0;
        const char *p = code;
        buf[0] = '\0';
        while (*p && bl < sizeof buf - 32) {
            const char *sl = strchr(p, '/');
            size_t n = sl ? (size_t)(sl - p) : strlen(p);
            const char *one = with_agent(c, arena_strndup(c->c.a, p, n),
                                         agent, former);
            bl += (size_t)snprintf(buf + bl, sizeof buf - bl, "%s%s",
                                   bl ? "/" : "", one);
            p += n;
            if (*p == '/') p++;
        }
        code = arena_strdup(c->c.a, buf);
    }
    tab_unit_code(c, u, code);
    c->c.units[u].actor = w->code;
    c->c.units[u].compound = strchr(code, '/') != NULL;
}

/* ---- compounds ------------------------------------------------------------ */

static int32_t unit_ending(const tab_ctx *c, int64_t p) {
    if (p < 0) return -1;
    int32_t u = c->c.unit_of[p];
    return u >= 0 && c->c.units[u].end == (uint32_t)p + 1 ? u : -1;
}

static int32_t unit_starting(const tab_ctx *c, uint32_t p) {
    if (p >= c->n) return -1;
    int32_t u = c->c.unit_of[p];
    return u >= 0 && c->c.units[u].first == p ? u : -1;
}

static int skippable(uint8_t t) {
    return t == TT_DET || t == TT_ADJ || t == TT_NOUN || t == TT_WORD;
}

/* Merges units [from..] into one compound unit over [first, end). */
static void make_compound(tab_ctx *c, const int32_t *us, uint32_t nu,
                          uint32_t first, uint32_t end) {
    int32_t cu = tab_unit_new(c, first, end);
    for (uint32_t k = 0; k < nu; k++) {
        const unit *m = &c->c.units[us[k]];
        for (uint32_t q = 0; q < m->ncodes; q++)
            tab_unit_code(c, cu, m->codes[q]);
        if (!c->c.units[cu].actor) c->c.units[cu].actor = m->actor;
        c->c.units[us[k]].ncodes = 0; /* merged */
    }
    c->c.units[cu].compound = c->c.units[cu].ncodes > 1;
    for (uint32_t q = first; q < end; q++) {
        if (c->w[q].type == TT_CONJ || c->w[q].type == TT_COMMA)
            c->w[q].in_compound = 1;
        c->w[q].unit = -1;
    }
    c->w[first].unit = cu;
}

static void compounds(tab_ctx *c) {
    for (uint32_t k = 0; k < c->n; k++) {
        if (c->w[k].type != TT_CONJ || norm_is(c, k, "BUT")) continue;
        /* the conjunction's neighbours: adjectives or nouns on both sides
         * are a list of modifiers, not of actors */
        if (k > 0 && k + 1 < c->n && c->w[k - 1].type == c->w[k + 1].type &&
            (c->w[k - 1].type == TT_ADJ || c->w[k - 1].type == TT_NOUN))
            continue;
        int32_t us[64];
        uint32_t nu = 0, first = k, end = k + 1; /* (always set below) */
        int64_t b = (int64_t)k - 1;
        if (b >= 0 && c->w[b].type == TT_COMMA) b--;
        /* left: a comma list of actors ending right before the conjunction */
        int32_t u = unit_ending(c, b);
        if (u >= 0 && c->c.units[u].compound && b < (int64_t)k - 1)
            continue; /* "A and B, and C": see the chains below */
        if (u >= 0) {
            int32_t left[32];
            uint32_t nl = 0;
            while (u >= 0 && nl < 32) {
                left[nl++] = u;
                first = c->c.units[u].first;
                int64_t q = (int64_t)first - 1;
                while (q >= 0 && (c->w[q].type == TT_DET || c->w[q].type == TT_ADJ))
                    q--;
                if (q < 0 || c->w[q].type != TT_COMMA) break;
                u = unit_ending(c, q - 1);
                if (u >= 0 && c->c.units[u].compound) u = -1;
            }
            while (nl) us[nu++] = left[--nl];
        } else {
            /* an uncoded first phrase: its words, and an actor right before
             * them, belong to the compound but give no code */
            int64_t q = b;
            int words = 0;
            /* adjectives and nouns only: "calm down and Kestria asked"
             * is two clauses, not a compound */
            while (q >= 0 && (c->w[q].type == TT_ADJ || c->w[q].type == TT_NOUN) &&
                   words < 2)
                q--, words++;
            if (words == 0) continue;
            int32_t pu = unit_ending(c, q);
            first = (uint32_t)(pu >= 0 ? c->c.units[pu].first : (uint32_t)(q + 1));
            if (pu >= 0) c->c.units[pu].ncodes = 0;
        }
        /* right: the first actor after the conjunction, then actors the
         * same run adds after a possessive or an adjective */
        uint32_t p = k + 1;
        int skipped = 0;
        while (p < c->n && unit_starting(c, p) < 0 &&
               skippable(c->w[p].type) && skipped < 3)
            p++, skipped++;
        int32_t r = unit_starting(c, p);
        if (r < 0 || c->c.units[r].compound || (!nu && !c->c.units[r].ncodes))
            continue;
        while (r >= 0 && nu < 64) {
            us[nu++] = r;
            end = c->c.units[r].end;
            const tok *lt = &c->c.s->toks[end - 1];
            int poss = lt->nlen > 2 && !memcmp(lt->norm + lt->nlen - 2, "'S", 2);
            uint32_t q = end;
            while (q < c->n && (c->w[q].type == TT_DET || c->w[q].type == TT_ADJ))
                q++;
            r = (q > end || poss) ? unit_starting(c, q) : -1;
        }
        if (nu < 2 && first == k) continue;
        make_compound(c, us, nu, first, end);
        k = end - 1;
    }
    /* chains: "A and B, and C and D" -- a compound right before ", and"
     * followed by another compound is one */
    for (uint32_t k = 2; k + 1 < c->n; k++) {
        if (c->w[k].type != TT_CONJ || c->w[k - 1].type != TT_COMMA) continue;
        int32_t a = unit_ending(c, (int64_t)k - 2);
        int32_t b = unit_starting(c, k + 1);
        if (a < 0 || b < 0 || !c->c.units[a].compound ||
            !c->c.units[b].compound)
            continue;
        int32_t pair[2] = {a, b};
        make_compound(c, pair, 2, c->c.units[a].first, c->c.units[b].end);
    }
}

void tab_units(tab_ctx *c) {
    sent_ctx *sc = &c->c;
    sc->unit_of = arena_alloc(sc->a, (c->n + 1) * sizeof *sc->unit_of);
    for (uint32_t i = 0; i < c->n; i++) sc->unit_of[i] = -1;
    for (uint32_t i = 0; i < c->n; i++)
        if (c->w[i].type == TT_ACTOR) actor_unit(c, i);
    if (c->o->convert_agents)
        for (uint32_t i = 0; i < c->n; i++) {
            if (c->w[i].type != TT_AGENT || sc->unit_of[i] >= 0) continue;
            uint32_t as;
            const char *code = agent_at(c, i, &as);
            if (!code) continue;
            int32_t u = tab_unit_new(c, i, c->w[i].adj_end);
            tab_unit_code(c, u, code);
            sc->units[u].has_agent = 1;
        }
    compounds(c);
}

/* ---- pronouns ------------------------------------------------------------- */

/* The first actor (compound: the first compound; single: the first that
 * is not one) outside the deleted clauses. */
static int32_t first_unit(const tab_ctx *c, int compound) {
    for (uint32_t i = 0; i < c->n; i++) {
        int32_t u = c->w[i].unit;
        if (u < 0 || !c->c.units[u].ncodes || c->c.units[u].pronoun ||
            c->w[i].deleted)
            continue;
        if ((compound > 0) == (c->c.units[u].compound != 0) || compound < 0)
            return u;
    }
    return -1;
}

void tab_pronouns(tab_ctx *c) {
    /* a singular pronoun does not stand for a compound ("Valdoria and Kestria
     * ... its embassy") */
    int32_t first = first_unit(c, 0), comp = first_unit(c, 1),
            any = first_unit(c, -1);
    for (uint32_t i = 0; i < c->n; i++) {
        if (c->w[i].type != TT_PRON || c->c.unit_of[i] >= 0 ||
            c->w[i].deleted)
            continue;
        const char *nm = c->c.s->toks[i].norm;
        int plural = nm[0] == 'T';
        int32_t ref = plural ? (comp >= 0 ? comp : any) : first;
        if (ref >= 0 && c->c.units[ref].first > i) ref = -1;
        const char *fwd = NULL;
        if (ref < 0 && c->o->forward && c->story && c->story->actor[0])
            fwd = c->story->actor;
        if (ref < 0 && !fwd) continue;
        int32_t u = tab_unit_new(c, i, i + 1);
        unit *pu = &c->c.units[u];
        pu->pronoun = 1;
        /* THEIR is another actor than the one it stands for: "A, B and C
         * showed their papers" pairs them up (validation COMPOUND-24) */
        pu->quoted = !strcmp(nm, "THEIR");
        if (fwd) {
            tab_unit_code(c, u, fwd);
        } else {
            const unit *r = &c->c.units[ref];
            for (uint32_t k = 0; k < r->ncodes; k++)
                tab_unit_code(c, u, r->codes[k]);
            pu = &c->c.units[u];
            pu->compound = r->compound;
            pu->actor = r->actor;
        }
    }
}

/* ---- comma clauses and clauses ---------------------------------------- */

static uint32_t words_in(const tab_ctx *c, uint32_t a, uint32_t b) {
    uint32_t n = 0;
    for (uint32_t i = a; i < b; i++)
        n += c->w[i].type != TT_COMMA && c->w[i].type != TT_PUNCT;
    return n;
}

static int within(uint32_t n, int lo, int hi) {
    return hi > 0 && (int)n >= lo && (int)n <= hi;
}

static void del(tab_ctx *c, uint32_t a, uint32_t b) {
    for (uint32_t i = a; i < b && i < c->n; i++) c->w[i].deleted = 1;
}

/* A root, or a unit, with some words deleted and others not is undone. */
static void cancel_partial(tab_ctx *c) {
    for (uint32_t i = 0; i < c->n; i++) {
        tword *w = &c->w[i];
        if (w->root == -1 || w->type == TT_PART) continue;
        int all = w->deleted;
        int some = all;
        for (uint32_t q = i + 1; q <= w->last && q < c->n; q++)
            if (c->w[q].type == TT_PART && c->w[q].owner == (int32_t)i) {
                some |= c->w[q].deleted;
                all &= c->w[q].deleted;
            }
        if (!some) continue;
        if (!all) {
            for (uint32_t q = i + 1; q <= w->last && q < c->n; q++)
                if (c->w[q].type == TT_PART && c->w[q].owner == (int32_t)i)
                    c->w[q].type = TT_WORD;
            w->type = TT_WORD;
        }
        int32_t u = c->c.unit_of[i];
        if (u >= 0 && !c->c.units[u].compound) {
            c->c.units[u].ncodes = 0;
            for (uint32_t q = c->c.units[u].first; q < c->c.units[u].end; q++)
                if (c->c.unit_of[q] == u) c->c.unit_of[q] = -1;
            c->w[c->c.units[u].first].unit = -1;
        }
    }
    for (uint32_t u = 0; u < c->c.nunits; u++) {
        unit *x = &c->c.units[u];
        int kept = 0;
        for (uint32_t q = x->first; q < x->end; q++) kept |= !c->w[q].deleted;
        if (!kept) x->ncodes = 0;
    }
}

void tab_commas(tab_ctx *c) {
    const tab_opts *o = c->o;
    uint32_t cm[256], nc = 0;
    for (uint32_t i = 0; i < c->n && nc < 256; i++)
        if (c->w[i].type == TT_COMMA && !c->w[i].in_compound) cm[nc++] = i;
    if (nc) {
        if (within(words_in(c, 0, cm[0]), o->comma_bmin, o->comma_bmax))
            del(c, 0, cm[0] + 1);
        for (uint32_t k = 0; k + 1 < nc; k++) {
            uint32_t a = cm[k], b = cm[k + 1];
            if (c->w[a].deleted) continue;
            if (within(words_in(c, a + 1, b), o->comma_min, o->comma_max))
                del(c, a, b + 1);
        }
        uint32_t last = cm[nc - 1];
        if (!c->w[last].deleted &&
            within(words_in(c, last + 1, c->n), o->comma_emin, o->comma_emax))
            del(c, last, c->n);
    }
    c->c.deleted = arena_zalloc(c->c.a, c->n + 1);
    for (uint32_t i = 0; i < c->n; i++) c->c.deleted[i] = c->w[i].deleted;
    cancel_partial(c);
}

/* Does a clause start after the conjunction at i? Only when a verb, an
 * actor, a pronoun or a determiner follows (one other word may come
 * first: "and then it requested"); "a real easy or pleasant place" and
 * "sheep and evil goats" join phrases, not clauses. */
static int opens_clause(const tab_ctx *c, uint32_t i) {
    int words = 0;
    for (uint32_t q = i + 1; q < c->n; q++) {
        const tword *w = &c->w[q];
        if (w->deleted) continue;
        if (w->type == TT_VERB || w->type == TT_PRON || w->type == TT_DET ||
            c->c.unit_of[q] >= 0 || w->type == TT_ACTOR)
            return 1;
        if (w->type != TT_WORD || words++) return 0;
    }
    return 0;
}

void tab_clauses(tab_ctx *c) {
    c->clause_at = arena_alloc(c->c.a, (c->n + 1) * sizeof *c->clause_at);
    uint32_t k = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        const tword *w = &c->w[i];
        if (w->type == TT_CONJ && !w->in_compound && !w->deleted &&
            opens_clause(c, i))
            k++;
        c->clause_at[i] = k;
    }
    c->nclauses = k + 1;
}
MEM_UNWINDS_END
