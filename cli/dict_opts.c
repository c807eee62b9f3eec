/* dict_opts.c -- dictionary options shared by the subcommands.
 *
 * --dict DIR picks the files of a dictionary folder by name, so both the
 * Phoenix set (CAMEO.2.0.txt, Phoenix.*.actors.txt, ...) and the validation
 * set (PETR.Validate.*.txt) load with one option. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

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

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Fills the unset slots of o->files from the files of o->dir. */
static int scan_dir(dict_opts *o) {
    DIR *d = opendir(o->dir);
    if (!d) {
        fprintf(stderr, "dyad: %s: cannot open dictionary folder\n", o->dir);
        return -1;
    }
    char *names[256];
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < 256)
        if (de->d_name[0] != '.' && ends_with(de->d_name, ".txt"))
            names[n++] = strdup(de->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    dyad_dict_files *f = &o->files;
    int own_actors = f->nactors == 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(o->dir) + strlen(names[i]) + 2;
        char *path = malloc(len);
        snprintf(path, len, "%s/%s", o->dir, names[i]);
        const char *nm = names[i];
        if (o->nowned == 64) {
            free(path);
            free(names[i]);
            continue;
        }
        o->owned[o->nowned++] = path;
        if (ends_with(nm, ".actors.txt") && own_actors &&
            f->nactors < DYAD_MAX_ACTOR_FILES)
            f->actors[f->nactors++] = path;
        else if (contains(nm, "agents") && !f->agents)
            f->agents = path;
        else if (contains(nm, "nominals") && !f->nominals)
            f->nominals = path;
        else if (contains(nm, "discards") && !f->discards)
            f->discards = path;
        else if ((contains(nm, "issue")) && !f->issues)
            f->issues = path;
        else if ((contains(nm, "verbs") || contains(nm, "CAMEO")) &&
                 !f->verbs)
            f->verbs = path;
        free(names[i]);
    }
    return 0;
}

int dict_opts_parse(dict_opts *o, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    const char **slot = NULL;
    if (!strcmp(a, "--dict"))
        slot = &o->dir;
    else if (!strcmp(a, "--verbs"))
        slot = &o->files.verbs;
    else if (!strcmp(a, "--agents"))
        slot = &o->files.agents;
    else if (!strcmp(a, "--discards"))
        slot = &o->files.discards;
    else if (!strcmp(a, "--issues"))
        slot = &o->files.issues;
    else if (!strcmp(a, "--nominals"))
        slot = &o->files.nominals;
    else if (strcmp(a, "--actors") != 0)
        return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "dyad: %s needs a value\n", a);
        return -1;
    }
    const char *v = argv[++*i];
    if (slot) {
        *slot = v;
        return 1;
    }
    if (o->files.nactors == DYAD_MAX_ACTOR_FILES) {
        fprintf(stderr, "dyad: too many --actors files (at most %d)\n",
                DYAD_MAX_ACTOR_FILES);
        return -1;
    }
    o->files.actors[o->files.nactors++] = v;
    return 1;
}

dyad_engine *dict_opts_load(dict_opts *o) {
    dyad_dict_files *f = &o->files;
    if (o->dir && scan_dir(o) != 0) return NULL;
    /* with no dictionary named at all, dyad uses its own */
    f->use_bundled = !o->dir && !f->verbs && !f->nactors && !f->agents &&
                     !f->discards && !f->issues && !f->nominals;
    dyad_error err;
    dyad_engine *e = dyad_engine_load(f, &err);
    if (!e) fprintf(stderr, "dyad: %s\n", err.msg);
    return e;
}

void dict_opts_free(dict_opts *o) {
    for (int i = 0; i < o->nowned; i++) free(o->owned[i]);
    o->nowned = 0;
}
