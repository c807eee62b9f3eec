/* tabari_verbs.c -- TABARI .verbs files (formats.md g.5).
 *
 * Sections <SYNSETS> (&NAME, +member lines), <TIME> (time-shift roots:
 * signed day counts or special codes, with patterns of their own) and
 * <ATTRIB> (attribution roots); everything else is a verb root "PHRASE
 * [CODE]", an optional forms line "{ FORM_ FORM_ }" right after it, and
 * its patterns "- UPPER * LOWER [CODE]". Each root opens a dict.blocks
 * entry whose code is the root's own; its forms share the block.
 *
 * Patterns are compiled into dict.pat_elems as coder_match.c expects them
 * (upper part nearest the verb first): a word is PE_TWORD with TW_STEM
 * unless written with a trailing '_' (exact), and `adjacent` set when only
 * '_' joins it to its neighbour nearer the verb; $ + % ^ are PE_SOURCE,
 * PE_TARGET, PE_COMPOUND, PE_SKIP, and the attribution token @ skips its
 * actor like ^ (attribution is not coded). Synsets and alternatives
 * { a | b } are expanded into one pattern per choice, so the matcher sees
 * plain sequences; a block's patterns are then sorted longest first
 * (letters, digits, '_' and '\'' of the expanded text; file order among
 * equals), which also gives TABARI's rule that a match through a short
 * alternative lets longer patterns be tried.
 */
#include <stdlib.h>
#include <string.h>

#include "dict/tabari_priv.h"
#include "dict/verbs_priv.h"

/* Everything here allocates from an arena under an unwind point (the
 * document's or the loader's): the analyzer's NULL warnings are false
 * positives (util/mem.h). */
MEM_UNWINDS_BEGIN

enum { MAXTOK = 64, MAX_EXPAND = 4096 };

typedef struct syn_def {
    const char *name;     /* "&TIETYPES", upper case */
    size_t nlen;
    char **members;       /* member texts, synsets already expanded */
    uint32_t n, cap;
} syn_def;

typedef struct vreader {
    dict *d;
    const char *name;
    uint16_t file;
    syn_def *syns;
    uint32_t nsyns, cap_syns;
    uint32_t *chars;      /* TABARI length per pattern index (scratch) */
    uint32_t nchars, cap_chars;
    char **exp;           /* expansions of the pattern being read */
    uint32_t nexp, cap_exp;
    uint32_t *ded;        /* per expansion: letters that came from synsets
                             (a synset adds nothing to a pattern's length) */
    uint32_t nded, cap_ded;
    int64_t block;        /* current root's block, -1 before the first */
    uint8_t root_flags;
    char *err;
    size_t errlen;
} vreader;

static char *upper_dup(arena *a, const char *s, size_t n) {
    char *p = arena_strndup(a, s, n);
    for (size_t i = 0; i < n; i++)
        if (p[i] >= 'a' && p[i] <= 'z') p[i] = (char)(p[i] - 'a' + 'A');
    return p;
}

static size_t syn_name_len(const char *s, size_t n) {
    size_t i = 1;
    while (i < n && (tab_isalnum(s[i]) || s[i] == '\'')) i++;
    return i;
}

static const syn_def *syn_find(const vreader *v, const char *s, size_t n) {
    for (uint32_t i = 0; i < v->nsyns; i++)
        if (v->syns[i].nlen == n && !memcmp(v->syns[i].name, s, n))
            return &v->syns[i];
    return NULL;
}

/* Appends a text with one choice put in for s[a..b): the choice is
 * trimmed, and a stem choice followed by '_' gets '~' so that the
 * connector keeps it a stem. */
static uint32_t letters(const char *s, size_t n) {
    uint32_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += tab_isalnum(s[i]) || s[i] == '_' || s[i] == '\'';
    return k;
}

/* `syn`: the choice is a synset member; its letters do not count, and
 * after a member of several words the next element may come at a
 * distance (TABARI does so: SYNSET-22h). */
