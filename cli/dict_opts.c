/* dict_opts.c -- dictionary options shared by the subcommands, turned into
 * a dyad_config.
 *
 * --dict DIR picks the files of a dictionary folder by name (the library's
 * dyad_config_add_dir), so both the Phoenix set (CAMEO.2.0.txt,
 * Phoenix.*.actors.txt, ...) and the validation set (PETR.Validate.*.txt)
 * load with one option; --verbs, --actors (repeatable), --agents,
 * --discards, --issues and --nominals name single files and take
 * precedence over the folder's. With no option at all dyad uses its own
 * bundled dictionaries. --model clause|linear|tabari overrides the coding
 * model the verb file implies; --options names a TABARI .options file, and
 * --dict also takes a TABARI .project file or folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int dict_opts_parse(dict_opts *o, int argc, char **argv, int *i) {
    static const struct {
        const char *opt;
        dyad_dict_kind kind;
    } files[] = {{"--verbs", DYAD_DICT_VERBS},
                 {"--actors", DYAD_DICT_ACTORS},
                 {"--agents", DYAD_DICT_AGENTS},
                 {"--discards", DYAD_DICT_DISCARDS},
                 {"--issues", DYAD_DICT_ISSUES},
                 {"--nominals", DYAD_DICT_NOMINALS},
                 {"--options", DYAD_DICT_OPTIONS}}; /* TABARI .options */
    const char *a = argv[*i];
    int which = -1;
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++)
        if (!strcmp(a, files[k].opt)) which = (int)k;
    if (which < 0 && strcmp(a, "--dict") && strcmp(a, "--model")) return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "dyad: %s needs a value\n", a);
        return -1;
    }
    const char *v = argv[++*i];
    if (!strcmp(a, "--model")) {
        if (!strcmp(v, "clause"))
            o->model = DYAD_MODEL_CLAUSE;
        else if (!strcmp(v, "linear"))
            o->model = DYAD_MODEL_LINEAR;
        else if (!strcmp(v, "tabari"))
            o->model = DYAD_MODEL_TABARI;
        else {
            fprintf(stderr,
                    "dyad: --model: '%s' is not clause, linear or tabari\n",
                    v);
            return -1;
        }
        return 1;
    }
    if (which < 0) {
        if (o->ndirs == DICT_OPTS_MAX) {
            fprintf(stderr, "dyad: too many --dict folders (at most %d)\n",
                    DICT_OPTS_MAX);
            return -1;
        }
        o->dirs[o->ndirs++] = v;
        return 1;
    }
    if (o->nfiles == DICT_OPTS_MAX) {
        fprintf(stderr, "dyad: too many dictionary files (at most %d)\n",
                DICT_OPTS_MAX);
        return -1;
    }
    o->files[o->nfiles].kind = files[which].kind;
    o->files[o->nfiles++].path = v;
    return 1;
}

int dict_opts_exit = EXIT_USAGE;

/* Named dictionaries that hold nothing dyad can code with: 0, or -1 after
 * saying so. */
static int check_loaded(const dict_opts *o, const dyad_engine *e) {
    if (!o->nfiles && !o->ndirs) return 0; /* the bundled set */
    dyad_dict_stats s;
    memset(&s, 0, sizeof s);
    dyad_engine_stats(e, &s, sizeof s);
    unsigned long long any = (unsigned long long)s.actor_phrases +
                             s.agent_phrases + s.verb_forms + s.verb_blocks +
                             s.patterns + s.synsets + s.discards +
                             s.issue_phrases;
    const char *what = NULL;
    if (!any)
        what = "no entry dyad can read (no verbs, actors, agents, discards or "
               "issues)";
    else if (o->coding && !s.verb_forms && !s.verb_blocks && !s.patterns)
        what = "no verbs, so nothing can be coded";
    else if (o->coding && !s.actor_phrases && !s.agent_phrases)
        what = "no actors or agents, so nothing can be coded";
    if (!what) return 0;
    fprintf(stderr, "dyad: the dictionaries given (%u file%s) hold %s\n",
            s.files, s.files == 1 ? "" : "s", what);
    return -1;
}

dyad_engine *dict_opts_load(dict_opts *o) {
    dyad_config *c = NULL;
    dyad_error err;
    dyad_engine *e = NULL;
    dict_opts_exit = EXIT_USAGE;
    if (dyad_config_new(&c, NULL) != DYAD_OK) {
        fprintf(stderr, "dyad: out of memory\n");
        dict_opts_exit = EXIT_NOMEM;
        return NULL;
    }
    dyad_status st = DYAD_OK;
    for (int i = 0; i < o->nfiles && st == DYAD_OK; i++)
        st = dyad_config_add_file(c, o->files[i].kind, DYAD_FORMAT_AUTO,
                                  o->files[i].path);
    for (int i = 0; i < o->ndirs && st == DYAD_OK; i++) {
        st = dyad_config_add_dir(c, o->dirs[i], &err);
        if (st != DYAD_OK) {
            fprintf(stderr, "dyad: %s\n", err.msg);
            if (st == DYAD_ERR_NOMEM) dict_opts_exit = EXIT_NOMEM;
            dyad_config_free(c);
            return NULL;
        }
    }
    if (st == DYAD_OK) st = dyad_config_set_model(c, o->model);
    if (st == DYAD_OK) st = dyad_engine_new(c, &e, &err);
    else
        snprintf(err.msg, sizeof err.msg, "%s", dyad_status_string(st));
    if (st != DYAD_OK) {
        fprintf(stderr, "dyad: %s\n", err.msg);
        if (st == DYAD_ERR_NOMEM) dict_opts_exit = EXIT_NOMEM;
    }
    dyad_config_free(c);
    if (e && check_loaded(o, e) < 0) {
        dyad_engine_free(e);
        e = NULL;
    }
    return e;
}

void dict_opts_free(dict_opts *o) { (void)o; }
