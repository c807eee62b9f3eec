/* dict_actors.c -- reader for PETRARCH actor dictionaries (formats.md b).
 *
 * A record is a primary phrase line, optional "+synonym" lines and optional
 * restriction lines ("  [CODE DATE-DATE]"); code groups may also follow a
 * phrase on its own line, several per line. When the next primary line (or
 * the end of the file) is reached, every phrase of the record is stored in
 * the actor trie with the record's (code, restriction) list. We implement
 * the recommendations of b.2/b.3 rather than PETRARCH2's quirks: the last
 * record of a file is stored, phrases are split at the first '[', spaces
 * inside brackets are accepted everywhere, restrictions are inclusive.
 */
#include <stdlib.h>
#include <string.h>

#include "dict/lines.h"
#include "dict/dict_priv.h"

/* One phrase of the record being read: a run in the loader's word buffer. */
typedef struct rec_phrase {
    size_t first, n;
} rec_phrase;

/* State of one dict_load_actors call; scratch arrays live on the heap and
 * are reused for every record. */
typedef struct actor_reader {
    dict *d;
    const char *name;
    uint16_t file;
    dict_wbuf words;                 /* words of all phrases of the record */
    rec_phrase *ph;             /* phrases of the record */
    size_t nph, cap_ph;
    actor_code *codes;          /* code list of the record */
    size_t ncodes, cap_codes;
    uint32_t line;              /* line of the primary phrase; 0: none */
    uint32_t primary;           /* dict_str offset of the primary phrase */
} actor_reader;

static void push_code(actor_reader *r, actor_code c) {
    DICT_SCRATCH_GROW(r->d, r->codes, r->ncodes, r->cap_codes);
    r->codes[r->ncodes++] = c;
}

/* Parses one date: YYYYMMDD, or YYMMDD with 00-30 read as 20xx. Shipped
 * typos load with a warning: 7 digits ("9008223") are read as YYMMDD from
 * the first six, 9-10 digits as YYYYMMDD from the first eight. Returns 0
 * on success, -1 for anything else. */
static int parse_date(actor_reader *r, uint32_t line, const char *s,
                      size_t n, uint32_t *out) {
    if (n < 6 || n > 10) return -1;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return -1;
    uint32_t v = 0;
    if (n >= 8) {
        /* PETRARCH2 reads more than 7 digits as YYYYMMDD; a shipped typo
         * has 9 ("201005011"): keep the first eight and warn. */
        if (n > 8)
            dict_warn(r->d, r->name, line, "date '%.*s' read as YYYYMMDD",
                      (int)n, s);
        for (size_t i = 0; i < 8; i++) v = v * 10 + (uint32_t)(s[i] - '0');
    } else {
        if (n == 7)
            dict_warn(r->d, r->name, line, "7-digit date '%.*s' read as YYMMDD",
                      (int)n, s);
        uint32_t yy = (uint32_t)(s[0] - '0') * 10 + (uint32_t)(s[1] - '0');
        for (size_t i = 2; i < 6; i++) v = v * 10 + (uint32_t)(s[i] - '0');
        v += (yy <= 30 ? 2000 + yy : 1900 + yy) * 10000;
    }
    *out = v;
    return 0;
}

/* Parses the inside of one "[...]" group into a code pair. */
static int parse_group(actor_reader *r, uint32_t line, const char *s,
                       size_t n, char *err, size_t errlen) {
    dict_trim(&s, &n);
    size_t i = 0;
    while (i < n && !dict_isblank(s[i])) i++;
    if (i == 0) return dict_err(err, errlen, r->name, line, "empty code []");
    actor_code c = {arena_strndup(&r->d->mem, s, i), 0, 99999999, 0};
    /* The restriction, blanks removed: "<D", ">D", "D1-D2" or "D". */
    char rs[64];
    size_t rn = 0;
    for (; i < n; i++) {
        if (dict_isblank(s[i])) continue;
        if (rn + 1 >= sizeof rs)
            return dict_err(err, errlen, r->name, line, "bad date in [%.*s]",
                            (int)n, s);
        rs[rn++] = s[i];
    }
    if (rn) {
        c.restricted = 1;
        const char *dash = memchr(rs, '-', rn);
        int bad = 0;
        if (rs[0] == '<') {
            bad = parse_date(r, line, rs + 1, rn - 1, &c.to);
        } else if (rs[0] == '>') {
            bad = parse_date(r, line, rs + 1, rn - 1, &c.from);
        } else if (dash) {
            bad = parse_date(r, line, rs, (size_t)(dash - rs), &c.from) ||
                  parse_date(r, line, dash + 1, rn - (size_t)(dash + 1 - rs),
                             &c.to);
        } else {
            /* A bare date: b.3 allows reading it as ">D". */
            bad = parse_date(r, line, rs, rn, &c.from);
            if (!bad)
                dict_warn(r->d, r->name, line,
                          "bare date in [%.*s] read as '>'", (int)n, s);
        }
        if (bad)
            return dict_err(err, errlen, r->name, line, "bad date in [%.*s]",
                            (int)n, s);
    }
    push_code(r, c);
    return 0;
}

