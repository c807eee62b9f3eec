/* coder_match.c -- matching one verb pattern around one verb.
 *
 * Both dictionary formats are compiled to the same element lists (dict.h).
 * The upper part is matched leftwards from the verb, nearest element first;
 * the lower part rightwards. An element may float over intervening words
 * unless it is marked adjacent. Literal words match any token, even one
 * inside a noun phrase ("- * DIPLOMATIC TIES" matches "full diplomatic
 * ties"); $ + % ^ land on whole actor units; a PETRARCH2 noun must be the
 * head of its noun phrase. Search is depth-first with backtracking, so the
 * first complete match in reading order wins.
 *
 * The search is memoised, so its cost is linear in the stretch rather than
 * a power of it (issue 14: "protest demanding the protest ..." cost seconds
 * per KB). Whether solve_lower(k, pos) succeeds depends only on k and pos,
 * not on what was bound before, and an element that floats tries every
 * position from pos on: once it fails from pos it fails from any later
 * position. So fail_lower[k] is the lowest position element k is known to
 * fail from (and fail_upper[k] the highest, leftwards), and a failed search
 * is never repeated; the first match found is the same as without the memo.
 * Elements past MEMO_MAX (no real pattern has that many) are not memoised,
 * and a match with such an element gives up after STEP_MAX tries.
 *
 * The lower part does not depend on the verb either, only on where it
 * starts and on hi: when it fails from vend, it fails from any later vend
 * with the same hi in the same sentence (its first element floating). A
 * sentence of hundreds of words with a verb every few words would rescan
 * the rest of the sentence for every verb and every pattern; for long
 * stretches (LONG_STRETCH tokens or more) the lowest failing vend of each
 * pattern is kept in the document's match_memo, one entry per pattern,
 * stamped with the sentence.
 */
#include <string.h>

#include "code/coder.h"
#include "dict/tabari.h"
#include "util/wordset.h"

#define MEMO_MAX 32
#define STEP_MAX (1u << 20)
#define LONG_STRETCH 128

/* Per pattern: the lower part fails from vend >= from up to hi, in the
 * sentence of index sent - 1 (0: nothing known). */
typedef struct memo_entry {
    uint32_t sent, hi, from;
} memo_entry;

struct match_memo {
    memo_entry *e;      /* d->npatterns entries */
};

typedef struct mstate {
    const sent_ctx *c;
    const dict *d;
    const pattern *p;
    const uint8_t *deleted;         /* c->deleted (NULL: none), read per token */
    uint32_t vfirst, vend, lo, hi;
    match_result *m;
    uint32_t fail_lower[MEMO_MAX];  /* solve_lower(k, p >= this) fails */
    int64_t fail_upper[MEMO_MAX];   /* solve_upper(k, p <= this) fails */
    int lower_failed;               /* solve_lower(0, vend) failed */
    uint32_t steps;                 /* tries, counted when not memoised */
} mstate;

static int kept(const mstate *st, uint32_t p) {
    return !(st->deleted && st->deleted[p]);
}

/* first kept token >= p, or hi */
static uint32_t fwd(const mstate *st, uint32_t p) {
    while (p < st->hi && !kept(st, p)) p++;
    return p;
}

/* last kept token <= p, or -1 when below lo */
static int64_t back(const mstate *st, int64_t p) {
    while (p >= (int64_t)st->lo && !kept(st, (uint32_t)p)) p--;
    return p >= (int64_t)st->lo ? p : -1;
}

static int solve_lower(mstate *st, uint32_t k, uint32_t pos);
static int solve_upper(mstate *st, uint32_t k, int64_t pos);

/* Does the word run r match tokens forward from p? Returns the end. */
static int64_t run_fwd(const mstate *st, const word_run *r, uint32_t p) {
    const uint32_t *w = st->d->pat_words + r->first;
    for (uint32_t i = 0; i < r->n; i++) {
        p = fwd(st, p);
        if (p >= st->hi || st->c->s->toks[p].wid != w[i]) return -1;
        p++;
    }
    return p;
}

/* Does the word run r end at token p (matching backwards)? Returns the
 * position left of its first word (may be lo-1 = -1 sentinel). */
static int64_t run_back(const mstate *st, const word_run *r, int64_t p,
                        int *ok) {
    const uint32_t *w = st->d->pat_words + r->first;
    *ok = 0;
    for (uint32_t i = r->n; i-- > 0;) {
        p = back(st, p);
        if (p < 0 || st->c->s->toks[p].wid != w[i]) return -1;
        p--;
    }
    *ok = 1;
    return p;
}