static void push_choice(vreader *v, const char *s, size_t n, size_t a,
                        size_t b, const char *c, size_t cn, uint32_t ded,
                        int syn) {
    arena *ar = &v->d->scratch;
    while (cn && dict_isblank(*c)) c++, cn--;
    while (cn && dict_isblank(c[cn - 1])) cn--;
    int multi = syn && (memchr(c, '_', cn) || memchr(c, ' ', cn));
    int tilde = cn && b < n && s[b] == '_' && c[cn - 1] != '_' && !multi;
    size_t len = a + cn + (size_t)tilde + (n - b);
    char *t = arena_alloc(ar, len + 1);
    memcpy(t, s, a);
    memcpy(t + a, c, cn);
    if (tilde) t[a + cn] = '~';
    memcpy(t + a + cn + (size_t)tilde, s + b, n - b);
    if (multi && b < n && s[b] == '_') t[a + cn] = ' ';
    t[len] = '\0';
    ARENA_GROW(ar, v->exp, v->nexp, v->cap_exp);
    v->exp[v->nexp++] = t;
    ARENA_GROW(ar, v->ded, v->nded, v->cap_ded);
    v->ded[v->nded++] = ded + (syn ? letters(c, cn) : 0);
}

/* Expands the first synset or alternative of text s; returns 1 if there
 * was one, 0 if s is plain, -1 on error. */
static int expand_one(vreader *v, uint32_t line, const char *s,
                      uint32_t ded) {
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '&') {
            size_t k = syn_name_len(s + i, n - i);
            const syn_def *sy = syn_find(v, s + i, k);
            if (!sy)
                return dict_err(v->err, v->errlen, v->name, line,
                                "undefined synset %.*s", (int)k, s + i);
            for (uint32_t j = 0; j < sy->n; j++)
                push_choice(v, s, n, i, i + k, sy->members[j],
                            strlen(sy->members[j]), ded, 1);
            return 1;
        }
        if (s[i] == '{') {
            const char *rb = memchr(s + i, '}', n - i);
            if (!rb)
                return dict_err(v->err, v->errlen, v->name, line,
                                "'{' without '}'");
            size_t b = (size_t)(rb - s) + 1;
            size_t st = i + 1;
            for (size_t k = i + 1; k < b; k++)
                if (s[k] == '|' || s[k] == '}' || s[k] == '{') {
                    if (s[k] == '{')
                        return dict_err(v->err, v->errlen, v->name, line,
                                        "nested '{'");
                    push_choice(v, s, n, i, b, s + st, k - st, ded, 0);
                    st = k + 1;
                }
            return 1;
        }
        if (s[i] == '}' || s[i] == '|')
            return dict_err(v->err, v->errlen, v->name, line,
                            "'%c' outside { }", s[i]);
    }
    return 0;
}

/* All plain texts of s into v->exp[from..). */
static int expand_all(vreader *v, uint32_t line, const char *s,
                      uint32_t *from) {
    *from = v->nexp;
    ARENA_GROW(&v->d->scratch, v->exp, v->nexp, v->cap_exp);
    v->exp[v->nexp++] = (char *)s;
    ARENA_GROW(&v->d->scratch, v->ded, v->nded, v->cap_ded);
    v->ded[v->nded++] = 0;
    for (uint32_t i = *from; i < v->nexp;) {
        uint32_t before = v->nexp;
        int r = expand_one(v, line, v->exp[i], v->ded[i]);
        if (r < 0) return -1;
        if (r == 0) {
            i++;
            continue;
        }
        /* replace entry i by its expansions (moved into place) */
        uint32_t added = v->nexp - before;
        v->exp[i] = v->exp[before];
        v->ded[i] = v->ded[before];
        for (uint32_t k = 1; k < added; k++) {
            v->exp[before + k - 1] = v->exp[before + k];
            v->ded[before + k - 1] = v->ded[before + k];
        }
        v->nexp--;
        v->nded--;
        if (v->nexp - *from > MAX_EXPAND)
            return dict_err(v->err, v->errlen, v->name, line,
                            "pattern expands to more than %d patterns",
                            MAX_EXPAND);
    }
    return 0;
}

/* ---- patterns ----------------------------------------------------------- */

typedef struct ptok {
    const char *s;
    size_t n;
    int adj_before;   /* joined to the previous token without a blank */
    uint8_t flags;    /* TW_STEM for a stem word */
} ptok;

static int is_tokch(char c) {
    return c == '$' || c == '+' || c == '%' || c == '^' || c == '@' ||
           c == '*';
}

