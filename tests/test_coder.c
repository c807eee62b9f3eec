/* test_coder.c -- end-to-end tests of the coder through the public API,
 * with small invented dictionaries (Valdoria, Kestria, Ostmark) loaded from
 * memory, so each rule is tested in isolation from the bundled
 * dictionaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dyad.h"

static const char *ACTORS =
    "VALDORIA [VAL]\n"
    "+VALDORIAN\n"
    "+VALDORIANS\n"
    "KESTRIA [KES]\n"
    "+KESTRIAN\n"
    "OSTMARK [OST]\n"
    "+OSTMARKI\n"
    "KESTOWN [KES]\n"
    "AMARA_TOLL\n"
    "    [VALGOV 20100101-20191231]\n"
    "    [VALELI]\n";

static const char *AGENTS =
    "GOVERNMENT [~GOV]\n"
    "MINISTER [~GOV]\n"
    "FOREIGN_MINISTER [~GOV]\n"
    "MINISTRY [~GOV]\n"
    "TROOPS {} [~MIL]\n"
    "SOLDIER [~MIL]\n"
    "POLICE {} [~COP]\n"
    "PROTESTER [~OPP]\n";

static const char *VERBS =
    "####### VERB PATTERNS #######\n"
    "--- ATTACK [190] ---\n"
    "ATTACK {ATTACKS ATTACKED ATTACKING}\n"
    "INVADE {INVADES INVADED INVADING} [192]\n"
    "--- MEET [040:040] ---\n"
    "MEET {MEETS MET MEETING}\n"
    "--- VISIT [042:043] ---\n"
    "VISIT {VISITS VISITED VISITING}\n"
    "--- ARREST [173] ---\n"
    "ARREST {ARRESTS ARRESTED ARRESTING}\n"
    "--- SAY [---] ---\n"
    "SAY {SAYS SAID SAYING}\n"
    "--- VOW [030] ---\n"
    "VOW {VOWS VOWED VOWING}\n"
    "--- URGE [020] ---\n"
    "URGE {URGES URGED URGING}\n"
    "--- IMPOSE [---] ---\n"
    "IMPOSE {IMPOSES IMPOSED IMPOSING}\n"
    "- * SANCTIONS [163]\n"
    "--- FIGHT [190] ---\n"
    "FIGHT {}\n" /* no forms listed: found through the lemma */
    "--- RELEASE [084] ---\n"
    "RELEASE {RELEASES RELEASED RELEASING}\n";

typedef struct fixture {
    dyad_engine *e;
    dyad_doc *doc;
    dyad_options opt;
} fixture;

/* What a test looks at in a result: the result and its events in order
 * (contiguous within one version of the library). */
typedef struct test_res {
    const char *text;
    size_t nevents;
    const dyad_event *events;
    uint32_t nsentences, invalid_bytes;
    int discarded;
} test_res;

static int setup(void **state) {
    static const struct {
        dyad_dict_kind kind;
        const char *name, *text;
    } src[] = {
        {DYAD_DICT_VERBS, "a.verbs.txt", NULL},
        {DYAD_DICT_ACTORS, "a.actors.txt", NULL},
        {DYAD_DICT_AGENTS, "a.agents.txt", NULL},
        {DYAD_DICT_DISCARDS, "a.discards.txt", "+CHESS OLYMPIAD\nBASEBALL\n"},
        {DYAD_DICT_NOMINALS, "a.nominals.txt",
         "AIR_STRIKE [195] ON AGAINST\nTALKS [046:046] WITH BETWEEN\n"}};
    const char *texts[] = {VERBS, ACTORS, AGENTS};
    dyad_config *c = NULL;
    if (dyad_config_new(&c, NULL) != DYAD_OK) return -1;
    for (size_t i = 0; i < sizeof src / sizeof src[0]; i++) {
        const char *t = src[i].text ? src[i].text : texts[i];
        if (dyad_config_add_buffer(c, src[i].kind, DYAD_FORMAT_AUTO,
                                   src[i].name, t, strlen(t)) != DYAD_OK)
            return -1;
    }
    fixture *fx = calloc(1, sizeof *fx);
    dyad_error err;
    if (dyad_engine_new(c, &fx->e, &err) != DYAD_OK) {
        fprintf(stderr, "load: %s\n", err.msg);
        return -1;
    }
    dyad_config_free(c);
    if (dyad_doc_new(&fx->doc, NULL) != DYAD_OK) return -1;
    dyad_options_init(&fx->opt);
    *state = fx;
    return 0;
}

static int teardown(void **state) {
    fixture *fx = *state;
    dyad_doc_free(fx->doc);
    dyad_engine_free(fx->e);
    free(fx);
    return 0;
}