/* PETRARCH2 noun: token p heads its noun phrase and the phrase holds the
 * modifiers. */
static int noun_at(const mstate *st, const pat_elem *e, uint32_t p) {
    const sentence *s = st->c->s;
    const tok *t = &s->toks[p];
    if (t->wid != e->arg && t->lwid != e->arg) return 0;
    if (t->chunk < 0) return 0;
    const chunk *ch = &s->chunks[t->chunk];
    if (ch->kind != CK_NP || ch->head != p) return 0;
    for (uint16_t i = 0; i < e->nmods; i++) {
        uint32_t mw = st->d->pat_words[e->mods + i];
        int found = 0;
        for (uint32_t q = ch->first; q < ch->end && !found; q++)
            found = s->toks[q].wid == mw;
        if (!found) return 0;
    }
    return 1;
}

/* Prefilter for synset sy at token p: 0 when no member phrase can begin
 * (last = 0, matching forwards) or end (last = 1, backwards) there, judged
 * by the synset's word masks (dict.h); 1 when one may. p is a kept token
 * (solve_* only try those), so it is the token run_fwd/run_back compare
 * first. */
static int syn_may_start(const mstate *st, uint32_t sy, uint32_t p,
                         int last) {
    if (sy >= st->d->nsyn_masks) return 1;
    const uint64_t *m = st->d->syn_masks + 8 * (size_t)sy + (last ? 4 : 0);
    uint32_t b = wordset_syn_bit(st->c->s->toks[p].wid);
    return (int)((m[b >> 6] >> (b & 63)) & 1);
}

/* TABARI literal at token p: the word, or for a stem any word it begins
 * (dict/tabari.h) */
static int tword_at(const mstate *st, const pat_elem *e, uint32_t p) {
    const tok *t = &st->c->s->toks[p];
    tab_word tw = {e->arg, (uint8_t)e->nmods};
    return t->wid == e->arg || tab_word_match(st->d, &tw, t->norm, t->nlen);
}

static void bind(mstate *st, const pat_elem *e, int32_t u, int upper) {
    if (e->kind == PE_SOURCE) st->m->source = u;
    if (e->kind == PE_TARGET) st->m->target = u;
    if (e->kind == PE_COMPOUND) {
        st->m->compound = u;
        if (upper) st->m->source = u;
    }
}

/* Cheap necessary condition for element e at kept token p (the test
 * try_lower_at / try_upper_at make first): lets a floating element skip
 * positions without a call and a switch per token. */
static inline int may_match_at(const mstate *st, const pat_elem *e,
                               uint32_t p, int last) {
    switch (e->kind) {
    case PE_WORD:
    case PE_PREP:
        return st->c->s->toks[p].wid == e->arg;
    case PE_SYN:
        return syn_may_start(st, e->arg, p, last);
    default:
        return 1;
    }
}

/* Is the preposition at token p followed by a time: "on Thursday", "in
 * March"? (the noun phrase after it headed by a calendar word) */
static int prep_of_time(const sentence *s, uint32_t p) {
    if (p + 1 >= s->ntok) return 0;
    int32_t ck = s->toks[p + 1].chunk;
    if (ck < 0 || s->chunks[ck].kind != CK_NP) return 0;
    return tok_is_calendar(&s->toks[s->chunks[ck].head]);
}

/* Tries element k of the lower part at token p exactly. */
static int try_lower_at(mstate *st, uint32_t k, uint32_t p) {
    const pat_elem *e = &st->d->pat_elems[st->p->lower + k];
    const sentence *s = st->c->s;
    if (p >= st->hi) return 0;
    switch (e->kind) {
    case PE_WORD:
        return s->toks[p].wid == e->arg && solve_lower(st, k + 1, p + 1);
    case PE_PREP:
        /* "called militant hideouts ... on Thursday": a preposition of a
         * date is no pattern's ("- * (ON) [020]" is "called on X") */
        return s->toks[p].wid == e->arg && !prep_of_time(s, p) &&
               solve_lower(st, k + 1, p + 1);
    case PE_TWORD:
        return tword_at(st, e, p) && solve_lower(st, k + 1, p + 1);
    case PE_SYN: {
        const synset *sy = &st->d->synsets[e->arg];
        if (!syn_may_start(st, e->arg, p, 0)) return 0;
        for (uint32_t i = 0; i < sy->n; i++) {
            int64_t end = run_fwd(st, &st->d->syn_phrases[sy->first + i], p);
            if (end >= 0 && solve_lower(st, k + 1, (uint32_t)end)) return 1;
        }
        return 0;
    }
    case PE_NOUN:
        return noun_at(st, e, p) &&
               solve_lower(st, k + 1, s->chunks[s->toks[p].chunk].end);
    case PE_SOURCE:
    case PE_TARGET:
    case PE_COMPOUND:
    case PE_SKIP: {
        int32_t u = units_starting_at(st->c, p);
        if (u < 0) return 0;
        match_result save = *st->m;
        bind(st, e, u, 0);
        if (solve_lower(st, k + 1, st->c->units[u].end)) return 1;
        *st->m = save;
        return 0;
    }
    default:
        return solve_lower(st, k + 1, p);
    }
}

