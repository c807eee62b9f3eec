/* tabari_lex.c -- TABARI's text filter and dictionary lookup (formats.md
 * g.8, g.2, g.11).
 *
 * The filter upper-cases the text, drops comment spans (slash-star ... star-slash), turns '?', '!',
 * '-' and '_' into blanks, ';' into a comma, removes a period after a
 * lower-case letter (so "U.N." survives but "Saturday." loses it) and
 * commas inside numbers, and makes commas and double quotes tokens of
 * their own. Words are cut at 63 bytes.
 *
 * Lookup goes left to right: at each word not yet taken, every root whose
 * first word matches is tried against the words that follow (a connector
 * '_' wants the next word at once, a blank lets words come between), and
 * the longest root that matches wins; its later words are taken. Then a
 * verb becomes a noun after a determiner (with adjectives and at most one
 * other word between: "the denounce", "a sudden attack") or when
 * it is capitalised inside mixed-case text ("about To Denounce"), and an
 * actor whose code is null on the sentence's date becomes a noun.
 */
#include <string.h>

#include "code/tabari.h"

enum { WORD_MAX = 63 };

static int is_lower(int c) { return c >= 'a' && c <= 'z'; }
static int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_space(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Latin-1 letters as UTF-8 (C3 80 .. C3 BF) without their accents. */
static char unaccent(unsigned char b) {
    static const char map[64] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTSaaaaaaaceeeeiiiidnooooo/ouuuuyty";
    return map[b & 63];
}

typedef struct lexbuf {
    tok *t;
    uint32_t n, cap;
    char *norm;          /* the current word, upper case */
    size_t nl;
    uint32_t off;        /* its first byte in the text */
    uint32_t end;
    int cap0;            /* its first letter was upper case */
} lexbuf;

static void flush(tab_ctx *c, lexbuf *b) {
    if (!b->nl) return;
    /* a trailing period that is not an abbreviation's ("SATURDAY.") */
    if (b->nl > 1 && b->norm[b->nl - 1] == '.' &&
        !memchr(b->norm, '.', b->nl - 1))
        b->nl--;
    ARENA_GROW(c->c.a, b->t, b->n, b->cap);
    tok *t = &b->t[b->n++];
    memset(t, 0, sizeof *t);
    t->off = b->off;
    t->len = b->end - b->off;
    t->norm = arena_strndup(c->c.a, b->norm, b->nl);
    t->nlen = (uint16_t)b->nl;
    t->lemma = t->norm;
    t->flags = b->cap0 ? TOKF_CAP : 0;
    t->chunk = -1;
    b->nl = 0;
}

static void mark(tab_ctx *c, lexbuf *b, const char *s, uint32_t off) {
    flush(c, b);
    ARENA_GROW(c->c.a, b->t, b->n, b->cap);
    tok *t = &b->t[b->n++];
    memset(t, 0, sizeof *t);
    t->off = off;
    t->len = 1;
    t->norm = s;
    t->nlen = (uint16_t)strlen(s);
    t->lemma = s;
    t->flags = TOKF_PUNCT;
    t->tag = s[0] == ',' ? T_COMMA : T_SYM;
    t->chunk = -1;
}

static void add_char(tab_ctx *c, lexbuf *b, char ch, uint32_t at,
                     uint32_t end, int first_upper) {
    if (b->nl == WORD_MAX) flush(c, b); /* an over-long word is broken */
    if (!b->nl) {
        b->off = at;
        b->cap0 = first_upper;
    }
    b->norm[b->nl++] = (char)(is_lower(ch) ? ch - 'a' + 'A' : ch);
    b->end = end;
}

static void filter(tab_ctx *c, const char *text, size_t len) {
    lexbuf b;
    memset(&b, 0, sizeof b);
    b.norm = arena_alloc(c->c.a, WORD_MAX + 1);
    /* mixed case: a lower-case letter outside the comments */
    c->mixed = 0;
    for (size_t i = 0; i < len && !c->mixed; i++) {
        if (text[i] == '/' && i + 1 < len && text[i + 1] == '*') {
            while (i + 1 < len && !(text[i] == '*' && text[i + 1] == '/'))
                i++;
            continue;
        }
        c->mixed = is_lower((unsigned char)text[i]);
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '/' && i + 1 < len && text[i + 1] == '*') {
            const char *e = NULL;
            for (size_t k = i + 2; k + 1 < len; k++)
                if (text[k] == '*' && text[k + 1] == '/') {
                    e = text + k;
                    break;
                }
            flush(c, &b);
            i = e ? (size_t)(e - text) + 1 : len;
            continue;
        }
        if (ch >= 0xC0 && ch <= 0xC3 && i + 1 < len) {
            char u = ch == 0xC3 ? unaccent((unsigned char)text[i + 1]) : 'X';
            add_char(c, &b, u, (uint32_t)i, (uint32_t)i + 2, is_upper(u));
            i++;
            continue;
        }
        if (ch >= 0x80) { /* other non-ASCII bytes: a blank */
            flush(c, &b);
            continue;
        }
        if (ch == ',' || ch == ';') {
            if (ch == ',' && b.nl && is_digit((unsigned char)b.norm[b.nl - 1]) &&
                i + 1 < len && is_digit((unsigned char)text[i + 1]))
                continue; /* 50,000 */
            mark(c, &b, ",", (uint32_t)i);
            continue;
        }
        if (ch == '"') {
            mark(c, &b, "\"", (uint32_t)i);
            continue;
        }
        if (ch == '.' && i > 0 && is_lower((unsigned char)text[i - 1])) {
            flush(c, &b);
            continue;
        }
        if (is_space(ch) || strchr("?!-_()[]{}:/\\*<>=|", ch)) {
            flush(c, &b);
            continue;
        }
        add_char(c, &b, (char)ch, (uint32_t)i, (uint32_t)i + 1,
                 is_upper(ch));
    }
    flush(c, &b);
    sentence *s = c->c.s;
    s->toks = b.t;
    s->ntok = b.n;
}

