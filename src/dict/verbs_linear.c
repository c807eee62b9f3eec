/* dict_verbs_linear.c -- reader for the PETRARCH1 / validation-suite verb
 * dictionary (PETR.Validate.verbs.txt, formats.md a').
 *
 * Lines go through the section 0 reader. Blocks, verb lines and synsets are
 * shared with the PETRARCH2 reader (dict_verbs.c); patterns are TABARI-like
 * sequences "- UPPER * LOWER [CODE]" whose elements are joined by
 * connectors: a blank allows a gap, '_' requires adjacency ("X_ Y" reads as
 * "X Y"). Each element is compiled to one pat_elem with kind PE_WORD
 * (literal), PE_SYN, PE_SOURCE ($), PE_TARGET (+), PE_COMPOUND (%) or
 * PE_SKIP (^), and the pattern is flagged PAT_LINEAR.
 * adjacent = 1 means: this element must be immediately next to the
 * previous element of its part (the one nearer the verb), or to the verb
 * itself for the first element. Upper elements are stored nearest the verb
 * first: "FAILED_TO_*" -> upper [TO adj=1, FAILED adj=1]; "SAID * TO
 * ATTEND" -> upper [SAID adj=0], lower [TO adj=0, ATTEND adj=0].
 * Synsets may be defined anywhere before use and may list other synsets
 * ("+&TIETYPES"), whose members are copied in. A pattern containing '{' is
 * skipped (counted in d->nskipped_patterns); a pattern using an undefined
 * synset is dropped with a warning, as PETRARCH1 does.
 */
#include <stdlib.h>
#include <string.h>

#include "dict/lines.h"
#include "dict/verbs_priv.h"

enum { MAXTOK = 64 };

/* One element token of a pattern and the connector before it. */
typedef struct ltok {
    const char *s;
    size_t n;
    int adj_before;  /* joined to the previous token by '_' only */
} ltok;