/* Where element e matched at token p begins: a noun element matches at
 * its phrase's head, so at its first modifier ("missile" of {MISSILE
 * TESTS}) when it has some. */
static uint32_t elem_start(const mstate *st, const pat_elem *e, uint32_t p) {
    const sentence *s = st->c->s;
    if (e->kind != PE_NOUN || !e->nmods || s->toks[p].chunk < 0) return p;
    const chunk *ch = &s->chunks[s->toks[p].chunk];
    for (uint32_t q = ch->first; q < p; q++)
        for (uint16_t i = 0; i < e->nmods; i++)
            if (s->toks[q].wid == st->d->pat_words[e->mods + i]) return q;
    return p;
}

static int solve_lower(mstate *st, uint32_t k, uint32_t pos) {
    if (k == st->p->nlower) {
        st->m->lower_end = pos;
        return 1;
    }
    const pat_elem *e = &st->d->pat_elems[st->p->lower + k];
    if (e->kind == PE_PREP_END) return solve_lower(st, k + 1, pos);
    uint32_t p = fwd(st, pos);
    /* (where the first element matched: code_verb prefers the pattern
     * whose object stands nearest the verb) */
    if (e->adjacent) {
        if (!try_lower_at(st, k, p)) return 0;
        if (k == 0) st->m->lower_first = elem_start(st, e, p);
        return 1;
    }
    if (k >= MEMO_MAX) {
        for (; p < st->hi && st->steps < STEP_MAX; p = fwd(st, p + 1)) {
            st->steps++;
            if (try_lower_at(st, k, p)) return 1;
        }
        return 0;
    }
    if (pos >= st->fail_lower[k]) return 0;
    for (; p < st->hi && p < st->fail_lower[k]; p = fwd(st, p + 1))
        if (may_match_at(st, e, p, 0) && try_lower_at(st, k, p)) {
            if (k == 0) st->m->lower_first = elem_start(st, e, p);
            return 1;
        }
    st->fail_lower[k] = pos;
    return 0;
}

/* Tries element k of the upper part ending at token p exactly. */
static int try_upper_at(mstate *st, uint32_t k, int64_t p) {
    const pat_elem *e = &st->d->pat_elems[st->p->upper + k];
    const sentence *s = st->c->s;
    if (p < 0) return 0;
    switch (e->kind) {
    case PE_WORD:
    case PE_PREP:
        return s->toks[p].wid == e->arg && solve_upper(st, k + 1, p - 1);
    case PE_TWORD:
        return tword_at(st, e, (uint32_t)p) && solve_upper(st, k + 1, p - 1);
    case PE_SYN: {
        const synset *sy = &st->d->synsets[e->arg];
        if (!syn_may_start(st, e->arg, (uint32_t)p, 1)) return 0;
        for (uint32_t i = 0; i < sy->n; i++) {
            int ok;
            int64_t left =
                run_back(st, &st->d->syn_phrases[sy->first + i], p, &ok);
            if (ok && solve_upper(st, k + 1, left)) return 1;
        }
        return 0;
    }
    case PE_NOUN:
        return noun_at(st, e, (uint32_t)p) &&
               solve_upper(st, k + 1,
                           (int64_t)s->chunks[s->toks[p].chunk].first - 1);
    case PE_SOURCE:
    case PE_TARGET:
    case PE_COMPOUND:
    case PE_SKIP: {
        int32_t u = units_ending_at(st->c, (uint32_t)p);
        if (u < 0) return 0;
        match_result save = *st->m;
        bind(st, e, u, 1);
        if (solve_upper(st, k + 1, (int64_t)st->c->units[u].first - 1))
            return 1;
        *st->m = save;
        return 0;
    }
    default:
        return solve_upper(st, k + 1, p);
    }
}

