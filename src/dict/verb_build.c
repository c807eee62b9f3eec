/* verb_build.c -- building verb blocks, verb forms, synsets and patterns,
 * shared by both verb dictionary readers (verbs.c: PETRARCH2 CAMEO.2.0.txt,
 * formats.md a.1-a.6; verbs_linear.c: PETRARCH1 linear patterns, a'). Block
 * headers, verb lines and synsets follow the same conventions in both
 * formats; only the pattern syntax differs.
 */
#include <stdlib.h>
#include <string.h>

#include "dict/verbs_priv.h"

/* ---- blocks and verb lines (both formats) ------------------------------- */

/* "A", "A:B" or ":B" -> code A and rcode B (each at most 7 bytes). */
static int split_code(char code[8], char rcode[8], const char *s, size_t n) {
    const char *colon = memchr(s, ':', n);
    size_t an = colon ? (size_t)(colon - s) : n;
    rcode[0] = '\0';
    if (dict_code8(code, s, an)) return -1;
    if (colon && dict_code8(rcode, colon + 1, n - an - 1)) return -1;
    return 0;
}

int vb_header(dict *d, const char *name, uint32_t line, uint16_t file,
                 const char *s, size_t n, char *err, size_t errlen) {
    /* "--- MEANING [CODE] ---"; the meaning is everything between the
     * leading dashes and the first '[' ("LASH OUT" in the linear file);
     * further codes ("[120]  [031:031]") are ignored. */
    const char *h = memchr(s, '#', n);
    if (h) n = (size_t)(h - s);
    size_t i = 0;
    while (i < n && s[i] == '-') i++;
    const char *lb = memchr(s + i, '[', n - i);
    const char *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
    if (!lb || !rb)
        return dict_err(err, errlen, name, line, "block header without [code]");
    const char *m = s + i;
    size_t mn = (size_t)(lb - m);
    dict_trim(&m, &mn);
    if (!mn) return dict_err(err, errlen, name, line, "block header without "
                                                      "meaning");
    DICT_GROW(d, d->blocks, d->nblocks, d->cap_blocks);
    verb_block *b = &d->blocks[d->nblocks];
    memset(b, 0, sizeof *b);
    if (split_code(b->code, b->rcode, lb + 1, (size_t)(rb - lb - 1)))
        return dict_err(err, errlen, name, line, "code too long: [%.*s]",
                        (int)(rb - lb - 1), lb + 1);
    b->meaning = arena_strndup(&d->mem, m, mn);
    b->first = d->npatterns;
    b->line = line;
    b->file = file;
    return (int)d->nblocks++;
}

/* Regular forms of a stem (a.3 for PETRARCH2, a' for the linear format). */
static size_t regular_forms(const char *v, size_t n, int linear,
                            char out[3][128], size_t outn[3]) {
    if (n == 0 || n > 120) return 0;
    char last = v[n - 1];
    /* third person */
    memcpy(out[0], v, n);
    if (linear) {
        out[0][n] = 'S', outn[0] = n + 1;
    } else if (last == 'S' || last == 'X' || last == 'Z') {
        memcpy(out[0] + n, "ES", 2), outn[0] = n + 2;
    } else if (last == 'Y') {
        memcpy(out[0] + n - 1, "IES", 3), outn[0] = n + 2;
    } else {
        out[0][n] = 'S', outn[0] = n + 1;
    }
    /* past */
    memcpy(out[1], v, n);
    if (last == 'E') memcpy(out[1] + n, "D", 1), outn[1] = n + 1;
    else memcpy(out[1] + n, "ED", 2), outn[1] = n + 2;
    /* gerund */
    memcpy(out[2], v, n);
    int drop = last == 'E';
    if (drop && !linear && n >= 2 && strchr("AEIOU", v[n - 2])) drop = 0;
    memcpy(out[2] + n - (size_t)drop, "ING", 3);
    outn[2] = n - (size_t)drop + 3;
    return 3;
}

/* One form token ("+TELL_OFF", "WIRE_+TAPPED", "CHIDES"): its words go to
 * w; returns the index of the verb word (marked '+', else the first). */