/* ---- roots ---------------------------------------------------------------- */

typedef struct cand {
    tab_ctx *c;
    uint32_t at;
    int32_t best;
    uint32_t best_chars, best_last, best_adj;
} cand;

/* Do the root's later words follow word `at`? Sets the last word's position
 * and the end of the first adjacent run. */
static int root_fits(tab_ctx *c, const tab_root *r, uint32_t at,
                     uint32_t *last, uint32_t *adj_end) {
    const tab_word *w = c->d->tab->words + r->first;
    const sentence *s = c->c.s;
    uint32_t p = at;
    int run = 1;
    *adj_end = at + 1;
    for (uint16_t k = 1; k < r->n; k++) {
        int next = w[k - 1].flags & TW_NEXT;
        uint32_t q = p + 1;
        if (next) {
            if (q >= s->ntok || c->w[q].type == TT_PART ||
                !tab_word_match(c->d, &w[k], s->toks[q].norm,
                                s->toks[q].nlen))
                return 0;
        } else {
            run = 0;
            while (q < s->ntok &&
                   (c->w[q].type == TT_PART ||
                    !tab_word_match(c->d, &w[k], s->toks[q].norm,
                                    s->toks[q].nlen)))
                q++;
            if (q >= s->ntok) return 0;
        }
        if (run) *adj_end = q + 1;
        p = q;
    }
    *last = p;
    return 1;
}

static void offer(void *ctx, uint32_t ri) {
    cand *k = ctx;
    tab_ctx *c = k->c;
    const tab_root *r = &c->d->tab->roots[ri];
    if (r->kind == TK_TIME && !c->o->time_shift) return;
    if (k->best >= 0 && (r->chars < k->best_chars ||
                         (r->chars == k->best_chars &&
                          (int32_t)ri > k->best)))
        return;
    uint32_t last, adj;
    if (!root_fits(c, r, k->at, &last, &adj)) return;
    k->best = (int32_t)ri;
    k->best_chars = r->chars;
    k->best_last = last;
    k->best_adj = adj;
}

static int word_is(const tok *t, const char *const *list) {
    for (; *list; list++)
        if (t->nlen == strlen(*list) && !memcmp(t->norm, *list, t->nlen))
            return 1;
    return 0;
}

/* The longest actor or agent phrase of PETRARCH-format files (dyad's own
 * dictionaries beside TABARI verbs) at word i: its word count, 0 if none;
 * *kind gets TT_ACTOR or TT_AGENT. */
static size_t ptrie_at(tab_ctx *c, uint32_t i, const uint32_t *wids,
                       uint8_t *kind, uint32_t *entry) {
    const dict *d = c->d;
    uint32_t v = 0, va = 0;
    size_t n = c->n - i;
    size_t la = d->nactor_entries ? ptrie_longest(&d->actors, wids + i, n, &v)
                                  : 0;
    size_t lg = d->nagent_entries ? ptrie_longest(&d->agents, wids + i, n, &va)
                                  : 0;
    if (la && la >= lg) {
        *kind = TT_ACTOR;
        *entry = v - 1;
        return la;
    }
    if (lg) {
        *kind = TT_AGENT;
        *entry = va - 1;
        return lg;
    }
    return 0;
}

