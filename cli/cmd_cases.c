/* cmd_cases.c -- `dyad cases FILE...`: coding cases that must code exactly.
 *
 * A case pins one behaviour of the coder so that fixing one sentence cannot
 * silently break another. the files of tests/coding/ hold them, one a line:
 *
 *     DATE <TAB> TEXT <TAB> EXPECTED [<TAB> TITLE [<TAB> PUBLISHER]]
 *
 * DATE is YYYY-MM-DD (or "-"), TEXT the document ("\n" for a line break),
 * EXPECTED the events it must give and no others, "SRC TGT CODE" joined by
 * ";" ("-" for none), TITLE an optional headline coded as sentence 0 (may be
 * empty), PUBLISHER an optional publisher (dyad_input.publisher). Lines
 * starting with '#' are comments.
 *
 * `dyad cases --pinned IDS FILE.jsonl` checks a development set instead:
 * every record whose id is listed in IDS (one a line) must still code
 * exactly its gold events, so a sentence coded right stays right.
 *
 * Prints each failure as "file:line: got ..., expected ..." and ends with
 * "cases: N passed, M failed"; exit 1 when any failed, 2 on usage or
 * dictionary errors. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define CASE_MAX_EVENTS 64

typedef struct case_ev {
    char key[96]; /* "SRC TGT CODE" */
} case_ev;

static int cmp_ev(const void *a, const void *b) {
    return strcmp(((const case_ev *)a)->key, ((const case_ev *)b)->key);
}

/* "A B C; D E F" -> sorted keys; returns the count or -1 when malformed. */
static int parse_expected(const char *s, case_ev *v) {
    int n = 0;
    while (*s == ' ') s++;
    if (!strcmp(s, "-") || !*s) return 0;
    while (*s) {
        const char *semi = strchr(s, ';');
        size_t len = semi ? (size_t)(semi - s) : strlen(s);
        char one[96];
        if (len >= sizeof one || n == CASE_MAX_EVENTS) return -1;
        memcpy(one, s, len);
        one[len] = '\0';
        char a[40], b[40], c[16], extra[2];
        if (sscanf(one, "%39s %39s %15s %1s", a, b, c, extra) != 3) return -1;
        snprintf(v[n++].key, sizeof v[0].key, "%s %s %s", a, b, c);
        s += len + (semi != NULL);
        while (*s == ' ') s++;
    }
    qsort(v, (size_t)n, sizeof *v, cmp_ev);
    return n;
}

/* Codes a document; the events as sorted keys. -1 when coding failed. */
static int code_keys(const dyad_engine *e, dyad_doc *doc, const char *title,
                     const char *text, uint32_t date, const char *publisher,
                     case_ev *v) {
    dyad_input in;
    dyad_input_init(&in);
    in.text = text;
    in.text_len = strlen(text);
    in.title = title;
    in.title_len = title ? strlen(title) : 0;
    in.date = date;
    in.publisher = publisher;
    in.publisher_len = publisher ? strlen(publisher) : 0;
    const dyad_result *r;
    if (dyad_code(e, doc, &in, NULL, &r, NULL) != DYAD_OK) return -1;
    int n = 0;
    for (size_t i = 0; i < r->nevents && n < CASE_MAX_EVENTS; i++) {
        const dyad_event *ev = dyad_result_event(r, i);
        snprintf(v[n++].key, sizeof v[0].key, "%s %s %s", ev->source,
                 ev->target, ev->code);
    }
    qsort(v, (size_t)n, sizeof *v, cmp_ev);
    return n;
}

static int same(const case_ev *a, int na, const case_ev *b, int nb) {
    if (na != nb) return 0;
    for (int i = 0; i < na; i++)
        if (strcmp(a[i].key, b[i].key)) return 0;
    return 1;
}

static void print_keys(const case_ev *v, int n) {
    if (!n) fputs("-", stdout);
    for (int i = 0; i < n; i++) printf("%s%s", i ? "; " : "", v[i].key);
}