static int plain_pattern(vreader *v, uint32_t line, const char *s,
                         uint32_t ded, const char *code, size_t cn,
                         int *star_seen) {
    dict *d = v->d;
    size_t n = strlen(s);
    ptok t[MAXTOK];
    size_t nt = 0, star = SIZE_MAX, i = 0;
    uint32_t chars = 0;
    while (i < n) {
        int blank = 0;
        size_t sep = i;
        while (i < n && (dict_isblank(s[i]) || s[i] == '_' || s[i] == '-' ||
                         s[i] == '~')) {
            if (dict_isblank(s[i])) blank = 1;
            if (s[i] == '_') chars++;
            i++;
        }
        if (i >= n) break;
        size_t st = i;
        if (is_tokch(s[i]))
            i++;
        else
            while (i < n && !dict_isblank(s[i]) && s[i] != '_' &&
                   s[i] != '-' && s[i] != '~' && !is_tokch(s[i])) {
                if (tab_isalnum(s[i]) || s[i] == '\'') chars++;
                i++;
            }
        if (nt == MAXTOK)
            return dict_err(v->err, v->errlen, v->name, line,
                            "pattern too long");
        ptok *k = &t[nt];
        k->s = s + st;
        k->n = i - st;
        k->adj_before = nt > 0 && !blank;
        (void)sep;
        /* a word is a stem unless '_' (not "~_") follows it */
        k->flags = TW_STEM;
        if (!is_tokch(s[st]) && i < n && (s[i] == '_' || s[i] == '-'))
            k->flags = 0;
        if (k->n == 1 && s[st] == '*') {
            if (star != SIZE_MAX) {
                /* (three lines of the master verbs): dropped, as
                 * unpaired braces are */
                dict_warn(v->d, v->name, line,
                          "pattern with two '*': pattern dropped");
                *star_seen = 1;
                return 0;
            }
            star = nt;
        }
        nt++;
    }
    if (star == SIZE_MAX) return 0;
    *star_seen = 1;
    uint32_t pi = vb_pattern_new(d, (uint32_t)v->block, line, v->file);
    pattern *p = &d->patterns[pi];
    p->flags = PAT_LINEAR;
    while (cn && (code[cn - 1] == '?' || code[cn - 1] == '!')) {
        p->flags |= code[cn - 1] == '?' ? PAT_SUB : PAT_DOM;
        cn--;
    }
    if (vb_pattern_code(p, code, cn))
        return dict_err(v->err, v->errlen, v->name, line, "bad code [%.*s]",
                        (int)cn, code);
    p->upper = d->npat_elems;
    for (int part = 0; part < 2; part++) {
        size_t k = part ? star + 1 : star;
        while (part ? k < nt : k-- > 0) {
            const ptok *tk = &t[k];
            pat_elem e = {0};
            e.adjacent = (uint8_t)(part ? tk->adj_before : t[k + 1].adj_before);
            char c = tk->s[0];
            if (tk->n == 1 && is_tokch(c)) {
                e.kind = c == '$'   ? PE_SOURCE
                         : c == '+' ? PE_TARGET
                         : c == '%' ? PE_COMPOUND
                                    : PE_SKIP;
            } else {
                e.kind = PE_TWORD;
                e.arg = vocab_intern(&d->voc, tk->s, tk->n);
                e.nmods = tk->flags;
            }
            vb_pattern_push(d, e);
            if (part) k++;
        }
        p = &d->patterns[pi];
        if (part == 0) {
            p->nupper = d->npat_elems - p->upper;
            p->lower = d->npat_elems;
        } else {
            p->nlower = d->npat_elems - p->lower;
        }
    }
    ARENA_GROW(&d->scratch, v->chars, v->nchars, v->cap_chars);
    while (v->nchars <= pi) {
        ARENA_GROW(&d->scratch, v->chars, v->nchars, v->cap_chars);
        v->chars[v->nchars++] = 0;
    }
    v->chars[pi] = chars > ded ? chars - ded : 0;
    return 0;
}

static int pattern_line(vreader *v, uint32_t line, const char *s, size_t n) {
    if (v->block < 0)
        return dict_err(v->err, v->errlen, v->name, line,
                        "pattern before any verb root");
    s++, n--; /* the leading '-' */
    const char *lb = NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] == '[') {
            lb = s + i;
            break;
        }
    const char *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
    if (!lb || !rb)
        return dict_err(v->err, v->errlen, v->name, line,
                        "pattern without [code]");
    const char *code = lb + 1;
    size_t cn = (size_t)(rb - code);
    dict_trim(&code, &cn);
    char *body = upper_dup(&v->d->scratch, s, (size_t)(lb - s));
    /* an unpaired brace (CAMEO.091003.master.verbs:7990): TABARI reports
     * the line and goes on, so a pattern whose braces do not pair is
     * dropped with a warning (dyad dict check shows it) */
    int open = 0, bad = 0;
    for (const char *q = body; *q; q++) {
        if (*q == '{') bad |= open++ > 0;
        if (*q == '}') bad |= --open < 0;
    }
    if (bad || open) {
        dict_warn(v->d, v->name, line,
                  "pattern with unpaired '{ }': pattern dropped");
        return 0;
    }
    uint32_t from;
    if (expand_all(v, line, body, &from)) return -1;
    int star = 0;
    for (uint32_t i = from; i < v->nexp; i++)
        if (plain_pattern(v, line, v->exp[i], v->ded[i], code, cn, &star))
            return -1;
    v->nexp = v->nded = from;
    if (!star)
        return dict_err(v->err, v->errlen, v->name, line,
                        "pattern without '*'");
    return 0;
}

