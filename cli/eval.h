/* eval.h -- scoring coded events against a gold standard (dyad eval).
 *
 * Two kinds of gold records share one scorer:
 *   sentence records  {"id","date","text","events":[...]}  (tests/dev/)
 *   article records   {"id","date","title","paragraphs":[[...]],
 *                      "gold":[{"n","events":[...]}...]}    (tests/articles/)
 * An article is scored twice: sentence by sentence (each gold sentence coded
 * on its own; events marked "context" are not required) and as a whole
 * document (coded events aligned to gold sentences by their byte spans;
 * every event required). See docs/accuracy.md.
 */
#ifndef DYAD_EVAL_H
#define DYAD_EVAL_H

#include <jansson.h>

#include "dyad.h"

#define EVAL_ROOTS 21      /* roots 01..20; slot 0 collects unknown codes */
#define EVAL_MAX_EVENTS 64 /* events per side per sentence that are compared */
#define EVAL_MAX_TAGS 24   /* distinct phenomenon tags counted */

/* One event reduced to what is compared, with the gold annotations. */
typedef struct eval_event {
    char source[64];
    char target[64];
    char code[8];
    unsigned tags;         /* bit i: phenomenon tag i of eval_totals.tag */
    int context;           /* gold: needs another sentence */
} eval_event;

typedef struct eval_counts {
    unsigned tp, fp, fn;
} eval_counts;

/* Error kinds, from comparing a sentence's unmatched events (L1). */
enum {
    ERR_MISSED,      /* expected, nothing similar coded */
    ERR_SPURIOUS,    /* coded, nothing similar expected */
    ERR_ROOT,        /* same source and target countries, other root */
    ERR_SOURCE,      /* same root and target, other source */
    ERR_TARGET,      /* same root and source, other target */
    ERR_REVERSED,    /* source and target swapped */
    ERR_NKINDS
};

/* Everything accumulated over one scoring pass. */
typedef struct eval_totals {
    eval_counts root[2][EVAL_ROOTS]; /* [level 0 = L1, 1 = L2][root] */
    eval_counts all[2];
    unsigned records, skipped, coded_events, gold_events, perfect[2];
    char tag[EVAL_MAX_TAGS][24];     /* phenomenon names, first seen first */
    int ntags;
    unsigned tag_support[EVAL_MAX_TAGS], tag_found[EVAL_MAX_TAGS];
    unsigned confusion[EVAL_ROOTS][EVAL_ROOTS]; /* [gold root][coded root] */
    unsigned errors[ERR_NKINDS];
} eval_totals;

/* Index of a phenomenon tag in t (added when new; -1 when the table is
 * full). "context" is a tag like any other. */
int eval_tag_index(eval_totals *t, const char *name);

/* Reads a gold "events" array into g (at most EVAL_MAX_EVENTS). Returns the
 * count, or -1 with why set. */
int eval_read_gold(eval_totals *t, json_t *arr, eval_event *g, char *why,
                   size_t whylen);

/* Copies a coded event into the comparison form. */
void eval_from_coded(eval_event *dst, const dyad_event *ev);

/* Scores one unit (a sentence): coded s[0..ns) against gold g[0..ng).
 * With show set, prints the unit's errors under label and text, each line
 * starting with its error kind. */
void eval_score(eval_totals *t, const char *label, const char *text,
                const eval_event *s, int ns, const eval_event *g, int ng,
                int show);

/* Precision, recall and F1 of a count triple (an empty triple scores 1). */
void eval_prf(const eval_counts *c, double *p, double *r, double *f);

/* The per-root table, the per-phenomenon recall, the root confusion matrix
 * and the error kinds. */
void eval_report(const dyad_engine *e, const eval_totals *t,
                 const char *title);

/* Article records: scores one parsed article into sent (sentence by
 * sentence) and art (whole article). Returns 0, or -1 with why set when
 * the record is malformed. versus (or NULL): the same article coded by
 * another coder, scored in place of dyad's coding (inter-coder agreement).
 * show_errors 1 prints its whole-article errors, 2
 * its sentence-by-sentence errors (callers pass 0 for held-out test
 * articles). */
int eval_article(const dyad_engine *e, dyad_doc *doc, json_t *rec,
                 json_t *versus, eval_totals *sent, eval_totals *art,
                 int show_errors, char *why, size_t whylen);

#endif