static size_t form_words(dict *d, const char *s, size_t n, dict_wbuf *w) {
    size_t verb = 0, k = 0, i = 0;
    while (i < n) {
        while (i < n && (s[i] == '_' || dict_isblank(s[i]))) i++;
        if (i == n) break;
        int plus = 0;
        while (i < n && s[i] == '+') plus = 1, i++;
        size_t st = i;
        while (i < n && s[i] != '_' && !dict_isblank(s[i])) i++;
        if (i == st) continue;
        if (plus) verb = k;
        dict_wbuf_push(d, w, vocab_intern(&d->voc, s + st, i - st));
        k++;
    }
    return verb;
}

static void add_form(dict *d, uint32_t block, const char *code,
                     const char *rcode, const uint32_t *w, size_t nw, size_t verb,
                     uint32_t word, uint32_t lemma, uint32_t line,
                     uint16_t file) {
    DICT_GROW(d, d->forms, d->nforms, d->cap_forms);
    verb_form *f = &d->forms[d->nforms++];
    memset(f, 0, sizeof *f);
    f->word = word;
    f->lemma = lemma;
    f->block = block;
    memcpy(f->code, code, 8);
    memcpy(f->rcode, rcode, 8);
    f->npre = (uint32_t)verb;
    f->pre = verb ? dict_push_words(d, w, verb) : 0;
    f->npart = (uint32_t)(nw - verb - 1);
    f->part = f->npart ? dict_push_words(d, w + verb + 1, f->npart) : 0;
    f->line = line;
    f->file = file;
}

int vb_verb_line(dict *d, const char *name, uint32_t line, uint16_t file,
               uint32_t block, const char *s, size_t n, int linear,
               dict_wbuf *w, char *err, size_t errlen) {
    char code[8], rcode[8];
    memcpy(code, d->blocks[block].code, 8);
    memcpy(rcode, d->blocks[block].rcode, 8);
    /* Own code: the first '[' outside braces starts it. */
    const char *lb = NULL;
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '{') depth++;
        else if (s[i] == '}') depth--;
        else if (s[i] == '[' && depth <= 0) {
            lb = s + i;
            break;
        }
    }
    if (lb) {
        const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
        if (!rb) return dict_err(err, errlen, name, line, "missing ']'");
        if (split_code(code, rcode, lb + 1, (size_t)(rb - lb - 1)))
            return dict_err(err, errlen, name, line, "code too long: [%.*s]",
                            (int)(rb - lb - 1), lb + 1);
        n = (size_t)(lb - s);
    }
    dict_trim(&s, &n);
    if (!n) return 0;
    const char *ob = memchr(s, '{', n);
    /* Primary form: the text before '{' (or all of it). Several blank-
     * separated words without braces ("LASH OUT") are one multi-word verb
     * whose first word is the verb. */
    size_t pn = ob ? (size_t)(ob - s) : n;
    const char *p = s;
    dict_trim(&p, &pn);
    if (!pn) return dict_err(err, errlen, name, line, "verb line without a "
                                                      "verb");
    w->n = 0;
    size_t verb = form_words(d, p, pn, w);
    size_t nw = w->n;
    if (!nw) /* only '+' and '_': no word to be the verb */
        return dict_err(err, errlen, name, line, "verb form without a word: "
                        "'%.*s'", (int)(pn > 40 ? 40 : pn), p);
    uint32_t lemma = w->w[verb];
    add_form(d, block, code, rcode, w->w, nw, verb, lemma, lemma, line, file);
    if (ob) {
        const char *cb = memchr(ob, '}', n - (size_t)(ob - s));
        if (!cb) return dict_err(err, errlen, name, line, "missing '}'");
        /* Listed forms, separated by blanks (or commas). */
        for (const char *q = ob + 1; q < cb;) {
            while (q < cb && (dict_isblank(*q) || *q == ',')) q++;
            const char *st = q;
            while (q < cb && !dict_isblank(*q) && *q != ',') q++;
            if (q == st) continue;
            w->n = 0;
            size_t v = form_words(d, st, (size_t)(q - st), w);
            if (!w->n)
                return dict_err(err, errlen, name, line, "verb form without "
                                "a word: '%.*s'", (int)(q - st > 40 ? 40 : q - st),
                                st);
            add_form(d, block, code, rcode, w->w, w->n, v, w->w[v], lemma, line,
                     file);
        }
        return 0;
    }
    /* No braces: generate the regular forms of the verb word. */
    const char *vw = vocab_word(&d->voc, lemma);
    char forms[3][128];
    size_t fl[3];
    size_t k = regular_forms(vw, strlen(vw), linear, forms, fl);
    for (size_t i = 0; i < k; i++) {
        uint32_t id = vocab_intern(&d->voc, forms[i], fl[i]);
        add_form(d, block, code, rcode, w->w, nw, verb, id, lemma, line, file);
    }
    return 0;
}

