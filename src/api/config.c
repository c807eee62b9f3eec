/* config.c -- which dictionaries an engine loads: a list of (kind, format,
 * source), a source being a file, a buffer, or the files of a folder; and
 * the one place a dictionary's format is told from its content.
 */
#include "api/engine.h"
#include "dict/tabari.h"

#include <dirent.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

dyad_status dyad_config_new(dyad_config **out, const dyad_allocator *al) {
    if (!out) return DYAD_ERR_ARG;
    mem m;
    mem_init(&m, al);
    dyad_config *c = mem_zalloc(&m, sizeof *c);
    *out = c;
    if (!c) return DYAD_ERR_NOMEM;
    c->m = m;
    return DYAD_OK;
}

void dyad_config_free(dyad_config *c) {
    if (!c) return;
    for (size_t i = 0; i < c->n; i++) {
        mem_free(&c->m, c->v[i].name);
        mem_free(&c->m, c->v[i].data);
    }
    mem_free(&c->m, c->v);
    mem m = c->m;
    mem_free(&m, c);
}

static int kind_ok(dyad_dict_kind k) {
    return k >= DYAD_DICT_VERBS && k <= DYAD_DICT_OPTIONS;
}

static int format_ok(dyad_dict_format f) {
    return f >= DYAD_FORMAT_AUTO && f <= DYAD_FORMAT_TABARI;
}

/* Appends a source; takes ownership of nothing (copies name and data). */
static dyad_status add(dyad_config *c, dyad_dict_kind kind,
                       dyad_dict_format fmt, const char *name,
                       const char *data, size_t len) {
    if (!c || !name || !kind_ok(kind) || !format_ok(fmt) || (!data && len))
        return DYAD_ERR_ARG;
    if (c->n == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 16;
        cfg_source *nv = mem_realloc(&c->m, c->v, ncap * sizeof *nv);
        if (!nv) return DYAD_ERR_NOMEM;
        c->v = nv;
        c->cap = ncap;
    }
    cfg_source s = {kind, fmt, mem_strdup(&c->m, name), NULL, len};
    if (!s.name) return DYAD_ERR_NOMEM;
    if (data) {
        s.data = mem_alloc(&c->m, len + 1);
        if (!s.data) {
            mem_free(&c->m, s.name);
            return DYAD_ERR_NOMEM;
        }
        memcpy(s.data, data, len);
        s.data[len] = '\0'; /* the readers may rely on a terminator */
    }
    c->v[c->n++] = s;
    return DYAD_OK;
}

dyad_status dyad_config_add_file(dyad_config *c, dyad_dict_kind kind,
                                 dyad_dict_format fmt, const char *path) {
    return add(c, kind, fmt, path, NULL, 0);
}

dyad_status dyad_config_add_buffer(dyad_config *c, dyad_dict_kind kind,
                                   dyad_dict_format fmt, const char *name,
                                   const char *data, size_t len) {
    if (!data) return DYAD_ERR_ARG;
    return add(c, kind, fmt, name ? name : "<buffer>", data, len);
}

dyad_status dyad_config_set_bundled(dyad_config *c, int use) {
    if (!c) return DYAD_ERR_ARG;
    c->bundled = use != 0;
    return DYAD_OK;
}

dyad_status dyad_config_set_model(dyad_config *c, dyad_model m) {
    if (!c || m < DYAD_MODEL_AUTO || m > DYAD_MODEL_TABARI)
        return DYAD_ERR_ARG;
    c->model = m;
    return DYAD_OK;
}

/* ---- folders ------------------------------------------------------------ */

static int ends_with(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcasecmp(s + n - m, suf) == 0;
}

static int contains(const char *s, const char *sub) {
    size_t m = strlen(sub);
    for (; *s; s++)
        if (strncasecmp(s, sub, m) == 0) return 1;
    return 0;
}

/* The kind a file name says it holds (0: not a dictionary file). One file
 * per kind is taken, except actors. */