/* Codes text and returns the events as "SRC TGT CODE;..." in order. */
static const char *code(fixture *fx, const char *text, uint32_t date,
                        test_res *tr) {
    static char buf[1024]; /* test-only scratch */
    dyad_error err;
    dyad_input in;
    dyad_input_init(&in);
    in.text = text;
    in.text_len = strlen(text);
    in.date = date;
    const dyad_result *res;
    assert_int_equal(dyad_code(fx->e, fx->doc, &in, &fx->opt, &res, &err),
                     DYAD_OK);
    tr->text = res->text;
    tr->nevents = res->nevents;
    tr->events = dyad_result_event(res, 0);
    tr->nsentences = res->nsentences;
    tr->invalid_bytes = res->invalid_bytes;
    tr->discarded = res->discarded;
    buf[0] = '\0';
    for (size_t i = 0; i < res->nevents; i++) {
        const dyad_event *ev = dyad_result_event(res, i);
        char one[96];
        snprintf(one, sizeof one, "%s%s %s %s", i ? ";" : "", ev->source,
                 ev->target, ev->code);
        strncat(buf, one, sizeof buf - strlen(buf) - 1);
    }
    return buf;
}

static void test_active_and_agents(void **state) {
    test_res r;
    assert_string_equal(
        code(*state, "Valdorian troops attacked Kestria on Monday.", 20200101,
             &r),
        "VALMIL KES 190");
    assert_string_equal(r.events[0].source_text, "Valdorian troops");
    assert_string_equal(r.events[0].verb_text, "attacked");
    assert_string_equal(r.events[0].target_text, "Kestria");
    assert_string_equal(r.events[0].root, "19");
    assert_int_equal(r.events[0].quad, 4);
    /* the verb's own code overrides its block's */
    assert_string_equal(code(*state, "Valdoria invaded Kestria.", 0, &r),
                        "VAL KES 192");
}

static void test_passive_and_negation(void **state) {
    test_res r;
    assert_string_equal(
        code(*state, "Kestria was attacked by Valdorian soldiers.", 0, &r),
        "VALMIL KES 190");
    /* no agent named: no source, no event */
    assert_string_equal(code(*state, "Kestria was attacked.", 0, &r), "");
    assert_string_equal(
        code(*state, "Valdoria did not attack Kestria.", 0, &r), "");
    assert_string_equal(code(*state, "Valdoria didn't attack Kestria.", 0, &r),
                        "");
}

static void test_compounds_and_reciprocal(void **state) {
    test_res r;
    assert_string_equal(
        code(*state, "Valdoria and Ostmark attacked Kestria.", 0, &r),
        "VAL KES 190;OST KES 190");
    assert_string_equal(
        code(*state, "Valdoria attacked Kestria and Ostmark.", 0, &r),
        "VAL KES 190;VAL OST 190");
    /* [042:043]: the visit and the hosting */
    assert_string_equal(code(*state, "The Valdorian foreign minister "
                                     "visited Kestria.",
                             0, &r),
                        "VALGOV KES 042;KES VALGOV 043");
    /* a compound that meets has no other target: every ordered pair */
    assert_string_equal(code(*state, "Valdoria and Kestria met in Kestown.",
                             0, &r),
                        "VAL KES 040;KES VAL 040");
}

static void test_reporting_and_frames(void **state) {
    test_res r;
    /* SAY has a null code: the reported clause is coded with its own
     * subject */
    assert_string_equal(
        code(*state, "Ostmark said Valdoria attacked Kestria.", 0, &r),
        "VAL KES 190");
    assert_string_equal(
        code(*state, "Valdoria attacked Kestria, Ostmark said.", 0, &r),
        "VAL KES 190");
    /* intend + attack = threaten with military force */
    assert_string_equal(
        code(*state, "Valdoria vowed to attack Kestria.", 0, &r),
        "VAL KES 138");
    /* appeal + release = appeal for release: target is the one urged */
    assert_string_equal(code(*state, "Ostmark urged Valdoria to release "
                                     "the prisoners.",
                             0, &r),
                        "OST VAL 0253");
}

static void test_lemma_lookup(void **state) {
    test_res r;
    /* "fought" is not in the verb file; WordNet's exception list (through
     * the tagger's lemma) leads to FIGHT */
    assert_string_equal(code(*state, "Valdoria fought Kestria.", 0, &r),
                        "VAL KES 190");
}

static void test_patterns(void **state) {
    test_res r;
    assert_string_equal(
        code(*state, "Valdoria imposed sanctions on Kestria.", 0, &r),
        "VAL KES 163");
    /* IMPOSE alone has a null code */
    assert_string_equal(
        code(*state, "Valdoria imposed a curfew on Kestria.", 0, &r), "");
    assert_non_null(strstr(r.text, "curfew"));
}

