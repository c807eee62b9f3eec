/* tabari_actors.c -- TABARI .actors and .agents files (formats.md g.3,
 * g.4).
 *
 * An actor record is a phrase line, '+' synonym lines and code groups, on
 * the phrase line or on continuation lines (first character a blank or a
 * tab). A group is "[CODE]" or "[CODE RESTRICTION]" with RESTRICTION
 * "<D", ">D" or "D1-D2" (blanks allowed); TABARI's '<' and '>' are strict,
 * the interval inclusive, so "<D" is stored as ending the day before D and
 * ">D" as starting the day after. The record's phrases become roots that
 * share one actor entry; its groups become the entry's actor codes, in
 * file order, where dict_actor_code resolves them. <NOUN> and <ADJECTIVE>
 * sections list uncoded words that the coder's parser uses.
 */
#include <string.h>

#include "dict/tabari_priv.h"

/* One "[...]" group at s[0..n) (without the brackets) into the entry's
 * codes. */
static int code_group(dict *d, const char *name, uint32_t line,
                      const char *s, size_t n, char *err, size_t errlen) {
    dict_trim(&s, &n);
    size_t i = 0;
    while (i < n && !dict_isblank(s[i]) && s[i] != '<' && s[i] != '>') i++;
    const char *code = s;
    size_t cn = i;
    if (!cn)
        return dict_err(err, errlen, name, line, "code group without a code");
    int digits = 1;
    for (size_t k = 0; k < cn; k++) {
        char c = code[k];
        if (!tab_isalnum(c) && c != '-' && c != '#' && c != '+' &&
            c != '/' && c != ':' && c != '~' && c != '*')
            return dict_err(err, errlen, name, line, "bad code '%.*s'",
                            (int)cn, code);
        if (c < '0' || c > '9') digits = 0;
    }
    /* "[950601-990815]": a restriction with no code before it */
    if (digits || (memchr(code, '-', cn) && strspn(code, "-") != cn))
        return dict_err(err, errlen, name, line,
                        "code group '[%.*s]' without a code", (int)n, s);
    /* the restriction, blanks removed */
    char r[40];
    size_t rn = 0;
    for (size_t k = i; k < n; k++) {
        if (dict_isblank(s[k])) continue;
        if (rn + 1 >= sizeof r)
            return dict_err(err, errlen, name, line, "bad date restriction");
        r[rn++] = s[k];
    }
    actor_code ac = {0};
    ac.code = arena_strndup(&d->mem, code, cn);
    ac.from = 0;
    ac.to = 99999999;
    if (rn) {
        ac.restricted = 1;
        const char *dash = memchr(r, '-', rn);
        uint32_t a = 0, b = 0;
        if (r[0] == '<' || r[0] == '>') {
            a = tab_date(r + 1, rn - 1);
            if (a && r[0] == '<') ac.to = a - 1;
            if (a && r[0] == '>') ac.from = a + 1;
        } else if (dash) {
            a = tab_date(r, (size_t)(dash - r));
            b = tab_date(dash + 1, rn - (size_t)(dash - r) - 1);
            if (!b) a = 0;
            ac.from = a;
            ac.to = b;
        }
        if (!a)
            return dict_err(err, errlen, name, line,
                            "bad date restriction '%.*s' (<D, >D or D1-D2; "
                            "D is YYMMDD or YYYYMMDD)",
                            (int)rn, r);
    }
    DICT_GROW(d, d->actor_codes, d->nactor_codes, d->cap_actor_codes);
    d->actor_codes[d->nactor_codes++] = ac;
    d->actor_entries[d->nactor_entries - 1].n++;
    return 0;
}

/* Every "[...]" group in s[0..n); text outside the groups is an error. */
static int code_groups(dict *d, const char *name, uint32_t line,
                       const char *s, size_t n, char *err, size_t errlen) {
    size_t i = 0;
    while (i < n) {
        while (i < n && dict_isblank(s[i])) i++;
        if (i >= n) break;
        if (s[i] != '[')
            return dict_err(err, errlen, name, line,
                            "text '%.*s' outside a [code] group",
                            (int)(n - i), s + i);
        const char *rb = memchr(s + i, ']', n - i);
        if (!rb)
            return dict_err(err, errlen, name, line, "'[' without ']'");
        size_t a = i + 1, b = (size_t)(rb - s);
        if (code_group(d, name, line, s + a, b - a, err, errlen)) return -1;
        i = b + 1;
    }
    return 0;
}

