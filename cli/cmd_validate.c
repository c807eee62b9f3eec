/* cmd_validate.c -- `dyad validate FILE.xml`: PETRARCH validation records.
 *
 * Loads the dictionaries the file names (from the file's own folder), then
 * codes each record's <Text> -- never its <Parse> -- under the <Config>
 * options in force at that point, and compares the events one to one with
 * the expected ones (formats.md e.2). Every failure is printed with the
 * record id, text, expected and coded events; the last line is
 * "N passed, M failed". A file with no record to check (none, or none of
 * --category) is an error: exit 1, as when records fail.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "io/tabari_validate.h"
#include "io/validation.h"

static char *join_dir(const char *xml, const char *name) {
    const char *slash = strrchr(xml, '/');
    size_t dl = slash ? (size_t)(slash - xml) : 1;
    size_t n = dl + strlen(name) + 2;
    char *p = malloc(n);
    if (!p) {
        fprintf(stderr, "dyad: out of memory\n");
        exit(EXIT_NOMEM);
    }
    if (slash)
        snprintf(p, n, "%.*s/%s", (int)dl, xml, name);
    else
        snprintf(p, n, "./%s", name);
    return p;
}

static void print_events(const char *label, const char *const (*ev)[3],
                         size_t n) {
    printf("  %s:", label);
    if (!n) printf(" (none)");
    for (size_t i = 0; i < n; i++)
        printf(" %s %s %s%s", ev[i][0], ev[i][1], ev[i][2],
               i + 1 < n ? ";" : "");
    printf("\n");
}

/* TABARI's records (io/tabari_validate.c): same report, same last line. */
static int cmd_validate_tabari(const char *path, int verbose,
                               const char *only) {
    char err[1024];
    tval_counts n;
    if (cli_output_open() < 0) return EXIT_OUTPUT;
    if (tval_run(path, verbose, only, stdout, &n, err, sizeof err)) {
        fprintf(stderr, "dyad: %s\n", err);
        return EXIT_USAGE;
    }
    printf("%d passed, %d failed\n", n.passed, n.failed);
    if (!n.passed && !n.failed) {
        fprintf(stderr, "dyad: validate: %s: no record to check%s%s\n", path,
                only ? " in category " : "", only ? only : "");
        return EXIT_REJECTED;
    }
    return n.failed ? EXIT_REJECTED : EXIT_OK;
}

