/* cmd_eval.c -- `dyad eval FILE... [--errors] [--split S] [dictionary
 * options]`: scores the coder against hand-coded gold standards.
 *
 * A file holds sentence records (tests/dev/devset.jsonl) or article records
 * (tests/articles/), told apart line by line by the "paragraphs" key;
 * the scoring is in eval_score.c and eval_articles.c (see eval.h). Sentence
 * records are coded one at a time as documents with their date. Articles are
 * scored sentence by sentence and as whole articles. Per root, per
 * phenomenon, a confusion matrix of roots and the error kinds are printed;
 * --errors lists every error, except those of held-out articles ("split":
 * "test"), whose errors nobody reads. The last line is "L1 F1 0.xxx, L2 F1
 * 0.xxx" for sentence records, and "sentence L1 F1 ..., article L1 F1 ..."
 * when there were articles. Exit 0 when every record was scored, 1 when
 * some were skipped (malformed) or there was nothing to score (no gold
 * event in any record: P = R = F1 = 1 would mean nothing), 2 for usage,
 * dictionary or unreadable-file errors (cli.h).
 *
 * Why a separate command rather than a script: the comparison must see the
 * same dictionaries, dates and options as `dyad code`, and must not depend
 * on tools the user may not have. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "eval.h"

static void usage(void) {
    fputs("usage: dyad eval FILE.jsonl... [--errors | --sentence-errors]\n"
          "                 [--split dev|test] [--versus OTHER.jsonl]\n"
          "                 [dictionary options]\n",
          stderr);
}

/* Scores one sentence record. Returns 0, or -1 with why set. */
static int eval_sentence(const dyad_engine *e, dyad_doc *doc, json_t *rec,
                         eval_totals *t, const char *label, int show,
                         char *why, size_t whylen) {
    eval_event s[EVAL_MAX_EVENTS], g[EVAL_MAX_EVENTS];
    const char *text = json_string_value(json_object_get(rec, "text"));
    const char *date_s = json_string_value(json_object_get(rec, "date"));
    if (!text) {
        snprintf(why, whylen, "no \"text\" string");
        return -1;
    }
    int ng = eval_read_gold(t, json_object_get(rec, "events"), g, why, whylen);
    if (ng < 0) return -1;
    uint32_t date = date_s ? dyad_parse_date(date_s, strlen(date_s)) : 0;
    dyad_input in;
    dyad_input_init(&in);
    in.text = text;
    in.text_len = strlen(text);
    in.date = date;
    const dyad_result *res;
    dyad_error err;
    int ns = 0;
    if (dyad_code(e, doc, &in, NULL, &res, &err) == DYAD_OK)
        for (size_t i = 0; i < res->nevents && ns < EVAL_MAX_EVENTS; i++)
            eval_from_coded(&s[ns++], dyad_result_event(res, i));
    else
        fprintf(stderr, "dyad: %s: %s\n", label, err.msg);
    eval_score(t, label, text, s, ns, g, ng, show);
    return 0;
}

static void print_f1(const char *what, const eval_totals *t) {
    double p, r, f1, f2;
    eval_prf(&t->all[0], &p, &r, &f1);
    eval_prf(&t->all[1], &p, &r, &f2);
    printf("%sL1 F1 %.3f, %sL2 F1 %.3f", what, f1, what, f2);
}