/* ---- roots ---------------------------------------------------------------- */

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Longest pattern first, file order among equals. */
static void sort_block(vreader *v) {
    if (v->block < 0) return;
    dict *d = v->d;
    verb_block *b = &d->blocks[v->block];
    if (b->n < 2) return;
    uint64_t *key = arena_alloc(&d->scratch, b->n * sizeof *key);
    pattern *copy = arena_alloc(&d->scratch, b->n * sizeof *copy);
    for (uint32_t i = 0; i < b->n; i++) {
        uint32_t pi = b->first + i;
        uint32_t ch = pi < v->nchars ? v->chars[pi] : 0;
        key[i] = (uint64_t)(UINT32_MAX - ch) << 32 | i;
        copy[i] = d->patterns[pi];
    }
    qsort(key, b->n, sizeof *key, cmp_u64);
    for (uint32_t i = 0; i < b->n; i++)
        d->patterns[b->first + i] = copy[(uint32_t)key[i]];
}

/* "[CODE]" of a root line into the new block's codes and root flags. */
static int root_code(vreader *v, uint32_t line, verb_block *b,
                     const char *c, size_t cn) {
    char buf[16] = "";
    size_t k = 0;
    for (size_t i = 0; i < cn; i++)
        if (!dict_isblank(c[i])) {
            if (k + 1 >= sizeof buf)
                return dict_err(v->err, v->errlen, v->name, line,
                                "code too long: [%.*s]", (int)cn, c);
            buf[k++] = c[i];
        }
    v->root_flags = 0;
    while (k && (buf[k - 1] == '?' || buf[k - 1] == '!')) {
        v->root_flags |= buf[k - 1] == '?' ? TR_SUB : TR_DOM;
        k--;
    }
    const char *colon = memchr(buf, ':', k);
    size_t an = colon ? (size_t)(colon - buf) : k;
    if (dict_code8(b->code, buf, an) ||
        (colon && dict_code8(b->rcode, colon + 1, k - an - 1)))
        return dict_err(v->err, v->errlen, v->name, line,
                        "code too long: [%.*s]", (int)cn, c);
    if (!k) memcpy(b->code, "---", 4);
    return 0;
}

static int root_line(vreader *v, uint32_t line, tab_kind kind, const char *s,
                     size_t n) {
    dict *d = v->d;
    sort_block(v);
    const char *lb = memchr(s, '[', n);
    const char *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
    if (lb && !rb)
        return dict_err(v->err, v->errlen, v->name, line, "'[' without ']'");
    if (!lb && kind != TK_ATTRIB)
        return dict_err(v->err, v->errlen, v->name, line,
                        "root without [code]");
    size_t pn = lb ? (size_t)(lb - s) : n;
    DICT_GROW(d, d->blocks, d->nblocks, d->cap_blocks);
    verb_block *b = &d->blocks[d->nblocks];
    memset(b, 0, sizeof *b);
    const char *m = s;
    size_t mn = pn;
    dict_trim(&m, &mn);
    b->meaning = upper_dup(&d->mem, m, mn);
    b->first = d->npatterns;
    b->line = line;
    b->file = v->file;
    if (root_code(v, line, b, lb ? lb + 1 : "", lb ? (size_t)(rb - lb - 1)
                                                   : 0))
        return -1;
    v->block = d->nblocks++;
    int64_t r = tab_add_root(d, v->name, line, v->file, kind, s, pn,
                             (uint32_t)v->block, v->err, v->errlen);
    if (r < 0) return -1;
    d->tab->roots[r].flags = v->root_flags;
    return 0;
}

