/* test_dict_check.c -- unit tests for the dictionary checks (src/dict_check.c).
 *
 * Each test loads a small invented dictionary from memory (no bundled
 * files, so only the invented entries are checked; the CAMEO table is
 * always there) and checks which
 * findings come back: kind, severity, line and a piece of the message. One
 * test per check kind, plus a clean dictionary that must give nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict/check.h"
#include "api/engine.h"

/* Findings of one run, as "line:kind:severity:message" strings. */
typedef struct found {
    char items[64][512];
    int n;
    dchk_report rep;
} found;

static void collect(void *ctx, const dchk_finding *f) {
    found *fo = ctx;
    if (fo->n == 64) return;
    snprintf(fo->items[fo->n++], sizeof fo->items[0], "%u:%s:%s:%s", f->line,
             f->kind, f->severity == DCHK_ERROR ? "error" : "warning", f->msg);
}

/* Number of findings whose text starts with prefix ("12:duplicate:error")
 * and contains needle (NULL: anything). */
static int count(const found *fo, const char *prefix, const char *needle) {
    int k = 0;
    for (int i = 0; i < fo->n; i++)
        if (strncmp(fo->items[i], prefix, strlen(prefix)) == 0 &&
            (!needle || strstr(fo->items[i], needle)))
            k++;
    return k;
}

static void dump(const found *fo) {
    for (int i = 0; i < fo->n; i++) fprintf(stderr, "  %s\n", fo->items[i]);
}

/* The smallest valid verb file, for tests about other files. */
static const char *min_verbs = "####### VERB PATTERNS #######\n"
                               "--- VISIT [042] ---\n"
                               "VISIT\n";

/* Loads the given texts from memory (NULL: kind left empty, no bundled
 * files) and runs the checks. */
static dyad_engine *run(const char *verbs, const char *actors,
                        const char *agents, found *fo) {
    dyad_config *c = NULL;
    assert_int_equal(dyad_config_new(&c, NULL), DYAD_OK);
    const char *v = verbs ? verbs : min_verbs;
    assert_int_equal(dyad_config_add_buffer(c, DYAD_DICT_VERBS,
                                            DYAD_FORMAT_PETRARCH2, "v.txt",
                                            v, strlen(v)),
                     DYAD_OK);
    if (actors)
        assert_int_equal(dyad_config_add_buffer(c, DYAD_DICT_ACTORS,
                                                DYAD_FORMAT_AUTO, "a.txt",
                                                actors, strlen(actors)),
                         DYAD_OK);
    if (agents)
        assert_int_equal(dyad_config_add_buffer(c, DYAD_DICT_AGENTS,
                                                DYAD_FORMAT_AUTO, "g.txt",
                                                agents, strlen(agents)),
                         DYAD_OK);
    dyad_error err;
    dyad_engine *e = NULL;
    if (dyad_engine_new(c, &e, &err) != DYAD_OK)
        fprintf(stderr, "load: %s\n", err.msg);
    dyad_config_free(c);
    assert_non_null(e);
    memset(fo, 0, sizeof *fo);
    assert_int_equal(dict_check(e, collect, fo, &fo->rep), 0);
    return e;
}

/* ---- blocks without patterns ----------------------------------------------- */

/* Issue 14: with no pattern in the whole file d->patterns is NULL, and the
 * pattern checks took &d->patterns[first] of it (undefined behaviour,
 * reported by UBSan). */
static void test_blocks_without_patterns(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run("####### VERB PATTERNS #######\n"
                         "--- VISIT [042] ---\n"
                         "VISIT\n"
                         "--- TOUR [042] ---\n"
                         "TOUR\n",
                         NULL, NULL, &fo);
    if (fo.n) dump(&fo);
    assert_int_equal(fo.rep.errors, 0);
    dyad_engine_free(e);
}

/* ---- a clean set -------------------------------------------------------- */