int cmd_validate(int argc, char **argv) {
    const char *path = NULL, *category = NULL;
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--category") && i + 1 < argc)
            category = argv[++i];
        else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose"))
            verbose = 1;
        else if (argv[i][0] == '-') {
            fprintf(stderr, "dyad: validate: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        } else if (path) {
            fprintf(stderr, "dyad: validate: one file at a time ('%s' and "
                            "'%s')\n", path, argv[i]);
            return EXIT_USAGE;
        } else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: dyad validate FILE.xml|FILE.project "
                        "[--category X]\n");
        return EXIT_USAGE;
    }
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "dyad: %s: cannot read: %s\n", path, strerror(EISDIR));
        return EXIT_USAGE;
    }
    size_t pl = strlen(path);
    if (pl > 8 && !strcmp(path + pl - 8, ".project"))
        return cmd_validate_tabari(path, verbose, category);
    char err[1024];
    val_file *vf = val_load(path, err, sizeof err);
    if (!vf) {
        fprintf(stderr, "dyad: %s\n", err);
        return EXIT_USAGE;
    }
    /* the dictionaries the records' <Environment> names, beside the file */
    dyad_config *cfg = NULL;
    dyad_status st = dyad_config_new(&cfg, NULL);
    struct {
        dyad_dict_kind kind;
        const char *name;
    } want[3 + VAL_MAX_ACTOR_FILES];
    size_t nwant = 0;
    if (vf->env.verbfile) want[nwant++].kind = DYAD_DICT_VERBS,
                          want[nwant - 1].name = vf->env.verbfile;
    for (size_t i = 0; i < vf->env.nactorfiles; i++)
        want[nwant].kind = DYAD_DICT_ACTORS,
        want[nwant++].name = vf->env.actorfiles[i];
    if (vf->env.agentfile) want[nwant].kind = DYAD_DICT_AGENTS,
                           want[nwant++].name = vf->env.agentfile;
    if (vf->env.discardfile) want[nwant].kind = DYAD_DICT_DISCARDS,
                             want[nwant++].name = vf->env.discardfile;
    for (size_t i = 0; i < nwant && st == DYAD_OK; i++) {
        char *p = join_dir(path, want[i].name);
        st = p ? dyad_config_add_file(cfg, want[i].kind, DYAD_FORMAT_AUTO, p)
               : DYAD_ERR_NOMEM;
        free(p);
    }
    dyad_error derr;
    dyad_engine *e = NULL;
    if (st == DYAD_OK) st = dyad_engine_new(cfg, &e, &derr);
    else snprintf(derr.msg, sizeof derr.msg, "%s", dyad_status_string(st));
    dyad_config_free(cfg);
    if (st != DYAD_OK) {
        fprintf(stderr, "dyad: %s\n", derr.msg);
        val_free(vf);
        return EXIT_USAGE;
    }

    if (cli_output_open() < 0) {
        dyad_engine_free(e);
        val_free(vf);
        return EXIT_OUTPUT;
    }
    dyad_options opt;
    dyad_options_init(&opt);
    opt.one_sentence = 1;
    for (size_t i = 0; i < vf->env.nconfig; i++)
        val_config_apply(&opt, vf->env.config[i].option,
                         vf->env.config[i].value);

    dyad_doc *doc = NULL;
    dyad_doc_new(&doc, NULL);
    size_t passed = 0, failed = 0;
    const char *(*got)[3] = NULL;
    size_t gotcap = 0;
    for (size_t i = 0; i < vf->nitems; i++) {
        const val_item *it = &vf->items[i];
        if (it->kind == VAL_ITEM_STOP) break;
        if (it->kind == VAL_ITEM_CONFIG) {
            val_config_apply(&opt, it->config.option, it->config.value);
            continue;
        }
        const val_record *r = &it->record;
        if (val_should_skip(vf, r)) continue;
        if (category && strcmp(category, r->category) != 0) continue;
        const dyad_result *rp = NULL;
        dyad_input in;
        dyad_input_init(&in);
        in.text = r->text;
        in.text_len = strlen(r->text);
        in.date = r->date;
        static const dyad_result none = {.size = sizeof none, .text = ""};
        if (dyad_code(e, doc, &in, &opt, &rp, &derr) != DYAD_OK) {
            fprintf(stderr, "dyad: %s: %s\n", r->id, derr.msg);
            rp = &none;
        }
        const dyad_result res = *rp;
        int ok;
        const char *why = NULL;
        int want_discard = r->error && strstr(r->error, "discard");
        if (res.discarded) {
            const char *fired =
                res.discarded == 2 ? "storydiscard" : "sentencediscard";
            ok = r->error && !strcmp(r->error, fired);
            if (!ok) why = fired;
        } else if (want_discard) {
            ok = 0;
            why = "no discard fired";
        } else {
            if (res.nevents > gotcap) {
                gotcap = res.nevents * 2;
                const char *(*ng)[3] = realloc(got, gotcap * sizeof *got);
                if (!ng) {
                    fprintf(stderr, "dyad: out of memory\n");
                    exit(EXIT_NOMEM);
                }
                got = ng;
            }
            for (size_t k = 0; k < res.nevents; k++) {
                const dyad_event *ev = dyad_result_event(rp, k);
                got[k][0] = ev->source;
                got[k][1] = ev->target;
                got[k][2] = ev->code;
            }
            ok = val_events_match(r, (const char *const(*)[3])got,
                                  res.nevents);
        }
        if (ok) {
            passed++;
            if (verbose) printf("ok %s\n", r->id);
            continue;
        }
        failed++;
        printf("FAIL %s (%s, %s)\n  text: %s\n", r->id, r->category,
               r->date_text, r->text);
        const char *(*exp)[3] = malloc((r->nevents + 1) * sizeof *exp);
        if (!exp) {
            fprintf(stderr, "dyad: out of memory\n");
            exit(EXIT_NOMEM);
        }
        for (size_t k = 0; k < r->nevents; k++) {
            exp[k][0] = r->events[k].source;
            exp[k][1] = r->events[k].target;
            exp[k][2] = r->events[k].code;
        }
        if (r->error)
            printf("  expected: error %s\n", r->error);
        else
            print_events("expected", (const char *const(*)[3])exp,
                         r->nevents);
        free(exp);
        if (why)
            printf("  got: %s\n", why);
        else
            print_events("got", (const char *const(*)[3])got, res.nevents);
    }
    free(got);
    dyad_doc_free(doc);
    dyad_engine_free(e);
    val_free(vf);
    printf("%zu passed, %zu failed\n", passed, failed);
    if (!passed && !failed) {
        fprintf(stderr, "dyad: validate: %s: no record to check%s%s\n", path,
                category ? " in category " : "", category ? category : "");
        return EXIT_REJECTED;
    }
    return failed ? EXIT_REJECTED : EXIT_OK;
}
