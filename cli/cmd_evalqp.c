/* cmd_evalqp.c -- `dyad eval-qp GOLD.jsonl ARTICLES.jsonl... [--errors]`:
 * scores quotations and event places against annotated articles.
 *
 * GOLD has one line per article, {"id", "quotes": [...], "places": [...]}
 * (tests/places-quotes/, the annotators' format): a quotation gives its
 * first sentence (0 the title, then the paragraphs' sentences), its text
 * (the part in its first sentence), its speaker and speaker_code; a place
 * record gives, for gold event k of sentence n, the place's name, source
 * (clause, dateline, none), country, admin1, lat, lon and level.
 * ARTICLES are the article records (tests/articles/) the annotators read:
 * each is coded whole, as `dyad eval` codes it.
 *
 * Quotations: a coded quotation matches a gold one when, cut to the gold
 * one's first sentence, it overlaps it by at least half of the longer of
 * the two (one to one, in text order). Detection precision, recall and F1;
 * speaker code accuracy over the matched ones (both unknown counts as
 * agreeing), exactly and by the first three letters.
 * Places: gold events aligned one to one with coded events of the same
 * sentence, root and source and target countries (dyad eval's level 1).
 * Over the aligned events whose gold place has a country: the share where
 * dyad names the same country, and where it names a place within 161 km
 * (100 miles) of the gold coordinates; and how often dyad names a place
 * where the gold has none.
 * The last line: "quotes F1 0.xxx, speaker 0.xxx, place country 0.xxx,
 * within 161 km 0.xxx". */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define QP_MAX_SENT 512
#define QP_MAX_ITEMS 256

typedef struct qp_counts {
    unsigned gold_q, dyad_q, match_q, spk_ok, spk3_ok;
    unsigned gold_ev, aligned, with_country, country_ok, with_coord, near_ok;
    unsigned gold_none, dyad_extra, gold_dateline, gold_clause;
    unsigned dyad_none_on_gold;
} qp_counts;

typedef struct art {
    size_t off[QP_MAX_SENT], len[QP_MAX_SENT]; /* body offsets (title: 0) */
    const char *text[QP_MAX_SENT];
    size_t n;
    char *body;
    size_t blen;
} art;

static json_t *read_lines(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    json_t *arr = json_array();
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *r = json_loads(line, 0, NULL);
        if (r) json_array_append_new(arr, r);
    }
    free(line);
    fclose(f);
    return arr;
}

/* The article's body as `dyad eval` builds it, and its sentences. */
static int build_art(json_t *rec, art *a) {
    memset(a, 0, sizeof *a);
    const char *title = json_string_value(json_object_get(rec, "title"));
    a->text[0] = title ? title : "";
    a->len[0] = strlen(a->text[0]);
    a->n = 1;
    size_t cap = 1024;
    a->body = malloc(cap);
    if (!a->body) return -1;
    size_t pk, sk;
    json_t *p, *st;
    json_array_foreach(json_object_get(rec, "paragraphs"), pk, p) {
        json_array_foreach(p, sk, st) {
            const char *t = json_string_value(st);
            if (!t || a->n == QP_MAX_SENT) continue;
            size_t tl = strlen(t), sep = a->blen ? (sk ? 1 : 2) : 0;
            while (a->blen + sep + tl + 1 > cap) {
                cap *= 2;
                char *nb = realloc(a->body, cap);
                if (!nb) return -1;
                a->body = nb;
            }
            memcpy(a->body + a->blen, sk ? " " : "\n\n", sep);
            a->blen += sep;
            a->text[a->n] = t;
            a->off[a->n] = a->blen;
            a->len[a->n] = tl;
            memcpy(a->body + a->blen, t, tl);
            a->blen += tl;
            a->n++;
        }
    }
    a->body[a->blen] = '\0';
    return 0;
}

/* The gold sentence holding body offset off. */
static size_t sentence_of(const art *a, size_t off) {
    size_t k = 1;
    while (k + 1 < a->n && a->off[k + 1] <= off) k++;
    return k;
}