static void test_clean(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run("&AID\n+AID\n+HELP\n"
                         "####### VERB PATTERNS #######\n"
                         "--- GIVE [---] ---\n"
                         "GIVE {GIVES GAVE GIVEN GIVING}\n"
                         "- * &AID [070]\n"
                         "- * {MILITARY AID} [072]\n"
                         "--- VISIT [042:043] ---\n"
                         "VISIT\n"
                         "TOUR [042]\n",
                         "FRANCE [FRA]\n+FRENCH\nPARIS [FRA]\n"
                         "EU [IGOEUREEC]\nPOLISARIO [ESH/MAR]\n",
                         "MINISTER [~GOV]\nRED_CROSS [NGO~]\n", &fo);
    if (fo.n) dump(&fo);
    assert_int_equal(fo.n, 0);
    assert_int_equal(fo.rep.errors, 0);
    assert_int_equal(fo.rep.warnings, 0);
    dyad_engine_free(e);
}

/* ---- duplicates --------------------------------------------------------- */

static void test_duplicate_actors(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run(NULL,
                         "FRANCE [FRA]\n"          /* 1 */
                         "+FRENCH\n"               /* 2 */
                         "GERMANY [DEU]\n"         /* 3 */
                         "FRENCH [FRA]\n"          /* 4: same codes */
                         "FRANCE [BEL]\n"          /* 5: conflict */
                         "ITALY [ITA]\n"           /* 6 */
                         "+ITALY\n"                /* 7: twice in a record */
                         "FRANCE [CHE]\n",         /* 8: third definition */
                         NULL, &fo);
    assert_int_equal(count(&fo, "4:duplicate:warning", "'FRENCH'"), 1);
    assert_int_equal(count(&fo, "4:duplicate:warning", "a.txt:1"), 1);
    assert_int_equal(count(&fo, "5:duplicate:error", "'FRANCE'"), 1);
    assert_int_equal(count(&fo, "5:duplicate:error", "[FRA] there, [BEL]"), 1);
    assert_int_equal(count(&fo, "8:duplicate:error", "a.txt:5"), 1);
    assert_int_equal(count(&fo, "8:duplicate:error", "[BEL] there, [CHE]"), 1);
    assert_int_equal(count(&fo, "6:duplicate:warning", "twice in this record"),
                     1);
    assert_int_equal(fo.n, 4);
    assert_int_equal(fo.rep.errors, 2);
    assert_int_equal(fo.rep.warnings, 2);
    dyad_engine_free(e);
}

static void test_duplicate_agents(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run(NULL, NULL,
                         "SOLDIER [~MIL]\n"    /* 1: replaced by line 3 */
                         "MINISTER [~GOV]\n"   /* 2 */
                         "SOLDIER [~REB]\n",   /* 3 */
                         &fo);
    if (fo.n != 1) dump(&fo);
    assert_int_equal(count(&fo, "1:duplicate:warning", "[~MIL] is never used"),
                     1);
    assert_int_equal(fo.n, 1);
    dyad_engine_free(e);
}

static void test_duplicate_verb_forms(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run("####### VERB PATTERNS #######\n"
                         "--- CRITICIZE [111] ---\n"                 /* 2 */
                         "CRITICIZE\n"                               /* 3 */
                         "LAMBAST {LAMBASTS LAMBASTED}\n"            /* 4 */
                         "LAMBASTE {LAMBASTES LAMBASTED}\n"          /* 5 */
                         "--- PRAISE [051] ---\n"                    /* 6 */
                         "PRAISE\n"                                  /* 7 */
                         "CRITICIZE\n",                              /* 8 */
                         NULL, NULL, &fo);
    if (fo.n != 2) dump(&fo);
    assert_int_equal(count(&fo, "5:duplicate:warning", "LAMBASTED"), 1);
    assert_int_equal(count(&fo, "8:duplicate:error", "block CRITICIZE"), 1);
    /* the four forms of line 8 make one finding */
    assert_int_equal(count(&fo, "8:duplicate:error", "3 more forms"), 1);
    assert_int_equal(fo.n, 2);
    dyad_engine_free(e);
}