int cmd_eval(int argc, char **argv) {
    dict_opts dopt;
    memset(&dopt, 0, sizeof dopt);
    dopt.coding = 1;
    const char *paths[64];
    int npaths = 0, show_errors = 0;
    const char *split = NULL;
    const char *versus_path = NULL; /* --versus: another coder's articles */
    for (int i = 1; i < argc; i++) {
        int r = dict_opts_parse(&dopt, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (!strcmp(argv[i], "--errors")) {
            show_errors = 1;
        } else if (!strcmp(argv[i], "--sentence-errors")) {
            show_errors = 2;
        } else if (!strcmp(argv[i], "--split") && i + 1 < argc) {
            split = argv[++i];
            if (strcmp(split, "dev") && strcmp(split, "test")) {
                fprintf(stderr, "dyad: eval: --split takes dev or test, not "
                                "'%s'\n", split);
                return EXIT_USAGE;
            }
        } else if (!strcmp(argv[i], "--versus") && i + 1 < argc) {
            versus_path = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "dyad: eval: unknown option '%s'\n", argv[i]);
            usage();
            return EXIT_USAGE;
        } else if (npaths < 64) {
            paths[npaths++] = argv[i];
        } else {
            fprintf(stderr, "dyad: eval: at most 64 files\n");
            return EXIT_USAGE;
        }
    }
    if (!npaths) {
        usage();
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
    dyad_doc *doc = NULL;
    dyad_doc_new(&doc, NULL);
    /* [0] sentence records, [1] articles sentence by sentence, [2] whole
     * articles */
    eval_totals *t = calloc(3, sizeof *t);
    if (!doc || !t) {
        fprintf(stderr, "dyad: out of memory\n");
        exit(EXIT_NOMEM);
    }
    if (show_errors)
        printf("errors (FN: expected, not coded; FP: coded, not expected; "
               "kinds compare at L1)\n");
    unsigned articles = 0, hidden = 0, skipped = 0;
    /* --versus: the other coder's articles by id */
    json_t *versus = NULL;
    if (versus_path) {
        versus = json_object();
        FILE *vf = fopen(versus_path, "r");
        if (!vf) {
            fprintf(stderr, "dyad: %s: cannot open: %s\n", versus_path,
                    strerror(errno));
            free(t);
            json_decref(versus);
            dyad_doc_free(doc);
            dyad_engine_free(e);
            dict_opts_free(&dopt);
            return EXIT_USAGE;
        }
        char *vl = NULL;
        size_t vcap = 0;
        ssize_t vn;
        while ((vn = getline(&vl, &vcap, vf)) != -1) {
            json_t *r = json_loadb(vl, (size_t)vn, 0, NULL);
            const char *id = json_string_value(json_object_get(r, "id"));
            if (id) json_object_set(versus, id, r);
            json_decref(r);
        }
        free(vl);
        fclose(vf);
    }
    int rc = EXIT_OK;
    for (int fi = 0; fi < npaths; fi++) {
        const char *path = paths[fi];
        FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
        if (!f) {
            fprintf(stderr, "dyad: %s: cannot open: %s\n", path,
                    strerror(errno));
            rc = EXIT_USAGE;
            continue;
        }
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
            int ok = -1;
            if (!rec || !json_is_object(rec)) {
                snprintf(why, sizeof why, "%s",
                         rec ? "not an object" : jerr.text);
            } else {
                const char *rs =
                    json_string_value(json_object_get(rec, "split"));
                if (split && strcmp(split, rs ? rs : "dev") != 0) {
                    json_decref(rec);
                    continue;
                }
                int held_out = rs && !strcmp(rs, "test");
                const char *id = json_string_value(json_object_get(rec, "id"));
                char label[64];
                if (!id) {
                    snprintf(label, sizeof label, "line %lu", lineno);
                    id = label;
                }
                if (json_object_get(rec, "paragraphs")) {
                    json_t *vs = NULL;
                    if (versus) {
                        const char *vid =
                            json_string_value(json_object_get(rec, "id"));
                        vs = vid ? json_object_get(versus, vid) : NULL;
                        if (!vs) {
                            json_decref(rec);
                            continue;
                        }
                    }
                    ok = eval_article(e, doc, rec, vs, &t[1], &t[2],
                                      held_out ? 0 : show_errors, why,
                                      sizeof why);
                    if (ok == 0) {
                        articles++;
                        hidden += show_errors && held_out;
                    }
                } else {
                    ok = eval_sentence(e, doc, rec, &t[0], id,
                                       show_errors && !held_out, why,
                                       sizeof why);
                }
            }
            if (ok < 0) {
                fprintf(stderr, "dyad: %s:%lu: %s (record skipped)\n", path,
                        lineno, why);
                skipped++;
            }
            json_decref(rec);
        }
        if (ferror(f)) {
            fprintf(stderr, "dyad: %s: read error: %s\n", path,
                    strerror(errno));
            rc = EXIT_USAGE;
        }
        free(line);
        if (f != stdin) fclose(f);
    }
    if (hidden)
        printf("(%u held-out test articles scored; their errors are not "
               "shown)\n", hidden);
    if (t[0].records) eval_report(e, &t[0], "sentence records");
    if (articles) {
        eval_report(e, &t[1], "articles, sentence by sentence (context "
                              "events not required)");
        eval_report(e, &t[2], "articles, whole documents (every event "
                              "required)");
    }
    printf("\n");
    if (skipped) printf("%u records skipped\n", skipped);
    if (t[0].records) print_f1("", &t[0]);
    if (t[0].records && articles) printf("; ");
    if (articles) {
        printf("%u articles: ", articles);
        print_f1("sentence ", &t[1]);
        printf(", ");
        print_f1("article ", &t[2]);
    }
    printf("\n");
    unsigned gold = t[0].gold_events + t[1].gold_events + t[2].gold_events;
    if (rc == EXIT_OK && !gold) {
        fprintf(stderr, "dyad: eval: no gold events to score (%u records "
                        "read, %u skipped): a gold record has \"text\" and "
                        "\"events\", or \"paragraphs\" and \"gold\"\n",
                t[0].records + articles, skipped);
        rc = EXIT_REJECTED;
    } else if (rc == EXIT_OK && skipped) {
        rc = EXIT_REJECTED;
    }
    json_decref(versus);
    free(t);
    dyad_doc_free(doc);
    dyad_engine_free(e);
    dict_opts_free(&dopt);
    return rc;
}
