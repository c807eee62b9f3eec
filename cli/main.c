/* main.c -- the dyad command: dispatches to a subcommand. */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "cli.h"

static void usage(FILE *f) {
    fputs("usage: dyad <command> [options]\n"
          "  code [--format json|tsv|csv|table] [--input-format "
          "auto|jsonl|xml|text]\n"
          "       [--threads N] [--stats] [dictionary options] [FILE...]\n"
          "                                        code documents (stdin "
          "when no FILE)\n"
          "       [--db FILE.sqlite|postgresql://... [--db-batch N]]  store them (stdout "
          "only with --format)\n"
          "  export --db FILE [--format jsonl|tsv|csv|table|phoenix|gdelt]\n"
          "       [--from DATE --to DATE --actor CODE --dyad SRC:TGT "
          "--code PREFIX --dedup]\n"
          "  stats --db FILE [--by day|week|month|year] [--format tsv|json] "
          "[--top N]\n"
          "       [the filters of export]          counts, Goldstein, top "
          "dyads and actors\n"
          "  serve --db FILE [--listen ADDR:PORT] [--api-key KEY | "
          "--api-key-file F]\n"
          "       [--threads N] [--web DIR]        HTTP API and dashboard "
          "(docs/api.md)\n"
          "  plot --db FILE --dyad SRC:TGT|--actor CODE [--by day|week|month|year]\n"
          "       [--dedup --from --to --code] -o FILE.svg|FILE.png   cooperation "
          "and conflict\n"
          "  validate FILE.xml [--category X]      run PETRARCH validation "
          "records\n"
          "  explain \"SENTENCE\" [--date YYYYMMDD] [dictionary options]\n"
          "  dict [dictionary options]             load dictionaries, print "
          "counts\n"
          "  dict check [dictionary options]       duplicates, unknown codes, "
          "dead patterns\n"
          "  eval FILE.jsonl [--errors]            precision/recall against "
          "a gold set\n"
          "  cases FILE.tsv...                     coding cases that must code "
          "exactly\n"
          "  eval-qp GOLD.jsonl ARTICLES.jsonl...  quotations and event places "
          "against gold\n"
          "dictionary options: --dict DIR | --verbs F --actors F (repeat) "
          "--agents F\n"
          "                    --discards F --issues F   (default: bundled)\n",
          f);
}

static int dispatch(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code")) return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "validate")) return cmd_validate(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain")) return cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict")) return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval")) return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(cmd, "cases")) return cmd_cases(argc - 1, argv + 1);
    if (!strcmp(cmd, "export")) return cmd_export(argc - 1, argv + 1);
    if (!strcmp(cmd, "stats")) return cmd_stats(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval-qp")) return cmd_eval_qp(argc - 1, argv + 1);
    if (!strcmp(cmd, "qp-cases")) return cmd_qp_cases(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve")) return cmd_serve(argc - 1, argv + 1);
    if (!strcmp(cmd, "plot")) return cmd_plot(argc - 1, argv + 1);
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) {
        puts("dyad " DYAD_VERSION);
        return EXIT_OK;
    }
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}

int main(int argc, char **argv) {
    /* libxml2 must be initialised before any thread might use it */
    xmlInitParser();
    int rc = dispatch(argc, argv);
    xmlCleanupParser();
    return rc;
}