static const char *jstr(json_t *o, const char *k) {
    return json_string_value(json_object_get(o, k));
}

static int same_code(const char *a, const char *b, size_t n) {
    if (!a || !*a) return !b || !*b;
    if (!b || !*b) return 0;
    return n ? !strncmp(a, b, n) : !strcmp(a, b);
}

static double km(double la1, double lo1, double la2, double lo2) {
    double r = 3.14159265358979323846 / 180.0;
    double dl = (la2 - la1) * r, dn = (lo2 - lo1) * r;
    double h = sin(dl / 2) * sin(dl / 2) +
               cos(la1 * r) * cos(la2 * r) * sin(dn / 2) * sin(dn / 2);
    return 2 * 6371.0 * asin(sqrt(h > 1 ? 1 : h));
}

static void score_quotes(const char *id, const art *a, const dyad_result *res,
                         json_t *gq, qp_counts *c, int show) {
    unsigned char used[QP_MAX_ITEMS] = {0};
    size_t nd = res->nquotes < QP_MAX_ITEMS ? res->nquotes : QP_MAX_ITEMS;
    c->dyad_q += (unsigned)nd;
    size_t gi;
    json_t *g;
    json_array_foreach(gq, gi, g) {
        c->gold_q++;
        json_int_t first = json_integer_value(json_object_get(g, "first"));
        const char *text = jstr(g, "text");
        const char *gcode = jstr(g, "speaker_code");
        if (first < 0 || (size_t)first >= a->n || !text) continue;
        const char *at = strstr(a->text[first], text);
        size_t goff = (size_t)(at ? at - a->text[first] : 0) + a->off[first];
        size_t glen = at ? strlen(text) : a->len[first];
        size_t s_lo = a->off[first], s_hi = s_lo + a->len[first];
        int best = -1;
        size_t best_ov = 0;
        for (size_t i = 0; i < nd; i++) {
            const dyad_quote *q = dyad_result_quote(res, i);
            if (used[i] || (q->in_title != 0) != (first == 0)) continue;
            size_t lo = q->span.off, hi = lo + q->span.len;
            if (lo < s_lo) lo = s_lo;
            if (hi > s_hi) hi = s_hi;
            if (hi <= lo) continue;
            size_t ol = lo > goff ? lo : goff;
            size_t oh = hi < goff + glen ? hi : goff + glen;
            if (oh <= ol) continue;
            size_t ov = oh - ol, longer = glen > hi - lo ? glen : hi - lo;
            if (2 * ov >= longer && ov > best_ov) {
                best = (int)i;
                best_ov = ov;
            }
        }
        if (best < 0) {
            if (show)
                printf("quote missed %s#%lld: \"%.70s\" (%s)\n", id,
                       (long long)first, text, gcode ? gcode : "null");
            continue;
        }
        used[best] = 1;
        c->match_q++;
        const dyad_quote *q = dyad_result_quote(res, (size_t)best);
        int ok = same_code(gcode, q->speaker_code, 0);
        c->spk_ok += ok;
        c->spk3_ok += same_code(gcode, q->speaker_code, 3);
        if (show && !ok)
            printf("speaker %s#%lld: \"%.50s\" gold %s (%s), dyad %s (\"%s\", "
                   "%s)\n",
                   id, (long long)first, text, gcode ? gcode : "null",
                   jstr(g, "speaker") ? jstr(g, "speaker") : "?",
                   q->speaker_code ? q->speaker_code : "null", q->speaker,
                   q->attribution);
    }
    for (size_t i = 0; show && i < nd; i++)
        if (!used[i]) {
            const dyad_quote *q = dyad_result_quote(res, i);
            printf("quote spurious %s: \"%.70s\"\n", id, q->text);
        }
}

/* A coded event in comparison form, with its gold sentence. */
typedef struct cev {
    size_t sentence;
    const dyad_event *ev;
    int used;
} cev;

