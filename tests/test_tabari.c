/* test_tabari.c -- TABARI formats and coding model: the readers (stems,
 * connectors, dates, alternatives, synsets), their file:line errors, the
 * .options and .project parsers, and sentences coded through the public
 * API. The dictionaries here are written for the tests (Valdoria,
 * Kestria, Ostmark), none taken from TABARI's GPL test data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "dict/tabari.h"
#include "dict/tabari_options.h"
#include "dyad.h"

static const char actors[] =
    "<NOUN>\n"
    "CONVOY_\n"
    "</NOUN>\n"
    "VALDORIA_ [VAL] ; the republic\n"
    "KESTRI [KES]\n"
    "OSTMARK_CITY [OST <950101] [OSTGOV]\n"
    "AMARA_TOLL\n"
    "+MINISTER_TOLL\n"
    "    [VALGOV 900101-031231]\n"
    "    [VALELI]\n"
    "TWIN_REPUBLICS [VAL/KES]\n"
    "SPORTS_STADIUM [###]\n"
    "~~FINISH\n"
    "NOT_READ [XXX]\n";

static const char agents[] =
    "POLICE_ [~COP]\n"
    "FOREIGN_MINISTER_ [~GOVFRM]\n"
    "RIGHTS_ACTIVISTS_ [NGM~]\n";

static const char verbs[] =
    "<SYNSETS>\n"
    "&TIES\n"
    "+TRADE\n"
    "+MILITARY\n"
    "</SYNSETS>\n"
    "DENOUNCE [111]\n"
    "{ DENOUNCED_ DENOUNCING_ }\n"
    "- * &TIES_LINKS [1121]\n"
    "- * { TRUCE | CEASEFIRE }_TERMS [0871]\n"
    "MEET [040:040]\n"
    "SAID [010?]\n"
    "ACCUS [112]\n"
    "- + * BY $ [120]\n";

/* An engine from buffers in TABARI format. */
static dyad_engine *engine(const char *a, const char *g, const char *v,
                           dyad_error *err) {
    dyad_config *c = NULL;
    dyad_engine *e = NULL;
    assert_int_equal(dyad_config_new(&c, NULL), DYAD_OK);
    if (a) dyad_config_add_buffer(c, DYAD_DICT_ACTORS, DYAD_FORMAT_TABARI,
                                  "t.actors", a, strlen(a));
    if (g) dyad_config_add_buffer(c, DYAD_DICT_AGENTS, DYAD_FORMAT_TABARI,
                                  "t.agents", g, strlen(g));
    if (v) dyad_config_add_buffer(c, DYAD_DICT_VERBS, DYAD_FORMAT_TABARI,
                                  "t.verbs", v, strlen(v));
    dyad_engine_new(c, &e, err);
    dyad_config_free(c);
    return e;
}

/* The events of one sentence as "SRC TGT CODE;..." */
static void code(const dyad_engine *e, const char *text, uint32_t date,
                 char *out, size_t cap) {
    dyad_doc *d = NULL;
    assert_int_equal(dyad_doc_new(&d, NULL), DYAD_OK);
    dyad_input in;
    dyad_input_init(&in);
    in.text = text;
    in.text_len = strlen(text);
    in.date = date;
    const dyad_result *r;
    assert_int_equal(dyad_code(e, d, &in, NULL, &r, NULL), DYAD_OK);
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->nevents && k < cap; i++) {
        const dyad_event *ev = dyad_result_event(r, i);
        k += (size_t)snprintf(out + k, cap - k, "%s%s %s %s", i ? ";" : "",
                              ev->source, ev->target, ev->code);
    }
    dyad_doc_free(d);
}

static void test_load_and_model(void **state) {
    (void)state;
    dyad_error err;
    dyad_engine *e = engine(actors, agents, verbs, &err);
    assert_non_null(e);
    assert_int_equal(dyad_engine_model(e), DYAD_MODEL_TABARI);
    dyad_dict_stats st;
    dyad_engine_stats(e, &st, sizeof st);
    assert_int_equal(st.actor_phrases, 7); /* the tail after ~ is not read */
    assert_int_equal(st.agent_phrases, 3);
    dyad_engine_free(e);
}

