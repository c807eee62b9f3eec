/* cmd_explain.c -- `dyad explain "SENTENCE"`: why a sentence codes as it
 * does. Prints the library's trace (tokens and tags, chunks and clauses,
 * actor units with their codes, each verb looked up and the pattern that
 * fired or why none did) followed by the events. This is the dictionary
 * writer's tool. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Where the event happened, as decided (docs/places-quotes.md). */
static void explain_place(const dyad_event *ev) {
    const dyad_place *p = ev->place;
    if (!p) {
        printf("    place: none\n");
        return;
    }
    printf("    place: \"%s\" (%s) = %s, %s%s%s, %s, geonames %u, %.4f %.4f\n",
           p->name, p->source, p->gazetteer_name, p->country,
           p->admin1[0] ? " " : "", p->admin1, p->level, p->geonameid,
           p->lat, p->lon);
    if (ev->quote >= 0) printf("    from quotation %d\n", ev->quote);
}

static void explain_quotes(const dyad_result *res) {
    printf("quotations: %zu\n", res->nquotes);
    for (size_t i = 0; i < res->nquotes; i++) {
        const dyad_quote *q = dyad_result_quote(res, i);
        printf("  %zu (sentences %u-%u) \"%s\"\n    speaker \"%s\"", i,
               q->sentence, q->last_sentence, q->text, q->speaker);
        if (strcmp(q->speaker_name, q->speaker))
            printf(" (%s)", q->speaker_name);
        printf(" = %s, %s, verb \"%s\", events", 
               q->speaker_code ? q->speaker_code : "uncoded",
               q->attribution, q->verb);
        for (uint32_t k = 0; k < q->nevents; k++) printf(" %u", q->events[k]);
        printf("%s\n", q->nevents ? "" : " none");
    }
}

int cmd_explain(int argc, char **argv) {
    dict_opts dopt;
    memset(&dopt, 0, sizeof dopt);
    dopt.coding = 1;
    const char *text = NULL;
    uint32_t date = 0;
    int json = 0;
    const char *title = NULL;
    dyad_options opt;
    dyad_options_init(&opt);
    for (int i = 1; i < argc; i++) {
        int r = dict_opts_parse(&dopt, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (!strcmp(argv[i], "--date") && i + 1 < argc) {
            const char *d = argv[++i];
            date = dyad_parse_date(d, strlen(d));
            if (!date) {
                fprintf(stderr, "dyad: explain: --date: invalid date '%s' "
                                "(YYYY-MM-DD or YYYYMMDD)\n", d);
                return EXIT_USAGE;
            }
        } else if (!strcmp(argv[i], "--title") && i + 1 < argc) {
            title = argv[++i];
        } else if (!strcmp(argv[i], "--json")) {
            json = 1;
        } else if (!strcmp(argv[i], "--no-require-dyad")) {
            opt.require_dyad = 0;
        } else if (argv[i][0] == '-' && argv[i][1] && !strpbrk(argv[i], " \t\n")) {
            fprintf(stderr, "dyad: explain: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        } else if (text) {
            fprintf(stderr, "dyad: explain: one sentence, as one argument "
                            "(quote it): '%s' and '%s'\n", text, argv[i]);
            return EXIT_USAGE;
        } else {
            text = argv[i];
        }
    }
    if (!text && title) text = "";
    if (!text) {
        fprintf(stderr,
                "usage: dyad explain \"SENTENCE\" [--date YYYYMMDD] "
                "[dictionary options]\n");
        return EXIT_USAGE;
    }
    dyad_engine *e = dict_opts_load(&dopt);
    if (!e) return dict_opts_exit;
    if (cli_output_open() < 0) {
        dyad_engine_free(e);
        return EXIT_OUTPUT;
    }
    opt.trace = 1;
    dyad_doc *doc = NULL;
    if (dyad_doc_new(&doc, NULL) != DYAD_OK) {
        fprintf(stderr, "dyad: out of memory\n");
        dyad_engine_free(e);
        return EXIT_NOMEM;
    }
    const dyad_result *res = NULL;
    dyad_error err;
    dyad_input in;
    dyad_input_init(&in);
    in.text = text;
    in.text_len = strlen(text);
    in.title = title;
    in.title_len = title ? strlen(title) : 0;
    in.date = date;
    int rc = dyad_code(e, doc, &in, &opt, &res, &err);
    if (rc != DYAD_OK) {
        fprintf(stderr, "dyad: %s\n", err.msg);
    } else if (json) {
        fputs(res->trace_json, stdout);
    } else {
        if (res->trace) fputs(res->trace, stdout);
        printf("events: %zu\n", res->nevents);
        for (size_t i = 0; i < res->nevents; i++) {
            const dyad_event *ev = dyad_result_event(res, i);
            printf("  %s %s %s  (source \"%s\", verb \"%s\", target \"%s\"; "
                   "rule %s)\n",
                   ev->source, ev->target, ev->code, ev->source_text,
                   ev->verb_text, ev->target_text, ev->rule);
            explain_place(ev);
        }
        explain_quotes(res);
    }
    dyad_doc_free(doc);
    dyad_engine_free(e);
    dict_opts_free(&dopt);
    return rc == DYAD_ERR_NOMEM ? EXIT_NOMEM : rc ? EXIT_REJECTED : EXIT_OK;
}
