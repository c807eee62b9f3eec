/* eval_articles.c -- dyad eval on whole articles (see eval.h).
 *
 * An article record carries the article as its writer split it: a title
 * (sentence 0) and paragraphs of sentences (1, 2, ...), and the gold events
 * of each sentence. The body text given to the coder is the sentences of a
 * paragraph joined by one space, paragraphs joined by a blank line, exactly
 * as `dyad code` would receive the article.
 *
 * Two scores:
 *   sentence by sentence  every gold sentence coded on its own (the title
 *                         as a title); events marked "context" need
 *                         another sentence, so they are neither required
 *                         nor counted against a coder that finds them;
 *   whole article         the article coded once, each coded event
 *                         assigned to the gold sentence its sentence span
 *                         starts in; every gold event required.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

#define ART_MAX_SENTENCES 512

typedef struct art_sentence {
    const char *text;       /* as in the record */
    size_t off, len;        /* byte range in the body (title: in title) */
    eval_event gold[EVAL_MAX_EVENTS];
    int ngold;
    eval_event coded[EVAL_MAX_EVENTS];
    int ncoded;
} art_sentence;

/* Codes one document: title (may be NULL) and body. */
static int code_document(const dyad_engine *e, dyad_doc *doc,
                         const char *title, const char *body, size_t len,
                         uint32_t date, const char *publisher,
                         int one_sentence, const dyad_result **res) {
    dyad_options opt;
    dyad_options_init(&opt);
    opt.one_sentence = one_sentence;
    dyad_input in;
    dyad_input_init(&in);
    in.text = body;
    in.text_len = len;
    in.title = title;
    in.title_len = title ? strlen(title) : 0;
    in.date = date;
    in.publisher = publisher;
    in.publisher_len = publisher ? strlen(publisher) : 0;
    return dyad_code(e, doc, &in, &opt, res, NULL) == DYAD_OK ? 0 : -1;
}

/* Removes from s the coded events that match a context gold event at L1,
 * and from g the context events: sentence-by-sentence scoring neither
 * requires them nor penalises finding them. */
static void drop_context(eval_event *s, int *ns, eval_event *g, int *ng) {
    for (int j = 0; j < *ng;) {
        if (!g[j].context) {
            j++;
            continue;
        }
        for (int i = 0; i < *ns; i++)
            if (!strncmp(s[i].code, g[j].code, 2) &&
                !strncmp(s[i].source, g[j].source, 3) &&
                !strncmp(s[i].target, g[j].target, 3)) {
                s[i] = s[--*ns];
                break;
            }
        g[j] = g[--*ng];
    }
}

static void add_coded(art_sentence *as, const dyad_event *ev) {
    if (as->ncoded < EVAL_MAX_EVENTS)
        eval_from_coded(&as->coded[as->ncoded++], ev);
}

/* Another coder's events for the article (the "gold" of versus), as if
 * dyad had coded them: each sentence's events, context ones kept only for
 * the whole article. */
static void versus_events(eval_totals *t, json_t *versus, art_sentence *ss,
                          size_t n, int sentence_mode, size_t k_only) {
    size_t gk;
    json_t *gs;
    char why[128];
    json_array_foreach(json_object_get(versus, "gold"), gk, gs) {
        json_int_t k = json_integer_value(json_object_get(gs, "n"));
        if (k < 0 || (size_t)k >= n) continue;
        if (sentence_mode && (size_t)k != k_only) continue;
        art_sentence *as = &ss[k];
        eval_event g[EVAL_MAX_EVENTS];
        int ng = eval_read_gold(t, json_object_get(gs, "events"), g, why,
                                sizeof why);
        for (int i = 0; i < ng && as->ncoded < EVAL_MAX_EVENTS; i++)
            if (!sentence_mode || !g[i].context) {
                as->coded[as->ncoded] = g[i];
                as->coded[as->ncoded].tags = 0;
                as->coded[as->ncoded++].context = 0;
            }
    }
}

