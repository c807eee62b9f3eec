/* cmd_eval.c -- `dyad eval FILE [--errors] [dictionary options]`: scores the
 * coder against a hand-coded gold standard (tests/dev/devset.jsonl).
 *
 * Each JSON line holds one sentence: {"id", "date", "text", "events":
 * [{"source","target","code"}...]}. The text is coded as one document with
 * its date, and the coded events are compared with the expected ones at two
 * levels:
 *   L1  root code (first two digits), source country and target country
 *       (first three characters of each actor code): "did we get the gist";
 *   L2  full code, full source and full target: "did we get it exactly".
 * Matching is one-to-one within a record (a multiset match): a coded event
 * consumes at most one expected event, so duplicates count as errors.
 * Precision, recall and F1 are printed per CAMEO root, with the number of
 * expected events (support), then overall. --errors lists the false
 * positives and false negatives of every record that is not perfect at L2.
 * The last line is "L1 F1 0.xxx, L2 F1 0.xxx" for scripts. Exit 0 once the
 * file was scored, 2 for usage, dictionary or unreadable-file errors.
 *
 * Why a separate command rather than a script: the comparison must see the
 * same dictionaries, dates and options as `dyad code`, and must not depend
 * on tools the user may not have. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define EVAL_ROOTS 21     /* roots 01..20; slot 0 collects unknown codes */
#define EVAL_MAX_EVENTS 64 /* events per side per record that are compared */

/* One event reduced to the three strings that are compared. */
typedef struct eval_event {
    char source[64];
    char target[64];
    char code[8];
} eval_event;

/* True/false positive and false negative counts for one root at one level. */
typedef struct eval_counts {
    unsigned tp, fp, fn;
} eval_counts;

/* Everything accumulated over the file: counts per level and per root. */
typedef struct eval_totals {
    eval_counts root[2][EVAL_ROOTS]; /* [level 0 = L1, 1 = L2][root] */
    eval_counts all[2];
    unsigned records, skipped, coded_events, gold_events, perfect[2];
} eval_totals;

/* Root index 1..20 of a CAMEO code, 0 when the code has no valid root. */
static int root_index(const char *code) {
    if (code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
        return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    return r >= 1 && r <= 20 ? r : 0;
}

/* Whether two events agree at the given level (0 = L1, 1 = L2). */
static int same_event(const eval_event *a, const eval_event *b, int level) {
    if (level == 1)
        return !strcmp(a->code, b->code) && !strcmp(a->source, b->source) &&
               !strcmp(a->target, b->target);
    return !strncmp(a->code, b->code, 2) &&
           !strncmp(a->source, b->source, 3) &&
           !strncmp(a->target, b->target, 3);
}

static void copy_field(char *dst, size_t cap, const char *src) {
    snprintf(dst, cap, "%s", src ? src : "");
}

/* Greedy one-to-one matching of coded events s against gold events g.
 * Sets s_hit[i] / g_hit[j] to 1 for matched events. With exact keys greedy
 * matching is optimal: equal keys form interchangeable classes. */
static void match_events(const eval_event *s, int ns, const eval_event *g,
                         int ng, int level, int *s_hit, int *g_hit) {
    memset(s_hit, 0, sizeof(int) * (size_t)ns);
    memset(g_hit, 0, sizeof(int) * (size_t)ng);
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < ng; j++)
            if (!g_hit[j] && same_event(&s[i], &g[j], level)) {
                s_hit[i] = g_hit[j] = 1;
                break;
            }
}

static void print_event(const char *tag, const eval_event *ev,
                        int other_level_hit) {
    printf("    %s %-14s %-14s %-5s%s\n", tag, ev->source, ev->target,
           ev->code, other_level_hit ? "  (right at L1)" : "");
}

