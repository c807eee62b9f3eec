/* config_tabari.c -- `--dict` with a TABARI project: a .project file names
 * its actors, agents, verbs and options files (formats.md g.1), relative
 * to its own folder; a folder holding exactly one .project file stands for
 * it, and a folder of *.actors / *.agents / *.verbs / *.options files with
 * no project loads all of them.
 */
#include "api/engine.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "dict/tabari_options.h"

static int ends_with(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcasecmp(s + n - m, suf) == 0;
}

/* folder/name, or name alone when it is absolute; malloc'd */
static char *join(const char *folder, size_t fl, const char *name) {
    size_t n = fl + strlen(name) + 2;
    char *p = malloc(n);
    if (!p) return NULL;
    if (name[0] == '/' || !fl)
        snprintf(p, n, "%s", name);
    else
        snprintf(p, n, "%.*s/%s", (int)fl, folder, name);
    return p;
}

static dyad_status add_file(dyad_config *c, dyad_dict_kind k,
                            const char *folder, size_t fl, const char *name) {
    char *p = join(folder, fl, name);
    if (!p) return DYAD_ERR_NOMEM;
    dyad_status st = dyad_config_add_file(c, k, DYAD_FORMAT_TABARI, p);
    free(p);
    return st;
}

static dyad_status add_project(dyad_config *c, const char *path,
                               dyad_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return engine_error(err, DYAD_ERR_IO, "%s: cannot open: %s", path,
                            strerror(errno));
    char *text = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 > cap) {
            char *nt = realloc(text, cap = cap * 2 + 8192);
            if (!nt) {
                free(text);
                fclose(f);
                return DYAD_ERR_NOMEM;
            }
            text = nt;
        }
        size_t r = fread(text + len, 1, cap - len - 1, f);
        len += r;
        if (!r) break;
    }
    fclose(f);
    tab_project p;
    char msg[1024];
    int rc = tab_project_parse(&p, path, text, len, msg, sizeof msg);
    free(text);
    if (rc) return engine_error(err, DYAD_ERR_DICT, "%s", msg);
    const char *slash = strrchr(path, '/');
    size_t fl = slash ? (size_t)(slash - path) : 0;
    dyad_status st = DYAD_OK;
    if (!p.nverbs && !p.nactors)
        st = engine_error(err, DYAD_ERR_DICT,
                          "%s: names no <verbsfile> or <actorsfile>", path);
    for (int i = 0; i < p.nverbs && st == DYAD_OK; i++)
        st = add_file(c, DYAD_DICT_VERBS, path, fl, p.verbs[i]);
    for (int i = 0; i < p.nactors && st == DYAD_OK; i++)
        st = add_file(c, DYAD_DICT_ACTORS, path, fl, p.actors[i]);
    for (int i = 0; i < p.nagents && st == DYAD_OK; i++)
        st = add_file(c, DYAD_DICT_AGENTS, path, fl, p.agents[i]);
    if (p.options && st == DYAD_OK)
        st = add_file(c, DYAD_DICT_OPTIONS, path, fl, p.options);
    tab_project_free(&p);
    return st;
}

static dyad_dict_kind kind_of(const char *nm) {
    if (ends_with(nm, ".actors")) return DYAD_DICT_ACTORS;
    if (ends_with(nm, ".agents")) return DYAD_DICT_AGENTS;
    if (ends_with(nm, ".verbs")) return DYAD_DICT_VERBS;
    if (ends_with(nm, ".options")) return DYAD_DICT_OPTIONS;
    return 0;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int config_tabari_dir(dyad_config *c, const char *path, dyad_error *err,
                      dyad_status *st) {
    struct stat sb;
    if (stat(path, &sb) != 0) return 0;
    if (!S_ISDIR(sb.st_mode)) {
        if (!ends_with(path, ".project")) return 0;
        *st = add_project(c, path, err);
        return 1;
    }
    DIR *d = opendir(path);
    if (!d) return 0;
    char *names[64];
    int n = 0, projects = 0, others = 0;
    const char *project = NULL;
    struct dirent *de;
    while ((de = readdir(d)) && n < 64) {
        const char *nm = de->d_name;
        if (nm[0] == '.') continue;
        if (ends_with(nm, ".txt")) others++;
        if (!ends_with(nm, ".project") && !kind_of(nm)) continue;
        names[n] = strdup(nm);
        if (!names[n]) break;
        if (ends_with(nm, ".project")) projects++, project = names[n];
        n++;
    }
    closedir(d);
    int handled = 0;
    size_t pl = strlen(path);
    if (projects == 1) {
        char *p = join(path, pl, project);
        *st = p ? add_project(c, p, err) : DYAD_ERR_NOMEM;
        free(p);
        handled = 1;
    } else if (!projects && n && !others) {
        qsort(names, (size_t)n, sizeof *names, cmp_str);
        *st = DYAD_OK;
        for (int i = 0; i < n && *st == DYAD_OK; i++)
            *st = add_file(c, kind_of(names[i]), path, pl, names[i]);
        handled = 1;
    } else if (projects > 1 && !others) {
        *st = engine_error(err, DYAD_ERR_DICT,
                           "%s: %d .project files; name one of them", path,
                           projects);
        handled = 1;
    }
    for (int i = 0; i < n; i++) free(names[i]);
    return handled;
}
