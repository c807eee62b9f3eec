/* dict_nominals.c -- reader for dyad's nominal-event list.
 *
 * News names many events with a noun rather than a verb: "an Israeli air
 * strike on Khan Younis", "talks between Washington and Beijing",
 * "sanctions against Iran". The community formats have no place for these,
 * so dyad adds a small one, one entry per line:
 *
 *     AIR_STRIKE [195] ON AGAINST      # phrase, code, target prepositions
 *     TALKS [046:046] WITH BETWEEN     # [A:B]: reciprocal event too
 *
 * The phrase's last word is the head noun of the noun phrase (matched by
 * form or lemma, so STRIKE also matches "strikes"); '#' starts a comment.
 */
#include <string.h>

#include "dict/lines.h"
#include "dict/dict_priv.h"

int dict_load_nominals(dict *d, const char *name, const char *text,
                       size_t len, char *err, size_t errlen) {
    uint16_t file = dict_add_file(d, name);
    dlines lr;
    dlines_init(&lr, text, len, &d->scratch);
    dict_wbuf w = {0};
    const char *s;
    size_t n;
    int rc = 0;
    while (dlines_next(&lr, &s, &n)) {
        dict_trim(&s, &n);
        const char *lb = memchr(s, '[', n);
        const char *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
        if (!lb || !rb) {
            rc = dict_err(err, errlen, name, lr.lineno,
                          "expected PHRASE [CODE] PREPOSITION...");
            break;
        }
        w.n = 0;
        if (!dict_split_words(d, s, (size_t)(lb - s), 1, &w)) {
            rc = dict_err(err, errlen, name, lr.lineno, "no phrase before [");
            break;
        }
        DICT_GROW(d, d->nominals, d->nnominals, d->cap_nominals);
        nominal_entry *e = &d->nominals[d->nnominals];
        memset(e, 0, sizeof *e);
        const char *code = lb + 1, *colon = memchr(code, ':', (size_t)(rb - code));
        size_t clen = (size_t)((colon ? colon : rb) - code);
        if (clen == 0 || dict_code8(e->code, code, clen) != 0 ||
            (colon && dict_code8(e->rcode, colon + 1,
                                 (size_t)(rb - colon - 1)) != 0)) {
            rc = dict_err(err, errlen, name, lr.lineno, "bad code in [...]");
            break;
        }
        e->first = dict_push_words(d, w.w, w.n);
        e->n = (uint32_t)w.n;
        w.n = 0;
        size_t rest = n - (size_t)(rb + 1 - s);
        dict_split_words(d, rb + 1, rest, 1, &w);
        if (w.n == 0 || w.n > 4) {
            rc = dict_err(err, errlen, name, lr.lineno,
                          "expected one to four prepositions after the code");
            break;
        }
        for (size_t k = 0; k < w.n; k++) e->preps[k] = w.w[k];
        e->npreps = (uint8_t)w.n;
        e->line = lr.lineno;
        e->file = file;
        d->nnominals++;
    }
    return rc;
}