static int solve_upper(mstate *st, uint32_t k, int64_t pos) {
    if (k == st->p->nupper) {
        if (st->lower_failed) return 0;
        st->m->upper_first = (uint32_t)(pos + 1);
        if (solve_lower(st, 0, st->vend)) return 1;
        st->lower_failed = 1;
        return 0;
    }
    const pat_elem *e = &st->d->pat_elems[st->p->upper + k];
    if (e->kind == PE_PREP_END) return solve_upper(st, k + 1, pos);
    int64_t p = back(st, pos);
    if (e->adjacent) return try_upper_at(st, k, p);
    if (k >= MEMO_MAX) {
        for (; p >= 0 && st->steps < STEP_MAX; p = back(st, p - 1)) {
            st->steps++;
            if (try_upper_at(st, k, p)) return 1;
        }
        return 0;
    }
    if (pos <= st->fail_upper[k]) return 0;
    for (; p >= 0 && p > st->fail_upper[k]; p = back(st, p - 1))
        if (may_match_at(st, e, (uint32_t)p, 1) && try_upper_at(st, k, p))
            return 1;
    st->fail_upper[k] = pos;
    return 0;
}

/* Does the lower part start with a floating element (past PREP_END
 * marks)? Then failing from vend means failing from any later vend. */
static int lower_floats(const dict *d, const pattern *p) {
    for (uint32_t k = 0; k < p->nlower; k++) {
        const pat_elem *e = &d->pat_elems[p->lower + k];
        if (e->kind == PE_PREP_END) continue;
        return !e->adjacent;
    }
    return 0;
}

MEM_UNWINDS_BEGIN
/* The memo entry of pattern p, the memo made on first use (in the
 * document's arena, which has an unwind point under dyad_code). */
static memo_entry *memo_at(const sent_ctx *c, const pattern *p) {
    const dict *d = &c->e->d;
    struct match_memo *mm = c->ds->match_memo;
    if (!mm) {
        /* (pa: the memo outlives the sentence; c->a is its scratch) */
        mm = arena_alloc(c->pa, sizeof *mm);
        mm->e = arena_zalloc(c->pa, (size_t)d->npatterns * sizeof *mm->e);
        c->ds->match_memo = mm;
    }
    return &mm->e[p - d->patterns];
}
MEM_UNWINDS_END

int match_pattern(const sent_ctx *c, const pattern *p, uint32_t vfirst,
                  uint32_t vend, uint32_t lo, uint32_t hi, match_result *m) {
    /* (m is an out parameter: every field is set here before it is read) */
    /* cppcheck-suppress ctuuninitvar */
    m->source = m->target = m->compound = -1;
    m->upper_first = vfirst;
    m->lower_end = vend;
    m->lower_first = vend;
    /* prefilter: a word the pattern needs is not in the sentence */
    const wordset *ws = c->s->words;
    if (ws && ((p->anchor[0] && !wordset_has(ws, p->anchor[0])) ||
               (p->anchor[1] && !wordset_has(ws, p->anchor[1]))))
        return 0;
    /* (only the pattern's own elements' memo slots: this runs for every
     * pattern of every verb, and most patterns have a few elements) */
    mstate st;
    st.c = c;
    st.d = &c->e->d;
    st.p = p;
    st.deleted = c->deleted;
    st.vfirst = vfirst;
    st.vend = vend;
    st.lo = lo;
    st.hi = hi;
    st.m = m;
    st.lower_failed = 0;
    st.steps = 0;
    for (uint32_t k = 0; k < p->nlower && k < MEMO_MAX; k++) st.fail_lower[k] = UINT32_MAX;
    for (uint32_t k = 0; k < p->nupper && k < MEMO_MAX; k++) st.fail_upper[k] = -2;
    memo_entry *me = NULL;
    if (c->ds && hi >= vend + LONG_STRETCH && lower_floats(st.d, p)) {
        me = memo_at(c, p);
        if (me->sent == c->s->index + 1 && me->hi == hi && vend >= me->from)
            return 0;
    }
    if (solve_upper(&st, 0, (int64_t)vfirst - 1)) return 1;
    if (me && st.lower_failed) {
        if (me->sent != c->s->index + 1 || me->hi != hi) {
            me->sent = c->s->index + 1;
            me->hi = hi;
            me->from = vend;
        } else if (vend < me->from) {
            me->from = vend;
        }
    }
    return 0;
}