static dyad_dict_kind kind_of_name(const char *nm) {
    if (!ends_with(nm, ".txt")) return 0;
    if (ends_with(nm, ".actors.txt")) return DYAD_DICT_ACTORS;
    if (contains(nm, "agents")) return DYAD_DICT_AGENTS;
    if (contains(nm, "nominals")) return DYAD_DICT_NOMINALS;
    if (contains(nm, "rules")) return DYAD_DICT_RULES;
    if (contains(nm, "discards")) return DYAD_DICT_DISCARDS;
    if (contains(nm, "issue")) return DYAD_DICT_ISSUES;
    if (contains(nm, "verbs") || contains(nm, "CAMEO")) return DYAD_DICT_VERBS;
    return 0;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

dyad_status dyad_config_add_dir(dyad_config *c, const char *dir,
                                dyad_error *err) {
    if (!c || !dir) return engine_error(err, DYAD_ERR_ARG, "no folder given");
    /* a TABARI .project file, or a folder of TABARI files (config_tabari.c) */
    dyad_status tst;
    if (config_tabari_dir(c, dir, err, &tst)) return tst;
    DIR *d = opendir(dir);
    if (!d)
        return engine_error(err, DYAD_ERR_IO,
                            "%s: cannot open dictionary folder: %s", dir,
                            strerror(errno));
    /* every entry, however many: the names are sorted so that a folder
     * loads the same way on every file system */
    char **names = NULL;
    size_t n = 0, cap = 0;
    dyad_status st = DYAD_OK;
    struct dirent *de;
    while (st == DYAD_OK && (de = readdir(d))) {
        if (de->d_name[0] == '.' || !kind_of_name(de->d_name)) continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **nn = mem_realloc(&c->m, names, ncap * sizeof *nn);
            if (!nn) {
                st = DYAD_ERR_NOMEM;
                break;
            }
            names = nn;
            cap = ncap;
        }
        if (!(names[n] = mem_strdup(&c->m, de->d_name)))
            st = DYAD_ERR_NOMEM;
        else
            n++;
    }
    closedir(d);
    if (st == DYAD_OK && n == 0)
        st = engine_error(err, DYAD_ERR_DICT,
                          "%s: no dictionary files (*.actors.txt, *verbs*, "
                          "*agents*, *discards*, *issue*, *nominals*)",
                          dir);
    if (n) qsort(names, n, sizeof *names, cmp_str);
    /* a kind the configuration already has a source for is not taken from
     * the folder; of the others, every actor file and the first file of
     * each other kind */
    int given[DYAD_DICT_RULES + 1] = {0}, taken[DYAD_DICT_RULES + 1] = {0};
    for (size_t i = 0; i < c->n; i++) given[c->v[i].kind] = 1;
    for (size_t i = 0; i < n && st == DYAD_OK; i++) {
        dyad_dict_kind k = kind_of_name(names[i]);
        if (given[k] || (k != DYAD_DICT_ACTORS && taken[k])) continue;
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = mem_alloc(&c->m, len);
        if (!path) {
            st = DYAD_ERR_NOMEM;
            break;
        }
        snprintf(path, len, "%s/%s", dir, names[i]);
        st = add(c, k, DYAD_FORMAT_AUTO, path, NULL, 0);
        mem_free(&c->m, path);
        taken[k] = 1;
    }
    for (size_t i = 0; i < n; i++) mem_free(&c->m, names[i]);
    mem_free(&c->m, names);
    if (st == DYAD_ERR_NOMEM)
        engine_error(err, st, "out of memory reading %s", dir);
    return st;
}

/* ---- formats ------------------------------------------------------------ */

dyad_dict_format engine_sniff(dyad_dict_kind kind, dyad_dict_format fmt,
                              const char *text, size_t len) {
    if (fmt != DYAD_FORMAT_AUTO) return fmt;
    switch (kind) {
    case DYAD_DICT_VERBS: {
        /* PETRARCH1's linear files (PETR.Validate.verbs.txt) open with an
         * XML-style comment; CAMEO.2.0.txt and dyad's with '#' comments
         * or synsets */
        size_t i = 0;
        while (i < len && (text[i] == ' ' || text[i] == '\t' ||
                           text[i] == '\r' || text[i] == '\n'))
            i++;
        if (len - i >= 4 && !memcmp(text + i, "<!--", 4))
            return DYAD_FORMAT_PETRARCH1;
        return tab_sniff_verbs(text, len) ? DYAD_FORMAT_TABARI
                                          : DYAD_FORMAT_PETRARCH2;
    }
    case DYAD_DICT_OPTIONS:
        return DYAD_FORMAT_TABARI;
    case DYAD_DICT_NOMINALS:
    case DYAD_DICT_RULES:
        return DYAD_FORMAT_DYAD;
    default:
        return DYAD_FORMAT_PETRARCH2;
    }
}
