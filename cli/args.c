/* args.c -- what every subcommand shares on its command line: the check of
 * its arguments against its option table (cli.h's cli_cmd), the help text
 * made from that table, "did you mean", -o FILE and the checked end of
 * standard output.
 *
 * cli_run looks at every argument before the command does: "--opt=value"
 * becomes "--opt" "value", an option that takes a value and has none, a
 * flag given a value and an unknown option are usage errors (the last
 * with the closest known option), -h/--help prints the command's help and
 * -o FILE is taken out. The command then parses words it knows are well
 * formed, so each command's own loop stays a plain list of strcmp.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *cli_cmd_name = "";

static const cli_opt dict_table[] = {
    {"--dict", NULL, "DIR", "dictionary folder (files picked by name), or a "
                            "TABARI .project; repeatable"},
    {"--verbs", NULL, "FILE", "verb patterns (PETRARCH2, PETRARCH1 linear "
                              "or TABARI format)"},
    {"--actors", NULL, "FILE", "actor dictionary; repeatable"},
    {"--agents", NULL, "FILE", "agent dictionary (roles and sectors)"},
    {"--discards", NULL, "FILE", "discard phrases"},
    {"--issues", NULL, "FILE", "issue phrases"},
    {"--nominals", NULL, "FILE", "event nouns"},
    {"--options", NULL, "FILE", "TABARI .options file"},
    {"--model", NULL, "MODEL", "clause, linear or tabari (default: what the "
                               "verb file implies)"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt store_table[] = {
    {"--db", NULL, "FILE", "the event store (SQLite), required"},
    {"--from", NULL, "DATE", "events on or after DATE (YYYY-MM-DD)"},
    {"--to", NULL, "DATE", "events on or before DATE"},
    {"--actor", NULL, "CODE", "source or target starts with CODE"},
    {"--dyad", NULL, "SRC:TGT", "source and target start with SRC and TGT"},
    {"--code", NULL, "PREFIX", "CAMEO code starts with PREFIX"},
    {"--dedup", NULL, NULL, "one event a day per source, target and code"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt common_table[] = {
    {"--output", "-o", "FILE", "write to FILE instead of standard output"},
    {"--help", "-h", NULL, "this help"},
    {NULL, NULL, NULL, NULL},
};

/* ---- did you mean -------------------------------------------------------- */

/* Edit distance of a and b, a transposition of neighbours counting one
 * (optimal string alignment); stops counting at 9. */
static size_t edit_distance(const char *a, const char *b) {
    size_t n = strlen(a), m = strlen(b);
    if (n > 40 || m > 40) return 9;
    size_t d[41][41];
    for (size_t i = 0; i <= n; i++) d[i][0] = i;
    for (size_t j = 0; j <= m; j++) d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m] < 9 ? d[n][m] : 9;
}

const char *cli_suggest(const char *word, const char *const *cands, size_t n) {
    const char *best = NULL, *prefix = NULL;
    size_t best_d = 9, nprefix = 0, wl = strlen(word);
    for (size_t i = 0; i < n; i++) {
        if (!cands[i]) continue;
        size_t d = edit_distance(word, cands[i]);
        if (d < best_d) {
            best_d = d;
            best = cands[i];
        }
        if (wl >= 3 && !strncmp(cands[i], word, wl)) {
            prefix = cands[i];
            nprefix++;
        }
    }
    /* one or two edits, fewer than a third of the word's letters */
    if (best && best_d <= 2 && best_d * 3 <= wl) return best;
    if (nprefix == 1) return prefix;
    return NULL;
}

/* ---- the option table of a command --------------------------------------- */

/* The option tables of c: its own, its groups', the common ones. */
static const cli_opt *const *opt_tables(const cli_cmd *c, size_t *n) {
    static const cli_opt *t[4];
    *n = 0;
    t[(*n)++] = c->opts;
    if (c->groups & CLI_DICT_OPTS) t[(*n)++] = dict_table;
    if (c->groups & CLI_STORE_OPTS) t[(*n)++] = store_table;
    t[(*n)++] = common_table;
    return t;
}

static const cli_opt *find_opt(const cli_cmd *c, const char *name) {
    size_t nt;
    const cli_opt *const *t = opt_tables(c, &nt);
    for (size_t k = 0; k < nt; k++)
        for (const cli_opt *o = t[k]; o && o->name; o++)
            if (!strcmp(o->name, name) || (o->alias && !strcmp(o->alias, name)))
                return o;
    return NULL;
}

static const char *suggest_opt(const cli_cmd *c, const char *name) {
    const char *names[128];
    size_t n = 0, nt;
    const cli_opt *const *t = opt_tables(c, &nt);
    for (size_t k = 0; k < nt; k++)
        for (const cli_opt *o = t[k]; o && o->name && n < 128; o++)
            names[n++] = o->name;
    return cli_suggest(name, names, n);
}

static void print_opts(FILE *f, const char *title, const cli_opt *o) {
    if (!o || !o->name) return;
    fprintf(f, "\n%s:\n", title);
    for (; o->name; o++) {
        char left[64];
        snprintf(left, sizeof left, "%s%s%s%s%s", o->alias ? o->alias : "",
                 o->alias ? ", " : "", o->name, o->value ? " " : "",
                 o->value ? o->value : "");
        if (strlen(left) <= 24)
            fprintf(f, "  %-24s ", left);
        else
            fprintf(f, "  %s\n  %-24s ", left, "");
        /* the help in the column from 28 to 79, broken at blanks */
        const char *h = o->help;
        for (;;) {
            size_t n = strlen(h);
            if (n > 51) {
                n = 51;
                while (n > 20 && h[n] != ' ') n--;
            }
            fprintf(f, "%.*s\n", (int)n, h);
            h += n;
            while (*h == ' ') h++;
            if (!*h) break;
            fprintf(f, "  %-24s ", "");
        }
    }
}

