/* tabari_code.c -- coding one sentence with TABARI's model (formats.md
 * g.11): verbs, patterns, sources and targets, events and their filters.
 *
 * In each clause the verbs are tried left to right. A verb's patterns are
 * matched by coder_match.c within the clause, longest first (the reader
 * sorted them); the first match gives the code and may bind $ + %; a match
 * coded [---] means no event; without a match the root's own code is used.
 * The source is the pattern's $, else the clause's first actor -- a clause
 * after a conjunction keeps the previous clause's source unless it begins
 * with an actor -- and when only + was bound, the first actor with another
 * code. The target is the pattern's +, else the first actor after the verb
 * with another code, else the first such actor before it, else for a
 * compound source the compound itself. DEFAULT: actors stand in (PRIOR: no
 * actor before the verb; AFTER: none after it). WAS/WERE/BEEN one or two
 * words before the verb and BY one to three after it, with no $ + %
 * bound, swap source and target. Events pair every source with every
 * target (coded compounds "A/B" expanded), skipping an actor with itself;
 * [C:D] adds the reverse events. With SET: CODE BY CLAUSE a clause stops at
 * its first event, BY SENTENCE the sentence does; subordinate codes (C?)
 * are dropped when the sentence has another event, and when a dominant
 * one (C!) is there only dominant events are kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/tabari.h"

enum { EV_SUB = 1, EV_DOM = 2, MAX_WORDS = 127 };

typedef struct coding {
    tab_ctx *c;
    event_list *out;
    uint32_t first_event;
    uint8_t *flags;         /* per event of this sentence: EV_* */
    uint32_t nflags, cap_flags;
} coding;

/* ---- dates ------------------------------------------------------------------ */

static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static uint32_t add_days(uint32_t date, int64_t n) {
    int64_t z = days_from_civil(date / 10000, date / 100 % 100, date % 100) +
                n + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (uint32_t)(y * 10000 + m * 100 + d);
}

/* ---- helpers -------------------------------------------------------------- */

static int is_code(const char *c, const char *what) {
    return c && !strcmp(c, what);
}

static const char *rule_of(tab_ctx *c, uint16_t file, uint32_t line) {
    const char *f = file < c->d->nfiles ? c->d->files[file] : "";
    return arena_printf(c->c.a, "%s:%u", f, line);
}

/* Is unit u a usable actor (coded, not deleted)? */
static int live(const tab_ctx *c, int32_t u) {
    if (u < 0) return 0;
    const unit *x = &c->c.units[u];
    if (!x->ncodes) return 0;
    for (uint32_t q = x->first; q < x->end; q++)
        if (!c->w[q].deleted) return 1;
    return 0;
}

/* Units in word order: the unit starting at word i, or -1. */
static int32_t unit_at(const tab_ctx *c, uint32_t i) {
    int32_t u = c->w[i].unit;
    return live(c, u) ? u : -1;
}

/* Do units a and b stand for the same actor? (A pronoun for a compound is
 * another unit than the compound, so "they ... their" can pair up.) */
static int same_actor(const tab_ctx *c, int32_t a, int32_t b) {
    if (a == b) return 1;
    if (a < 0 || b < 0) return 0;
    const unit *x = &c->c.units[a], *y = &c->c.units[b];
    if (x->quoted || y->quoted) return 0; /* THEIR (tabari_parse.c) */
    if (x->ncodes != y->ncodes) return 0;
    for (uint32_t i = 0; i < x->ncodes; i++)
        if (strcmp(x->codes[i], y->codes[i])) return 0;
    return 1;
}

/* The unit whose first word, or whose root's last word ("Ostmark ... Guard"
 * across a conjunction), is at i. */
static int32_t unit_near(const tab_ctx *c, uint32_t i) {
    int32_t u = unit_at(c, i);
    if (u >= 0) return u;
    const tword *w = &c->w[i];
    if (w->type == TT_PART && w->owner >= 0 &&
        c->w[w->owner].last == i && c->clause_at &&
        c->clause_at[w->owner] != c->clause_at[i])
        return unit_at(c, (uint32_t)w->owner);
    return -1;
}

