/* test_limits.c -- the coder's fixed limits: past each one, what is left
 * out is counted in dyad_result.limits (and named in the trace) while
 * everything within the limit is still coded. Dictionaries are built here,
 * in memory, big enough to cross each limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dyad.h"

#define NLANDS 80
#define NISSUES 70

typedef struct fixture {
    dyad_engine *e;
    dyad_doc *doc;
} fixture;

/* "ZORxy": a made-up country name per index, and its code "Zxy". */
static void land(unsigned i, char name[8], char code[4]) {
    snprintf(name, 8, "ZOR%c%c", 'A' + i / 26, 'A' + i % 26);
    snprintf(code, 4, "Z%c%c", 'A' + i / 26, 'A' + i % 26);
}

static char *append(char *buf, size_t *len, size_t cap, const char *s) {
    size_t n = strlen(s);
    assert_true(*len + n < cap);
    memcpy(buf + *len, s, n + 1);
    *len += n;
    return buf;
}

static int setup(void **state) {
    static char actors[8192], issues[8192];
    size_t al = 0, il = 0;
    actors[0] = issues[0] = '\0';
    for (unsigned i = 0; i < NLANDS; i++) {
        char name[8], code[4], line[32];
        land(i, name, code);
        snprintf(line, sizeof line, "%s [%s]\n", name, code);
        append(actors, &al, sizeof actors, line);
    }
    append(issues, &il, sizeof issues, "<ISSUE CATEGORY=\"T\" TYPE=\"ALL\">\n");
    for (unsigned i = 0; i < NISSUES; i++) {
        char line[48];
        snprintf(line, sizeof line, "TOPIC%c%c [I%c%c]\n", 'A' + i / 26, 'A' + i % 26,
                 'A' + i / 26, 'A' + i % 26);
        append(issues, &il, sizeof issues, line);
    }
    append(issues, &il, sizeof issues, "</ISSUE>\n");
    /* ten agent words, each its own role */
    static const char *agents =
        "ALPHA [~GOV]\nBRAVO [~MIL]\nCHARLIE [~COP]\nDELTA [~OPP]\nECHO [~REB]\n"
        "FOXTROT [~CVL]\nGOLF [~LEG]\nHOTEL [~JUD]\nINDIA [~MED]\nJULIETT [~BUS]\n";
    /* one verb in five blocks: five senses that all fit */
    static const char *verbs =
        "####### VERB PATTERNS #######\n"
        "--- CONDEMN [111] ---\nCONDEMN {CONDEMNS CONDEMNED}\n"
        "--- DENOUNCE [111] ---\nDENOUNCE {DENOUNCES DENOUNCED}\n"
        "--- DENOUNCE2 [112] ---\nDENOUNCE {DENOUNCES DENOUNCED}\n"
        "--- DENOUNCE3 [113] ---\nDENOUNCE {DENOUNCES DENOUNCED}\n"
        "--- DENOUNCE4 [114] ---\nDENOUNCE {DENOUNCES DENOUNCED}\n"
        "--- DENOUNCE5 [115] ---\nDENOUNCE {DENOUNCES DENOUNCED}\n";
    dyad_config *c = NULL;
    if (dyad_config_new(&c, NULL) != DYAD_OK) return -1;
    if (dyad_config_add_buffer(c, DYAD_DICT_VERBS, DYAD_FORMAT_AUTO, "l.verbs.txt", verbs,
                               strlen(verbs)) ||
        dyad_config_add_buffer(c, DYAD_DICT_ACTORS, DYAD_FORMAT_AUTO, "l.actors.txt", actors,
                               al) ||
        dyad_config_add_buffer(c, DYAD_DICT_AGENTS, DYAD_FORMAT_AUTO, "l.agents.txt", agents,
                               strlen(agents)) ||
        dyad_config_add_buffer(c, DYAD_DICT_ISSUES, DYAD_FORMAT_AUTO, "l.issues.txt", issues,
                               il))
        return -1;
    fixture *fx = calloc(1, sizeof *fx);
    dyad_error err;
    if (!fx || dyad_engine_new(c, &fx->e, &err) != DYAD_OK) {
        fprintf(stderr, "load: %s\n", err.msg);
        return -1;
    }
    dyad_config_free(c);
    if (dyad_doc_new(&fx->doc, NULL) != DYAD_OK) return -1;
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

static const dyad_result *code(fixture *fx, const char *text) {
    dyad_input in;
    dyad_input_init(&in);
    in.text = text;
    in.text_len = strlen(text);
    in.date = 20240101;
    dyad_options opt;
    dyad_options_init(&opt);
    opt.trace = 1;
    const dyad_result *r = NULL;
    assert_int_equal(dyad_code(fx->e, fx->doc, &in, &opt, &r, NULL), DYAD_OK);
    return r;
}

static void test_no_limit_normally(void **state) {
    const dyad_result *r = code(*state, "ZORAA condemned ZORAB.");
    assert_int_equal(r->nevents, 1);
    assert_int_equal(r->limits, 0);
}

/* "ZORAA, ZORAB, ... and ZORDB condemned ZORDC": 79 coordinated sources */
static void test_coordinated_phrases(void **state) {
    static char text[2048];
    size_t len = 0;
    text[0] = '\0';
    for (unsigned i = 0; i + 1 < NLANDS; i++) {
        char name[8], code4[4];
        land(i, name, code4);
        append(text, &len, sizeof text, name);
        append(text, &len, sizeof text, i + 3 < NLANDS ? ", " : i + 2 < NLANDS ? " and " : "");
    }
    char last[8], lc[4];
    land(NLANDS - 1, last, lc);
    append(text, &len, sizeof text, " condemned ");
    append(text, &len, sizeof text, last);
    append(text, &len, sizeof text, ".");
    const dyad_result *r = code(*state, text);
    assert_true(r->limits >= 1);
    assert_non_null(strstr(r->trace, "limit: more than 64 coordinated phrases"));
    /* the 64 phrases next to the verb are coded, the earlier ones are not */
    assert_int_equal(r->nevents, 64);
    char want[4];
    land(NLANDS - 65, last, want);
    assert_string_equal(dyad_result_event(r, 0)->source, want);
    for (size_t i = 0; i < r->nevents; i++)
        assert_string_equal(dyad_result_event(r, i)->target, lc);
}

static void test_agents_in_one_phrase(void **state) {
    const dyad_result *r = code(*state, "ZORAA alpha bravo charlie delta echo foxtrot golf "
                                        "hotel india juliett condemned ZORAB.");
    assert_int_equal(r->nevents, 1);
    assert_true(r->limits >= 1);
    assert_non_null(strstr(r->trace, "limit: more than 8 agents"));
}

static void test_verb_senses(void **state) {
    const dyad_result *r = code(*state, "ZORAA denounced ZORAB.");
    assert_true(r->nevents >= 1);
    assert_true(r->limits >= 1);
    assert_non_null(strstr(r->trace, "limit: more than 4 verb senses"));
}

static void test_issues(void **state) {
    static char text[4096];
    size_t len = 0;
    text[0] = '\0';
    append(text, &len, sizeof text, "ZORAA condemned ZORAB over");
    for (unsigned i = 0; i < NISSUES; i++) {
        char w[16];
        snprintf(w, sizeof w, " topic%c%c", 'a' + i / 26, 'a' + i % 26);
        append(text, &len, sizeof text, w);
    }
    append(text, &len, sizeof text, ".");
    const dyad_result *r = code(*state, text);
    assert_int_equal(r->nevents, 1);
    const dyad_event *e = dyad_result_event(r, 0);
    assert_int_equal(e->nissues, 64); /* every one that fits is listed */
    assert_true(r->limits >= 1);
    assert_non_null(strstr(r->trace, "limit: more than 64 issues"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_limit_normally),
        cmocka_unit_test(test_coordinated_phrases),
        cmocka_unit_test(test_agents_in_one_phrase),
        cmocka_unit_test(test_verb_senses),
        cmocka_unit_test(test_issues),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