int eval_article(const dyad_engine *e, dyad_doc *doc, json_t *rec,
                 json_t *versus, eval_totals *sent, eval_totals *art,
                 int show_errors, char *why, size_t whylen) {
    const char *id = json_string_value(json_object_get(rec, "id"));
    const char *date_s = json_string_value(json_object_get(rec, "date"));
    const char *title = json_string_value(json_object_get(rec, "title"));
    const char *pub = json_string_value(json_object_get(rec, "publisher"));
    json_t *paras = json_object_get(rec, "paragraphs");
    json_t *gold = json_object_get(rec, "gold");
    if (!id || !title || !json_is_array(paras) || !json_is_array(gold)) {
        snprintf(why, whylen, "an article needs \"id\", \"title\", "
                              "\"paragraphs\" and \"gold\"");
        return -1;
    }
    uint32_t date = date_s ? dyad_parse_date(date_s, strlen(date_s)) : 0;
    art_sentence *ss = calloc(ART_MAX_SENTENCES, sizeof *ss);
    if (!ss) {
        snprintf(why, whylen, "out of memory");
        return -1;
    }
    /* the body and each sentence's place in it */
    size_t cap = 1024, len = 0, n = 1;
    char *body = malloc(cap);
    ss[0].text = title;
    ss[0].len = strlen(title);
    size_t pk, sk;
    json_t *p, *st;
    int bad = !body;
    json_array_foreach(paras, pk, p) {
        if (!json_is_array(p)) bad = 1;
        json_array_foreach(p, sk, st) {
            const char *t = json_string_value(st);
            if (!t || n == ART_MAX_SENTENCES) {
                bad = 1;
                continue;
            }
            size_t tl = strlen(t), sep = len ? (sk ? 1 : 2) : 0;
            if (len + sep + tl + 1 > cap) {
                while (len + sep + tl + 1 > cap) cap *= 2;
                char *nb = body ? realloc(body, cap) : NULL;
                if (!nb) {
                    bad = 1;
                    continue;
                }
                body = nb;
            }
            if (bad) continue;
            memcpy(body + len, sk ? " " : "\n\n", sep);
            len += sep;
            ss[n].text = t;
            ss[n].off = len;
            ss[n].len = tl;
            memcpy(body + len, t, tl);
            len += tl;
            n++;
        }
    }
    if (bad) {
        snprintf(why, whylen, "\"paragraphs\" must be lists of sentence "
                              "strings (at most %d)", ART_MAX_SENTENCES - 1);
        free(body);
        free(ss);
        return -1;
    }
    body[len] = '\0';
    size_t gk;
    json_t *gs;
    json_array_foreach(gold, gk, gs) {
        json_int_t k = json_integer_value(json_object_get(gs, "n"));
        if (!json_is_integer(json_object_get(gs, "n")) || k < 0 ||
            (size_t)k >= n) {
            snprintf(why, whylen, "gold entry %zu: \"n\" is not a sentence "
                                  "of the article", gk);
            free(body);
            free(ss);
            return -1;
        }
        art_sentence *as = &ss[k];
        int ng = eval_read_gold(art, json_object_get(gs, "events"),
                                as->gold, why, whylen);
        if (ng < 0) {
            free(body);
            free(ss);
            return -1;
        }
        as->ngold = ng;
    }
    /* the same tags, in the same order, in the sentence totals */
    for (int b = 0; b < art->ntags; b++) eval_tag_index(sent, art->tag[b]);

    /* whole article */
    const dyad_result *res;
    if (versus) {
        versus_events(art, versus, ss, n, 0, 0);
    } else if (code_document(e, doc, title, body, len, date, pub, 0, &res) == 0) {
        for (size_t i = 0; i < res->nevents; i++) {
            const dyad_event *ev = dyad_result_event(res, i);
            if (ev->in_title) {
                add_coded(&ss[0], ev);
                continue;
            }
            size_t off = ev->sentence_span.off, k = 1;
            while (k + 1 < n && ss[k + 1].off <= off) k++;
            if (k < n) add_coded(&ss[k], ev);
        }
    }
    char label[128];
    for (size_t k = 0; k < n; k++) {
        snprintf(label, sizeof label, "%s#%zu", id, k);
        eval_score(art, label, ss[k].text, ss[k].coded, ss[k].ncoded,
                   ss[k].gold, ss[k].ngold, show_errors == 1);
    }
    /* sentence by sentence */
    for (size_t k = 0; k < n; k++) {
        art_sentence *as = &ss[k];
        as->ncoded = 0;
        int rc = versus ? -1
                 : k == 0
                     ? code_document(e, doc, title, "", 0, date, pub, 1, &res)
                     : code_document(e, doc, NULL, as->text, as->len, date,
                                     pub, 1, &res);
        if (versus) versus_events(sent, versus, ss, n, 1, k);
        if (rc == 0)
            for (size_t i = 0; i < res->nevents; i++)
                add_coded(as, dyad_result_event(res, i));
        int ng = as->ngold;
        eval_event g[EVAL_MAX_EVENTS];
        memcpy(g, as->gold, sizeof(eval_event) * (size_t)ng);
        drop_context(as->coded, &as->ncoded, g, &ng);
        snprintf(label, sizeof label, "%s#%zu", id, k);
        eval_score(sent, label, as->text, as->coded, as->ncoded, g, ng,
                   show_errors == 2);
    }
    free(body);
    free(ss);
    return 0;
}
