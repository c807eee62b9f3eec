/* test_chunker.c -- unit tests for chunks, NP coordination and clauses.
 * All sentences are written for these tests (invented places and people). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "text/chunker.h"
#include "text/lexicon.h"
#include "text/sentence.h"
#include "text/tagger.h"
#include "text/tokenize.h"

#include "analysis_fixture.h"

static sentence *run(fixture *f, const char *text) {
    return analyse(f, text, 1);
}

static uint32_t tokidx(const sentence *s, const char *w, int nth) {
    for (uint32_t i = 0; i < s->ntok; i++)
        if (!strcmp(s->toks[i].norm, w) && nth-- == 0) return i;
    fail_msg("token %s not found", w);
    return 0;
}

/* Index of the chunk holding the n-th token spelt w. */
static int ck(const sentence *s, const char *w, int nth) {
    return s->toks[tokidx(s, w, nth)].chunk;
}

#define CH(s, w) (&(s)->chunks[ck((s), (w), 0)])
#define CLAUSE_OF(s, w) (&(s)->clauses[CH((s), (w))->clause])
#define HEAD(s, c) ((s)->toks[(c)->head].norm)

/* Every token in exactly one chunk, chunks in order and contiguous. */
static void check_cover(const sentence *s) {
    uint32_t next = 0;
    for (uint32_t k = 0; k < s->nchunk; k++) {
        assert_int_equal(s->chunks[k].first, next);
        assert_true(s->chunks[k].end > s->chunks[k].first);
        next = s->chunks[k].end;
        assert_true(s->chunks[k].clause < s->nclause);
    }
    assert_int_equal(next, s->ntok);
    for (uint32_t i = 0; i < s->ntok; i++) assert_true(s->toks[i].chunk >= 0);
}

static void test_names(void **state) {
    (void)state;
    assert_string_equal(chunk_kind_name(CK_NP), "NP");
    assert_string_equal(chunk_kind_name(CK_VG), "VG");
    assert_string_equal(chunk_clause_kind_name(CL_REPORTING), "REPORTING");
    assert_string_equal(chunk_clause_kind_name(CL_MAIN), "MAIN");
}

static void test_np_possessives(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "Dagolath's first Deputy Prime Minister Telemar met "
                         "the state's fiercest foe on Saturday.");
    check_cover(s);
    const chunk *np = CH(s, "DAGOLATH");
    assert_int_equal(np->kind, CK_NP);
    assert_int_equal(ck(s, "TELEMAR", 0), ck(s, "DAGOLATH", 0));
    assert_string_equal(HEAD(s, np), "TELEMAR");
    const chunk *foe = CH(s, "STATE");
    assert_int_equal(foe->kind, CK_NP);
    assert_int_equal(ck(s, "FOE", 0), ck(s, "STATE", 0));
    assert_string_equal(HEAD(s, foe), "FOE");
    const chunk *pp = CH(s, "ON");
    assert_int_equal(pp->kind, CK_PP);
    assert_int_equal(pp->pp_obj, ck(s, "SATURDAY", 0));
    s = run(f, "Gondor's main opposition groups paid $7 billion for "
               "50,000 tonnes of grain.");
    check_cover(s);
    assert_int_equal(ck(s, "GROUPS", 0), ck(s, "GONDOR", 0));
    assert_string_equal(HEAD(s, CH(s, "GONDOR")), "GROUPS");
    assert_int_equal(CH(s, "$")->kind, CK_NP);
    assert_int_equal(ck(s, "BILLION", 0), ck(s, "$", 0));
    assert_int_equal(ck(s, "TONNES", 0), ck(s, "50,000", 0));
    assert_string_equal(HEAD(s, CH(s, "50,000")), "TONNES");
}