static void score_places(const char *id, const art *a, const dyad_result *res,
                         json_t *rec, json_t *gp, qp_counts *c, int show) {
    static cev cv[1024];
    size_t nc = 0;
    for (size_t i = 0; i < res->nevents && nc < 1024; i++) {
        const dyad_event *ev = dyad_result_event(res, i);
        cv[nc].sentence = ev->in_title ? 0 : sentence_of(a, ev->sentence_span.off);
        cv[nc].ev = ev;
        cv[nc++].used = 0;
    }
    size_t pk;
    json_t *p;
    json_t *gold = json_object_get(rec, "gold");
    json_array_foreach(gp, pk, p) {
        json_int_t n = json_integer_value(json_object_get(p, "n"));
        json_int_t k = json_integer_value(json_object_get(p, "k"));
        /* the gold event itself */
        json_t *gev = NULL;
        size_t gk;
        json_t *gs;
        json_array_foreach(gold, gk, gs) {
            if (json_integer_value(json_object_get(gs, "n")) == n)
                gev = json_array_get(json_object_get(gs, "events"), (size_t)k);
        }
        if (!gev) continue;
        c->gold_ev++;
        const char *gsrc = jstr(gev, "source"), *gtgt = jstr(gev, "target"),
                   *gcode = jstr(gev, "code");
        if (!gsrc || !gtgt || !gcode) continue;
        cev *m = NULL;
        for (size_t i = 0; i < nc && !m; i++)
            if (!cv[i].used && cv[i].sentence == (size_t)n &&
                !strncmp(cv[i].ev->code, gcode, 2) &&
                !strncmp(cv[i].ev->source, gsrc, 3) &&
                !strncmp(cv[i].ev->target, gtgt, 3))
                m = &cv[i];
        if (!m) continue;
        m->used = 1;
        c->aligned++;
        const char *gc = jstr(p, "country"), *src = jstr(p, "source");
        const dyad_place *dp = m->ev->place;
        if (src && !strcmp(src, "dateline")) c->gold_dateline++;
        if (src && !strcmp(src, "clause")) c->gold_clause++;
        if (!gc) {
            c->gold_none++;
            if (dp) {
                c->dyad_extra++;
                if (show)
                    printf("place extra %s#%lld %s %s %s: dyad \"%s\" %s (%s)\n",
                           id, (long long)n, gsrc, gcode, gtgt, dp->name,
                           dp->country, dp->source);
            }
            continue;
        }
        c->with_country++;
        int ok = dp && !strcmp(dp->country, gc);
        c->country_ok += ok;
        if (!dp) c->dyad_none_on_gold++;
        json_t *la = json_object_get(p, "lat"), *lo = json_object_get(p, "lon");
        int near = 0, coord = json_is_number(la) && json_is_number(lo);
        if (coord) {
            c->with_coord++;
            near = dp && isfinite(dp->lat) &&
                   km(dp->lat, dp->lon, json_number_value(la),
                      json_number_value(lo)) <= 161.0;
            c->near_ok += near;
        }
        if (show && (!ok || (coord && !near)))
            printf("place %s#%lld %s %s %s: gold \"%s\" %s %s, dyad %s%s%s "
                   "%s%s\n",
                   id, (long long)n, gsrc, gcode, gtgt,
                   jstr(p, "name") ? jstr(p, "name") : "-", gc,
                   src ? src : "?", dp ? "\"" : "", dp ? dp->name : "none",
                   dp ? "\"" : "", dp ? dp->country : "",
                   dp && !near && coord ? " (far)" : "");
    }
}

static double ratio(unsigned a, unsigned b) { return b ? (double)a / b : 1.0; }

