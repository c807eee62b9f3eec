/* dict_issues.c -- reader for the issues dictionary (formats.md d.2).
 *
 * "PHRASE [CODE]" lines; "~phrase" (sentence) and "~~phrase" (story) are
 * ignore phrases; <ISSUE ...> and </ISSUE> lines are skipped. Within a
 * phrase, "n:W" expands to W and its plural, "v:W" to W and its verb forms,
 * and "A+B" to both "A B" and "A-B"; every combination is stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/lines.h"
#include "dict/dict_priv.h"

enum { MAXALT = 8, MAXTOK = 32 };

/* Alternatives of one token, each a short upper-case string. */
typedef struct alts {
    char s[MAXALT][128];
    size_t n;
} alts;

static void add_alt(alts *a, const char *s, size_t n) {
    if (a->n >= MAXALT || n >= sizeof a->s[0]) return;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        a->s[a->n][i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    a->s[a->n][n] = '\0';
    a->n++;
}

/* Forms of one '+'-free part: "n:W", "v:W" or a plain word. */
static void part_forms(const char *s, size_t n, alts *out) {
    char b[128];
    out->n = 0;
    if (n > 2 && (s[0] == 'n' || s[0] == 'N') && s[1] == ':' && n < 120) {
        s += 2, n -= 2;
        add_alt(out, s, n);
        memcpy(b, s, n);
        if (s[n - 1] == 'y' || s[n - 1] == 'Y') {
            memcpy(b + n - 1, "IES", 3);
            add_alt(out, b, n + 2);
        } else {
            b[n] = 'S';
            add_alt(out, b, n + 1);
        }
    } else if (n > 2 && (s[0] == 'v' || s[0] == 'V') && s[1] == ':' &&
               n < 120) {
        s += 2, n -= 2;
        int e = s[n - 1] == 'e' || s[n - 1] == 'E';
        add_alt(out, s, n);
        memcpy(b, s, n);
        b[n] = 'S';
        add_alt(out, b, n + 1);
        memcpy(b + n, e ? "D" : "ED", e ? 1 : 2);
        add_alt(out, b, n + (e ? 1 : 2));
        memcpy(b + n - (size_t)e, "ING", 3);
        add_alt(out, b, n - (size_t)e + 3);
    } else {
        add_alt(out, s, n);
    }
}

/* All alternatives of one whitespace token, '+' joins expanded. */
static void token_forms(const char *s, size_t n, alts *out) {
    const char *plus = memchr(s, '+', n);
    if (!plus) {
        part_forms(s, n, out);
        return;
    }
    alts left, right;
    part_forms(s, (size_t)(plus - s), &left);
    token_forms(plus + 1, n - (size_t)(plus + 1 - s), &right);
    out->n = 0;
    for (size_t i = 0; i < left.n; i++)
        for (size_t j = 0; j < right.n; j++)
            for (int k = 0; k < 2; k++) {
                char b[260];
                int m = snprintf(b, sizeof b, "%s%c%s", left.s[i],
                                 k ? '-' : ' ', right.s[j]);
                if (m > 0) add_alt(out, b, (size_t)m);
            }
}

typedef struct issue_reader {
    dict *d;
    alts tok[MAXTOK];
    size_t ntok;
    dict_wbuf words;
} issue_reader;

/* Stores every combination of the token alternatives, from token t on. */
static void combine(issue_reader *r, size_t t, uint32_t idx) {
    if (t == r->ntok) {
        uint32_t node = ptrie_insert(&r->d->issues, r->words.w, r->words.n);
        if (!ptrie_value(&r->d->issues, node)) r->d->nissue_phrases++;
        ptrie_set_value(&r->d->issues, node, idx + 1);
        return;
    }
    size_t mark = r->words.n;
    for (size_t a = 0; a < r->tok[t].n; a++) {
        r->words.n = mark;
        dict_split_words(r->d, r->tok[t].s[a], strlen(r->tok[t].s[a]), 0,
                         &r->words);
        combine(r, t + 1, idx);
    }
    r->words.n = mark;
}

int dict_load_issues(dict *d, const char *name, const char *text, size_t len,
                     char *err, size_t errlen) {
    dict_add_file(d, name);
    issue_reader *r = arena_zalloc(&d->scratch, sizeof *r);
    r->d = d;
    dlines lr;
    dlines_init(&lr, text, len, &d->scratch);
    const char *s;
    size_t n;
    int rc = 0;
    while (dlines_next(&lr, &s, &n)) {
        uint32_t line = lr.lineno;
        dict_trim(&s, &n);
        if (s[0] == '<') continue; /* <ISSUE ...>, </ISSUE> */
        uint8_t ignore = 0;
        const char *code = NULL;
        size_t cn = 0;
        if (s[0] == '~') {
            ignore = 1;
            s++, n--;
            if (n && s[0] == '~') ignore = 2, s++, n--;
        } else {
            const char *br = memchr(s, '[', n);
            if (!br) continue;
            const char *close = memchr(br, ']', n - (size_t)(br - s));
            if (!close) {
                rc = dict_err(err, errlen, name, line, "missing ']'");
                break;
            }
            code = br + 1;
            cn = (size_t)(close - br - 1);
            dict_trim(&code, &cn);
            if (!cn) {
                rc = dict_err(err, errlen, name, line, "empty issue code");
                break;
            }
            n = (size_t)(br - s);
        }
        /* Tokens and their alternatives. */
        r->ntok = 0;
        for (size_t i = 0; i < n;) {
            while (i < n && dict_isblank(s[i])) i++;
            size_t st = i;
            while (i < n && !dict_isblank(s[i])) i++;
            if (i == st) continue;
            if (r->ntok == MAXTOK) {
                rc = dict_err(err, errlen, name, line, "phrase too long");
                break;
            }
            token_forms(s + st, i - st, &r->tok[r->ntok++]);
        }
        if (rc) break;
        if (!r->ntok) {
            rc = dict_err(err, errlen, name, line, "empty issue phrase");
            break;
        }
        DICT_GROW(d, d->issue_entries, d->nissue_entries,
                   d->cap_issue_entries);
        uint32_t idx = d->nissue_entries++;
        d->issue_entries[idx].code =
            code ? arena_strndup(&d->mem, code, cn) : NULL;
        d->issue_entries[idx].ignore = ignore;
        r->words.n = 0;
        combine(r, 0, idx);
    }
    return rc;
}
