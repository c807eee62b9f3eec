/* dict_verbs.c -- reader for the PETRARCH2 verb dictionary (CAMEO.2.0.txt,
 * formats.md a.1-a.6), plus the block, verb-line and synset handling that
 * the linear reader (dict_verbs_linear.c) shares.
 *
 * Patterns are compiled into the linear pat_elem form of dict.h:
 *   WORD          -> PE_NOUN (arg = word id)
 *   {M1 M2 HEAD}  -> PE_NOUN (arg = HEAD, mods = M1 M2); &SYN words inside
 *                    braces become a PE_SYN head or PAT_MOD_SYN modifiers
 *   A_B (no braces) -> read as {A B} (like synset members, a.2)
 *   (PREP X ...)  -> PE_PREP(PREP), elements of X ..., PE_PREP_END
 *   &SYN          -> PE_SYN (synset index; members are not expanded)
 *   ^ $ + %       -> PE_SKIP / PE_SOURCE / PE_TARGET / PE_COMPOUND
 * The pre-verb part is stored nearest-the-verb first, unit by unit (a PP
 * group is one unit and keeps its inner order); the post-verb part in
 * reading order. "- * [C]" is a pattern with no elements.
 * Deliberate differences from PETRARCH2 (Appendix A): "<!" lines are plain
 * comments; a trailing '_' on a synset member blocks its plural instead of
 * killing it; "{X}" is X; a synset used before its definition is kept as
 * the literal (never matching) word "&NAME" with a warning.
 */
#include <stdlib.h>
#include <string.h>

#include "dict/lines.h"
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

int dverb_header(dict *d, const char *name, uint32_t line, uint16_t file,
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
    DICT_GROW(d->blocks, d->nblocks, d->cap_blocks);
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
static size_t form_words(dict *d, const char *s, size_t n, wbuf *w) {
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
        wbuf_push(w, vocab_intern(&d->voc, s + st, i - st));
        k++;
    }
    return verb;
}