static void report(const char *file, unsigned long line, const case_ev *got,
                   int ng, const case_ev *want, int nw) {
    printf("%s:%lu: got ", file, line);
    print_keys(got, ng);
    printf(", expected ");
    print_keys(want, nw);
    printf("\n");
}

/* Unescapes "\n" in place. */
static void unescape(char *s) {
    char *o = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] == 'n') {
            *o++ = '\n';
            s++;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

static int run_tsv(const dyad_engine *e, dyad_doc *doc, const char *path,
                   unsigned *pass, unsigned *fail) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "dyad: %s: cannot open: %s\n", path,
                strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    case_ev want[CASE_MAX_EVENTS], got[CASE_MAX_EVENTS];
    while ((len = getline(&line, &cap, f)) != -1) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!len || line[0] == '#') continue;
        char *cols[5] = {line, NULL, NULL, NULL, NULL};
        int nc = 1;
        for (char *p = line; *p && nc < 5; p++)
            if (*p == '\t') {
                *p = '\0';
                cols[nc++] = p + 1;
            }
        int nw = nc >= 3 ? parse_expected(cols[2], want) : -1;
        if (nw < 0) {
            printf("%s:%lu: malformed case (DATE<TAB>TEXT<TAB>SRC TGT "
                   "CODE;...)\n",
                   path, lineno);
            (*fail)++;
            continue;
        }
        unescape(cols[1]);
        uint32_t date = strcmp(cols[0], "-")
                            ? dyad_parse_date(cols[0], strlen(cols[0]))
                            : 0;
        /* (an empty TITLE column: none, when only a PUBLISHER follows) */
        const char *title = nc > 3 && cols[3][0] ? cols[3] : NULL;
        int ng = code_keys(e, doc, title, cols[1], date,
                           nc > 4 && cols[4][0] ? cols[4] : NULL, got);
        if (ng >= 0 && same(got, ng, want, nw)) {
            (*pass)++;
        } else {
            report(path, lineno, got, ng < 0 ? 0 : ng, want, nw);
            (*fail)++;
        }
    }
    free(line);
    fclose(f);
    return 0;
}

/* Ids listed in path, one a line; returns the count (malloc'd array).
 * (gcc 12's -fanalyzer loses track of the strdup'd ids once they are in
 * the realloc'd array and reports them leaked, here and in run_pinned,
 * which frees them.) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
static size_t read_ids(const char *path, char ***out) {
    FILE *f = fopen(path, "r");
    *out = NULL;
    if (!f) {
        fprintf(stderr, "dyad: %s: cannot open: %s\n", path, strerror(errno));
        return 0;
    }
    char buf[256];
    size_t n = 0, cap = 0;
    char **v = NULL;
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\r\n")] = '\0';
        if (!buf[0] || buf[0] == '#') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            char **nv = realloc(v, cap * sizeof *nv);
            if (!nv) goto nomem;
            v = nv;
        }
        v[n] = strdup(buf);
        if (!v[n]) goto nomem;
        n++;
    }
    fclose(f);
    *out = v;
    return n;
nomem:
    /* a shorter list would pass cases that were never checked */
    fprintf(stderr, "dyad: out of memory\n");
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
    fclose(f);
    exit(EXIT_NOMEM);
}