static void test_vg_flags(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "The war-torn country has not been invited to the "
                         "summit.");
    check_cover(s);
    const chunk *vg = CH(s, "HAS");
    assert_int_equal(vg->kind, CK_VG);
    assert_string_equal(HEAD(s, vg), "INVITED");
    assert_true(vg->vflags & VG_PASSIVE);
    assert_true(vg->vflags & VG_NEG);
    assert_true(vg->vflags & VG_PERFECT);
    assert_false(vg->vflags & VG_MODAL);
    assert_int_equal(ck(s, "WAR-TORN", 0), ck(s, "COUNTRY", 0));
    s = run(f, "Gondor will meet Arnor but the king is about to restore "
               "ties and troops have cordoned off the area.");
    check_cover(s);
    vg = CH(s, "WILL");
    assert_string_equal(HEAD(s, vg), "MEET");
    assert_true(vg->vflags & VG_MODAL);
    vg = CH(s, "IS");
    assert_string_equal(HEAD(s, vg), "RESTORE");
    assert_int_equal(ck(s, "RESTORE", 0), ck(s, "IS", 0));
    assert_true(vg->vflags & VG_MODAL);
    vg = CH(s, "CORDONED");
    assert_int_equal(vg->particle, (int32_t)tokidx(s, "OFF", 0));
    s = run(f, "Gondor did n't agree to help the refugees who were fleeing.");
    vg = CH(s, "DID");
    assert_string_equal(HEAD(s, vg), "AGREE");
    assert_true(vg->vflags & VG_NEG);
    vg = CH(s, "HELP");
    assert_true(vg->vflags & VG_INFINITIVE);
    assert_int_equal(ck(s, "TO", 0), ck(s, "HELP", 0));
    vg = CH(s, "WERE");
    assert_true(vg->vflags & VG_PROGRESSIVE);
    assert_string_equal(HEAD(s, vg), "FLEEING");
    s = run(f, "The envoy was ready.");
    vg = CH(s, "WAS");
    assert_true(vg->vflags & VG_COPULA);
    assert_int_equal(CH(s, "READY")->kind, CK_ADJP);
}

static void test_coordination(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "Arnor, Osgiliath and Gondor signed the accord.");
    check_cover(s);
    int a = ck(s, "ARNOR", 0);
    assert_int_equal(CH(s, "ARNOR")->coord, a);
    assert_int_equal(CH(s, "OSGILIATH")->coord, a);
    assert_int_equal(CH(s, "GONDOR")->coord, a);
    assert_int_equal(CH(s, "ACCORD")->coord, -1);
    assert_int_equal(s->clauses[0].subject, a);
    s = run(f, "Lions, tigers, and Gondor attacked the Shire.");
    a = ck(s, "LIONS", 0);
    assert_int_equal(CH(s, "TIGERS")->coord, a);
    assert_int_equal(CH(s, "GONDOR")->coord, a);
    s = run(f, "Elrond met Mordor, the Shire, Fornost and Bree in Rivendell.");
    a = ck(s, "MORDOR", 0);
    assert_int_equal(CH(s, "SHIRE")->coord, a);
    assert_int_equal(CH(s, "FORNOST")->coord, a);
    assert_int_equal(CH(s, "BREE")->coord, a);
    assert_int_equal(CH(s, "ELROND")->coord, -1);
    assert_int_equal(CH(s, "RIVENDELL")->coord, -1);
    /* not across clauses */
    s = run(f, "Elrond met Aragorn and Gondor left the talks.");
    assert_int_equal(CH(s, "ARAGORN")->coord, -1);
    assert_int_equal(CH(s, "GONDOR")->coord, -1);
    const clause *c = CLAUSE_OF(s, "LEFT");
    assert_int_equal(c->kind, CL_COORD);
    assert_int_equal(c->subject, ck(s, "GONDOR", 0));
    assert_int_equal(c->verb, ck(s, "LEFT", 0));
}

static void test_complements(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "Gondor's defence minister said on Tuesday that the "
                         "army will not attack Arnor.");
    check_cover(s);
    const clause *m = &s->clauses[0];
    assert_int_equal(m->kind, CL_MAIN);
    assert_int_equal(m->verb, ck(s, "SAID", 0));
    assert_int_equal(m->subject, ck(s, "MINISTER", 0));
    const clause *c = CLAUSE_OF(s, "ATTACK");
    assert_int_equal(c->kind, CL_COMPLEMENT);
    assert_int_equal(c->parent, 0);
    assert_int_equal(c->subject, ck(s, "ARMY", 0));
    assert_int_equal(c->verb, ck(s, "ATTACK", 0));
    assert_int_equal(CH(s, "THAT")->kind, CK_SBAR);
    /* without "that", after a time phrase */
    s = run(f, "Officials believe the attack was planned by militants.");
    c = CLAUSE_OF(s, "PLANNED");
    assert_int_equal(c->kind, CL_COMPLEMENT);
    assert_int_equal(c->subject, ck(s, "ATTACK", 0));
    assert_true(CH(s, "PLANNED")->vflags & VG_PASSIVE);
    assert_int_equal(s->clauses[0].subject, ck(s, "OFFICIALS", 0));
}