static int32_t first_in(const tab_ctx *c, uint32_t lo, uint32_t hi,
                        int32_t not) {
    for (uint32_t i = lo; i < hi; i++) {
        int32_t u = unit_near(c, i);
        if (u >= 0 && (not < 0 || !same_actor(c, u, not))) return u;
    }
    return -1;
}

/* The nearest actor before hi (back to lo) that is not `not`. */
static int32_t last_in(const tab_ctx *c, uint32_t lo, uint32_t hi,
                       int32_t not) {
    for (uint32_t i = hi; i-- > lo;) {
        int32_t u = unit_near(c, i);
        if (u >= 0 && c->c.units[u].end > hi) continue;
        if (u >= 0 && !same_actor(c, u, not)) return u;
    }
    return -1;
}

/* A unit holding one code, for DEFAULT: actors. */
static int32_t pseudo_unit(tab_ctx *c, const char *code, uint32_t at) {
    sent_ctx *sc = &c->c;
    ARENA_GROW(sc->a, sc->units, sc->nunits, sc->cap_units);
    unit *u = &sc->units[sc->nunits];
    memset(u, 0, sizeof *u);
    u->first = at;
    u->end = at;
    u->chunk = -1;
    int32_t k = (int32_t)sc->nunits++;
    tab_unit_code(c, k, code);
    return k;
}

/* ---- events --------------------------------------------------------------- */

static void push(coding *g, const char *src, const char *tgt,
                 const char *code, uint8_t fl, uint32_t v, uint32_t vend,
                 const char *rule) {
    tab_ctx *c = g->c;
    event_list *out = g->out;
    if (!strcmp(src, tgt) || !code[0]) return;
    for (uint32_t i = g->first_event; i < out->n; i++)
        if (!strcmp(out->ev[i].source, src) &&
            !strcmp(out->ev[i].target, tgt) && !strcmp(out->ev[i].code, code))
            return;
    ARENA_GROW(c->c.a, out->ev, out->n, out->cap);
    ARENA_GROW(c->c.a, g->flags, g->nflags, g->cap_flags);
    g->flags[g->nflags++] = fl;
    dyad_event *e = &out->ev[out->n++];
    memset(e, 0, sizeof *e);
    const sentence *s = c->c.s;
    e->sentence = s->index;
    e->source = src;
    e->target = tgt;
    snprintf(e->code, sizeof e->code, "%s", code);
    snprintf(e->root, sizeof e->root, "%.2s", code);
    const cameo_entry *ce = engine_cameo(c->c.e, code);
    if (ce) {
        e->quad = ce->quad;
        e->goldstein = ce->goldstein;
    }
    e->sentence_text = s->text;
    e->sentence_span.off = s->doc_off;
    e->sentence_span.len = s->len;
    uint32_t a = s->toks[v].off, b = s->toks[vend - 1].off +
                                     s->toks[vend - 1].len;
    e->verb_text = arena_strndup(c->c.a, s->text + a, b - a);
    e->verb_span.off = s->doc_off + a;
    e->verb_span.len = b - a;
    e->source_text = e->target_text = "";
    e->issues = "";
    e->rule = rule;
}

/* Calls push for each part of the coded compounds sc x tc. */
static void pair(coding *g, const char *sc, const char *tc, const char *code,
                 const char *rcode, uint8_t fl, uint32_t v, uint32_t vend,
                 const char *rule) {
    arena *a = g->c->c.a;
    for (const char *p = sc; *p;) {
        size_t sn = strcspn(p, "/");
        const char *s1 = arena_strndup(a, p, sn);
        for (const char *q = tc; *q;) {
            size_t tn = strcspn(q, "/");
            const char *t1 = arena_strndup(a, q, tn);
            push(g, s1, t1, code, fl, v, vend, rule);
            if (rcode[0]) push(g, t1, s1, rcode, fl, v, vend, rule);
            q += tn + (q[tn] == '/');
        }
        p += sn + (p[sn] == '/');
    }
}

