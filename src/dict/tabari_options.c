/* tabari_options.c -- TABARI .options commands and .project files
 * (formats.md g.7, g.1); see tabari_options.h.
 */
#include "dict/tabari_options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tab_opts_init(tab_opts *o) {
    memset(o, 0, sizeof *o);
    o->code_by = TAB_BY_CLAUSE;
    o->min_words = 8;
    o->time_shift = -1;
    o->comma_min = 2;
    o->comma_max = 10;
    o->comma_emin = 2;
    o->comma_emax = 10;
    o->label = 1;
}

static int upc(int c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }

/* Case-insensitive: does s[0..n) contain word w? Returns its end or 0. */
static size_t find(const char *s, size_t n, const char *w) {
    size_t m = strlen(w);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && upc((unsigned char)s[i + k]) == w[k]) k++;
        if (k == m) return i + m;
    }
    return 0;
}

/* The number after "NAME[" or "NAME =" in s, or -1. */
static int number_after(const char *s, size_t n, const char *w, int *bad) {
    size_t e = find(s, n, w);
    if (!e) return -1;
    while (e < n && (s[e] == ' ' || s[e] == '\t' || s[e] == '[' || s[e] == '='))
        e++;
    if (e >= n || s[e] < '0' || s[e] > '9') {
        *bad = 1;
        return -1;
    }
    return atoi(s + e);
}

/* "= TRUE" (or ON, YES) after the setting's name. */
static int true_value(const char *s, size_t n) {
    const char *eq = memchr(s, '=', n);
    if (!eq) return 0;
    size_t k = (size_t)(eq - s) + 1;
    return find(s + k, n - k, "TRUE") || find(s + k, n - k, "ON") ||
           find(s + k, n - k, "YES");
}

/* "[CODE]" after keyword w into dst. */
static void bracket_after(const char *s, size_t n, const char *w, char *dst,
                          size_t cap) {
    size_t e = find(s, n, w);
    dst[0] = '\0';
    if (!e) return;
    const char *lb = memchr(s + e, '[', n - e), *rb;
    if (!lb || !(rb = memchr(lb, ']', n - (size_t)(lb - s)))) return;
    snprintf(dst, cap, "%.*s", (int)(rb - lb - 1), lb + 1);
}

int tab_opts_apply(tab_opts *o, const char *s, size_t n, char *err,
                   size_t errlen) {
    const char *colon = memchr(s, ':', n);
    if (!colon) {
        snprintf(err, errlen, "command without ':': '%.*s'", (int)n, s);
        return -1;
    }
    size_t cn = (size_t)(colon - s);
    const char *a = colon + 1;
    size_t an = n - cn - 1;
    int bad = 0;
    if (find(s, cn, "COMPLEX")) {
        /* each COMPLEX: command replaces the conditions */
        o->cx_verbs = o->cx_actors = o->cx_pronouns = o->cx_conj = 0;
        o->cx_comma = o->cx_lateverb = 0;
        o->cx_noactprior = o->cx_noactafter = o->cx_noverb = 0;
        o->cx_nosource = o->cx_notarget = o->cx_noevent = 0;
        int v;
        if ((v = number_after(a, an, "VERBS", &bad)) >= 0) o->cx_verbs = v;
        if ((v = number_after(a, an, "ACTORS", &bad)) >= 0) o->cx_actors = v;
        if ((v = number_after(a, an, "PRONOUNS", &bad)) >= 0)
            o->cx_pronouns = v;
        if ((v = number_after(a, an, "CONJ", &bad)) >= 0) o->cx_conj = v;
        if ((v = number_after(a, an, "COMMA", &bad)) >= 0) o->cx_comma = v;
        if ((v = number_after(a, an, "LATEVERB", &bad)) >= 0)
            o->cx_lateverb = v;
        o->cx_noactprior = find(a, an, "NOACTPRIOR") != 0;
        o->cx_noactafter = find(a, an, "NOACTAFTER") != 0;
        o->cx_noverb = find(a, an, "NOVERB") != 0;
        o->cx_nosource = find(a, an, "NOSOURCE") != 0;
        o->cx_notarget = find(a, an, "NOTARGET") != 0;
        o->cx_noevent = find(a, an, "NOEVENT") != 0;
    } else if (find(s, cn, "COMMA")) {
        if (find(a, an, "OFF")) {
            o->comma_max = o->comma_emax = o->comma_bmax = 0;
        } else {
            /* EMIN/BMIN before MIN: "MIN" is inside them */
            static const char *const key[] = {"EMIN", "EMAX", "BMIN", "BMAX"};
            int *dst[] = {&o->comma_emin, &o->comma_emax, &o->comma_bmin,
                          &o->comma_bmax};
            char buf[256];
            snprintf(buf, sizeof buf, "%.*s", (int)an, a);
            for (int k = 0; k < 4; k++) {
                int v = number_after(buf, strlen(buf), key[k], &bad);
                if (v >= 0) *dst[k] = v;
                size_t e = find(buf, strlen(buf), key[k]);
                if (e) memset(buf + e - strlen(key[k]), ' ', strlen(key[k]));
            }
            int v;
            if ((v = number_after(buf, strlen(buf), "MIN", &bad)) >= 0)
                o->comma_min = v;
            if ((v = number_after(buf, strlen(buf), "MAX", &bad)) >= 0)
                o->comma_max = v;
        }
    } else if (find(s, cn, "DEFAULT")) {
        if (find(a, an, "OFF")) {
            o->def_source[0] = o->def_target[0] = '\0';
            o->def_prior = o->def_after = 0;
        } else {
            bracket_after(a, an, "SOURCE", o->def_source,
                          sizeof o->def_source);
            bracket_after(a, an, "TARGET", o->def_target,
                          sizeof o->def_target);
            o->def_prior = find(a, an, "PRIOR") != 0;
            o->def_after = find(a, an, "AFTER") != 0;
        }
    } else if (find(s, cn, "FORWARD")) {
        o->forward = !find(a, an, "OFF");
        size_t i = 0;
        while (i < an && (a[i] == ' ' || a[i] == '\t')) i++;
        size_t k = 0;
        while (i < an && a[i] != ' ' && a[i] != '\t' &&
               k + 1 < sizeof o->fwd_format)
            o->fwd_format[k++] = a[i++];
        o->fwd_format[k] = '\0';
    } else if (find(s, cn, "SET")) {
        if (find(a, an, "CODE BY CLAUSE")) o->code_by = TAB_BY_CLAUSE;
        else if (find(a, an, "CODE BY SENTENCE")) o->code_by = TAB_BY_SENTENCE;
        else if (find(a, an, "CODE ALL")) o->code_by = TAB_ALL;
        else if (find(a, an, "MINIMUM WORDS")) {
            int v = number_after(a, an, "WORDS", &bad);
            if (v >= 0) o->min_words = v;
        } else if (find(a, an, "YYYY"))
            o->yyyy = true_value(a, an);
        else if (find(a, an, "CONVERT AGENT"))
            o->convert_agents = true_value(a, an);
        else if (find(a, an, "TIME SHIFT"))
            o->time_shift = true_value(a, an);
        else if (find(a, an, "LABEL"))
            o->label = true_value(a, an);
    }
    if (bad) {
        snprintf(err, errlen, "a number is missing in '%.*s'", (int)n, s);
        return -1;
    }
    return 0;
}