static int lin_pattern(dict *d, const char *name, uint32_t line,
                       uint16_t file, uint32_t block, const char *s, size_t n,
                       char *err, size_t errlen) {
    s++, n--; /* leading '-' */
    if (memchr(s, '{', n)) {
        d->nskipped_patterns++;
        return 0;
    }
    const char *lb = NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] == '[') {
            lb = s + i;
            break;
        }
    const char *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
    if (lb && !rb) {
        /* "[###]": the section 0 reader cut the code at its '#'. One
         * shipped line; drop the pattern, keep loading. */
        dict_warn(d, name, line, "pattern code cut by '#': pattern dropped");
        return 0;
    }
    if (!lb)
        return dict_err(err, errlen, name, line, "pattern without [code]");
    size_t body = (size_t)(lb - s);
    if (!memchr(s, '*', body))
        return dict_err(err, errlen, name, line, "pattern without '*'");
    /* Tokenise: tokens are runs without blanks, '_' or '*'; '*' is a token
     * of its own. The connector before a token is adjacent when the
     * separator run is made of '_' only. */
    ltok t[MAXTOK];
    size_t nt = 0, star = SIZE_MAX;
    size_t i = 0;
    while (i < body) {
        size_t sep = i;
        int blanks = 0, unders = 0;
        while (i < body && (dict_isblank(s[i]) || s[i] == '_')) {
            if (s[i] == '_') unders = 1;
            else blanks = 1;
            i++;
        }
        if (i == body) break;
        size_t st = i;
        if (s[i] == '*') {
            i++;
        } else {
            while (i < body && !dict_isblank(s[i]) && s[i] != '_' &&
                   s[i] != '*')
                i++;
        }
        if (nt == MAXTOK)
            return dict_err(err, errlen, name, line, "pattern too long");
        t[nt].s = s + st;
        t[nt].n = i - st;
        /* no separator at all (e.g. "IN*") counts as adjacent */
        t[nt].adj_before = nt > 0 && !blanks && (unders || sep == st);
        if (t[nt].n == 1 && t[nt].s[0] == '*') {
            if (star != SIZE_MAX)
                return dict_err(err, errlen, name, line,
                                "more than one '*'");
            star = nt;
        }
        nt++;
    }
    /* Resolve synsets first: an undefined one drops the pattern. */
    for (size_t k = 0; k < nt; k++) {
        if (t[k].s[0] == '&' && vb_synset_find(d, t[k].s, t[k].n) < 0) {
            dict_warn(d, name, line, "undefined synset %.*s: pattern dropped",
                      (int)t[k].n, t[k].s);
            return 0;
        }
    }
    uint32_t pi = vb_pattern_new(d, block, line, file);
    pattern *p = &d->patterns[pi];
    p->flags = PAT_LINEAR;
    if (vb_pattern_code(p, lb + 1, (size_t)(rb - lb - 1)))
        return dict_err(err, errlen, name, line, "bad code [%.*s]",
                        (int)(rb - lb - 1), lb + 1);
    p->upper = d->npat_elems;
    for (int part = 0; part < 2; part++) {
        /* part 0: upper, from the token left of '*' leftwards, each
         * element's adjacency = connector on its right; part 1: lower. */
        size_t k = part ? star + 1 : star;
        while (part ? k < nt : k-- > 0) {
            const ltok *tk = &t[k];
            pat_elem e = {0};
            e.adjacent = (uint8_t)(part ? tk->adj_before : t[k + 1].adj_before);
            if (tk->n == 1 && strchr("$+%^", tk->s[0])) {
                e.kind = tk->s[0] == '$' ? PE_SOURCE
                         : tk->s[0] == '+' ? PE_TARGET
                         : tk->s[0] == '%' ? PE_COMPOUND
                                           : PE_SKIP;
            } else if (tk->s[0] == '&') {
                e.kind = PE_SYN;
                e.arg = (uint32_t)vb_synset_find(d, tk->s, tk->n);
            } else {
                e.kind = PE_WORD;
                e.arg = vocab_intern(&d->voc, tk->s, tk->n);
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
    return 0;
}

int dict_load_verbs_linear(dict *d, const char *name, const char *text,
                           size_t len, char *err, size_t errlen) {
    uint16_t file = dict_add_file(d, name);
    dlines lr;
    dlines_init(&lr, text, len, &d->scratch);
    dict_wbuf w = {0};
    int rc = 0, have_block = 0, in_syn = 0, syn_no_plural = 0;
    uint32_t block = 0;
    const char *s;
    size_t n;
    while (rc == 0 && dlines_next(&lr, &s, &n)) {
        uint32_t line = lr.lineno;
        dict_trim(&s, &n);
        if (n >= 3 && s[0] == '-' && s[1] == '-' && s[2] == '-') {
            in_syn = 0;
            rc = vb_header(d, name, line, file, s, n, err, errlen);
            if (rc >= 0) block = (uint32_t)rc, have_block = 1, rc = 0;
            continue;
        }
        if (s[0] == '&') {
            vb_synset_begin(d, s, n, &syn_no_plural);
            in_syn = 1;
            continue;
        }
        if (s[0] == '+' && in_syn) {
            const char *m = s + 1;
            size_t mn = n - 1;
            dict_trim(&m, &mn);
            if (mn && m[0] == '&') {
                /* A synset inside a synset: copy its member phrases. */
                int k = vb_synset_find(d, m, mn);
                if (k < 0) {
                    dict_warn(d, name, line, "undefined synset %.*s",
                              (int)mn, m);
                    continue;
                }
                synset inner = d->synsets[k];
                for (uint32_t j = 0; j < inner.n; j++) {
                    word_run wr = d->syn_phrases[inner.first + j];
                    DICT_GROW(d, d->syn_phrases, d->nsyn_phrases,
                               d->cap_syn_phrases);
                    d->syn_phrases[d->nsyn_phrases++] = wr;
                    d->synsets[d->nsynsets - 1].n++;
                }
                continue;
            }
            int trailing = mn && m[mn - 1] == '_';
            w.n = 0;
            dict_split_words(d, m, mn, 1, &w);
            vb_synset_member(d, w.w, w.n, !trailing && !syn_no_plural);
            continue;
        }
        in_syn = 0;
        if (!have_block) {
            rc = dict_err(err, errlen, name, line,
                          s[0] == '-' ? "pattern before any block header"
                                      : "verb line before any block header");
            break;
        }
        if (s[0] == '-')
            rc = lin_pattern(d, name, line, file, block, s, n, err, errlen);
        else
            rc = vb_verb_line(d, name, line, file, block, s, n, 1, &w, err,
                            errlen);
    }
    return rc;
}