static void add_form(dict *d, uint32_t block, const char *code,
                     const char *rcode, const uint32_t *w, size_t nw, size_t verb,
                     uint32_t word, uint32_t lemma, uint32_t line,
                     uint16_t file) {
    DICT_GROW(d->forms, d->nforms, d->cap_forms);
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

int dverb_line(dict *d, const char *name, uint32_t line, uint16_t file,
               uint32_t block, const char *s, size_t n, int linear,
               wbuf *w, char *err, size_t errlen) {
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

int dsyn_find(const dict *d, const char *s, size_t n) {
    n = label_len(s, n);
    for (uint32_t i = d->nsynsets; i-- > 0;)
        if (strlen(d->synsets[i].name) == n &&
            memcmp(d->synsets[i].name, s, n) == 0)
            return (int)i;
    return -1;
}

uint32_t dsyn_begin(dict *d, const char *s, size_t n, int *no_plural) {
    size_t full = 0;
    while (full < n && !dict_isblank(s[full]) && s[full] != '#') full++;
    size_t k = label_len(s, n);
    *no_plural = full > k && s[full - 1] == '_';
    DICT_GROW(d->synsets, d->nsynsets, d->cap_synsets);
    synset *sy = &d->synsets[d->nsynsets];
    sy->name = arena_strndup(&d->mem, s, k);
    sy->first = d->nsyn_phrases;
    sy->n = 0;
    return d->nsynsets++;
}

static void syn_push(dict *d, uint32_t first, uint32_t n, uint8_t np) {
    DICT_GROW(d->syn_phrases, d->nsyn_phrases, d->cap_syn_phrases);
    d->syn_phrases[d->nsyn_phrases++] = (word_run){first, n, np};
    d->synsets[d->nsynsets - 1].n++;
}

void dsyn_member(dict *d, const uint32_t *w, size_t n, int plural) {
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

int dpat_code(pattern *p, const char *s, size_t n) {
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

uint32_t dpat_new(dict *d, uint32_t block, uint32_t line, uint16_t file) {
    DICT_GROW(d->patterns, d->npatterns, d->cap_patterns);
    pattern *p = &d->patterns[d->npatterns];
    memset(p, 0, sizeof *p);
    p->line = line;
    p->file = file;
    verb_block *b = &d->blocks[block];
    if (!b->n) b->first = d->npatterns;
    b->n++;
    return d->npatterns++;
}

void dpat_push(dict *d, pat_elem e) {
    DICT_GROW(d->pat_elems, d->npat_elems, d->cap_pat_elems);
    d->pat_elems[d->npat_elems++] = e;
}

/* ---- PETRARCH2 pattern compiler ----------------------------------------- */

typedef struct p2_reader {
    dict *d;
    const char *name;
    uint16_t file;
    uint32_t line;
    pat_elem *el;        /* elements of the part being compiled */
    size_t nel, cap_el;
    size_t *unit;        /* start index of each unit in el */
    size_t nunit, cap_unit;
    wbuf mods;
    wbuf words;
} p2_reader;

static void el_push(p2_reader *r, pat_elem e, int new_unit) {
    if (new_unit) {
        if (r->nunit == r->cap_unit) {
            r->cap_unit = r->cap_unit ? r->cap_unit * 2 : 16;
            r->unit = realloc(r->unit, r->cap_unit * sizeof(*r->unit));
            if (!r->unit) abort();
        }
        r->unit[r->nunit++] = r->nel;
    }
    if (r->nel == r->cap_el) {
        r->cap_el = r->cap_el ? r->cap_el * 2 : 16;
        r->el = realloc(r->el, r->cap_el * sizeof(*r->el));
        if (!r->el) abort();
    }
    r->el[r->nel++] = e;
}

/* Value of one word inside a noun phrase: a word id, or for "&SYN" a synset
 * index with PAT_MOD_SYN set. An undefined synset stays a literal word. */
static uint32_t np_word(p2_reader *r, const char *s, size_t n) {
    if (s[0] == '&' && n > 1) {
        int k = dsyn_find(r->d, s, n);
        if (k >= 0) return PAT_MOD_SYN | (uint32_t)k;
        dict_warn(r->d, r->name, r->line, "synset %.*s used before its "
                                          "definition", (int)n, s);
    }
    return vocab_intern(&r->d->voc, s, n);
}

/* Emits a noun-phrase element from words s[0..n) split at blanks and '_':
 * last word is the head, the others are modifiers. */
static void np_elem(p2_reader *r, const char *s, size_t n, int new_unit) {
    r->mods.n = 0;
    size_t i = 0;
    uint32_t head = 0;
    int have = 0;
    while (i < n) {
        while (i < n && (dict_isblank(s[i]) || s[i] == '_')) i++;
        size_t st = i;
        int syn = s[i] == '&'; /* "&INF_RELEASE" is one synset name */
        while (i < n && !dict_isblank(s[i]) && (syn || s[i] != '_')) i++;
        if (i == st) continue;
        if (have) wbuf_push(&r->mods, head);
        head = np_word(r, s + st, i - st);
        have = 1;
    }
    if (!have) return;
    pat_elem e = {0};
    if (head & PAT_MOD_SYN) {
        e.kind = PE_SYN;
        e.arg = head & ~PAT_MOD_SYN;
    } else {
        e.kind = PE_NOUN;
        e.arg = head;
    }
    e.nmods = (uint16_t)r->mods.n;
    e.mods = r->mods.n ? dict_push_words(r->d, r->mods.w, r->mods.n) : 0;
    el_push(r, e, new_unit);
}

static int is_delim(char c) {
    return dict_isblank(c) || c == '(' || c == ')' || c == '{' || c == '}';
}

/* Compiles one side of the '*' into r->el; upper reverses the units. */
static int p2_part(p2_reader *r, const char *s, size_t n, int upper,
                   char *err, size_t errlen) {
    r->nel = r->nunit = 0;
    int in_pp = 0;
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (dict_isblank(c)) {
            i++;
            continue;
        }
        if (c == '(') {
            if (in_pp)
                return dict_err(err, errlen, r->name, r->line, "nested '('");
            i++;
            while (i < n && dict_isblank(s[i])) i++;
            size_t st = i;
            while (i < n && !is_delim(s[i])) i++;
            if (i == st)
                return dict_err(err, errlen, r->name, r->line,
                                "'(' without a preposition");
            pat_elem e = {0};
            e.kind = PE_PREP;
            e.arg = vocab_intern(&r->d->voc, s + st, i - st);
            el_push(r, e, 1);
            in_pp = 1;
            continue;
        }
        if (c == ')') {
            if (!in_pp)
                return dict_err(err, errlen, r->name, r->line,
                                "unbalanced ')'");
            pat_elem e = {0};
            e.kind = PE_PREP_END;
            el_push(r, e, 0);
            in_pp = 0;
            i++;
            continue;
        }
        if (c == '{') {
            const char *cb = memchr(s + i, '}', n - i);
            if (!cb)
                return dict_err(err, errlen, r->name, r->line,
                                "unbalanced '{'");
            np_elem(r, s + i + 1, (size_t)(cb - s - i - 1), !in_pp);
            i = (size_t)(cb - s) + 1;
            continue;
        }
        if (c == '}')
            return dict_err(err, errlen, r->name, r->line, "unbalanced '}'");
        size_t st = i;
        while (i < n && !is_delim(s[i])) i++;
        size_t len = i - st;
        const char *t = s + st;
        pat_elem e = {0};
        if (len == 1 && strchr("^$+%*", t[0])) {
            if (t[0] == '*')
                return dict_err(err, errlen, r->name, r->line,
                                "more than one '*'");
            e.kind = t[0] == '^' ? PE_SKIP
                     : t[0] == '$' ? PE_SOURCE
                     : t[0] == '+' ? PE_TARGET
                                   : PE_COMPOUND;
            el_push(r, e, !in_pp);
        } else if (t[0] == '&') {
            np_elem(r, t, len, !in_pp);
        } else {
            np_elem(r, t, len, !in_pp);
        }
    }
    if (in_pp) return dict_err(err, errlen, r->name, r->line, "unbalanced '('");
    if (upper) {
        for (size_t u = r->nunit; u-- > 0;) {
            size_t a = r->unit[u], b = u + 1 < r->nunit ? r->unit[u + 1] : r->nel;
            for (size_t k = a; k < b; k++) dpat_push(r->d, r->el[k]);
        }
    } else {
        for (size_t k = 0; k < r->nel; k++) dpat_push(r->d, r->el[k]);
    }
    return 0;
}

static int p2_pattern(p2_reader *r, uint32_t block, const char *s, size_t n,
                      char *err, size_t errlen) {
    const char *h = memchr(s, '#', n);
    if (h) n = (size_t)(h - s);
    s++, n--; /* the leading '-' */
    const char *star = memchr(s, '*', n);
    if (!star) return dict_err(err, errlen, r->name, r->line,
                               "pattern without '*'");
    const char *post = star + 1;
    size_t postn = n - (size_t)(post - s);
    const char *lb = NULL;
    for (size_t i = postn; i-- > 0;)
        if (post[i] == '[') {
            lb = post + i;
            break;
        }
    const char *rb = lb ? memchr(lb, ']', postn - (size_t)(lb - post)) : NULL;
    if (!lb || !rb)
        return dict_err(err, errlen, r->name, r->line,
                        "pattern without [code]");
    uint32_t pi = dpat_new(r->d, block, r->line, r->file);
    pattern *p = &r->d->patterns[pi];
    if (dpat_code(p, lb + 1, (size_t)(rb - lb - 1)))
        return dict_err(err, errlen, r->name, r->line, "bad code [%.*s]",
                        (int)(rb - lb - 1), lb + 1);
    p->upper = r->d->npat_elems;
    if (p2_part(r, s, (size_t)(star - s), 1, err, errlen)) return -1;
    p = &r->d->patterns[pi];
    p->nupper = r->d->npat_elems - p->upper;
    p->lower = r->d->npat_elems;
    /* a.4: the last whitespace token is the code; text glued in front of
     * its '[' ("VISIT)[042:043]", two shipped lines) belongs to it. */
    const char *body_end = lb;
    while (body_end > post && !dict_isblank(body_end[-1])) body_end--;
    if (p2_part(r, post, (size_t)(body_end - post), 0, err, errlen))
        return -1;
    p = &r->d->patterns[pi];
    p->nlower = r->d->npat_elems - p->lower;
    return 0;
}

static int load_p2(dict *d, const char *name, const char *text, size_t len,
                   char *err, size_t errlen) {
    p2_reader r;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.name = name;
    r.file = dict_add_file(d, name);
    dlines lr;
    dlines_init(&lr, text, len);
    int synset_mode = 1, rc = 0, have_block = 0, syn_no_plural = 0;
    int have_syn = 0;
    uint32_t block = 0;
    wbuf w = {0};
    const char *s;
    size_t n;
    while (rc == 0 && dlines_raw_next(&lr, &s, &n)) {
        r.line = lr.lineno;
        dict_trim(&s, &n);
        if (!n) continue;
        if (n >= 2 && s[0] == '<' && s[1] == '!') continue; /* A.1 fixed */
        if (n >= 3 && s[0] == '-' && s[1] == '-' && s[2] == '-') {
            rc = dverb_header(d, name, r.line, r.file, s, n, err, errlen);
            if (rc >= 0) block = (uint32_t)rc, have_block = 1, rc = 0;
            continue;
        }
        if (s[0] == '-') {
            if (!have_block) {
                rc = dict_err(err, errlen, name, r.line,
                              "pattern before any block header");
                break;
            }
            rc = p2_pattern(&r, block, s, n, err, errlen);
            continue;
        }
        if (n >= 29 && memcmp(s, "####### VERB PATTERNS #######", 29) == 0) {
            synset_mode = 0;
            continue;
        }
        if (s[0] == '#') continue;
        if (synset_mode && s[0] == '&') {
            dsyn_begin(d, s, n, &syn_no_plural);
            have_syn = 1;
            continue;
        }
        if (synset_mode && s[0] == '+') {
            if (!have_syn) {
                rc = dict_err(err, errlen, name, r.line,
                              "synset member before any synset label");
                break;
            }
            const char *h = memchr(s, '#', n);
            size_t mn = h ? (size_t)(h - s) : n;
            while (mn > 1 && dict_isblank(s[mn - 1])) mn--;
            int trailing = s[mn - 1] == '_';
            w.n = 0;
            dict_split_words(d, s + 1, mn - 1, 1, &w);
            dsyn_member(d, w.w, w.n, !trailing && !syn_no_plural);
            continue;
        }
        if (s[0] == '~') {
            const char *h = memchr(s, '#', n);
            size_t tn = h ? (size_t)(h - s) : n;
            dict_trim(&s, &tn);
            DICT_GROW(d->transforms, d->ntransforms,
                       d->cap_transforms);
            d->transforms[d->ntransforms++] =
                (transform){arena_strndup(&d->mem, s, tn), r.line};
            continue;
        }
        /* Verb line: the text from the first '#' is dropped. */
        const char *h = memchr(s, '#', n);
        if (h) n = (size_t)(h - s);
        dict_trim(&s, &n);
        if (!n) continue;
        if (!have_block) {
            rc = dict_err(err, errlen, name, r.line,
                          "verb line before any block header");
            break;
        }
        rc = dverb_line(d, name, r.line, r.file, block, s, n, 0, &w, err,
                        errlen);
    }
    dlines_free(&lr);
    wbuf_free(&w);
    wbuf_free(&r.mods);
    wbuf_free(&r.words);
    free(r.el);
    free(r.unit);
    return rc;
}

int dict_load_verbs(dict *d, const char *name, const char *text, size_t len,
                    verb_format fmt, char *err, size_t errlen) {
    if (fmt == VF_AUTO) {
        /* Sniff: validation-style (linear) files begin with "<!--". */
        size_t i = 0;
        while (i < len && (dict_isblank(text[i]) || text[i] == '\n')) i++;
        fmt = (len - i >= 4 && memcmp(text + i, "<!--", 4) == 0)
                  ? VF_LINEAR
                  : VF_PETRARCH2;
    }
    if (fmt == VF_LINEAR)
        return dict_load_verbs_linear(d, name, text, len, err, errlen);
    return load_p2(d, name, text, len, err, errlen);
}