int tab_opts_load(tab_opts *o, const char *name, const char *text,
                  size_t len, char *err, size_t errlen) {
    const char *p = text, *end = text + len;
    uint32_t line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *s = p;
        p = nl ? nl + 1 : end;
        line++;
        size_t n = (size_t)(le - s);
        while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        while (n && (*s == ' ' || *s == '\t')) s++, n--;
        if (!n || s[0] == '#' || (n >= 2 && s[0] == '/' && s[1] == '/'))
            continue;
        if (s[0] == '~') break;
        char why[256];
        if (tab_opts_apply(o, s, n, why, sizeof why)) {
            snprintf(err, errlen, "%s:%u: %s", name, (unsigned)line, why);
            return -1;
        }
    }
    return 0;
}

/* ---- .project ------------------------------------------------------------ */

static char *dupn(const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

int tab_project_parse(tab_project *p, const char *name, const char *text,
                      size_t len, char *err, size_t errlen) {
    memset(p, 0, sizeof *p);
    const char *s = text, *end = text + len;
    uint32_t line = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        const char *l = s;
        s = nl ? nl + 1 : end;
        line++;
        if (l >= le || l[0] != '<') continue; /* comment line */
        const char *gt = memchr(l, '>', (size_t)(le - l));
        if (!gt) {
            snprintf(err, errlen, "%s:%u: tag without '>'", name,
                     (unsigned)line);
            tab_project_free(p);
            return -1;
        }
        const char *v = gt + 1;
        while (v < le && (*v == ' ' || *v == '\t')) v++;
        const char *ve = v;
        while (ve < le && *ve != ' ' && *ve != '\t' && *ve != '\r') ve++;
        /* only the first two letters of a tag count (g.1) */
        char t0 = (char)upc((unsigned char)l[1]);
        char t1 = l + 2 < le ? (char)upc((unsigned char)l[2]) : 0;
        char **slot = NULL;
        int *count = NULL;
        char **list = NULL;
        if (t0 == 'A' && t1 == 'C') list = p->actors, count = &p->nactors;
        else if (t0 == 'A' && t1 == 'G') list = p->agents, count = &p->nagents;
        else if (t0 == 'V' && t1 == 'E') list = p->verbs, count = &p->nverbs;
        else if (t0 == 'T' && t1 == 'E') list = p->text, count = &p->ntext;
        else if (t0 == 'O' && t1 == 'P') slot = &p->options;
        else if (t0 == 'I' && t1 == 'S') slot = &p->issues;
        else continue; /* output, error, coder, session... */
        if (ve == v) {
            snprintf(err, errlen, "%s:%u: <%c%c...> without a file name",
                     name, (unsigned)line, t0, t1);
            tab_project_free(p);
            return -1;
        }
        if (list) {
            if (*count == TAB_PROJECT_MAX) {
                snprintf(err, errlen, "%s:%u: more than %d files of a kind",
                         name, (unsigned)line, TAB_PROJECT_MAX);
                tab_project_free(p);
                return -1;
            }
            list[(*count)++] = dupn(v, (size_t)(ve - v));
        } else {
            free(*slot);
            *slot = dupn(v, (size_t)(ve - v));
        }
    }
    return 0;
}

void tab_project_free(tab_project *p) {
    for (int i = 0; i < p->nactors; i++) free(p->actors[i]);
    for (int i = 0; i < p->nagents; i++) free(p->agents[i]);
    for (int i = 0; i < p->nverbs; i++) free(p->verbs[i]);
    for (int i = 0; i < p->ntext; i++) free(p->text[i]);
    free(p->options);
    free(p->issues);
    memset(p, 0, sizeof *p);
}