static uint32_t events_for(coding *g, int32_t src, int32_t tgt, int compound,
                           const char *code, const char *rcode, uint8_t fl,
                           uint32_t v, uint32_t vend, const char *rule) {
    const tab_ctx *c = g->c;
    uint32_t before = g->out->n;
    const unit *s = &c->c.units[src], *t = &c->c.units[tgt];
    if (compound) {
        for (uint32_t i = 0; i < s->ncodes; i++)
            for (uint32_t j = 0; j < s->ncodes; j++)
                if (i != j)
                    pair(g, s->codes[i], s->codes[j], code, rcode, fl, v,
                         vend, rule);
    } else {
        for (uint32_t i = 0; i < s->ncodes; i++)
            for (uint32_t j = 0; j < t->ncodes; j++)
                pair(g, s->codes[i], t->codes[j], code, rcode, fl, v, vend,
                     rule);
    }
    return g->out->n - before;
}

/* ---- one verb ------------------------------------------------------------- */

static int tok_is(const tab_ctx *c, int64_t i, const char *w) {
    return i >= 0 && (uint64_t)i < c->n && !c->w[i].deleted &&
           !strcmp(c->c.s->toks[i].norm, w);
}

static int passive(const tab_ctx *c, uint32_t v, uint32_t vend) {
    int aux = 0;
    for (int k = 1; k <= 2 && !aux; k++)
        aux = tok_is(c, (int64_t)v - k, "WAS") ||
              tok_is(c, (int64_t)v - k, "WERE") ||
              tok_is(c, (int64_t)v - k, "BEEN");
    if (!aux) return 0;
    for (uint32_t k = 0; k < 3; k++)
        if (tok_is(c, vend + k, "BY")) return 1;
    return 0;
}

/* Codes the verb at word v; returns events made (or -1 for a special code
 * that ends the sentence). *src_io is the clause's source unit. */
static int code_verb(coding *g, uint32_t v, uint32_t lo, uint32_t hi,
                     int32_t *src_io) {
    tab_ctx *c = g->c;
    const dict *d = c->d;
    const tword *w = &c->w[v];
    const tab_root *root = &d->tab->roots[w->root];
    const verb_block *b = &d->blocks[root->ref];
    uint32_t vend = w->last + 1;
    match_result m = {-1, -1, -1, v, vend, vend};
    const char *code = b->code, *rcode = b->rcode;
    uint8_t fl = (root->flags & TR_SUB ? EV_SUB : 0) |
                 (root->flags & TR_DOM ? EV_DOM : 0);
    const char *rule = NULL;
    for (uint32_t k = 0; k < b->n; k++) {
        const pattern *p = &d->patterns[b->first + k];
        if (!match_pattern(&c->c, p, v, vend, lo, hi, &m)) continue;
        code = p->code;
        rcode = p->rcode;
        fl = (p->flags & PAT_SUB ? EV_SUB : 0) | (p->flags & PAT_DOM ? EV_DOM : 0);
        rule = rule_of(c, p->file, p->line);
        break;
    }
    if (!rule) {
        m.source = m.target = m.compound = -1;
        rule = rule_of(c, root->file, root->line);
    }
    if (is_code(code, "###")) return c->status = TAB_DISCARD, -1;
    if (is_code(code, "+++")) return c->status = TAB_COMPLEX, -1;
    if ((!code[0] || is_code(code, "---")) && !rcode[0]) return 0;
    const tab_opts *o = c->o;
    int32_t src = m.source, tgt = m.target;
    int compound = 0;
    if (m.compound >= 0 && live(c, m.compound)) {
        src = tgt = m.compound;
        compound = 1;
    }
    if (!compound) {
        if (src < 0 && tgt >= 0) {
            src = first_in(c, lo, hi, tgt);
            if (src < 0) src = first_in(c, 0, c->n, tgt);
        } else if (src < 0) {
            src = *src_io;
            if (o->def_source[0] && o->def_prior && first_in(c, lo, v, -1) < 0)
                src = pseudo_unit(c, o->def_source, v);
            if (src < 0 && o->def_source[0])
                src = pseudo_unit(c, o->def_source, v);
        }
        if (tgt < 0 && src >= 0) {
            tgt = first_in(c, vend, hi, src);
            if (tgt < 0 && o->def_target[0] && o->def_after &&
                first_in(c, vend, hi, -1) < 0)
                tgt = pseudo_unit(c, o->def_target, v);
            if (tgt < 0) tgt = last_in(c, lo, v, src);
            if (tgt < 0 && c->c.units[src].ncodes > 1) {
                /* a compound source with no other actor acts on itself */
                tgt = src;
                compound = 1;
            }
            if (tgt < 0 && o->def_target[0])
                tgt = pseudo_unit(c, o->def_target, v);
        }
        if (src >= 0 && tgt >= 0 && !compound && m.source < 0 &&
            m.target < 0 && passive(c, v, vend)) {
            int32_t t = src;
            src = tgt;
            tgt = t;
        }
    }
    if (src < 0 || tgt < 0) return 0;
    if (compound && src == tgt && c->c.units[src].ncodes > 1 && m.compound < 0) {
        /* "A and B ... (no target)": the first acts on the others */
        const unit *s = &c->c.units[src];
        uint32_t n = 0;
        for (uint32_t j = 1; j < s->ncodes; j++) {
            uint32_t before = g->out->n;
            pair(g, s->codes[0], s->codes[j], code, rcode, fl, v, vend, rule);
            n += g->out->n - before;
        }
        return (int)n;
    }
    return (int)events_for(g, src, tgt, compound, code, rcode, fl, v, vend,
                           rule);
}