/* Parses all "[...]" groups of s; only blanks may separate them. */
static int parse_groups(actor_reader *r, uint32_t line, const char *s,
                        size_t n, char *err, size_t errlen) {
    size_t i = 0;
    for (;;) {
        while (i < n && dict_isblank(s[i])) i++;
        if (i == n) return 0;
        if (s[i] != '[') {
            /* Shipped lines carry notes after the code without a '#'
             * ("[MNCMED]<tab>Newspapers/Magazines"): ignore, with a
             * warning, rather than reject the whole file. */
            dict_warn(r->d, r->name, line, "text after ] ignored: '%.*s'",
                      (int)(n - i), s + i);
            return 0;
        }
        const char *close = memchr(s + i, ']', n - i);
        if (!close)
            return dict_err(err, errlen, r->name, line, "missing ']'");
        if (parse_group(r, line, s + i + 1, (size_t)(close - s - i - 1), err,
                        errlen))
            return -1;
        i = (size_t)(close - s) + 1;
    }
}

static void add_phrase(actor_reader *r, const char *s, size_t n) {
    size_t first = r->words.n;
    size_t k = dict_split_words(r->d, s, n, 1, &r->words);
    if (!k) return;
    DICT_SCRATCH_GROW(r->d, r->ph, r->nph, r->cap_ph);
    r->ph[r->nph++] = (rec_phrase){first, k};
}

/* Stores the current record: one entry shared by all its phrases; a phrase
 * already known gets a new entry holding its old codes followed by these. */
static void flush(actor_reader *r) {
    dict *d = r->d;
    if (!r->line || !r->nph) goto reset;
    uint32_t shared = UINT32_MAX;
    for (size_t p = 0; p < r->nph; p++) {
        uint32_t node = ptrie_insert(&d->actors, r->words.w + r->ph[p].first,
                                     r->ph[p].n);
        uint32_t old = ptrie_value(&d->actors, node);
        if (!old && shared != UINT32_MAX) {
            ptrie_set_value(&d->actors, node, shared + 1);
            d->nactor_phrases++;
            continue;
        }
        DICT_GROW(d, d->actor_entries, d->nactor_entries,
                   d->cap_actor_entries);
        uint32_t idx = d->nactor_entries++;
        actor_entry *e = &d->actor_entries[idx];
        e->first = d->nactor_codes;
        e->n = 0;
        e->line = r->line;
        e->file = r->file;
        e->phrase = r->primary;
        if (old) {
            /* Same phrase seen again: keep its codes, append the new. */
            actor_entry prev = d->actor_entries[old - 1];
            for (uint32_t k = 0; k < prev.n; k++) {
                DICT_GROW(d, d->actor_codes, d->nactor_codes,
                           d->cap_actor_codes);
                d->actor_codes[d->nactor_codes++] =
                    d->actor_codes[prev.first + k];
            }
        } else {
            shared = idx;
            d->nactor_phrases++;
        }
        for (size_t k = 0; k < r->ncodes; k++) {
            DICT_GROW(d, d->actor_codes, d->nactor_codes,
                       d->cap_actor_codes);
            d->actor_codes[d->nactor_codes++] = r->codes[k];
        }
        d->actor_entries[idx].n = d->nactor_codes - d->actor_entries[idx].first;
        ptrie_set_value(&d->actors, node, idx + 1);
    }
reset:
    r->words.n = 0;
    r->nph = 0;
    r->ncodes = 0;
    r->line = 0;
}

/* Splits a phrase line at its first '[' and stores phrase and codes. */
static int phrase_line(actor_reader *r, uint32_t line, const char *s,
                       size_t n, char *err, size_t errlen) {
    const char *br = memchr(s, '[', n);
    size_t pn = br ? (size_t)(br - s) : n;
    if (r->nph == 0) {
        /* Primary phrase text for explain: words joined by spaces. */
        char tmp[512];
        size_t tn = 0;
        for (size_t i = 0; i < pn && tn + 1 < sizeof tmp; i++) {
            char c = s[i];
            if (c == '_' || dict_isblank(c)) c = ' ';
            if (c >= 'a' && c <= 'z') c = (char)(c - 32);
            if (c == ' ' && (tn == 0 || tmp[tn - 1] == ' ')) continue;
            tmp[tn++] = c;
        }
        while (tn && tmp[tn - 1] == ' ') tn--;
        r->primary = dict_add_string(r->d, tmp, tn);
    }
    size_t before = r->nph;
    add_phrase(r, s, pn);
    if (r->nph == before)
        return dict_err(err, errlen, r->name, line, "empty actor phrase");
    if (br && parse_groups(r, line, br, n - pn, err, errlen)) return -1;
    return 0;
}

int dict_load_actors(dict *d, const char *name, const char *text, size_t len,
                     char *err, size_t errlen) {
    actor_reader r;
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
        if (s[0] == '[') { /* restriction line (indented or not) */
            if (!r.line) {
                rc = dict_err(err, errlen, name, line,
                              "restriction line before any phrase");
                break;
            }
            rc = parse_groups(&r, line, s, n, err, errlen);
        } else if (s[0] == '+') {
            if (!r.line) {
                rc = dict_err(err, errlen, name, line,
                              "synonym before any phrase");
                break;
            }
            rc = phrase_line(&r, line, s + 1, n - 1, err, errlen);
        } else {
            flush(&r);
            r.line = line;
            rc = phrase_line(&r, line, s, n, err, errlen);
        }
    }
    if (rc == 0) flush(&r); /* the last record counts too (b.2 quirk fixed) */
    return rc;
}