static void test_coding(void **state) {
    (void)state;
    dyad_error err;
    dyad_engine *e = engine(actors, agents, verbs, &err);
    char ev[512];
    /* a stem root (KESTRI), a forms line (DENOUNCED_), a suffix agent */
    code(e, "The Valdorian police denounced Kestria over the border on "
            "Monday.", 20240105, ev, sizeof ev);
    assert_string_equal(ev, "");  /* VALDORIA_ is exact: not Valdorian */
    code(e, "Valdoria police denounced Kestria over the border dispute on "
            "Monday.", 20240105, ev, sizeof ev);
    assert_string_equal(ev, "VALCOP KES 111");
    /* a synset in a pattern, and a regular ending on VALDORIA_ */
    code(e, "Valdoria's government denounced military links with Kestria "
            "on Monday.", 20240105, ev, sizeof ev);
    assert_string_equal(ev, "VAL KES 1121");
    /* alternatives with an adjacent connector after them */
    code(e, "Valdoria denounced the ceasefire terms offered by Kestria on "
            "Monday.", 20240105, ev, sizeof ev);
    assert_string_equal(ev, "VAL KES 0871");
    /* a paired code and a compound: both directions */
    code(e, "Valdoria and Kestria will meet in the capital next week for "
            "talks.", 20240105, ev, sizeof ev);
    assert_string_equal(ev, "VAL KES 040;KES VAL 040");
    /* date restrictions: strict '<', then the default */
    code(e, "Ostmark City denounced Kestria over the border dispute on "
            "Monday.", 19941231, ev, sizeof ev);
    assert_string_equal(ev, "OST KES 111");
    code(e, "Ostmark City denounced Kestria over the border dispute on "
            "Monday.", 19950101, ev, sizeof ev);
    assert_string_equal(ev, "OSTGOV KES 111");
    /* a subordinate code gives way to another event */
    code(e, "Valdoria said it denounced Kestria over the border dispute on "
            "Monday.", 20240105, ev, sizeof ev);
    assert_string_equal(ev, "VAL KES 111");
    /* $ and + in a pattern */
    code(e, "Valdoria was accused by Kestria of breaking the truce on the "
            "border.", 20240105, ev, sizeof ev);
    assert_string_equal(ev, "KES VAL 120");
    /* a discard code anywhere drops the sentence */
    code(e, "Valdoria denounced Kestria at the sports stadium on Monday "
            "night.", 20240105, ev, sizeof ev);
    assert_string_equal(ev, "");
    /* fewer than 8 words: not coded (MINIMUM WORDS) */
    code(e, "Valdoria denounced Kestria.", 20240105, ev, sizeof ev);
    assert_string_equal(ev, "");
    dyad_engine_free(e);
}

