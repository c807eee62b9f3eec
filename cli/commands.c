/* commands.c -- the table of dyad's subcommands: name, synopsis, help
 * text and options, from which `dyad help`, `dyad help CMD`, `dyad CMD
 * --help` and the option checks of args.c are made. man/dyad.1 says the
 * same at length; keep the two in step. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const cli_opt code_opts[] = {
    {"--format", NULL, "FORMAT", "jsonl (json, the default), tsv, csv, "
                                 "table or tabari"},
    {"--table", NULL, NULL, "the same as --format table"},
    {"--input-format", NULL, "FORMAT", "auto (the default), jsonl, xml or "
                                       "text"},
    {"--date", NULL, "DATE", "the date of records that have none (plain "
                             "text), YYYY-MM-DD"},
    {"--publisher", NULL, "NAME", "the publisher of records that have none"},
    {"--fields", NULL, NULL, "JSON output: every other input key too, in "
                             "\"fields\""},
    {"--threads", NULL, "N", "coding threads, 1..256 (default: one per "
                             "processor)"},
    {"--stats", NULL, NULL, "counts and times on standard error at the end"},
    {"--no-title", NULL, NULL, "do not code the titles (sentence 0)"},
    {"--no-require-dyad", NULL, NULL, "also events with no source or no "
                                      "target, or no country on either side"},
    {"--db", NULL, "FILE", "store documents and events in FILE.sqlite"},
    {"--db-batch", NULL, "N", "documents per transaction with --db "
                              "(default 10000)"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt export_opts[] = {
    {"--format", NULL, "FORMAT", "jsonl (the default), tsv, csv, table, "
                                 "tabari, phoenix or gdelt"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt stats_opts[] = {
    {"--by", NULL, "PERIOD", "day, week, month (the default) or year"},
    {"--format", NULL, "FORMAT", "tsv (the default) or json"},
    {"--top", NULL, "N", "how many top dyads and actors (default 10)"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt explain_opts[] = {
    {"--date", NULL, "DATE", "the document date (YYYY-MM-DD): date-limited "
                             "actor codes"},
    {"--title", NULL, "TITLE", "a headline, coded as sentence 0"},
    {"--json", NULL, NULL, "the trace as JSON"},
    {"--no-require-dyad", NULL, NULL, "also events with no source or no "
                                      "target, or no country on either side"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt dict_opts_own[] = {
    {"--stats", NULL, NULL, "accepted; the counts are always printed"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt no_opts[] = {{NULL, NULL, NULL, NULL}};

static const cli_opt eval_opts[] = {
    {"--errors", NULL, NULL, "list every error (whole articles)"},
    {"--sentence-errors", NULL, NULL, "list every error of articles "
                                      "sentence by sentence"},
    {"--split", NULL, "SPLIT", "score only records of split dev or test"},
    {"--versus", NULL, "FILE", "score another coder's articles instead"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt validate_opts[] = {
    {"--category", NULL, "X", "only the records of category X"},
    {"--verbose", "-v", NULL, "also 'ok ID' for each record passed"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt cases_opts[] = {
    {"--pinned", NULL, "IDS", "check the records of FILE.jsonl listed in "
                              "IDS"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt serve_opts[] = {
    {"--db", NULL, "FILE", "the event store to serve (SQLite or postgresql://...)"},
    {"--listen", NULL, "ADDR:PORT", "where to listen (default 127.0.0.1:8080)"},
    {"--api-key", NULL, "KEY", "the key that writes need"},
    {"--api-key-file", NULL, "FILE", "the key, read from FILE"},
    {"--threads", NULL, "N", "worker threads"},
    {"--web", NULL, "DIR", "the dashboard's files"},
    {"--timeout", NULL, "MS", "time per request"},
    {"--max-body", NULL, "BYTES", "largest request body"},
    {"--port-file", NULL, "FILE", "write the port listened on to FILE"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt plot_opts[] = {
    {"--output", "-o", "FILE", "FILE.svg or FILE.png (- for SVG on standard "
                               "output)"},
    {"--by", NULL, "PERIOD", "day, week, month (the default) or year"},
    {"--format", NULL, "FORMAT", "svg or png (default: from the file name)"},
    {"--title", NULL, "TITLE", "the chart's title"},
    {"--size", NULL, "WxH", "pixels (default 960x600)"},
    {"--scale", NULL, "S", "PNG pixels per SVG unit"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt evalqp_opts[] = {
    {"--errors", NULL, NULL, "list every quotation and place error"},
    {NULL, NULL, NULL, NULL},
};

static const cli_opt qpcases_opts[] = {
    {"--places", NULL, NULL, "the file holds place cases"},
    {"--quotes", NULL, NULL, "the file holds quotation cases"},
    {NULL, NULL, NULL, NULL},
};

const cli_cmd cli_commands[] = {
    {"code", "[options] [FILE...]",
     "code documents into events (standard input when no FILE)",
     "Codes documents and writes one line per event on standard output.\n"
     "Input: JSON Lines {\"id\",\"date\",\"source\",\"title\",\"text\",...}, "
     "plain text (a file is\none document) or PETRARCH2 batch XML, told "
     "from the start of each file.\nA bad record is reported as FILE:LINE: "
     "reason and the run goes on.\n",
     code_opts, CLI_DICT_OPTS, cmd_code},
    {"export", "--db FILE [--format FORMAT] [filters]",
     "write the events of an event store",
     "Writes the events stored by 'dyad code --db' in any output format, "
     "or as\nPETRARCH2/Phoenix or GDELT 2.0 event files.\n",
     export_opts, CLI_STORE_OPTS, cmd_export},
    {"stats", "--db FILE [--by PERIOD] [--format FORMAT] [filters]",
     "counts, Goldstein scores, top dyads and actors of an event store",
     "Counts the stored events by period, root code and quad class, with "
     "Goldstein\nsums and means and the top dyads and actors.\n",
     stats_opts, CLI_STORE_OPTS, cmd_stats},
    {"explain", "\"SENTENCE\" [options]", "why a sentence codes as it does",
     "Codes one sentence and prints the trace: tokens and tags, chunks and "
     "clauses,\nactors, each verb looked up and the pattern that fired or "
     "why none did, then\nthe events. Quote the sentence: it is one "
     "argument.\n",
     explain_opts, CLI_DICT_OPTS, cmd_explain},
    {"dict", "[check] [dictionary options]",
     "load dictionaries and print what they hold",
     "Loads the dictionaries and prints their counts; a malformed line "
     "fails with\nfile:line: reason. 'dyad dict check' checks them "
     "(see 'dyad help dict check').\n",
     dict_opts_own, CLI_DICT_OPTS, cmd_dict},
    {"dict check", "[dictionary options]",
     "duplicates, unknown codes and dead patterns in dictionaries",
     "Checks the dictionaries and prints one 'file:line: kind: severity: "
     "message'\nline per finding, then 'N errors, M warnings'. Exit 1 when "
     "there is an error.\n",
     no_opts, CLI_DICT_OPTS, cmd_dict_check},
    {"eval", "FILE.jsonl... [options]",
     "precision and recall against a hand-coded gold set",
     "Scores the coder against gold records (sentences with their "
     "\"events\", or\narticles with \"paragraphs\" and \"gold\"): precision, "
     "recall and F1 per CAMEO\nroot at two levels. The last line is "
     "'L1 F1 x, L2 F1 y'. A file with no gold\nevents is an error.\n",
     eval_opts, CLI_DICT_OPTS, cmd_eval},
    {"validate", "FILE.xml|FILE.project [options]",
     "run PETRARCH or TABARI validation records",
     "Codes each validation record's text with the dictionaries the file "
     "names and\ncompares the events with the expected ones; the last line "
     "is 'N passed,\nM failed'. A file with no record to check is an "
     "error.\n",
     validate_opts, 0, cmd_validate},
    {"cases", "FILE.tsv... | --pinned IDS FILE.jsonl",
     "coding cases that must code exactly",
     "Codes each case (DATE<TAB>TEXT<TAB>EXPECTED[<TAB>TITLE[<TAB>PUBLISHER]])"
     " and\nprints those that do not give exactly the expected events; the "
     "last line is\n'cases: N passed, M failed'.\n",
     cases_opts, CLI_DICT_OPTS, cmd_cases},
    {"serve", "--db FILE [options]", "HTTP API and dashboard over an event store",
     "Answers HTTP (localhost by default): POST /api/code, GET /api/events, "
     "/api/stats,\n/api/series, /api/actors, /api/codes, /api/plot.svg, "
     "/healthz, /metrics and the\ndashboard at /. docs/api.md documents "
     "them.\n",
     serve_opts, CLI_DICT_OPTS, cmd_serve},
    {"plot", "--db FILE (--dyad SRC:TGT | --actor CODE) -o FILE.svg|FILE.png",
     "cooperation and conflict over time, as a chart",
     "Draws the events of each quad class per period and their Goldstein "
     "sum for a\ndyad or an actor, from an event store.\n",
     plot_opts, CLI_STORE_OPTS, cmd_plot},
    {"eval-qp", "GOLD.jsonl ARTICLES.jsonl... [--errors]",
     "quotations and event places against gold",
     "Scores quotation detection, speakers and event places against "
     "annotated\narticles (docs/places-quotes.md).\n",
     evalqp_opts, CLI_DICT_OPTS, cmd_eval_qp},
    {"qp-cases", "FILE.tsv... [--places|--quotes]",
     "place and quotation cases that must hold",
     "Checks the place and quotation cases of tests/places and tests/quotes.\n",
     qpcases_opts, CLI_DICT_OPTS, cmd_qp_cases},
    {NULL, NULL, NULL, NULL, NULL, 0, NULL},
};

const cli_cmd *cli_find(const char *name) {
    for (const cli_cmd *c = cli_commands; c->name; c++)
        if (!strcmp(c->name, name)) return c;
    return NULL;
}

void cli_usage(FILE *f) {
    fprintf(f, "usage: dyad COMMAND [options] [FILE...]\n\ncommands:\n");
    for (const cli_cmd *c = cli_commands; c->name; c++)
        fprintf(f, "  %-12s %s\n", c->name, c->summary);
    fprintf(f, "\n'dyad help COMMAND' or 'dyad COMMAND --help' lists a "
               "command's options;\n'dyad --version' prints the version; "
               "man dyad has it all.\n"
               "Options take their value as '--opt VALUE' or '--opt=VALUE'; "
               "-o FILE writes\nthe output to FILE.\n");
}