static void test_duplicate_patterns(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run("####### VERB PATTERNS #######\n"
                         "--- ACCUSE [112] ---\n"            /* 2 */
                         "ACCUSE\n"                          /* 3 */
                         "- * (OF CORRUPTION) [1121]\n"      /* 4 */
                         "- * (OF CORRUPTION) [1121]\n"      /* 5: same */
                         "- * (OF CORRUPTION) [1122]\n"      /* 6: other */
                         "- * (OF GENOCIDE) [1122]\n"        /* 7: fine */
                         "--- DENY [141] ---\n"              /* 8 */
                         "DENY\n"                            /* 9 */
                         "- * (OF CORRUPTION) [1121]\n",     /* 10: block */
                         NULL, NULL, &fo);
    if (fo.n != 2) dump(&fo);
    assert_int_equal(count(&fo, "5:duplicate:warning", "v.txt:4"), 1);
    assert_int_equal(count(&fo, "6:duplicate:error", "first one wins"), 1);
    assert_int_equal(fo.n, 2);
    dyad_engine_free(e);
}

/* ---- codes -------------------------------------------------------------- */

static void test_unknown_codes(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run("####### VERB PATTERNS #######\n"
                         "--- PRAISE [059] ---\n"       /* 2: no 059 */
                         "PRAISE\n"
                         "HAIL [0511]\n"                /* 4: no 0511 */
                         "SALUTE [051]\n"               /* fine */
                         "- * TROOPS [051:9]\n"         /* 6: rcode */
                         "- * ARMY [---]\n"             /* fine */
                         "- * POLICE [:051]\n"          /* fine */
                         "- * PEOPLE [080!]\n",         /* 9 */
                         NULL, NULL, &fo);
    if (fo.n != 4) dump(&fo);
    assert_int_equal(count(&fo, "2:unknown-code:error", "[059]"), 1);
    assert_int_equal(count(&fo, "4:unknown-code:error", "HAIL code [0511]"), 1);
    assert_int_equal(count(&fo, "6:unknown-code:error", "[9]"), 1);
    assert_int_equal(count(&fo, "9:unknown-code:error", "[080!]"), 1);
    assert_int_equal(fo.n, 4);
    dyad_engine_free(e);
}

static void test_bad_actor_and_agent_codes(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run(NULL,
                         "GREENPEACE [NGOEEURENV]\n"    /* 1: 10 chars */
                         "NOWHERE [fra]\n"              /* 2: lower case */
                         "SEA [---]\n"                  /* fine */
                         "POLISARIO [ESH/MARREB]\n",    /* fine: compound */
                         "MINISTER [~GOV]\n"            /* fine */
                         "ELDER [~ELDR]\n",             /* 2: 4 chars */
                         &fo);
    /* the reader refuses an agent code without '~'; plant one */
    for (uint32_t i = 0; i < e->d.nagent_entries; i++)
        if (e->d.agent_entries[i].line == 1)
            e->d.agent_entries[i].code = "GOV";
    dict_check(e, collect, &fo, &fo.rep);
    if (fo.rep.errors != 4) dump(&fo);
    /* first run (3) + second run (4): the planted one shows in the second */
    assert_int_equal(count(&fo, "1:bad-code:error", "[NGOEEURENV]"), 2);
    assert_int_equal(count(&fo, "2:bad-code:error", "[fra]"), 2);
    assert_int_equal(count(&fo, "2:bad-code:error", "[~ELDR]"), 2);
    assert_int_equal(count(&fo, "1:bad-code:error", "[GOV] has no '~'"), 1);
    assert_int_equal(fo.n, 7);
    dyad_engine_free(e);
}

/* ---- patterns that never match ------------------------------------------ */

