/* dict_agents.c -- reader for the agent dictionary (formats.md c).
 *
 * Lines are "PHRASE {PLURAL} [CODE]". Without braces a plural is generated
 * from the whole string (c.1: ...Y -> ...IES, ...S -> ...SES, else +S);
 * "{X}" gives plural X and "{}" none. "!NAME! = a, b, c" defines a
 * substitution set; a phrase containing !NAME! becomes one entry per item,
 * without plurals. A code closed with '}' instead of ']' (one shipped line)
 * is skipped with a warning so the file still loads; lines without '[' are
 * ignored (also with a warning, as PETRARCH2 does).
 */
#include <stdlib.h>
#include <string.h>

#include "dict/lines.h"
#include "dict/dict_priv.h"

/* One substitution set: name including the '!' marks, items in the arena. */
typedef struct subst_set {
    const char *name;
    size_t nname;
    const char **items;
    size_t *nitems;
    size_t n;
} subst_set;

typedef struct agent_reader {
    dict *d;
    const char *name;
    uint16_t file;
    dict_wbuf words;
    subst_set *sets;
    size_t nsets, cap_sets;
    char *buf;          /* scratch for substituted/plural phrases */
    size_t cap;
} agent_reader;

static void reserve(agent_reader *r, size_t n) {
    if (n <= r->cap) return;
    size_t c = r->cap ? r->cap : 256;
    while (c < n) c *= 2;
    char *nb = arena_alloc(&r->d->scratch, c);
    if (!nb) return;
    if (r->cap) memcpy(nb, r->buf, r->cap);
    r->buf = nb;
    r->cap = c;
}

/* Inserts one phrase for agent entry idx. */
static void insert(agent_reader *r, const char *s, size_t n, uint32_t idx) {
    r->words.n = 0;
    if (!dict_split_words(r->d, s, n, 1, &r->words)) return;
    uint32_t node = ptrie_insert(&r->d->agents, r->words.w, r->words.n);
    if (!ptrie_value(&r->d->agents, node)) r->d->nagent_phrases++;
    /* A later entry for the same phrase replaces the earlier one, as the
     * PETRARCH2 dictionary assignment does. */
    ptrie_set_value(&r->d->agents, node, idx + 1);
}

static int define_set(agent_reader *r, uint32_t line, const char *s,
                      size_t n, char *err, size_t errlen) {
    const char *eq = memchr(s, '=', n);
    const char *nm = s;
    size_t nn = (size_t)(eq - s);
    dict_trim(&nm, &nn);
    if (nn < 3 || nm[0] != '!' || nm[nn - 1] != '!')
        return dict_err(err, errlen, r->name, line,
                        "bad substitution set name '%.*s'", (int)nn, nm);
    DICT_SCRATCH_GROW(r->d, r->sets, r->nsets, r->cap_sets);
    subst_set *set = &r->sets[r->nsets++];
    set->name = arena_strndup(&r->d->mem, nm, nn); /* line may be scratch */
    set->nname = nn;
    /* Items: count commas first, then copy pointers into the arena. */
    const char *p = eq + 1, *end = s + n;
    size_t cnt = 1;
    for (const char *q = p; q < end; q++) cnt += *q == ',';
    set->items = arena_alloc(&r->d->mem, cnt * sizeof(*set->items));
    set->nitems = arena_alloc(&r->d->mem, cnt * sizeof(*set->nitems));
    set->n = 0;
    while (p <= end) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        const char *ie = c ? c : end;
        const char *it = p;
        size_t in = (size_t)(ie - p);
        dict_trim(&it, &in);
        if (in) {
            set->items[set->n] = arena_strndup(&r->d->mem, it, in);
            set->nitems[set->n++] = in;
        }
        if (!c) break;
        p = c + 1;
    }
    if (!set->n)
        return dict_err(err, errlen, r->name, line, "empty substitution set");
    return 0;
}