static void test_pronouns(void **state) {
    test_res r;
    assert_string_equal(
        code(*state,
             "Valdoria sent envoys to Ostmark. It also attacked Kestria.", 0,
             &r),
        "VAL KES 190");
    assert_int_equal(r.events[0].sentence, 1);
    assert_string_equal(
        code(*state, "Kestria said its police arrested Ostmarki protesters.",
             0, &r),
        "KESCOP OSTOPP 173");
}

static void test_dates(void **state) {
    test_res r;
    assert_string_equal(
        code(*state, "Amara Toll attacked Kestria.", 20150601, &r),
        "VALGOV KES 190");
    /* outside the restriction: the unrestricted code */
    assert_string_equal(
        code(*state, "Amara Toll attacked Kestria.", 20220601, &r),
        "VALELI KES 190");
    /* last day of the range counts */
    assert_string_equal(
        code(*state, "Amara Toll attacked Kestria.", 20191231, &r),
        "VALGOV KES 190");
}

static void test_discards_and_bad_input(void **state) {
    test_res r;
    assert_string_equal(code(*state,
                             "Valdoria attacked Kestria. The chess olympiad "
                             "opened in Kestown.",
                             0, &r),
                        "");
    assert_int_equal(r.discarded, 2);
    assert_string_equal(code(*state, "Valdoria attacked Kestria's baseball "
                                     "team. Ostmark attacked Kestria.",
                             0, &r),
                        "OST KES 190");
    assert_int_equal(r.discarded, 1);
    /* invalid bytes are replaced and counted, coding goes on */
    assert_string_equal(
        code(*state, "Valdoria \xff\xfe attacked Kestria.", 0, &r),
        "VAL KES 190");
    assert_int_equal(r.invalid_bytes, 2); /* two stray bytes */
    assert_string_equal(code(*state, "", 0, &r), "");
    assert_int_equal(r.nsentences, 0);
}

static void test_nominal_events(void **state) {
    test_res r;
    /* the actor named in the phrase is the source */
    assert_string_equal(
        code(*state, "A Valdorian air strike on Kestown wounded ten.", 0, &r),
        "VAL KES 195");
    assert_string_equal(r.events[0].verb_text, "A Valdorian air strike");
    /* between a compound: both ways */
    assert_string_equal(code(*state, "Talks between Valdoria and Kestria "
                                     "resumed on Monday.",
                             0, &r),
                        "VAL KES 046;KES VAL 046");
    /* a phrase inside a prepositional phrase is not asserted */
    assert_string_equal(code(*state, "Ostmark called for an end to air "
                                     "strikes on Kestown.",
                             0, &r),
                        "");
}

static void test_evidence_spans(void **state) {
    test_res r;
    code(*state, "Rain fell. Valdoria attacked Kestria.", 0, &r);
    assert_int_equal(r.nevents, 1);
    const dyad_event *e = &r.events[0];
    assert_int_equal(e->sentence, 1);
    assert_memory_equal(r.text + e->source_span.off, "Valdoria", 8);
    assert_memory_equal(r.text + e->target_span.off, "Kestria", 7);
    assert_memory_equal(r.text + e->sentence_span.off, "Valdoria attacked",
                        17);
    /* the ATTACK verb line, third line of the verb file */
    assert_string_equal(e->rule + strlen(e->rule) - 2, ":3");
}

/* One event as the part test compares it: what outlives its part. */
typedef struct part_ev {
    uint32_t sentence;
    char key[64];            /* "SRC TGT CODE" */
    dyad_span verb, source;
    long quote;              /* the document's quotation index, -1 none */
} part_ev;

typedef struct part_log {
    part_ev ev[4096];
    size_t n, nquotes, parts;
    uint32_t sentences;
    int stop_at;             /* fn returns 1 at this part (0: never) */
} part_log;

static void log_part(part_log *lg, const dyad_result *r) {
    assert_int_equal(r->first_event, lg->n);      /* numbered across parts */
    assert_int_equal(r->first_quote, lg->nquotes);
    for (size_t k = 0; k < r->nevents; k++) {
        const dyad_event *e = dyad_result_event(r, k);
        part_ev *p = &lg->ev[lg->n++];
        assert_true(lg->n <= sizeof lg->ev / sizeof lg->ev[0]);
        p->sentence = e->sentence;
        snprintf(p->key, sizeof p->key, "%s %s %s", e->source, e->target,
                 e->code);
        p->verb = e->verb_span;
        p->source = e->source_span;
        p->quote = e->quote < 0 ? -1 : (long)(r->first_quote + (size_t)e->quote);
    }
    lg->nquotes += r->nquotes;
    lg->sentences += r->nsentences;
    lg->parts++;
}