static int run_pinned(const dyad_engine *e, dyad_doc *doc, const char *ids,
                      const char *path, unsigned *pass, unsigned *fail) {
    char **want_ids;
    size_t nids = read_ids(ids, &want_ids);
    if (!nids) {
        fprintf(stderr, "dyad: %s: no ids\n", ids);
        return -1;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "dyad: %s: cannot open: %s\n", path,
                strerror(errno));
        for (size_t i = 0; i < nids; i++) free(want_ids[i]);
        free(want_ids);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    unsigned seen = 0;
    case_ev want[CASE_MAX_EVENTS] = {{{0}}}, got[CASE_MAX_EVENTS];
    while ((len = getline(&line, &cap, f)) != -1) {
        lineno++;
        json_t *rec = json_loadb(line, (size_t)len, 0, NULL);
        const char *id = json_string_value(json_object_get(rec, "id"));
        const char *text = json_string_value(json_object_get(rec, "text"));
        const char *date = json_string_value(json_object_get(rec, "date"));
        int listed = 0;
        for (size_t i = 0; id && i < nids && !listed; i++)
            listed = !strcmp(want_ids[i], id);
        if (!listed || !text) {
            json_decref(rec);
            continue;
        }
        seen++;
        int nw = 0;
        size_t k;
        json_t *ev;
        json_array_foreach(json_object_get(rec, "events"), k, ev) {
            if (nw == CASE_MAX_EVENTS) break;
            snprintf(want[nw++].key, sizeof want[0].key, "%s %s %s",
                     json_string_value(json_object_get(ev, "source")),
                     json_string_value(json_object_get(ev, "target")),
                     json_string_value(json_object_get(ev, "code")));
        }
        /* (want[0..nw) is filled just above; with nw 0 nothing is read) */
        /* cppcheck-suppress legacyUninitvar */
        qsort(want, (size_t)nw, sizeof *want, cmp_ev);
        int ng = code_keys(e, doc, NULL, text,
                           date ? dyad_parse_date(date, strlen(date)) : 0,
                           NULL, got);
        if (ng >= 0 && same(got, ng, want, nw)) {
            (*pass)++;
        } else {
            printf("%s (%s): ", id, path);
            report(path, lineno, got, ng < 0 ? 0 : ng, want, nw);
            (*fail)++;
        }
        json_decref(rec);
    }
    free(line);
    fclose(f);
    if (seen < nids) {
        printf("%s: %zu pinned ids not found in %s\n", ids, nids - seen,
               path);
        *fail += (unsigned)(nids - seen);
    }
    for (size_t i = 0; i < nids; i++) free(want_ids[i]);
    free(want_ids);
    return 0;
}
#pragma GCC diagnostic pop

int cmd_cases(int argc, char **argv) {
    dict_opts dopt;
    memset(&dopt, 0, sizeof dopt);
    dopt.coding = 1;
    const char *pinned = NULL;
    const char *paths[256];
    int npaths = 0;
    for (int i = 1; i < argc; i++) {
        int r = dict_opts_parse(&dopt, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (!strcmp(argv[i], "--pinned") && i + 1 < argc) {
            pinned = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "dyad: cases: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        } else if (npaths < 256) {
            paths[npaths++] = argv[i];
        } else {
            fprintf(stderr, "dyad: cases: at most 256 files\n");
            return EXIT_USAGE;
        }
    }
    if (!npaths) {
        fputs("usage: dyad cases FILE.tsv... | dyad cases --pinned IDS "
              "FILE.jsonl\n",
              stderr);
        return EXIT_USAGE;
    }
    dyad_engine *e = dict_opts_load(&dopt);
    if (!e) return dict_opts_exit;
    if (cli_output_open() < 0) {
        dyad_engine_free(e);
        return EXIT_OUTPUT;
    }
    dyad_doc *doc = NULL;
    if (dyad_doc_new(&doc, NULL) != DYAD_OK) {
        dyad_engine_free(e);
        fprintf(stderr, "dyad: out of memory\n");
        return EXIT_NOMEM;
    }
    unsigned pass = 0, fail = 0;
    int rc = 0;
    for (int i = 0; i < npaths && rc == 0; i++)
        rc = pinned ? run_pinned(e, doc, pinned, paths[i], &pass, &fail)
                    : run_tsv(e, doc, paths[i], &pass, &fail);
    printf("cases: %u passed, %u failed\n", pass, fail);
    dyad_doc_free(doc);
    dyad_engine_free(e);
    if (rc) return EXIT_USAGE;
    if (!pass && !fail) {
        fprintf(stderr, "dyad: cases: no case to check\n");
        return EXIT_REJECTED;
    }
    return fail ? EXIT_REJECTED : EXIT_OK;
}