void cli_help(const cli_cmd *c, FILE *f) {
    fprintf(f, "usage: dyad %s %s\n\n%s", c->name, c->usage, c->about);
    print_opts(f, "options", c->opts);
    if (c->groups & CLI_DICT_OPTS)
        print_opts(f, "dictionary options (default: the bundled dictionaries)",
                   dict_table);
    if (c->groups & CLI_STORE_OPTS) print_opts(f, "store options", store_table);
    print_opts(f, "common options", common_table);
    fprintf(f, "\nExit status: 0 all done, 1 records rejected or failed, 2 "
               "usage or dictionary\nerror, 3 output not written, 4 out of "
               "memory (man dyad: EXIT STATUS).\n");
}

/* ---- output ------------------------------------------------------------- */

static const char *out_path;    /* -o FILE, NULL for standard output */
static int out_reported;        /* a write error was reported */
static int out_dead;            /* freopen failed: stdout is closed */

static int sink_errno;          /* errno of the sink's first failure */

int cli_out_write(void *ud, const char *p, size_t n) {
    FILE *f = ud;
    errno = 0;
    if (fwrite(p, 1, n, f) == n && !ferror(f)) return 0;
    if (!sink_errno) sink_errno = errno ? errno : EIO;
    return -1;
}

int cli_out_flush(void *ud) {
    FILE *f = ud;
    errno = 0;
    if (fflush(f) == 0 && !ferror(f)) return 0;
    if (!sink_errno) sink_errno = errno ? errno : EIO;
    return -1;
}

int cli_out_errno(void) { return sink_errno; }

const char *cli_output_path(void) { return out_path; }

const char *cli_output_name(void) {
    return out_path ? out_path : "standard output";
}

int cli_output_open(void) {
    if (!out_path) return 0;
    if (!freopen(out_path, "w", stdout)) {
        fprintf(stderr, "dyad: %s: cannot open for writing: %s\n", out_path,
                strerror(errno));
        out_reported = 1;
        out_dead = 1;
        return -1;
    }
    return 0;
}

void cli_output_failed(int errnum) {
    if (out_reported) return;
    out_reported = 1;
    fprintf(stderr, "dyad: %s%swrite error on %s: %s\n", cli_cmd_name,
            cli_cmd_name[0] ? ": " : "", cli_output_name(),
            errnum ? strerror(errnum) : "the stream reports an error");
}

int cli_finish(int rc) {
    if (out_dead) return rc == EXIT_USAGE || rc == EXIT_NOMEM ? rc : EXIT_OUTPUT;
    errno = 0;
    /* a failed write leaves its bytes in the buffer, so this flush retries
     * it and errno tells why it fails */
    int bad = fflush(stdout) != 0;
    int errnum = sink_errno ? sink_errno : errno;
    if (ferror(stdout)) bad = 1;
    if (out_path && !out_reported && fclose(stdout) != 0) {
        bad = 1;
        if (!errnum) errnum = errno;
    }
    if (bad || out_reported) {
        cli_output_failed(errnum);
        if (rc != EXIT_USAGE && rc != EXIT_NOMEM) rc = EXIT_OUTPUT;
    }
    return rc;
}

/* ---- running a command --------------------------------------------------- */

static int usage_error(const cli_cmd *c) {
    fprintf(stderr, "dyad: see 'dyad help %s'\n", c->name);
    return EXIT_USAGE;
}

int cli_run(const cli_cmd *c, int argc, char **argv) {
    cli_cmd_name = c->name;
    /* each "--opt=value" becomes two words */
    char **v = malloc((2 * (size_t)argc + 1) * sizeof *v);
    if (!v) {
        fprintf(stderr, "dyad: out of memory\n");
        return EXIT_NOMEM;
    }
    int n = 0;
    v[n++] = argv[0];
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        /* a file, "-", a sentence (one with a blank is never an option:
         * `dyad explain "- Iran said..."`) */
        if (a[0] != '-' || !a[1] || strpbrk(a, " \t\n")) {
            v[n++] = a;
            continue;
        }
        char *eq = a[1] == '-' ? strchr(a, '=') : NULL;
        char *val = NULL;
        if (eq) {
            *eq = '\0'; /* argv's strings are the program's to change */
            val = eq + 1;
        }
        const cli_opt *o = find_opt(c, a);
        if (!o) {
            const char *s = suggest_opt(c, a);
            fprintf(stderr, "dyad: %s: unknown option '%s'", c->name, a);
            if (s) fprintf(stderr, " (did you mean %s?)", s);
            fputc('\n', stderr);
            free(v);
            return usage_error(c);
        }
        if (!strcmp(o->name, "--help")) {
            free(v);
            cli_help(c, stdout);
            return cli_finish(EXIT_OK);
        }
        if (!o->value) {
            if (val) {
                fprintf(stderr, "dyad: %s: option %s takes no value\n", c->name,
                        o->name);
                free(v);
                return usage_error(c);
            }
            v[n++] = (char *)o->name;
            continue;
        }
        if (!val) {
            if (i + 1 >= argc) {
                fprintf(stderr, "dyad: %s: option %s needs a value (%s)\n",
                        c->name, o->name, o->value);
                free(v);
                return usage_error(c);
            }
            val = argv[++i];
        }
        /* (a command that writes its own file, like plot, lists -o itself) */
        if (o == &common_table[0]) {
            out_path = strcmp(val, "-") ? val : NULL;
            continue;
        }
        v[n++] = (char *)o->name;
        v[n++] = val;
    }
    v[n] = NULL;
    int rc = c->run(n, v);
    free(v);
    return cli_finish(rc);
}
