/* dict_discards.c -- reader for the discard list (formats.md d.1).
 *
 * One phrase per line, upper-cased and split at blanks; a leading '+' makes
 * it a story discard. A trailing '_' on the last word means the word must
 * match whole; otherwise it matches as a prefix (d.1's recommendation, see
 * dict_discard_match in dict.c).
 */
#include <string.h>

#include "dict/lines.h"
#include "dict/dict_priv.h"

int dict_load_discards(dict *d, const char *name, const char *text,
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
        uint8_t story = 0;
        if (s[0] == '+') {
            story = 1;
            s++, n--;
            dict_trim(&s, &n);
        }
        uint8_t exact = 0;
        while (n && s[n - 1] == '_') exact = 1, n--;
        w.n = 0;
        /* Blanks separate words; '_' inside a phrase joins words too. */
        if (!dict_split_words(d, s, n, 1, &w)) {
            rc = dict_err(err, errlen, name, lr.lineno, "empty discard phrase");
            break;
        }
        DICT_GROW(d, d->discards, d->ndiscards, d->cap_discards);
        discard_entry *e = &d->discards[d->ndiscards++];
        e->first = dict_push_words(d, w.w, w.n);
        e->n = (uint32_t)w.n;
        e->story = story;
        e->exact = exact;
        e->last = vocab_word(&d->voc, w.w[w.n - 1]);
        e->line = lr.lineno;
        e->file = file;
    }
    return rc;
}