static void lookup(tab_ctx *c) {
    static const char *const dets[] = {"A", "AN", "THE", NULL};
    static const char *const conjs[] = {"AND", "OR", "BUT", "NOR", NULL};
    static const char *const prons[] = {"HE",  "SHE", "IT",   "HIM",
                                        "HIS", "HER", "ITS",  "THEY",
                                        "THEM", "THEIR", NULL};
    const sentence *s = c->c.s;
    uint32_t *wids = arena_alloc(c->c.a, (c->n + 1) * sizeof *wids);
    for (uint32_t i = 0; i < c->n; i++) wids[i] = s->toks[i].wid;
    for (uint32_t i = 0; i < s->ntok; i++) {
        tword *w = &c->w[i];
        const tok *t = &s->toks[i];
        if (w->type == TT_PART) continue;
        if (t->flags & TOKF_PUNCT) {
            w->type = t->norm[0] == ',' ? TT_COMMA : TT_PUNCT;
            continue;
        }
        cand k = {c, i, -1, 0, 0, 0};
        tab_roots_for(c->d, t->norm, t->nlen, offer, &k);
        uint8_t pk;
        uint32_t pe;
        size_t pl = ptrie_at(c, i, wids, &pk, &pe);
        uint32_t pchars = 0;
        for (size_t q = 0; q < pl; q++) pchars += s->toks[i + q].nlen;
        if (pl && (k.best < 0 || pchars > k.best_chars)) {
            w->type = pk;
            w->root = TW_PTRIE;
            w->pref = pe;
            w->last = i + (uint32_t)pl - 1;
            w->adj_end = i + (uint32_t)pl;
            for (uint32_t q = i + 1; q < w->adj_end; q++) {
                c->w[q].type = TT_PART;
                c->w[q].owner = (int32_t)i;
            }
            if (pk == TT_ACTOR) {
                const char *code = dict_actor_code(c->d, pe, c->date);
                w->code = code ? code : "---";
            }
            continue;
        }
        if (k.best >= 0) {
            const tab_root *r = &c->d->tab->roots[k.best];
            static const uint8_t type_of[] = {
                [TK_ACTOR] = TT_ACTOR, [TK_AGENT] = TT_AGENT,
                [TK_VERB] = TT_VERB,   [TK_NOUN] = TT_NOUN,
                [TK_ADJ] = TT_ADJ,     [TK_TIME] = TT_TIME,
                [TK_ATTRIB] = TT_ATTRIB};
            w->type = type_of[r->kind];
            w->root = k.best;
            w->last = k.best_last;
            w->adj_end = k.best_adj;
            /* the root's later words are taken (not the gaps between) */
            const tab_word *rw = c->d->tab->words + r->first;
            uint32_t p = i;
            for (uint16_t m = 1; m < r->n; m++) {
                uint32_t q = p + 1;
                if (!(rw[m - 1].flags & TW_NEXT))
                    while (q < k.best_last &&
                           (c->w[q].type == TT_PART ||
                            !tab_word_match(c->d, &rw[m], s->toks[q].norm,
                                            s->toks[q].nlen)))
                        q++;
                c->w[q].type = TT_PART;
                c->w[q].owner = (int32_t)i;
                p = q;
            }
            if (r->kind == TK_ACTOR) {
                const char *code = dict_actor_code(c->d, r->ref, c->date);
                w->code = code ? code : "---";
            }
            continue;
        }
        if (word_is(t, dets)) w->type = TT_DET;
        else if (word_is(t, conjs)) w->type = TT_CONJ;
        else if (word_is(t, prons)) w->type = TT_PRON;
    }
}

/* Verbs that are nouns here, and actors that are null on the date. */
static void mark_nouns(tab_ctx *c) {
    for (uint32_t i = 0; i < c->n; i++) {
        tword *w = &c->w[i];
        if (w->type == TT_ACTOR && !strcmp(w->code, "---")) {
            w->type = TT_NOUN;
            continue;
        }
        if (w->type != TT_VERB) continue;
        if (c->mixed && w->cap && i > 0) {
            w->type = TT_NOUN;
            continue;
        }
        int others = 0;
        for (uint32_t k = i; k-- > 0;) {
            uint8_t t = c->w[k].type;
            if (t == TT_DET) {
                w->type = TT_NOUN;
                break;
            }
            if (t == TT_ADJ) continue;
            if (t == TT_WORD && !others++) continue;
            break;
        }
    }
}

void tab_lex(tab_ctx *c, const char *text, size_t len) {
    sentence *s = c->c.s;
    s->text = arena_strndup(c->c.a, text, len);
    s->len = (uint32_t)len;
    filter(c, text, len);
    c->n = s->ntok;
    c->w = arena_zalloc(c->c.a, (c->n + 1) * sizeof *c->w);
    for (uint32_t i = 0; i < c->n; i++) {
        tok *t = &s->toks[i];
        t->wid = vocab_find(&c->d->voc, t->norm, t->nlen);
        t->lwid = t->wid;
        c->w[i].root = -1;
        c->w[i].owner = -1;
        c->w[i].unit = -1;
        c->w[i].cap = c->mixed && (t->flags & TOKF_CAP);
    }
    lookup(c);
    for (uint32_t i = 0; i < c->n; i++)
        if (c->w[i].type == TT_DET) s->toks[i].tag = T_DT;
    mark_nouns(c);
}
