/* cli.h -- the dyad command's subcommands and their shared option parsing.
 * Each subcommand is a thin client of libdyad (include/dyad.h) and of the
 * readers and writers in io/.
 *
 * Exit statuses (man/dyad.1, EXIT STATUS), the same for every command:
 *   0  success: every record read was coded (scored, passed) and every
 *      byte of output written
 *   1  some input records were rejected or failed (a malformed line, an
 *      unreadable input file, a failed validation record, an error found
 *      by dict check), or there was nothing to score or check
 *   2  usage error, or the dictionaries could not be loaded
 *   3  the output could not be written (a full disk, a closed pipe when
 *      SIGPIPE is ignored, -o FILE not writable): output is missing
 *   4  out of memory (a resource limit such as ulimit -v) outside a record
 * When several apply the highest wins, except that a usage error stops
 * the command before anything is written. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdio.h>

#include "dyad.h"

enum {
    EXIT_OK = 0,
    EXIT_REJECTED = 1,
    EXIT_USAGE = 2,
    EXIT_OUTPUT = 3,
    EXIT_NOMEM = 4
};

/* ---- the command line (args.c, commands.c) ------------------------------ */

/* One option of a command. */
typedef struct cli_opt {
    const char *name;      /* "--format" */
    const char *alias;     /* "-v", or NULL */
    const char *value;     /* the value's name ("FORMAT"); NULL: a flag */
    const char *help;      /* one line for the help text */
} cli_opt;

/* Option groups several commands share (args.c holds their tables). */
enum { CLI_DICT_OPTS = 1, CLI_STORE_OPTS = 2 };

/* One subcommand: its name, help and options, and what runs it. */
typedef struct cli_cmd {
    const char *name;      /* "code", "dict check" */
    const char *usage;     /* what follows "dyad NAME " in the synopsis */
    const char *summary;   /* one line for `dyad help` */
    const char *about;     /* paragraphs for `dyad help NAME` */
    const cli_opt *opts;   /* its own options, ended by a NULL name */
    unsigned groups;       /* CLI_DICT_OPTS | CLI_STORE_OPTS */
    int (*run)(int argc, char **argv);
} cli_cmd;

/* The commands (commands.c), ended by a NULL name. */
extern const cli_cmd cli_commands[];
/* The command named name, NULL if none. */
const cli_cmd *cli_find(const char *name);
/* Prints the general usage (`dyad help`). */
void cli_usage(FILE *f);
/* Prints the help of c (`dyad help CMD`, `dyad CMD --help`). */
void cli_help(const cli_cmd *c, FILE *f);
/* The candidate closest to word (edit distance, transpositions counted
 * once, or a unique prefix), NULL when none is close. */
const char *cli_suggest(const char *word, const char *const *cands, size_t n);
/* Runs c on argv (argv[0] the command's name): checks every option
 * against c's table first (--opt=value split, "needs a value", "unknown
 * option ... did you mean", -h/--help, -o FILE), then calls c->run on
 * the options as separate words, then flushes standard output and checks
 * it (cli_finish). Returns the exit status. */
int cli_run(const cli_cmd *c, int argc, char **argv);

/* ---- output ------------------------------------------------------------- */

/* -o FILE (NULL: standard output) and its name for messages. */
const char *cli_output_path(void);
const char *cli_output_name(void);
/* Makes standard output the -o FILE (no-op without -o): called by each
 * command when its arguments are checked and before its first byte of
 * output, so that a usage error leaves FILE untouched. 0, or -1 after
 * printing why (the command returns EXIT_OUTPUT). */
int cli_output_open(void);
/* Reports a write error on the output once ("dyad: CMD: write error on
 * standard output: REASON"), errnum the errno of the failed write. */
void cli_output_failed(int errnum);
/* A writer_sink's write and flush on a FILE (ud) that keep the errno of
 * the first failure for cli_output_failed and cli_finish: commands that
 * write through io/writer.h use {cli_out_write, cli_out_flush, stdout}. */
int cli_out_write(void *ud, const char *p, size_t n);
int cli_out_flush(void *ud);
/* The errno the sink above kept (0 when none failed). */
int cli_out_errno(void);
/* Flushes standard output; when it or an earlier write failed, reports it
 * (once) and raises rc to EXIT_OUTPUT (a usage or memory status stays).
 * Returns the status to exit with. */
int cli_finish(int rc);
/* The command being run ("code"), for messages. */
extern const char *cli_cmd_name;

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
    int coding;            /* the command codes text (see dict_opts_load) */
} dict_opts;

/* Tries to consume argv[*i] (and its value) as a dictionary option.
 * Returns 1 consumed, 0 not a dictionary option, -1 usage error. */
int dict_opts_parse(dict_opts *o, int argc, char **argv, int *i);
/* Loads the engine; prints "dyad: reason" and returns NULL on failure,
 * with dict_opts_exit set to the status to exit with (EXIT_USAGE, or
 * EXIT_NOMEM when memory ran out). Dictionaries that were named (files or
 * folders) but hold nothing are an error too; with o->coding set (code,
 * explain, eval, cases), so are dictionaries without a verb or without an
 * actor or agent, which could code nothing. */
dyad_engine *dict_opts_load(dict_opts *o);
extern int dict_opts_exit;
void dict_opts_free(dict_opts *o);

int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_dict_check(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_cases(int argc, char **argv);
int cmd_export(int argc, char **argv);  /* the event store: cmd_export.c */
int cmd_stats(int argc, char **argv);   /* and cmd_stats.c */
int cmd_eval_qp(int argc, char **argv);   /* cmd_evalqp.c */
int cmd_qp_cases(int argc, char **argv);  /* cmd_qpcases.c */
int cmd_serve(int argc, char **argv);   /* HTTP API: cmd_serve.c, src/serve/ */
int cmd_plot(int argc, char **argv);    /* charts: cmd_plot.c */

#endif