static void new_entry(dict *d, uint32_t line, uint16_t file,
                      const char *phrase, size_t n) {
    DICT_GROW(d, d->actor_entries, d->nactor_entries, d->cap_actor_entries);
    actor_entry *e = &d->actor_entries[d->nactor_entries++];
    memset(e, 0, sizeof *e);
    e->first = d->nactor_codes;
    e->line = line;
    e->file = file;
    e->phrase = dict_add_string(d, phrase, n);
}

int tab_load_actors(dict *d, const char *name, const char *text, size_t len,
                    char *err, size_t errlen) {
    uint16_t file = dict_add_file(d, name);
    tlines lr;
    tlines_init(&lr, text, len, &d->scratch);
    const char *s;
    size_t n;
    int section = -1, have = 0; /* section: TK_NOUN, TK_ADJ or -1 */
    while (tlines_next(&lr, &s, &n)) {
        uint32_t line = tlines_lineno(&lr);
        if (s[0] == '<') {
            if (n >= 5 && !memcmp(s, "<NOUN", 5)) section = TK_NOUN;
            else if (n >= 4 && !memcmp(s, "<ADJ", 4)) section = TK_ADJ;
            else if (n >= 2 && s[1] == '/') section = -1;
            else
                return dict_err(err, errlen, name, line,
                                "unknown section '%.*s'", (int)n, s);
            continue;
        }
        if (section >= 0) {
            if (tab_add_root(d, name, line, file, (tab_kind)section, s, n, 0,
                             err, errlen) < 0)
                return -1;
            continue;
        }
        if (dict_isblank(s[0]) || s[0] == '[') {
            /* continuation: the current record's code groups */
            const char *c = s;
            size_t cn = n;
            dict_trim(&c, &cn);
            if (!have)
                return dict_err(err, errlen, name, line,
                                "code line before any actor phrase");
            if (code_groups(d, name, line, c, cn, err, errlen)) return -1;
            continue;
        }
        const char *lb = memchr(s, '[', n);
        size_t pn = lb ? (size_t)(lb - s) : n;
        const char *p = s;
        if (s[0] == '+') {
            if (!have)
                return dict_err(err, errlen, name, line,
                                "synonym before any actor phrase");
            p++, pn--;
        } else {
            const char *t = p;
            size_t tn = pn;
            dict_trim(&t, &tn);
            new_entry(d, line, file, t, tn);
            have = 1;
        }
        if (tab_add_root(d, name, line, file, TK_ACTOR, p, pn,
                         d->nactor_entries - 1, err, errlen) < 0)
            return -1;
        d->nactor_phrases++;
        if (lb && code_groups(d, name, line, lb, n - (size_t)(lb - s), err,
                              errlen))
            return -1;
    }
    return 0;
}

int tab_load_agents(dict *d, const char *name, const char *text, size_t len,
                    char *err, size_t errlen) {
    uint16_t file = dict_add_file(d, name);
    tlines lr;
    tlines_init(&lr, text, len, &d->scratch);
    const char *s;
    size_t n;
    while (tlines_next(&lr, &s, &n)) {
        uint32_t line = tlines_lineno(&lr);
        const char *lb = memchr(s, '[', n);
        const char *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
        if (!lb || !rb)
            return dict_err(err, errlen, name, line,
                            "agent without [~CODE]");
        const char *c = lb + 1;
        size_t cn = (size_t)(rb - c);
        dict_trim(&c, &cn);
        const char *tl = memchr(c, '~', cn);
        if (!tl)
            return dict_err(err, errlen, name, line,
                            "agent code '%.*s' has no '~'", (int)cn, c);
        DICT_GROW(d, d->agent_entries, d->nagent_entries,
                  d->cap_agent_entries);
        agent_entry *a = &d->agent_entries[d->nagent_entries];
        a->code = arena_strndup(&d->mem, c, cn);
        a->prefix = tl != c;
        a->line = line;
        a->file = file;
        if (tab_add_root(d, name, line, file, TK_AGENT, s,
                         (size_t)(lb - s), d->nagent_entries, err,
                         errlen) < 0)
            return -1;
        d->nagent_entries++;
        d->nagent_phrases++;
    }
    return 0;
}