/* ---- synsets ------------------------------------------------------------ */

static size_t label_len(const char *s, size_t n) {
    size_t k = 0;
    while (k < n && !dict_isblank(s[k]) && s[k] != '#' && s[k] != ')' &&
           s[k] != '}' && s[k] != '(' && s[k] != '{')
        k++;
    while (k > 1 && s[k - 1] == '_') k--;
    return k;
}

int vb_synset_find(const dict *d, const char *s, size_t n) {
    n = label_len(s, n);
    for (uint32_t i = d->nsynsets; i-- > 0;)
        if (strlen(d->synsets[i].name) == n &&
            memcmp(d->synsets[i].name, s, n) == 0)
            return (int)i;
    return -1;
}

uint32_t vb_synset_begin(dict *d, const char *s, size_t n, int *no_plural) {
    size_t full = 0;
    while (full < n && !dict_isblank(s[full]) && s[full] != '#') full++;
    size_t k = label_len(s, n);
    *no_plural = full > k && s[full - 1] == '_';
    DICT_GROW(d, d->synsets, d->nsynsets, d->cap_synsets);
    synset *sy = &d->synsets[d->nsynsets];
    sy->name = arena_strndup(&d->mem, s, k);
    sy->first = d->nsyn_phrases;
    sy->n = 0;
    return d->nsynsets++;
}

static void syn_push(dict *d, uint32_t first, uint32_t n, uint8_t np) {
    DICT_GROW(d, d->syn_phrases, d->nsyn_phrases, d->cap_syn_phrases);
    d->syn_phrases[d->nsyn_phrases++] = (word_run){first, n, np};
    d->synsets[d->nsynsets - 1].n++;
}

void vb_synset_member(dict *d, const uint32_t *w, size_t n, int plural) {
    if (!n || !d->nsynsets) return;
    uint32_t first = dict_push_words(d, w, n);
    int gen = plural && n == 1;
    syn_push(d, first, (uint32_t)n, (uint8_t)!gen);
    if (!gen) return;
    /* a.2 plural: ...Y -> ...IES, ...S -> ...SES (the S is kept, fixing
     * the LATS -> LATES quirk), else +S. */
    const char *v = vocab_word(&d->voc, w[0]);
    size_t vn = strlen(v);
    if (!vn || vn > 120) return;
    char b[128];
    memcpy(b, v, vn);
    size_t bn;
    if (v[vn - 1] == 'Y') memcpy(b + vn - 1, "IES", 3), bn = vn + 2;
    else if (v[vn - 1] == 'S') memcpy(b + vn, "ES", 2), bn = vn + 2;
    else b[vn] = 'S', bn = vn + 1;
    uint32_t id = vocab_intern(&d->voc, b, bn);
    syn_push(d, dict_push_words(d, &id, 1), 1, 1);
}

/* ---- patterns (both formats) -------------------------------------------- */

int vb_pattern_code(pattern *p, const char *s, size_t n) {
    dict_trim(&s, &n);
    const char *colon = memchr(s, ':', n);
    size_t an = colon ? (size_t)(colon - s) : n;
    if (dict_code8(p->code, s, an)) return -1;
    p->rcode[0] = '\0';
    if (colon && dict_code8(p->rcode, colon + 1, n - an - 1)) return -1;
    if (!p->code[0] && !p->rcode[0]) return -1;
    if (!p->code[0]) p->flags |= PAT_PASSIVE_ONLY;
    return 0;
}

uint32_t vb_pattern_new(dict *d, uint32_t block, uint32_t line, uint16_t file) {
    DICT_GROW(d, d->patterns, d->npatterns, d->cap_patterns);
    pattern *p = &d->patterns[d->npatterns];
    memset(p, 0, sizeof *p);
    p->line = line;
    p->file = file;
    verb_block *b = &d->blocks[block];
    if (!b->n) b->first = d->npatterns;
    b->n++;
    return d->npatterns++;
}

void vb_pattern_push(dict *d, pat_elem e) {
    DICT_GROW(d, d->pat_elems, d->npat_elems, d->cap_pat_elems);
    d->pat_elems[d->npat_elems++] = e;
}