/* Each malformed line fails with "file:line: reason". */
static void test_errors(void **state) {
    (void)state;
    static const struct {
        const char *a, *g, *v, *want;
    } bad[] = {
        {"VALDORIA [VAL]\nKESTRIA [KES 950101-991301]\n", NULL, NULL,
         "t.actors:2: bad date restriction"},
        {"VALDORIA [VAL]\nKESTRIA [950101-991231]\n", NULL, NULL,
         "t.actors:2: code group '[950101-991231]' without a code"},
        {"    [VAL]\n", NULL, NULL, "t.actors:1: code line before any"},
        {"VALDORIA [VAL\n", NULL, NULL, "t.actors:1: '[' without ']'"},
        {"X [VAL]\n", NULL, NULL, "t.actors:1: phrase 'X' is shorter"},
        {NULL, "POLICE [COP]\n", NULL, "t.agents:1: agent code 'COP' has no"},
        {NULL, NULL, "- * TALKS [040]\n",
         "t.verbs:1: pattern before any verb root"},
        {NULL, NULL, "MEET [040]\n- TALKS [040]\n",
         "t.verbs:2: pattern without '*'"},
        {NULL, NULL, "MEET [040]\n- * TALKS\n",
         "t.verbs:2: pattern without [code]"},
        {NULL, NULL, "MEET\n", "t.verbs:1: root without [code]"},
        {NULL, NULL, "MEET [040]\n- * &NONE [040]\n",
         "t.verbs:2: undefined synset &NONE"},
        {NULL, NULL, "<STRANGE>\n", "t.verbs:1: unknown section"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dyad_error err;
        dyad_engine *e = engine(bad[i].a, bad[i].g,
                                bad[i].v ? bad[i].v : "MEET [040]\n", &err);
        assert_null(e);
        assert_int_equal(err.status, DYAD_ERR_DICT);
        if (!strstr(err.msg, bad[i].want))
            fail_msg("case %zu: got '%s', want '%s'", i, err.msg,
                     bad[i].want);
    }
}

static void test_word_match(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    char err[256];
    const char text[] = "RESTOR [064]\nDEPLORE_ [122]\nBAN= [191]\n";
    assert_int_equal(tab_load_verbs(&d, "m.verbs", text, strlen(text), err,
                                    sizeof err), 0);
    dict_finish(&d);
    const tab_word *w = d.tab->words;
    assert_true(tab_word_match(&d, &w[0], "RESTORATION", 11)); /* stem */
    assert_true(tab_word_match(&d, &w[1], "DEPLORED", 8));     /* E + D */
    assert_true(tab_word_match(&d, &w[1], "DEPLORING", 9));
    assert_true(tab_word_match(&d, &w[1], "DEPLORES", 8));
    assert_false(tab_word_match(&d, &w[1], "DEPLOREX", 8));
    assert_false(tab_word_match(&d, &w[1], "DEPLORE'S", 9)); /* a verb */
    assert_true(tab_word_match(&d, &w[2], "BAN", 3));
    assert_false(tab_word_match(&d, &w[2], "BANNED", 6));   /* '=' */
    dict_free(&d);
}

static void test_options_and_project(void **state) {
    (void)state;
    tab_opts o;
    tab_opts_init(&o);
    char err[256];
    const char opt[] =
        "// comment\n"
        "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR\n"
        "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8\n"
        "DEFAULT: SOURCE [SRC] PRIOR TARGET [TGT]\n"
        "SET: CODE BY SENTENCE\n"
        "SET: CONVERT AGENTS = TRUE\n"
        "~~~~\n"
        "SET: MINIMUM WORDS = 99\n";
    assert_int_equal(tab_opts_load(&o, "t.options", opt, strlen(opt), err,
                                   sizeof err), 0);
    assert_int_equal(o.cx_verbs, 5);
    assert_int_equal(o.cx_conj, 4);
    assert_true(o.cx_noactprior);
    assert_int_equal(o.comma_min, 4);
    assert_int_equal(o.comma_emin, 3);
    assert_int_equal(o.comma_bmax, 8);
    assert_string_equal(o.def_source, "SRC");
    assert_true(o.def_prior);
    assert_false(o.def_after);
    assert_int_equal(o.code_by, TAB_BY_SENTENCE);
    assert_true(o.convert_agents);
    assert_int_equal(o.min_words, 8); /* after "~": not read */
    const char bad[] = "SET: CODE ALL\nCOMPLEX: VERBS[x]\n";
    assert_int_equal(tab_opts_load(&o, "t.options", bad, strlen(bad), err,
                                   sizeof err), -1);
    assert_non_null(strstr(err, "t.options:2:"));
    tab_project p;
    const char proj[] = "My project\n<actorsfile> a.actors\n"
                        "<actorsfile>\tb.actors\n<verbsfile> v.verbs\n"
                        "<optionsfile> o.options\n<textfile> t.txt\n"
                        "<session 1> <coder x>\n";
    assert_int_equal(tab_project_parse(&p, "p.project", proj, strlen(proj),
                                       err, sizeof err), 0);
    assert_int_equal(p.nactors, 2);
    assert_string_equal(p.actors[1], "b.actors");
    assert_string_equal(p.verbs[0], "v.verbs");
    assert_string_equal(p.options, "o.options");
    assert_int_equal(p.ntext, 1);
    tab_project_free(&p);
    const char badp[] = "<actorsfile>\n";
    assert_int_equal(tab_project_parse(&p, "p.project", badp, strlen(badp),
                                       err, sizeof err), -1);
    assert_non_null(strstr(err, "p.project:1:"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_and_model),
        cmocka_unit_test(test_coding),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_word_match),
        cmocka_unit_test(test_options_and_project),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
