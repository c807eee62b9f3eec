/* cmd_qpcases.c -- `dyad qp-cases --places|--quotes FILE.tsv...`: place
 * and quotation cases that must come out exactly (tests/places/,
 * tests/quotes/), one a line:
 *
 *     DATE <TAB> TEXT <TAB> EXPECTED [<TAB> PUBLISHER]
 *
 * TEXT is the document ("\n" a line break; a dateline opens it like
 * agency copy; "HEADLINE || BODY" gives it a headline). For --places EXPECTED lists each event's place as
 * "verb=NAME/COUNTRY/LEVEL/SOURCE" (verb: the event's verb text in lower
 * case; "verb=-" for no place), joined by ";"; for --quotes each
 * quotation as "START|SPEAKER_CODE|ATTRIBUTION" (START: the first words of
 * the quoted text; code "-" when uncoded), in text order, "-" for none.
 * Ends with "cases: N passed, M failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define QC_MAX 4096

static void unescape_nl(char *s) {
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

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Splits s at ';' into sorted items (in place). */
static int items(char *s, char **v, int cap, int sort) {
    int n = 0;
    if (!strcmp(s, "-")) return 0;
    for (char *p = strtok(s, ";"); p && n < cap; p = strtok(NULL, ";")) {
        while (*p == ' ') p++;
        v[n++] = p;
    }
    if (sort) qsort(v, (size_t)n, sizeof *v, cmp_str);
    return n;
}

static void lower(char *s) {
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z') *s = (char)(*s - 'A' + 'a');
}

/* What the document gives, as a ';'-joined list into out. */
static void got_of(const dyad_result *r, int places, char *out, size_t cap) {
    char *v[256] = {0};
    char buf[256][160];
    int n = 0;
    if (places) {
        for (size_t i = 0; i < r->nevents && n < 256; i++) {
            const dyad_event *ev = dyad_result_event(r, i);
            const dyad_place *p = ev->place;
            char verb[64];
            snprintf(verb, sizeof verb, "%s", ev->verb_text);
            lower(verb);
            if (p)
                snprintf(buf[n], sizeof buf[n], "%s=%s/%s/%s/%s", verb, p->name,
                         p->country, p->level, p->source);
            else
                snprintf(buf[n], sizeof buf[n], "%s=-", verb);
            int dup = 0;
            for (int k = 0; k < n; k++) dup |= !strcmp(buf[k], buf[n]);
            if (!dup) {
                v[n] = buf[n];
                n++;
            }
        }
        qsort(v, (size_t)n, sizeof *v, cmp_str);
    } else {
        for (size_t i = 0; i < r->nquotes && n < 256; i++) {
            const dyad_quote *q = dyad_result_quote(r, i);
            snprintf(buf[n], sizeof buf[n], "%.24s|%s|%s", q->text,
                     q->speaker_code ? q->speaker_code : "-", q->attribution);
            v[n] = buf[n];
            n++;
        }
    }
    size_t o = 0;
    out[0] = '\0';
    if (!n) snprintf(out, cap, "-");
    for (int i = 0; i < n && o < cap; i++)
        o += (size_t)snprintf(out + o, cap - o, "%s%s", i ? ";" : "", v[i]);
}

/* Does got match expected? A quotation's START need only begin its text. */
static int matches(char *got, char *want, int places) {
    char *g[256], *w[256];
    int ng = items(got, g, 256, places), nw = items(want, w, 256, places);
    if (ng != nw) return 0;
    for (int i = 0; i < ng; i++) {
        if (places) {
            if (strcmp(g[i], w[i])) return 0;
            continue;
        }
        char *wb = strchr(w[i], '|'), *gb = strchr(g[i], '|');
        if (!wb || !gb) return 0;
        if (strncmp(g[i], w[i], (size_t)(wb - w[i])) || strcmp(gb, wb))
            return 0;
    }
    return 1;
}

int cmd_qp_cases(int argc, char **argv) {
    dict_opts dopt;
    memset(&dopt, 0, sizeof dopt);
    int places = -1;
    const char *files[64];
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        int r = dict_opts_parse(&dopt, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (!strcmp(argv[i], "--places")) places = 1;
        else if (!strcmp(argv[i], "--quotes")) places = 0;
        else if (nf < 64) files[nf++] = argv[i];
    }
    if (places < 0 || !nf) {
        fputs("usage: dyad qp-cases --places|--quotes FILE.tsv...\n", stderr);
        return EXIT_USAGE;
    }
    dyad_engine *e = dict_opts_load(&dopt);
    if (!e) return EXIT_USAGE;
    dyad_doc *doc = NULL;
    dyad_doc_new(&doc, NULL);
    unsigned pass = 0, fail = 0;
    static char line[QC_MAX], got[QC_MAX], gcopy[QC_MAX], want[QC_MAX];
    for (int fi = 0; fi < nf && doc; fi++) {
        FILE *f = fopen(files[fi], "r");
        if (!f) {
            fprintf(stderr, "dyad: %s: cannot open\n", files[fi]);
            fail++;
            continue;
        }
        unsigned long ln = 0;
        while (fgets(line, sizeof line, f)) {
            ln++;
            line[strcspn(line, "\r\n")] = '\0';
            if (!line[0] || line[0] == '#') continue;
            char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (!t2) {
                printf("%s:%lu: malformed case\n", files[fi], ln);
                fail++;
                continue;
            }
            *t1 = *t2 = '\0';
            /* (a publisher that is an actor speaks in its own voice) */
            char *t3 = strchr(t2 + 1, '\t');
            if (t3) *t3 = '\0';
            char *text = t1 + 1;
            unescape_nl(text);
            snprintf(want, sizeof want, "%s", t2 + 1);
            dyad_input in;
            dyad_input_init(&in);
            char *bar = strstr(text, " || ");
            if (bar) {
                *bar = '\0';
                in.title = text;
                in.title_len = strlen(text);
                text = bar + 4;
            }
            in.text = text;
            in.text_len = strlen(text);
            if (t3 && t3[1]) {
                in.publisher = t3 + 1;
                in.publisher_len = strlen(t3 + 1);
            }
            in.date = strcmp(line, "-") ? dyad_parse_date(line, strlen(line)) : 0;
            const dyad_result *r;
            if (dyad_code(e, doc, &in, NULL, &r, NULL) != DYAD_OK) {
                fail++;
                continue;
            }
            got_of(r, places, got, sizeof got);
            memcpy(gcopy, got, sizeof gcopy);
            char wcopy[QC_MAX];
            memcpy(wcopy, want, sizeof wcopy);
            if (matches(gcopy, wcopy, places)) {
                pass++;
            } else {
                printf("%s:%lu: got %s, expected %s\n", files[fi], ln, got, want);
                fail++;
            }
        }
        fclose(f);
    }
    printf("cases: %u passed, %u failed\n", pass, fail);
    dyad_doc_free(doc);
    dyad_engine_free(e);
    dict_opts_free(&dopt);
    return fail ? EXIT_REJECTED : EXIT_OK;
}