/* ---- sentence level ------------------------------------------------------- */

static void time_shift(tab_ctx *c) {
    if (!c->o->time_shift) return;
    for (uint32_t i = 0; i < c->n; i++) {
        const tword *w = &c->w[i];
        if (w->type != TT_TIME) continue; /* (even in a comma clause) */
        const tab_root *r = &c->d->tab->roots[w->root];
        const verb_block *b = &c->d->blocks[r->ref];
        const char *code = b->code;
        for (uint32_t k = 0; k < b->n; k++) {
            match_result m;
            const pattern *p = &c->d->patterns[b->first + k];
            if (match_pattern(&c->c, p, i, w->last + 1, 0, c->n, &m)) {
                code = p->code;
                break;
            }
        }
        if (is_code(code, "###")) c->status = TAB_DISCARD;
        else if (is_code(code, "+++")) c->status = TAB_COMPLEX;
        else if (code[0] == '+' || code[0] == '-' || (code[0] >= '0' && code[0] <= '9'))
            if (strcmp(code, "---")) c->date = add_days(c->date, atoi(code));
        return; /* the first time phrase only */
    }
}

/* Special actor codes, and the COMPLEX: conditions. */
static void screen(tab_ctx *c) {
    const tab_opts *o = c->o;
    uint32_t verbs = 0, conj = 0;
    int32_t first_verb = -1;
    for (uint32_t i = 0; i < c->n && !c->status; i++) {
        const tword *w = &c->w[i];
        if (w->deleted) continue;
        if (w->type == TT_ACTOR && (is_code(w->code, "###") ||
                                    strstr(w->code, "###")))
            c->status = TAB_DISCARD;
        if (w->type == TT_ACTOR && strstr(w->code, "+++"))
            c->status = TAB_COMPLEX;
        if (w->type == TT_VERB) {
            verbs++;
            const verb_block *b = &c->d->blocks[c->d->tab->roots[w->root].ref];
            if (first_verb < 0 && !is_code(b->code, "---"))
                first_verb = (int32_t)i;
            if (is_code(b->code, "###") && !b->n) c->status = TAB_DISCARD;
        }
        if (w->type == TT_CONJ && !w->in_compound) conj++;
    }
    if (c->status) return;
    if ((o->cx_verbs && verbs >= (uint32_t)o->cx_verbs) ||
        (o->cx_conj && conj >= (uint32_t)o->cx_conj) ||
        (o->cx_noverb && first_verb < 0))
        c->status = TAB_COMPLEX;
    if (o->cx_noactprior && first_verb >= 0 &&
        first_in(c, 0, (uint32_t)first_verb, -1) < 0)
        c->status = TAB_COMPLEX;
}