static void test_relative_and_parenthetical(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "The envoy, who arrived on Monday, said Gondor was "
                         "ready to talk.");
    check_cover(s);
    const clause *r = CLAUSE_OF(s, "ARRIVED");
    assert_int_equal(r->kind, CL_RELATIVE);
    assert_int_equal(r->subject, ck(s, "ENVOY", 0));
    assert_int_equal(s->clauses[0].verb, ck(s, "SAID", 0));
    assert_int_equal(s->clauses[0].subject, ck(s, "ENVOY", 0));
    const clause *inf = CLAUSE_OF(s, "TALK");
    assert_int_equal(inf->kind, CL_INFINITIVE);
    assert_int_equal(s->clauses[inf->parent].kind, CL_COMPLEMENT);
    s = run(f, "Telemar, the state's fiercest foe, said the army had seized "
               "the port.");
    check_cover(s);
    const clause *p = CLAUSE_OF(s, "FOE");
    assert_int_equal(p->kind, CL_PARENTHETICAL);
    assert_int_equal(s->clauses[0].subject, ck(s, "TELEMAR", 0));
    assert_int_equal(s->clauses[0].verb, ck(s, "SAID", 0));
    const clause *c = CLAUSE_OF(s, "SEIZED");
    assert_int_equal(c->kind, CL_COMPLEMENT);
    assert_int_equal(c->subject, ck(s, "ARMY", 0));
    assert_true(CH(s, "HAD")->vflags & VG_PERFECT);
}

static void test_reporting_and_participles(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "The rebel attacks killed ten people in Osgiliath, a "
                         "senior official said on Saturday.");
    check_cover(s);
    assert_int_equal(s->clauses[0].verb, ck(s, "KILLED", 0));
    assert_int_equal(s->clauses[0].subject, ck(s, "ATTACKS", 0));
    const clause *r = CLAUSE_OF(s, "SAID");
    assert_int_equal(r->kind, CL_REPORTING);
    assert_int_equal(r->subject, ck(s, "OFFICIAL", 0));
    assert_int_equal(r->parent, 0);
    s = run(f, "The army attacked the town, killing ten civilians, said the "
               "minister.");
    check_cover(s);
    const clause *p = CLAUSE_OF(s, "KILLING");
    assert_int_equal(p->kind, CL_PARTICIPIAL);
    assert_true(CH(s, "KILLING")->vflags & VG_PARTICIPLE);
    r = CLAUSE_OF(s, "SAID");
    assert_int_equal(r->kind, CL_REPORTING);
    assert_int_equal(r->subject, ck(s, "MINISTER", 0));
    s = run(f, "Rebuked by Arnor, the Gondorian government recalled its "
               "ambassador.");
    p = CLAUSE_OF(s, "REBUKED");
    assert_int_equal(p->kind, CL_PARTICIPIAL);
    assert_true(CH(s, "REBUKED")->vflags & VG_PARTICIPLE);
    assert_true(CH(s, "REBUKED")->vflags & VG_PASSIVE);
    assert_int_equal(s->clauses[0].verb, ck(s, "RECALLED", 0));
    assert_int_equal(s->clauses[0].subject, ck(s, "GOVERNMENT", 0));
}

static void test_adverbial_and_coord(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "After crowds trashed its embassy, Gondor recalled "
                         "its envoy and expelled two diplomats.");
    check_cover(s);
    const clause *a = CLAUSE_OF(s, "TRASHED");
    assert_int_equal(a->kind, CL_ADVERBIAL);
    assert_int_equal(a->subject, ck(s, "CROWDS", 0));
    assert_int_equal(CH(s, "AFTER")->kind, CK_SBAR);
    assert_int_equal(s->clauses[0].verb, ck(s, "RECALLED", 0));
    assert_int_equal(s->clauses[0].subject, ck(s, "GONDOR", 0));
    const clause *c = CLAUSE_OF(s, "EXPELLED");
    assert_int_equal(c->kind, CL_COORD);
    assert_int_equal(c->subject, ck(s, "GONDOR", 0));
    /* "after" + NP only is a preposition */
    s = run(f, "Gondor recalled its envoy after the talks.");
    assert_int_equal(CH(s, "AFTER")->kind, CK_PP);
    assert_int_equal(s->nclause, 1);
}

static void test_long_sentence(void **state) {
    fixture *f = *state;
    size_t n = 0;
    char *buf = malloc(4200);
    while (n + 60 < 4096) {
        const char *p = "Arnor, Gondor and Rohan said that the army attacked, ";
        memcpy(buf + n, p, strlen(p));
        n += strlen(p);
    }
    memcpy(buf + n, "officials said.", 16);
    sentence *s = run(f, buf);
    check_cover(s);
    assert_true(s->nchunk > 500);
    assert_true(s->nclause > 10);
    free(buf);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_np_possessives),
        cmocka_unit_test(test_vg_flags),
        cmocka_unit_test(test_coordination),
        cmocka_unit_test(test_complements),
        cmocka_unit_test(test_relative_and_parenthetical),
        cmocka_unit_test(test_reporting_and_participles),
        cmocka_unit_test(test_adverbial_and_coord),
        cmocka_unit_test(test_long_sentence),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