static int on_part(void *ctx, const dyad_result *r) {
    part_log *lg = ctx;
    log_part(lg, r);
    return lg->stop_at && (int)lg->parts == lg->stop_at;
}

/* dyad_code_parts: a long document coded in parts gives the events,
 * sentence indexes, spans and quotations of coding it whole when each
 * part is a story of its own; a short one is one part, dyad_code's. */
static void test_code_parts(void **state) {
    fixture *fx = *state;
    static char text[200000]; /* test-only input */
    size_t len = 0;
    static const char para[] =
        "Valdoria attacked Kestria on Monday. \"We will fight,\" the "
        "Valdorian minister said.\n\n";
    while (len + sizeof para < sizeof text) {
        memcpy(text + len, para, sizeof para - 1);
        len += sizeof para - 1;
    }
    text[len] = '\0';
    dyad_input in;
    dyad_input_init(&in);
    in.text = text;
    in.text_len = len;
    static part_log whole, parts; /* (large: not on the stack) */
    memset(&whole, 0, sizeof whole);
    memset(&parts, 0, sizeof parts);
    const dyad_result *r;
    dyad_error err;
    assert_int_equal(dyad_code(fx->e, fx->doc, &in, &fx->opt, &r, &err),
                     DYAD_OK);
    log_part(&whole, r);
    assert_true(whole.n > 1000);
    assert_true(whole.nquotes > 1000);
    assert_int_equal(dyad_code_parts(fx->e, fx->doc, &in, &fx->opt, 16384,
                                     on_part, &parts, &r, &err),
                     DYAD_OK);
    assert_true(parts.parts >= 10); /* 200 KB in parts of 16 KB */
    log_part(&parts, r);            /* the last part */
    assert_int_equal(parts.n, whole.n);
    assert_int_equal(parts.nquotes, whole.nquotes);
    assert_int_equal(parts.sentences, whole.sentences);
    for (size_t k = 0; k < whole.n; k++) {
        assert_int_equal(parts.ev[k].sentence, whole.ev[k].sentence);
        assert_string_equal(parts.ev[k].key, whole.ev[k].key);
        assert_memory_equal(&parts.ev[k].verb, &whole.ev[k].verb,
                            sizeof(dyad_span));
        assert_memory_equal(&parts.ev[k].source, &whole.ev[k].source,
                            sizeof(dyad_span));
        assert_int_equal(parts.ev[k].quote, whole.ev[k].quote);
    }
    /* the caller stops it: what was handed over stays, the status says so */
    memset(&parts, 0, sizeof parts);
    parts.stop_at = 2;
    assert_int_equal(dyad_code_parts(fx->e, fx->doc, &in, &fx->opt, 16384,
                                     on_part, &parts, &r, &err),
                     DYAD_ERR_IO);
    assert_int_equal(parts.parts, 2);
    assert_non_null(strstr(err.msg, "stopped"));
    /* a short document: one part, fn never called */
    memset(&parts, 0, sizeof parts);
    in.text_len = sizeof para - 1;
    assert_int_equal(dyad_code_parts(fx->e, fx->doc, &in, &fx->opt, 16384,
                                     on_part, &parts, &r, &err),
                     DYAD_OK);
    assert_int_equal(parts.parts, 0);
    size_t first_para = 0; /* the whole document's events of its first
                              paragraph, sentences 0 and 1 */
    while (first_para < whole.n && whole.ev[first_para].sentence <= 1)
        first_para++;
    assert_true(first_para > 0);
    assert_int_equal(r->nevents, first_para);
    assert_int_equal(r->nquotes, 1);
    /* no function or no size: an argument error */
    assert_int_equal(dyad_code_parts(fx->e, fx->doc, &in, &fx->opt, 0,
                                     on_part, &parts, &r, &err),
                     DYAD_ERR_ARG);
    assert_int_equal(dyad_code_parts(fx->e, fx->doc, &in, &fx->opt, 16384,
                                     NULL, NULL, &r, &err),
                     DYAD_ERR_ARG);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_active_and_agents),
        cmocka_unit_test(test_passive_and_negation),
        cmocka_unit_test(test_compounds_and_reciprocal),
        cmocka_unit_test(test_reporting_and_frames),
        cmocka_unit_test(test_patterns),
        cmocka_unit_test(test_lemma_lookup),
        cmocka_unit_test(test_pronouns),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_discards_and_bad_input),
        cmocka_unit_test(test_nominal_events),
        cmocka_unit_test(test_evidence_spans),
        cmocka_unit_test(test_code_parts),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