/* "{ ACTING_ ACTXD_ ACTUALITY }": more roots of the current block. */
static int forms_line(vreader *v, uint32_t line, tab_kind kind,
                      const char *s, size_t n) {
    if (v->block < 0)
        return dict_err(v->err, v->errlen, v->name, line,
                        "forms line before any verb root");
    const char *rb = memchr(s, '}', n);
    if (!rb)
        return dict_err(v->err, v->errlen, v->name, line,
                        "'{' without '}'");
    size_t i = 1, e = (size_t)(rb - s);
    while (i < e) {
        while (i < e && dict_isblank(s[i])) i++;
        size_t a = i;
        while (i < e && !dict_isblank(s[i])) i++;
        if (i == a) break;
        int64_t r = tab_add_root(v->d, v->name, line, v->file, kind, s + a,
                                 i - a, (uint32_t)v->block, v->err,
                                 v->errlen);
        if (r < 0) return -1;
        v->d->tab->roots[r].flags = v->root_flags;
    }
    return 0;
}

static int synset_line(vreader *v, uint32_t line, const char *s, size_t n) {
    dict *d = v->d;
    arena *ar = &d->scratch;
    if (s[0] == '&') {
        size_t k = syn_name_len(s, n);
        ARENA_GROW(ar, v->syns, v->nsyns, v->cap_syns);
        syn_def *sy = &v->syns[v->nsyns++];
        memset(sy, 0, sizeof *sy);
        sy->name = upper_dup(ar, s, k);
        sy->nlen = k;
        int np;
        vb_synset_begin(d, s, k, &np);
        return 0;
    }
    if (s[0] != '+' || !v->nsyns)
        return dict_err(v->err, v->errlen, v->name, line,
                        "synset line is neither &NAME nor +member");
    const char *m = s + 1;
    size_t mn = n - 1;
    dict_trim(&m, &mn);
    if (!mn)
        return dict_err(v->err, v->errlen, v->name, line, "empty member");
    uint32_t from;
    if (expand_all(v, line, upper_dup(ar, m, mn), &from)) return -1;
    syn_def *sy = &v->syns[v->nsyns - 1];
    for (uint32_t i = from; i < v->nexp; i++) {
        ARENA_GROW(ar, sy->members, sy->n, sy->cap);
        sy->members[sy->n++] = v->exp[i];
        dict_wbuf w = {0};
        dict_split_words(d, v->exp[i], strlen(v->exp[i]), 1, &w);
        vb_synset_member(d, w.w, w.n, 0);
    }
    v->nexp = v->nded = from;
    return 0;
}

int tab_load_verbs(dict *d, const char *name, const char *text, size_t len,
                   char *err, size_t errlen) {
    tab_get(d);
    vreader v;
    memset(&v, 0, sizeof v);
    v.d = d;
    v.name = name;
    v.file = dict_add_file(d, name);
    v.block = -1;
    v.err = err;
    v.errlen = errlen;
    tlines lr;
    tlines_init(&lr, text, len, &d->scratch);
    enum { S_VERBS, S_SYNSETS, S_TIME, S_ATTRIB } sec = S_VERBS;
    const char *s;
    size_t n;
    while (tlines_next(&lr, &s, &n)) {
        uint32_t line = tlines_lineno(&lr);
        while (n && dict_isblank(*s)) s++, n--;
        if (s[0] == '<') {
            int close = n > 1 && s[1] == '/';
            const char *t = s + 1 + close;
            size_t tn = n - 1 - (size_t)close;
            if (tn >= 6 && !memcmp(t, "SYNSET", 6)) sec = close ? S_VERBS : S_SYNSETS;
            else if (tn >= 4 && !memcmp(t, "TIME", 4)) sec = close ? S_VERBS : S_TIME;
            else if (tn >= 6 && !memcmp(t, "ATTRIB", 6)) sec = close ? S_VERBS : S_ATTRIB;
            else
                return dict_err(err, errlen, name, line,
                                "unknown section '%.*s'", (int)n, s);
            if (sec == S_SYNSETS || close) {
                sort_block(&v);
                v.block = -1;
            }
            continue;
        }
        int rc;
        tab_kind kind = sec == S_TIME ? TK_TIME
                        : sec == S_ATTRIB ? TK_ATTRIB : TK_VERB;
        if (sec == S_SYNSETS)
            rc = synset_line(&v, line, s, n);
        else if (s[0] == '-')
            rc = pattern_line(&v, line, s, n);
        else if (s[0] == '{')
            rc = forms_line(&v, line, kind, s, n);
        else
            rc = root_line(&v, line, kind, s, n);
        if (rc) return -1;
    }
    sort_block(&v);
    return 0;
}
MEM_UNWINDS_END