static void code_clauses(coding *g) {
    tab_ctx *c = g->c;
    int32_t src = -1;
    int stop = 0, coded = 0; /* did the last clause code an event? */
    for (uint32_t k = 0, lo = 0; k < c->nclauses && !stop; k++) {
        uint32_t hi = lo;
        while (hi < c->n && c->clause_at[hi] == k) hi++;
        /* the clause's source: its first actor, unless it follows a
         * conjunction and does not begin with one */
        uint32_t f = lo;
        while (f < hi && (c->w[f].deleted || c->w[f].type == TT_CONJ ||
                          c->w[f].type == TT_COMMA))
            f++;
        int32_t first = first_in(c, lo, hi, -1);
        if (k == 0 || src < 0 || !coded || (f < hi && unit_at(c, f) >= 0))
            src = first;
        uint32_t clause_events = g->out->n;
        for (uint32_t i = lo; i < hi && !stop; i++) {
            const tword *w = &c->w[i];
            if (w->type != TT_VERB || w->deleted) continue;
            uint32_t before = g->out->n;
            int r = code_verb(g, i, lo, hi, &src);
            if (r < 0) return;
            int main_event = 0;
            for (uint32_t e = before; e < g->out->n; e++)
                main_event |= !(g->flags[e - g->first_event] & EV_SUB);
            if (main_event && c->o->code_by != TAB_ALL) {
                stop = c->o->code_by == TAB_BY_SENTENCE;
                break;
            }
            if (r > 0) i = w->last;
        }
        coded = g->out->n > clause_events;
        lo = hi;
    }
}

/* Subordinate events go when there are others; dominant ones push the
 * rest out. */
static void filter_events(coding *g) {
    event_list *out = g->out;
    uint32_t n = out->n - g->first_event;
    int main = 0, dom = 0;
    for (uint32_t i = 0; i < n; i++) {
        main |= !(g->flags[i] & EV_SUB);
        dom |= (g->flags[i] & EV_DOM) != 0;
    }
    uint32_t k = g->first_event;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t f = g->flags[i];
        if ((dom && !(f & EV_DOM)) || (main && (f & EV_SUB))) continue;
        out->ev[k++] = out->ev[g->first_event + i];
    }
    out->n = k;
}

int tab_code_sentence(const dyad_engine *e, arena *a, const char *text,
                      size_t len, uint32_t date, uint32_t index,
                      uint32_t doc_off, const tab_opts *o, tab_story *story,
                      event_list *out, uint32_t *date_out) {
    tab_ctx c;
    memset(&c, 0, sizeof c);
    tab_opts defaults;
    if (!o) {
        tab_opts_init(&defaults);
        o = &defaults;
    }
    c.c.e = e;
    c.c.a = a;
    c.c.pa = a;
    c.c.s = arena_zalloc(a, sizeof *c.c.s);
    c.c.s->index = index;
    c.c.s->doc_off = doc_off;
    c.c.date = date;
    c.d = &e->d;
    c.o = o;
    c.date = date;
    c.story = story;
    *date_out = date;
    if (!c.d->tab || !c.d->tab->finished) return TAB_NOEVENT;
    /* control characters (medal tables, DEBUG-21): TABARI's input error,
     * a complex record */
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)text[i] < 32 && !strchr("\t\n\r\f", text[i]))
            return TAB_COMPLEX;
    tab_lex(&c, text, len);
    uint32_t words = 0;
    for (uint32_t i = 0; i < c.n; i++) words += c.w[i].type != TT_PUNCT;
    if (words < (uint32_t)o->min_words) return TAB_SHORT;
    if (words > MAX_WORDS) return TAB_COMPLEX;
    tab_units(&c);
    tab_commas(&c);
    tab_pronouns(&c);
    tab_clauses(&c);
    time_shift(&c);
    if (!c.status) screen(&c);
    coding g = {&c, out, out->n, NULL, 0, 0};
    if (!c.status) code_clauses(&g);
    if (c.status) {
        out->n = g.first_event;
        return c.status;
    }
    filter_events(&g);
    *date_out = c.date;
    if (story) {
        /* FORWARD: the first actor named here (not a pronoun), without
         * its agent */
        for (uint32_t i = 0; i < c.n; i++) {
            int32_t u = unit_at(&c, i);
            if (u < 0 || c.c.units[u].pronoun || !c.c.units[u].actor)
                continue;
            snprintf(story->actor, sizeof story->actor, "%s",
                     c.c.units[u].actor);
            break;
        }
    }
    return out->n > g.first_event ? TAB_OK : TAB_NOEVENT;
}
