/* classes.c -- reader for dyad's word classes (dyad.rules.txt).
 *
 * The coder's rules need word lists: which verbs report speech, which nouns
 * name a person, which describe an armed group or a government. They are
 * data a dictionary writer can read, review and extend, not C:
 *
 *     [armed-group]            # a class, by name (dict.h: word_class)
 *     GROUP MILITANT REBEL     # its words, base forms, any number a line
 *
 * Words are matched by form or lemma. '#' starts a comment.
 */
#include <string.h>

#include "dict/dict_priv.h"
#include "dict/lines.h"

static const char *const class_names[WC_COUNT] = {
    [WC_REPORTING] = "reporting",
    [WC_PERSON] = "person",
    [WC_INTENT_ADJ] = "intent-adjective",
    [WC_ARMED_GROUP] = "armed-group",
    [WC_STATE] = "state",
    [WC_GOVERNMENT] = "government",
    [WC_ORGANISATION] = "organisation",
    [WC_PAIR] = "pair",
    [WC_FORCES] = "forces",
    [WC_POLICE] = "police",
    [WC_PEOPLE] = "people",
    [WC_RELATIONAL] = "relational",
    [WC_ALLEGATION] = "allegation",
    [WC_CESSATION] = "cessation",
    [WC_ACT_NOUN] = "act-noun",
    [WC_KILLING] = "killing",
    [WC_CENSURE] = "censure",
    [WC_CONTROL] = "control",
    [WC_NAME_HEAD] = "name-head",
    [WC_SEIZING] = "seizing",
    [WC_FAMILY_FIRST] = "family-first",
    [WC_THING] = "thing",
    [WC_DISPATCH] = "dispatch",
    [WC_SIGNING] = "signing",
    [WC_DOCUMENT] = "document",
    [WC_OFFERING] = "offering",
};

/* tok.wcls and dict.cls hold the classes as 32 bits */
_Static_assert(WC_COUNT <= 32, "word classes exceed tok.wcls");

const char *dict_class_name(word_class k) {
    return k < WC_COUNT ? class_names[k] : "?";
}

/* Marks word id w as a member of class k. */
static void add_member(dict *d, uint32_t w, word_class k) {
    if (w >= d->ncls) {
        uint32_t n = d->ncls ? d->ncls : 1024;
        while (n <= w) n *= 2;
        uint32_t *nb = mem_realloc(d->m, d->cls, n * sizeof *nb);
        if (!nb) return;
        memset(nb + d->ncls, 0, (n - d->ncls) * sizeof *nb);
        d->cls = nb;
        d->ncls = n;
    }
    d->cls[w] |= (uint32_t)1 << k;
}

int dict_load_classes(dict *d, const char *name, const char *text, size_t len,
                      char *err, size_t errlen) {
    dict_add_file(d, name);
    dlines lr;
    dlines_init(&lr, text, len, &d->scratch);
    const char *s;
    size_t n;
    int cur = -1;
    while (dlines_next(&lr, &s, &n)) {
        dict_trim(&s, &n);
        if (!n) continue;
        if (s[0] == '[') {
            if (s[n - 1] != ']')
                return dict_err(err, errlen, name, lr.lineno,
                                "a class header is [name]");
            cur = -1;
            for (int k = 0; k < WC_COUNT; k++)
                if (strlen(class_names[k]) == n - 2 &&
                    !memcmp(class_names[k], s + 1, n - 2))
                    cur = k;
            if (cur < 0)
                return dict_err(err, errlen, name, lr.lineno,
                                "unknown word class '%.*s'", (int)(n - 2),
                                s + 1);
            continue;
        }
        if (cur < 0)
            return dict_err(err, errlen, name, lr.lineno,
                            "word before any [class] header");
        for (size_t i = 0; i < n;) {
            while (i < n && dict_isblank(s[i])) i++;
            size_t b = i;
            while (i < n && !dict_isblank(s[i])) i++;
            if (i > b)
                add_member(d, vocab_intern(&d->voc, s + b, i - b),
                           (word_class)cur);
        }
    }
    return 0;
}