/* Scores one record; prints its errors when show_errors is set. */
static void score_record(eval_totals *t, const char *id, const char *text,
                         const eval_event *s, int ns, const eval_event *g,
                         int ng, int show_errors) {
    int s_hit[2][EVAL_MAX_EVENTS], g_hit[2][EVAL_MAX_EVENTS];
    for (int lv = 0; lv < 2; lv++) {
        match_events(s, ns, g, ng, lv, s_hit[lv], g_hit[lv]);
        int errors = 0;
        for (int i = 0; i < ns; i++) {
            eval_counts *c = &t->root[lv][root_index(s[i].code)];
            if (s_hit[lv][i]) {
                c->tp++;
                t->all[lv].tp++;
            } else {
                c->fp++;
                t->all[lv].fp++;
                errors++;
            }
        }
        for (int j = 0; j < ng; j++)
            if (!g_hit[lv][j]) {
                t->root[lv][root_index(g[j].code)].fn++;
                t->all[lv].fn++;
                errors++;
            }
        if (!errors) t->perfect[lv]++;
    }
    if (!show_errors) return;
    int bad = 0;
    for (int i = 0; i < ns; i++) bad |= !s_hit[1][i];
    for (int j = 0; j < ng; j++) bad |= !g_hit[1][j];
    if (!bad) return;
    printf("%s  %s\n", id, text);
    for (int i = 0; i < ns; i++)
        if (!s_hit[1][i]) print_event("FP", &s[i], s_hit[0][i]);
    for (int j = 0; j < ng; j++)
        if (!g_hit[1][j]) print_event("FN", &g[j], g_hit[0][j]);
}

static double ratio(unsigned a, unsigned b) {
    return b ? (double)a / (double)b : 0.0;
}

/* Precision, recall, F1 of a count triple. An empty triple (nothing
 * expected, nothing coded) scores 1 so that it does not drag down means. */
