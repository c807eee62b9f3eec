/* verbs.c -- reader for the PETRARCH2 verb dictionary (CAMEO.2.0.txt,
 * formats.md a.1-a.6); dict_load_verbs also dispatches to the linear reader
 * (verbs_linear.c). Blocks, verb lines and synsets are built by
 * verb_build.c, shared by both.
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
    dict_wbuf mods;
    dict_wbuf words;
} p2_reader;

static void el_push(p2_reader *r, pat_elem e, int new_unit) {
    if (new_unit) {
        DICT_SCRATCH_GROW(r->d, r->unit, r->nunit, r->cap_unit);
        r->unit[r->nunit++] = r->nel;
    }
    DICT_SCRATCH_GROW(r->d, r->el, r->nel, r->cap_el);
    r->el[r->nel++] = e;
}

/* Value of one word inside a noun phrase: a word id, or for "&SYN" a synset
 * index with PAT_MOD_SYN set. An undefined synset stays a literal word. */
static uint32_t np_word(p2_reader *r, const char *s, size_t n) {
    if (s[0] == '&' && n > 1) {
        int k = vb_synset_find(r->d, s, n);
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
        if (have) dict_wbuf_push(r->d, &r->mods, head);
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
            for (size_t k = a; k < b; k++) vb_pattern_push(r->d, r->el[k]);
        }
    } else {
        for (size_t k = 0; k < r->nel; k++) vb_pattern_push(r->d, r->el[k]);
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
    uint32_t pi = vb_pattern_new(r->d, block, r->line, r->file);
    pattern *p = &r->d->patterns[pi];
    if (vb_pattern_code(p, lb + 1, (size_t)(rb - lb - 1)))
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
    dlines_init(&lr, text, len, &d->scratch);
    int synset_mode = 1, rc = 0, have_block = 0, syn_no_plural = 0;
    int have_syn = 0;
    uint32_t block = 0;
    dict_wbuf w = {0};
    const char *s;
    size_t n;
    while (rc == 0 && dlines_raw_next(&lr, &s, &n)) {
        r.line = lr.lineno;
        dict_trim(&s, &n);
        if (!n) continue;
        if (n >= 2 && s[0] == '<' && s[1] == '!') continue; /* A.1 fixed */
        if (n >= 3 && s[0] == '-' && s[1] == '-' && s[2] == '-') {
            rc = vb_header(d, name, r.line, r.file, s, n, err, errlen);
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
            vb_synset_begin(d, s, n, &syn_no_plural);
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
            vb_synset_member(d, w.w, w.n, !trailing && !syn_no_plural);
            continue;
        }
        if (s[0] == '~') {
            const char *h = memchr(s, '#', n);
            size_t tn = h ? (size_t)(h - s) : n;
            dict_trim(&s, &tn);
            DICT_GROW(d, d->transforms, d->ntransforms,
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
        rc = vb_verb_line(d, name, r.line, r.file, block, s, n, 0, &w, err,
                        errlen);
    }
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
