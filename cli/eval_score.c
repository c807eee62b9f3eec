/* eval_score.c -- matching coded events to gold events and the reports of
 * dyad eval (see eval.h).
 *
 * Matching is one-to-one within a sentence (a multiset match) at two
 * levels:
 *   L1  root code (first two digits), source country and target country
 *       (first three characters of each actor code): "did we get the gist";
 *   L2  full code, full source and full target: "did we get it exactly".
 * With exact keys greedy matching is optimal: equal keys form
 * interchangeable classes. Unmatched events are then paired by similarity
 * to name the kind of error (wrong root, wrong target, ...), which is what a
 * dictionary writer needs to know first. */
#include <stdio.h>
#include <string.h>

#include "eval.h"

static int root_index(const char *code) {
    if (code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
        return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    return r >= 1 && r <= 20 ? r : 0;
}

static int same3(const char *a, const char *b) { return !strncmp(a, b, 3); }

static int same_event(const eval_event *a, const eval_event *b, int level) {
    if (level == 1)
        return !strcmp(a->code, b->code) && !strcmp(a->source, b->source) &&
               !strcmp(a->target, b->target);
    return !strncmp(a->code, b->code, 2) && same3(a->source, b->source) &&
           same3(a->target, b->target);
}

static void copy_field(char *dst, size_t cap, const char *src) {
    snprintf(dst, cap, "%s", src ? src : "");
}

int eval_tag_index(eval_totals *t, const char *name) {
    for (int i = 0; i < t->ntags; i++)
        if (!strcmp(t->tag[i], name)) return i;
    if (t->ntags == EVAL_MAX_TAGS) return -1;
    copy_field(t->tag[t->ntags], sizeof t->tag[0], name);
    return t->ntags++;
}

int eval_read_gold(eval_totals *t, json_t *arr, eval_event *g, char *why,
                   size_t whylen) {
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
        eval_event *e = &g[n++];
        memset(e, 0, sizeof *e);
        copy_field(e->source, sizeof e->source, src);
        copy_field(e->target, sizeof e->target, tgt);
        copy_field(e->code, sizeof e->code, code);
        e->context = json_is_true(json_object_get(ev, "context"));
        json_t *tags = json_object_get(ev, "tags");
        size_t q;
        json_t *tg;
        json_array_foreach(tags, q, tg) {
            const char *name = json_string_value(tg);
            int i = name ? eval_tag_index(t, name) : -1;
            if (i >= 0) e->tags |= 1u << i;
        }
        if (e->context) {
            int i = eval_tag_index(t, "context");
            if (i >= 0) e->tags |= 1u << i;
        }
    }
    return n;
}

void eval_from_coded(eval_event *dst, const dyad_event *ev) {
    memset(dst, 0, sizeof *dst);
    copy_field(dst->source, sizeof dst->source, ev->source);
    copy_field(dst->target, sizeof dst->target, ev->target);
    copy_field(dst->code, sizeof dst->code, ev->code);
}

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

/* The kind of error that pairs an unmatched coded event with an unmatched
 * gold one, or -1 when they are unrelated. */
static int pair_kind(const eval_event *s, const eval_event *g) {
    int root = !strncmp(s->code, g->code, 2);
    int src = same3(s->source, g->source), tgt = same3(s->target, g->target);
    if (src && tgt && !root) return ERR_ROOT;
    if (root && tgt && !src) return ERR_SOURCE;
    if (root && src && !tgt) return ERR_TARGET;
    if (root && same3(s->source, g->target) && same3(s->target, g->source))
        return ERR_REVERSED;
    return -1;
}

static const char *const kind_name[ERR_NKINDS] = {
    "missed", "spurious", "wrong-root", "wrong-source", "wrong-target",
    "reversed"};