int cmd_eval_qp(int argc, char **argv) {
    dict_opts dopt;
    memset(&dopt, 0, sizeof dopt);
    const char *paths[64];
    int npaths = 0, show = 0;
    for (int i = 1; i < argc; i++) {
        int r = dict_opts_parse(&dopt, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (!strcmp(argv[i], "--errors")) show = 1;
        else if (argv[i][0] == '-' || npaths == 64) {
            fprintf(stderr, "dyad: eval-qp: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        } else paths[npaths++] = argv[i];
    }
    if (npaths < 2) {
        fputs("usage: dyad eval-qp GOLD.jsonl ARTICLES.jsonl... [--errors]\n",
              stderr);
        return EXIT_USAGE;
    }
    json_t *gold = read_lines(paths[0]);
    if (!gold) {
        fprintf(stderr, "dyad: eval-qp: cannot read %s\n", paths[0]);
        return EXIT_USAGE;
    }
    dyad_engine *e = dict_opts_load(&dopt);
    if (!e) {
        json_decref(gold);
        return EXIT_USAGE;
    }
    dyad_doc *doc = NULL;
    dyad_doc_new(&doc, NULL);
    qp_counts c;
    memset(&c, 0, sizeof c);
    unsigned narts = 0;
    art *a = calloc(1, sizeof *a);
    for (int pi = 1; pi < npaths && a && doc; pi++) {
        json_t *recs = read_lines(paths[pi]);
        if (!recs) {
            fprintf(stderr, "dyad: eval-qp: cannot read %s\n", paths[pi]);
            continue;
        }
        size_t ri;
        json_t *rec;
        json_array_foreach(recs, ri, rec) {
            const char *id = jstr(rec, "id");
            json_t *g = NULL;
            size_t gi;
            json_t *gr;
            json_array_foreach(gold, gi, gr) {
                if (id && jstr(gr, "id") && !strcmp(jstr(gr, "id"), id)) g = gr;
            }
            if (!g) continue;
            if (build_art(rec, a) < 0) {
                free(a->body);
                a->body = NULL;
                continue;
            }
            const char *ds = jstr(rec, "date");
            dyad_input in;
            dyad_input_init(&in);
            in.text = a->body;
            in.text_len = a->blen;
            in.title = a->text[0];
            in.title_len = a->len[0];
            in.date = ds ? dyad_parse_date(ds, strlen(ds)) : 0;
            in.publisher = jstr(rec, "publisher");
            in.publisher_len = in.publisher ? strlen(in.publisher) : 0;
            const dyad_result *res;
            if (dyad_code(e, doc, &in, NULL, &res, NULL) == DYAD_OK) {
                narts++;
                score_quotes(id, a, res, json_object_get(g, "quotes"), &c, show);
                score_places(id, a, res, rec, json_object_get(g, "places"), &c,
                             show);
            }
            free(a->body);
            a->body = NULL;
        }
        json_decref(recs);
    }
    free(a);
    double p = ratio(c.match_q, c.dyad_q), r = ratio(c.match_q, c.gold_q);
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("%u articles\n", narts);
    printf("quotations: %u gold, %u found, %u matched: precision %.3f, recall "
           "%.3f, F1 %.3f\n",
           c.gold_q, c.dyad_q, c.match_q, p, r, f1);
    printf("speakers on matched quotations: code %.3f (%u/%u), first three "
           "letters %.3f\n",
           ratio(c.spk_ok, c.match_q), c.spk_ok, c.match_q,
           ratio(c.spk3_ok, c.match_q));
    printf("places: %u gold events, %u coded at L1; %u with a gold place "
           "(%u clause, %u dateline), %u without\n",
           c.gold_ev, c.aligned, c.with_country, c.gold_clause,
           c.gold_dateline, c.gold_none);
    printf("place country %.3f (%u/%u; no place given for %u), within 161 km "
           "%.3f (%u/%u); a place where the gold has none: %u of %u\n",
           ratio(c.country_ok, c.with_country), c.country_ok, c.with_country,
           c.dyad_none_on_gold, ratio(c.near_ok, c.with_coord), c.near_ok,
           c.with_coord, c.dyad_extra, c.gold_none);
    printf("quotes F1 %.3f, speaker %.3f, place country %.3f, within 161 km "
           "%.3f\n",
           f1, ratio(c.spk_ok, c.match_q), ratio(c.country_ok, c.with_country),
           ratio(c.near_ok, c.with_coord));
    dyad_doc_free(doc);
    dyad_engine_free(e);
    dict_opts_free(&dopt);
    json_decref(gold);
    return EXIT_OK;
}