static void test_undefined_and_empty_synsets(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run("&EMPTY\n"
                         "&INF_RELEASE\n+TO_RELEASE\n"
                         "####### VERB PATTERNS #######\n"     /* 4 */
                         "--- URGE [010] ---\n"                 /* 5 */
                         "URGE\n"                               /* 6 */
                         "- * &LATER [0241]\n"                  /* 7 */
                         "- * {&LATER AID} [0241]\n"            /* 8 */
                         "- * &EMPTY [0241]\n"                  /* 9 */
                         "- * &INF_RELEASE [0253]\n",           /* 10 */
                         NULL, NULL, &fo);
    if (count(&fo, "", "never-matches") != 3) dump(&fo);
    assert_int_equal(count(&fo, "7:never-matches:error", "&LATER"), 1);
    assert_int_equal(count(&fo, "8:never-matches:error", "&LATER"), 1);
    assert_int_equal(count(&fo, "9:never-matches:error", "no members"), 1);
    /* a synset name may contain '_' (PETRARCH2 keeps "&INF_RELEASE" whole) */
    assert_int_equal(count(&fo, "10:never-matches", ""), 0);
    /* the readers' own warnings come as one "load" finding, at the last */
    assert_int_equal(count(&fo, "8:load:warning", "used before"), 1);
    dyad_engine_free(e);
}

static void test_bare_pattern_shadows(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run("####### VERB PATTERNS #######\n"
                         "--- DOCK [---] ---\n"       /* 2 */
                         "DOCK\n"                     /* 3 */
                         "BERTH [043]\n"              /* 4: own code */
                         "- * PORT [---]\n"           /* 5: null, passed */
                         "- * [042:043]\n"            /* 6: bare */
                         "- * HARBOUR [043]\n"        /* 7: never reached */
                         "--- MOOR [042] ---\n"       /* 8 */
                         "MOOR\n"
                         "- * [---]\n"                /* 10: null bare */
                         "- * QUAY [043]\n",          /* 11: reachable */
                         NULL, NULL, &fo);
    if (fo.n != 2) dump(&fo);
    assert_int_equal(count(&fo, "7:never-matches:error", "v.txt:6"), 1);
    assert_int_equal(count(&fo, "6:overrides:warning", "1 verb line"), 1);
    assert_int_equal(fo.n, 2);
    dyad_engine_free(e);
}

static void test_slots_in_petrarch2_patterns(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run("####### VERB PATTERNS #######\n"
                         "--- MEET [040] ---\n"
                         "MEET {MEETS MET MEETING}\n"
                         "- % * TALKS [046]\n"       /* 4 */
                         "- * + (AT SUMMIT) [043]\n" /* 5 */
                         "- * ^ TALKS [046]\n",      /* fine: ^ is used */
                         NULL, NULL, &fo);
    if (fo.n != 2) dump(&fo);
    assert_int_equal(count(&fo, "4:never-matches:warning", "PETRARCH2"), 1);
    assert_int_equal(count(&fo, "5:never-matches:warning", "PETRARCH2"), 1);
    assert_int_equal(fo.rep.errors, 0);
    dyad_engine_free(e);
}

static void test_closed_class_verb_forms(void **state) {
    (void)state;
    found fo;
    dyad_engine *e = run("####### VERB PATTERNS #######\n"
                         "--- SUPPORT [051] ---\n"
                         "BACK {BACKS BACKED BACKING}\n" /* 3: BACK is RB */
                         "THE_+BACK\n"                   /* pre-word: exempt */
                         "SUPPORT\n",
                         NULL, NULL, &fo);
    if (fo.n != 1) dump(&fo);
    assert_int_equal(count(&fo, "3:never-matches:warning", "BACK is a closed"),
                     1);
    assert_int_equal(fo.n, 1);
    dyad_engine_free(e);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_duplicate_actors),
        cmocka_unit_test(test_duplicate_agents),
        cmocka_unit_test(test_duplicate_verb_forms),
        cmocka_unit_test(test_duplicate_patterns),
        cmocka_unit_test(test_unknown_codes),
        cmocka_unit_test(test_bad_actor_and_agent_codes),
        cmocka_unit_test(test_undefined_and_empty_synsets),
        cmocka_unit_test(test_bare_pattern_shadows),
        cmocka_unit_test(test_slots_in_petrarch2_patterns),
        cmocka_unit_test(test_closed_class_verb_forms),
        cmocka_unit_test(test_blocks_without_patterns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