void eval_score(eval_totals *t, const char *label, const char *text,
                const eval_event *s, int ns, const eval_event *g, int ng,
                int show) {
    int s_hit[2][EVAL_MAX_EVENTS], g_hit[2][EVAL_MAX_EVENTS];
    t->records++;
    t->coded_events += (unsigned)ns;
    t->gold_events += (unsigned)ng;
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
    for (int j = 0; j < ng; j++)
        for (int b = 0; b < t->ntags; b++)
            if (g[j].tags & (1u << b)) {
                t->tag_support[b]++;
                if (g_hit[0][j]) t->tag_found[b]++;
            }
    /* pair the L1 leftovers: each gold event with the most telling coded
     * one (a wrong root first: the actors were right) */
    int s_used[EVAL_MAX_EVENTS] = {0}, g_kind[EVAL_MAX_EVENTS],
        g_pair[EVAL_MAX_EVENTS];
    for (int j = 0; j < ng; j++) {
        g_kind[j] = ERR_MISSED;
        g_pair[j] = -1;
        if (g_hit[0][j]) continue;
        for (int pass = ERR_ROOT; pass <= ERR_REVERSED && g_pair[j] < 0;
             pass++)
            for (int i = 0; i < ns && g_pair[j] < 0; i++)
                if (!s_hit[0][i] && !s_used[i] &&
                    pair_kind(&s[i], &g[j]) == pass) {
                    s_used[i] = 1;
                    g_kind[j] = pass;
                    g_pair[j] = i;
                }
        t->errors[g_kind[j]]++;
        if (g_kind[j] == ERR_ROOT)
            t->confusion[root_index(g[j].code)][root_index(
                s[g_pair[j]].code)]++;
    }
    for (int i = 0; i < ns; i++)
        if (!s_hit[0][i] && !s_used[i]) t->errors[ERR_SPURIOUS]++;
    if (!show) return;
    int bad = 0;
    for (int i = 0; i < ns; i++) bad |= !s_hit[1][i];
    for (int j = 0; j < ng; j++) bad |= !g_hit[1][j];
    if (!bad) return;
    printf("%s  %s\n", label, text);
    for (int j = 0; j < ng; j++) {
        if (g_hit[0][j]) {
            if (!g_hit[1][j])
                printf("    L2-only      FN %-14s %-14s %-5s\n", g[j].source,
                       g[j].target, g[j].code);
            continue;
        }
        printf("    %-12s FN %-14s %-14s %-5s%s", kind_name[g_kind[j]],
               g[j].source, g[j].target, g[j].code,
               g[j].context ? " (context)" : "");
        if (g_pair[j] >= 0)
            printf("   coded %s %s %s", s[g_pair[j]].source,
                   s[g_pair[j]].target, s[g_pair[j]].code);
        printf("\n");
    }
    for (int i = 0; i < ns; i++) {
        if (s_used[i]) continue;
        if (s_hit[0][i]) {
            if (!s_hit[1][i])
                printf("    L2-only      FP %-14s %-14s %-5s\n", s[i].source,
                       s[i].target, s[i].code);
            continue;
        }
        printf("    %-12s FP %-14s %-14s %-5s\n", kind_name[ERR_SPURIOUS],
               s[i].source, s[i].target, s[i].code);
    }
}

static double ratio(unsigned a, unsigned b) {
    return b ? (double)a / (double)b : 0.0;
}

void eval_prf(const eval_counts *c, double *p, double *r, double *f) {
    if (!c->tp && !c->fp && !c->fn) {
        *p = *r = *f = 1.0;
        return;
    }
    *p = ratio(c->tp, c->tp + c->fp);
    *r = ratio(c->tp, c->tp + c->fn);
    *f = (*p + *r) > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static void report_roots(const dyad_engine *e, const eval_totals *t) {
    printf("%-4s %-30s %7s | %5s %5s %5s | %5s %5s %5s\n", "root", "",
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
        eval_prf(c1, &p1, &r1, &f1);
        eval_prf(c2, &p2, &r2, &f2);
        printf("%-4s %-30.30s %7u | %5.3f %5.3f %5.3f | %5.3f %5.3f %5.3f\n",
               code, name, support, p1, r1, f1, p2, r2, f2);
    }
}

static void report_tags(const eval_totals *t) {
    if (!t->ntags) return;
    printf("\nL1 recall by phenomenon (an event may have several):\n");
    for (int b = 0; b < t->ntags; b++)
        if (t->tag_support[b])
            printf("  %-14s %5u expected  recall %.3f\n", t->tag[b],
                   t->tag_support[b], ratio(t->tag_found[b], t->tag_support[b]));
}

static void report_confusion(const eval_totals *t) {
    unsigned any = 0;
    for (int g = 0; g < EVAL_ROOTS; g++)
        for (int s = 0; s < EVAL_ROOTS; s++) any += t->confusion[g][s];
    if (!any) return;
    printf("\nroot confusion (same actors, other root; row expected, column "
           "coded):\n    ");
    for (int s = 1; s < EVAL_ROOTS; s++) printf(" %3d", s);
    printf("\n");
    for (int g = 0; g < EVAL_ROOTS; g++) {
        unsigned row = 0;
        for (int s = 0; s < EVAL_ROOTS; s++) row += t->confusion[g][s];
        if (!row) continue;
        printf("  %02d", g);
        for (int s = 1; s < EVAL_ROOTS; s++)
            if (t->confusion[g][s])
                printf(" %3u", t->confusion[g][s]);
            else
                printf("   .");
        printf("\n");
    }
}

void eval_report(const dyad_engine *e, const eval_totals *t,
                 const char *title) {
    printf("\n== %s: %u sentences, %u expected events, %u coded\n", title,
           t->records, t->gold_events, t->coded_events);
    report_roots(e, t);
    for (int lv = 0; lv < 2; lv++) {
        double p, r, f;
        eval_prf(&t->all[lv], &p, &r, &f);
        printf("L%d overall: P %.3f R %.3f F1 %.3f  (tp %u, fp %u, fn %u; "
               "%u of %u sentences exact)\n",
               lv + 1, p, r, f, t->all[lv].tp, t->all[lv].fp, t->all[lv].fn,
               t->perfect[lv], t->records);
    }
    report_tags(t);
    report_confusion(t);
    printf("\nL1 errors by kind:");
    for (int k = 0; k < ERR_NKINDS; k++)
        printf(" %s %u", kind_name[k], t->errors[k]);
    printf("\n");
}
