/* tabari_read.c -- the common TABARI dictionary line format (formats.md
 * g.2): comments, the '~' end of a dictionary, phrases with connectors,
 * restriction dates. Shared by tabari_actors.c and tabari_verbs.c.
 */
#include <string.h>

#include "dict/tabari_priv.h"

void tlines_init(tlines *r, const char *text, size_t len, arena *scratch) {
    dlines_init(&r->raw, text, len, scratch);
    r->done = 0;
}

int tlines_next(tlines *r, const char **s, size_t *n) {
    const char *p;
    size_t k;
    while (!r->done && dlines_raw_next(&r->raw, &p, &k)) {
        if (k && p[0] == '~') {
            r->done = 1; /* "~~FINISH ...": the rest is the file's tail */
            break;
        }
        if (k && (p[0] == '#' || p[0] == '/')) continue;
        const char *semi = memchr(p, ';', k);
        if (semi) k = (size_t)(semi - p);
        while (k && dict_isblank(p[k - 1])) k--;
        size_t i = 0;
        while (i < k && dict_isblank(p[i])) i++;
        if (i == k) continue;
        *s = p;
        *n = k;
        return 1;
    }
    return 0;
}

uint32_t tab_date(const char *s, size_t n) {
    if (n != 6 && n != 8) return 0;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (uint32_t)(s[i] - '0');
    }
    if (n == 6) v += (v / 10000 <= 30 ? 20000000u : 19000000u);
    uint32_t mo = v / 100 % 100, dy = v % 100;
    if (mo < 1 || mo > 12 || dy < 1 || dy > 31) return 0;
    return v;
}

/* One word of a phrase as it is written, with what follows it. */
static size_t word_end(const char *s, size_t i, size_t n) {
    while (i < n && !dict_isblank(s[i]) && s[i] != '_' && s[i] != '-' &&
           s[i] != '~')
        i++;
    return i;
}

int tab_phrase(dict *d, const char *name, uint32_t line, const char *s,
               size_t n, int endings, uint32_t *chars, char *err,
               size_t errlen) {
    tab_dict *t = tab_get(d);
    dict_trim(&s, &n);
    uint32_t nch = 0;
    for (size_t i = 0; i < n; i++)
        if (tab_isalnum(s[i]) || s[i] == '_' || s[i] == '\'' || s[i] == '-' ||
            s[i] == '.' || (unsigned char)s[i] >= 0x80)
            nch++;
    if (nch < 2)
        return dict_err(err, errlen, name, line,
                        "phrase '%.*s' is shorter than 2 characters", (int)n,
                        s);
    int count = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (dict_isblank(s[i]) || s[i] == '_' || s[i] == '-'))
            i++;
        if (i >= n) break;
        size_t a = i, b = word_end(s, i, n);
        if (b == a) { /* a stray '~' */
            i++;
            continue;
        }
        int noend = b > a && s[b - 1] == '=';
        size_t wl = (size_t)(b - a) - (size_t)noend;
        if (!wl) {
            i = b;
            continue;
        }
        /* what follows: '~' keeps a stem, '_' (or '-') makes the word
         * exact; the next word follows at once when no blank comes
         * before it */
        size_t j = b;
        int tilde = 0, under = 0, blank = 0;
        while (j < n && (dict_isblank(s[j]) || s[j] == '_' || s[j] == '-' ||
                         s[j] == '~')) {
            if (s[j] == '~' && !under && !blank) tilde = 1;
            else if (s[j] == '_' || s[j] == '-') {
                if (!blank) under = 1;
            } else
                blank = 1;
            j++;
        }
        int last = j >= n;
        uint8_t fl = 0;
        if (noend)
            fl = 0;
        else if (under && !tilde)
            fl = (uint8_t)(last && endings ? TW_ENDS : 0);
        else
            fl = TW_STEM;
        if (!last && !blank) fl |= TW_NEXT;
        DICT_GROW(d, t->words, t->nwords, t->cap_words);
        t->words[t->nwords].wid = vocab_intern(&d->voc, s + a, wl);
        t->words[t->nwords++].flags = fl;
        count++;
        i = j;
    }
    if (chars) *chars = nch;
    return count;
}

int64_t tab_add_root(dict *d, const char *name, uint32_t line, uint16_t file,
                     tab_kind kind, const char *s, size_t n, uint32_t ref,
                     char *err, size_t errlen) {
    tab_dict *t = tab_get(d);
    uint32_t first = t->nwords, chars = 0;
    int k = tab_phrase(d, name, line, s, n, 1, &chars, err, errlen);
    if (k < 0) return -1;
    if (k > 64)
        return dict_err(err, errlen, name, line,
                        "phrase of %d words (at most 64)", k);
    DICT_GROW(d, t->roots, t->nroots, t->cap_roots);
    tab_root *r = &t->roots[t->nroots];
    memset(r, 0, sizeof *r);
    r->first = first;
    r->n = (uint16_t)k;
    r->kind = (uint8_t)kind;
    r->ref = ref;
    r->chars = chars;
    r->line = line;
    r->file = file;
    if (kind == TK_VERB || kind == TK_TIME) /* "donate's" is no verb */
        t->words[t->nwords - 1].flags |= TW_VERB;
    t->finished = 0;
    return (int64_t)t->nroots++;
}
