/* cli.h -- the dyad command's subcommands and their shared option parsing.
 * Each subcommand is a thin client of libdyad (include/dyad.h) and of the
 * readers and writers in io/. Exit statuses: 0 success, 1 some input
 * records rejected (or validation failures), 2 usage or dictionary error. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "dyad.h"

enum { EXIT_OK = 0, EXIT_REJECTED = 1, EXIT_USAGE = 2 };

/* Dictionary options shared by code, explain, dict and eval. */
#define DICT_OPTS_MAX 64
typedef struct dict_opts {
    struct {
        dyad_dict_kind kind;
        const char *path;
    } files[DICT_OPTS_MAX]; /* --verbs, --actors ... in command-line order */
    int nfiles;
    const char *dirs[DICT_OPTS_MAX]; /* --dict DIR */
    int ndirs;
    dyad_model model;      /* --model, AUTO when not given */
} dict_opts;

/* Tries to consume argv[*i] (and its value) as a dictionary option.
 * Returns 1 consumed, 0 not a dictionary option, -1 usage error. */
int dict_opts_parse(dict_opts *o, int argc, char **argv, int *i);
/* Loads the engine; prints "dyad: reason" and returns NULL on failure. */
dyad_engine *dict_opts_load(dict_opts *o);
void dict_opts_free(dict_opts *o);

int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_cases(int argc, char **argv);
int cmd_export(int argc, char **argv);  /* the event store: cmd_export.c */
int cmd_stats(int argc, char **argv);   /* and cmd_stats.c */
int cmd_eval_qp(int argc, char **argv);   /* cmd_evalqp.c */
int cmd_qp_cases(int argc, char **argv);  /* cmd_qpcases.c */
int cmd_serve(int argc, char **argv);   /* HTTP API: cmd_serve.c, src/serve/ */
int cmd_plot(int argc, char **argv);    /* charts: cmd_plot.c */

#endif