int dict_load_agents(dict *d, const char *name, const char *text, size_t len,
                     char *err, size_t errlen) {
    agent_reader r;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.name = name;
    r.file = dict_add_file(d, name);
    dlines lr;
    dlines_init(&lr, text, len, &d->scratch);
    const char *s;
    size_t n;
    int rc = 0;
    while (rc == 0 && dlines_next(&lr, &s, &n)) {
        uint32_t line = lr.lineno;
        dict_trim(&s, &n);
        const char *br = memchr(s, '[', n);
        if (memchr(s, '!', n) && memchr(s, '=', n) && !br) {
            rc = define_set(&r, line, s, n, err, errlen);
            continue;
        }
        if (!br) {
            dict_warn(d, name, line, "agent line without [code] ignored");
            continue;
        }
        size_t rest = n - (size_t)(br - s);
        const char *close = memchr(br, ']', rest);
        if (!close) {
            /* c.1 quirk: "[~ENV}" -- skip the line, keep loading. */
            dict_warn(d, name, line, "agent code not closed with ']'; "
                                     "line skipped");
            continue;
        }
        const char *code = br + 1;
        size_t cn = (size_t)(close - br - 1);
        dict_trim(&code, &cn);
        if (!cn || !memchr(code, '~', cn)) {
            rc = dict_err(err, errlen, name, line,
                          "agent code '%.*s' has no '~'", (int)cn, code);
            break;
        }
        /* Phrase and optional {plural}. */
        const char *ph = s;
        size_t pn = (size_t)(br - s);
        const char *ob = memchr(ph, '{', pn);
        const char *plural = NULL;
        size_t pln = 0;
        if (ob) {
            const char *cb = memchr(ob, '}', (size_t)(br - ob));
            if (!cb) {
                rc = dict_err(err, errlen, name, line, "missing '}'");
                break;
            }
            plural = ob + 1;
            pln = (size_t)(cb - ob - 1);
            dict_trim(&plural, &pln);
            pn = (size_t)(ob - s);
        }
        dict_trim(&ph, &pn);
        while (pn && ph[pn - 1] == '_') pn--; /* trailing '_' means nothing */
        if (!pn) {
            rc = dict_err(err, errlen, name, line, "empty agent phrase");
            break;
        }
        DICT_GROW(d, d->agent_entries, d->nagent_entries,
                   d->cap_agent_entries);
        uint32_t idx = d->nagent_entries++;
        agent_entry *e = &d->agent_entries[idx];
        e->code = arena_strndup(&d->mem, code, cn);
        e->prefix = code[cn - 1] == '~' && code[0] != '~';
        e->line = line;
        e->file = r.file;

        /* Substitution set use: one phrase per item, no plurals. */
        const char *bang = memchr(ph, '!', pn);
        if (bang) {
            const char *bang2 = memchr(bang + 1, '!', pn - (size_t)(bang + 1 - ph));
            subst_set *set = NULL;
            for (size_t k = 0; bang2 && k < r.nsets; k++)
                if (r.sets[k].nname == (size_t)(bang2 + 1 - bang) &&
                    memcmp(r.sets[k].name, bang, r.sets[k].nname) == 0)
                    set = &r.sets[k];
            if (!set) {
                rc = dict_err(err, errlen, name, line,
                              "undefined substitution set in '%.*s'", (int)pn,
                              ph);
                break;
            }
            size_t pre = (size_t)(bang - ph);
            size_t post = pn - (size_t)(bang2 + 1 - ph);
            for (size_t k = 0; k < set->n; k++) {
                reserve(&r, pre + set->nitems[k] + post + 1);
                memcpy(r.buf, ph, pre);
                memcpy(r.buf + pre, set->items[k], set->nitems[k]);
                memcpy(r.buf + pre + set->nitems[k], bang2 + 1, post);
                insert(&r, r.buf, pre + set->nitems[k] + post, idx);
            }
            continue;
        }
        insert(&r, ph, pn, idx);
        if (ob) {
            if (pln) insert(&r, plural, pln, idx);
            continue;
        }
        /* Regular plural of the whole string (really of its last word). */
        reserve(&r, pn + 4);
        memcpy(r.buf, ph, pn);
        size_t bn = pn;
        char last = ph[pn - 1];
        if (last == 'y' || last == 'Y') {
            memcpy(r.buf + pn - 1, "IES", 3);
            bn = pn + 2;
        } else if (last == 's' || last == 'S') {
            memcpy(r.buf + pn, "ES", 2);
            bn = pn + 2;
        } else {
            r.buf[pn] = 'S';
            bn = pn + 1;
        }
        insert(&r, r.buf, bn, idx);
    }
    return rc;
}