static void prf(const eval_counts *c, double *p, double *r, double *f) {
    if (!c->tp && !c->fp && !c->fn) {
        *p = *r = *f = 1.0;
        return;
    }
    *p = ratio(c->tp, c->tp + c->fp);
    *r = ratio(c->tp, c->tp + c->fn);
    *f = (*p + *r) > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static void print_report(const dyad_engine *e, const eval_totals *t) {
    printf("\n%-4s %-30s %7s | %5s %5s %5s | %5s %5s %5s\n", "root", "",
           "support", "L1 P", "L1 R", "L1 F1", "L2 P", "L2 R", "L2 F1");
    for (int r = 0; r < EVAL_ROOTS; r++) {
        const eval_counts *c1 = &t->root[0][r], *c2 = &t->root[1][r];
        unsigned support = c1->tp + c1->fn;
        if (!support && !c1->fp && !c2->fp) continue;
        char code[16];
        const char *name = "(invalid or missing code)";
        int quad;
        double gs;
        if (r) {
            snprintf(code, sizeof code, "%02d", r);
            if (!dyad_cameo_lookup(e, code, &quad, &gs, &name) || !name)
                name = "";
        } else {
            snprintf(code, sizeof code, "??");
        }
        double p1, r1, f1, p2, r2, f2;
        prf(c1, &p1, &r1, &f1);
        prf(c2, &p2, &r2, &f2);
        printf("%-4s %-30.30s %7u | %5.3f %5.3f %5.3f | %5.3f %5.3f %5.3f\n",
               code, name, support, p1, r1, f1, p2, r2, f2);
    }
    for (int lv = 0; lv < 2; lv++) {
        const eval_counts *c = &t->all[lv];
        double p, r, f;
        prf(c, &p, &r, &f);
        printf("L%d overall: P %.3f R %.3f F1 %.3f  (tp %u, fp %u, fn %u; "
               "%u of %u sentences exact)\n",
               lv + 1, p, r, f, c->tp, c->fp, c->fn, t->perfect[lv],
               t->records);
    }
}

/* Reads the expected events of a record; returns the count or -1. */
static int read_gold(json_t *arr, eval_event *g, char *why, size_t whylen) {
    if (!json_is_array(arr)) {
        snprintf(why, whylen, "\"events\" is not an array");
        return -1;
    }
    int n = 0;
    size_t k;
    json_t *ev;
    json_array_foreach(arr, k, ev) {
        const char *src = json_string_value(json_object_get(ev, "source"));
        const char *tgt = json_string_value(json_object_get(ev, "target"));
        const char *code = json_string_value(json_object_get(ev, "code"));
        if (!src || !tgt || !code) {
            snprintf(why, whylen, "event %zu needs source, target and code",
                     k);
            return -1;
        }
        if (n == EVAL_MAX_EVENTS) break;
        copy_field(g[n].source, sizeof g[n].source, src);
        copy_field(g[n].target, sizeof g[n].target, tgt);
        copy_field(g[n].code, sizeof g[n].code, code);
        n++;
    }
    return n;
}

static void usage(void) {
    fputs("usage: dyad eval FILE.jsonl [--errors] [dictionary options]\n",
          stderr);
}

int cmd_eval(int argc, char **argv) {
    dict_opts dopt;
    memset(&dopt, 0, sizeof dopt);
    const char *path = NULL;
    int show_errors = 0;
    for (int i = 1; i < argc; i++) {
        int r = dict_opts_parse(&dopt, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (!strcmp(argv[i], "--errors")) {
            show_errors = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "dyad: eval: unknown option '%s'\n", argv[i]);
            usage();
            return EXIT_USAGE;
        } else if (!path) {
            path = argv[i];
        } else {
            usage();
            return EXIT_USAGE;
        }
    }
    if (!path) {
        usage();
        return EXIT_USAGE;
    }
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!f) {
        fprintf(stderr, "dyad: %s: cannot open\n", path);
        return EXIT_USAGE;
    }
    dyad_engine *e = dict_opts_load(&dopt);
    if (!e) {
        if (f != stdin) fclose(f);
        dict_opts_free(&dopt);
        return EXIT_USAGE;
    }
    dyad_options opt;
    dyad_options_default(&opt);
    dyad_doc *doc = dyad_doc_new();
    eval_totals *t = calloc(1, sizeof *t);
    eval_event *s = malloc(sizeof *s * EVAL_MAX_EVENTS);
    eval_event *g = malloc(sizeof *g * EVAL_MAX_EVENTS);
    if (!doc || !t || !s || !g) {
        fprintf(stderr, "dyad: out of memory\n");
        exit(EXIT_USAGE);
    }
    if (show_errors) printf("errors (FP: coded, not expected; FN: expected, "
                            "not coded; compared at L2)\n");

    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    while ((len = getline(&line, &cap, f)) != -1) {
        lineno++;
        size_t k = 0;
        while (k < (size_t)len && (line[k] == ' ' || line[k] == '\t' ||
                                   line[k] == '\n' || line[k] == '\r'))
            k++;
        if (k == (size_t)len) continue; /* blank line */
        json_error_t jerr;
        json_t *rec = json_loadb(line, (size_t)len, 0, &jerr);
        char why[256] = "";
        const char *text = NULL, *id = NULL, *date_s = NULL;
        int ng = -1;
        if (!rec || !json_is_object(rec)) {
            snprintf(why, sizeof why, "%s", rec ? "not an object" : jerr.text);
        } else {
            id = json_string_value(json_object_get(rec, "id"));
            text = json_string_value(json_object_get(rec, "text"));
            date_s = json_string_value(json_object_get(rec, "date"));
            if (!text)
                snprintf(why, sizeof why, "no \"text\" string");
            else
                ng = read_gold(json_object_get(rec, "events"), g, why,
                               sizeof why);
        }
        if (ng < 0) {
            fprintf(stderr, "dyad: %s:%lu: %s (record skipped)\n", path,
                    lineno, why);
            t->skipped++;
            json_decref(rec);
            continue;
        }
        uint32_t date = date_s ? dyad_parse_date(date_s, strlen(date_s)) : 0;
        char idbuf[32];
        if (!id) {
            snprintf(idbuf, sizeof idbuf, "line %lu", lineno);
            id = idbuf;
        }
        dyad_result res;
        dyad_error err;
        int ns = 0;
        if (dyad_code(e, doc, text, strlen(text), date, &opt, &res, &err) ==
            0) {
            for (size_t i = 0; i < res.nevents && ns < EVAL_MAX_EVENTS; i++) {
                copy_field(s[ns].source, sizeof s[ns].source,
                           res.events[i].source);
                copy_field(s[ns].target, sizeof s[ns].target,
                           res.events[i].target);
                copy_field(s[ns].code, sizeof s[ns].code, res.events[i].code);
                ns++;
            }
        } else {
            fprintf(stderr, "dyad: %s: %s\n", id, err.msg);
        }
        t->records++;
        t->coded_events += (unsigned)ns;
        t->gold_events += (unsigned)ng;
        score_record(t, id, text, s, ns, g, ng, show_errors);
        json_decref(rec);
    }
    free(line);
    if (f != stdin) fclose(f);

    printf("%s: %u sentences (%u skipped), %u expected events, %u coded\n",
           path, t->records, t->skipped, t->gold_events, t->coded_events);
    print_report(e, t);
    double p, r, f1, f2;
    prf(&t->all[0], &p, &r, &f1);
    prf(&t->all[1], &p, &r, &f2);
    printf("L1 F1 %.3f, L2 F1 %.3f\n", f1, f2);

    free(s);
    free(g);
    free(t);
    dyad_doc_free(doc);
    dyad_engine_free(e);
    dict_opts_free(&dopt);
    return EXIT_OK;
}
