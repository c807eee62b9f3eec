/* cmd_dict.c -- `dyad dict`: load dictionaries and report what they hold,
 * so a user sees at once whether a file was read and how long loading
 * takes. A malformed file fails with "file:line: reason" and exit 2.
 *
 * `dyad dict check` runs the library's consistency checks (dyad_engine_check,
 * src/dict/check.h) and
 * prints one "file:line: kind: severity: message" line per finding, sorted
 * by file and line, then "N errors, M warnings". Exit status: 1 if there is
 * an error, 0 if only warnings (or nothing), 2 if loading failed (cli.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* One finding, copied out of the callback so that all can be sorted. */
typedef struct saved_finding {
    uint32_t file_index;
    uint32_t line;
    uint32_t seq;          /* report order, keeps the sort stable */
    char *text;            /* the printed line */
} saved_finding;

typedef struct finding_list {
    saved_finding *v;
    size_t n, cap;
} finding_list;

static void collect(void *ctx, const dyad_finding *f) {
    finding_list *l = ctx;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v) {
            fprintf(stderr, "dyad: out of memory\n");
            exit(EXIT_NOMEM);
        }
    }
    const char *sev = f->error ? "error" : "warning";
    int len;
    if (f->line)
        len = snprintf(NULL, 0, "%s:%u: %s: %s: %s", f->file, f->line,
                       f->kind, sev, f->msg);
    else
        len = snprintf(NULL, 0, "%s: %s: %s: %s",
                       f->file[0] ? f->file : "dyad", f->kind, sev, f->msg);
    char *t = len < 0 ? NULL : malloc((size_t)len + 1);
    if (!t) {
        fprintf(stderr, "dyad: out of memory\n");
        exit(EXIT_NOMEM);
    }
    if (f->line)
        snprintf(t, (size_t)len + 1, "%s:%u: %s: %s: %s", f->file, f->line,
                 f->kind, sev, f->msg);
    else
        snprintf(t, (size_t)len + 1, "%s: %s: %s: %s",
                 f->file[0] ? f->file : "dyad", f->kind, sev, f->msg);
    l->v[l->n] = (saved_finding){f->file_index, f->line, (uint32_t)l->n, t};
    l->n++;
    /* (t is kept in l->v, freed by cmd_dict_check after printing) */
    /* cppcheck-suppress memleak */
}

static int cmp_finding(const void *a, const void *b) {
    const saved_finding *x = a, *y = b;
    if (x->file_index != y->file_index)
        return x->file_index < y->file_index ? -1 : 1;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int cmd_dict_check(int argc, char **argv) {
    dict_opts dopt;
    memset(&dopt, 0, sizeof dopt);
    for (int i = 1; i < argc; i++) {
        int r = dict_opts_parse(&dopt, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        fprintf(stderr, "dyad: dict check: unknown option '%s'\n", argv[i]);
        return EXIT_USAGE;
    }
    dyad_engine *e = dict_opts_load(&dopt);
    if (!e) {
        dict_opts_free(&dopt);
        return dict_opts_exit;
    }
    if (cli_output_open() < 0) {
        dyad_engine_free(e);
        return EXIT_OUTPUT;
    }
    finding_list l = {0};
    uint32_t errors = 0, warnings = 0;
    if (dyad_engine_check(e, collect, &l, &errors, &warnings) != DYAD_OK) {
        fprintf(stderr, "dyad: dict check: out of memory\n");
        dyad_engine_free(e);
        return EXIT_NOMEM;
    }
    if (l.n) qsort(l.v, l.n, sizeof *l.v, cmp_finding);
    for (size_t i = 0; i < l.n; i++) {
        printf("%s\n", l.v[i].text);
        free(l.v[i].text);
    }
    free(l.v);
    /* always "N errors, M warnings", singular or not: scripts match it */
    printf("%u errors, %u warnings\n", errors, warnings);
    dyad_engine_free(e);
    dict_opts_free(&dopt);
    return errors ? EXIT_REJECTED : EXIT_OK;
}

int cmd_dict(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "check"))
        return cmd_dict_check(argc - 1, argv + 1);
    dict_opts dopt;
    memset(&dopt, 0, sizeof dopt);
    for (int i = 1; i < argc; i++) {
        int r = dict_opts_parse(&dopt, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (!strcmp(argv[i], "--stats")) continue; /* always printed */
        fprintf(stderr, "dyad: dict: unknown option '%s'\n", argv[i]);
        return EXIT_USAGE;
    }
    dyad_engine *e = dict_opts_load(&dopt);
    if (!e) return dict_opts_exit;
    if (cli_output_open() < 0) {
        dyad_engine_free(e);
        return EXIT_OUTPUT;
    }
    dyad_dict_stats s;
    dyad_engine_stats(e, &s, sizeof s);
    printf("actor phrases    %u (%u records)\n", s.actor_phrases,
           s.actor_records);
    printf("agent phrases    %u\n", s.agent_phrases);
    printf("verb forms       %u in %u blocks\n", s.verb_forms, s.verb_blocks);
    printf("verb patterns    %u\n", s.patterns);
    printf("synsets          %u\n", s.synsets);
    printf("discard phrases  %u\n", s.discards);
    printf("issue phrases    %u\n", s.issue_phrases);
    printf("vocabulary       %u words\n", s.vocabulary);
    printf("load time        %.3f s\n", s.load_seconds);
    dyad_engine_free(e);
    dict_opts_free(&dopt);
    return EXIT_OK;
}
