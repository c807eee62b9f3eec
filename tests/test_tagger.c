/* test_tagger.c -- unit tests for the lexicon and the part-of-speech tagger.
 * All sentences are written for these tests (invented places and people). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "text/lexicon.h"
#include "text/sentence.h"
#include "text/tagger.h"
#include "text/tokenize.h"

#include "analysis_fixture.h"

static sentence *run(fixture *f, const char *text) {
    return analyse(f, text, 0);
}

/* The n-th (0-based) token whose norm is w. */
static const tok *find(const sentence *s, const char *w, int nth) {
    for (uint32_t i = 0; i < s->ntok; i++)
        if (!strcmp(s->toks[i].norm, w) && nth-- == 0) return &s->toks[i];
    fail_msg("token %s not found", w);
    return NULL;
}

#define TAG(s, w) (find((s), (w), 0)->tag)
#define LEMMA(s, w) (find((s), (w), 0)->lemma)

static void test_lexicon(void **state) {
    fixture *f = *state;
    lex_entry e;
    assert_true(lex_size(f->lx) > 50000);
    assert_true(lex_lookup(f->lx, "ATTACK", 6, &e));
    assert_true(e.flags & LEX_NOUN);
    assert_true(e.flags & LEX_VERB);
    assert_true(lex_lookup(f->lx, "BROKE", 5, &e));
    assert_string_equal(e.vlemma, "BREAK");
    assert_true(lex_lookup(f->lx, "THE", 3, &e));
    assert_true(e.flags & LEX_CLOSED);
    assert_int_equal(e.tags[0], T_DT);
    assert_false(lex_lookup(f->lx, "OSGILIATH", 9, &e));
    int form = 0;
    assert_string_equal(lex_verb_lemma(f->lx, "STOPPED", 7, &form), "STOP");
    assert_int_equal(form, 'D');
    assert_string_equal(lex_verb_lemma(f->lx, "SEIZING", 7, &form), "SEIZE");
    assert_int_equal(form, 'G');
    assert_string_equal(lex_verb_lemma(f->lx, "CARRIES", 7, &form), "CARRY");
    assert_string_equal(lex_noun_lemma(f->lx, "CITIES", 6), "CITY");
    assert_null(lex_noun_lemma(f->lx, "CRISIS", 6));
    assert_string_equal(lex_adj_lemma(f->lx, "BIGGER", 6, &form), "BIG");
}

static void test_reported_speech(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "Gondor's defence minister said on Tuesday that the "
                         "army will not attack Arnor.");
    assert_int_equal(TAG(s, "GONDOR"), T_NNP);
    assert_int_equal(TAG(s, "'S"), T_POS);
    assert_int_equal(TAG(s, "MINISTER"), T_NN);
    assert_int_equal(TAG(s, "SAID"), T_VBD);
    assert_string_equal(LEMMA(s, "SAID"), "SAY");
    assert_int_equal(TAG(s, "TUESDAY"), T_NNP);
    assert_int_equal(TAG(s, "THAT"), T_IN);
    assert_int_equal(TAG(s, "WILL"), T_MD);
    assert_int_equal(TAG(s, "NOT"), T_RB);
    assert_int_equal(TAG(s, "ATTACK"), T_VB);
    assert_int_equal(TAG(s, "ARNOR"), T_NNP);
    assert_int_equal(TAG(s, "."), T_PERIOD);
}

static void test_noun_verb_s(void **state) {
    fixture *f = *state;
    /* -s words: verb after a name with an object, plural noun before a verb */
    sentence *s = run(f, "Arnor attacks Gondor and seizes the city.");
    assert_int_equal(TAG(s, "ATTACKS"), T_VBZ);
    assert_string_equal(LEMMA(s, "ATTACKS"), "ATTACK");
    assert_int_equal(TAG(s, "SEIZES"), T_VBZ);
    assert_string_equal(LEMMA(s, "SEIZES"), "SEIZE");
    s = run(f, "The rebel attacks killed ten people in Osgiliath.");
    assert_int_equal(TAG(s, "ATTACKS"), T_NNS);
    assert_string_equal(LEMMA(s, "ATTACKS"), "ATTACK");
    assert_int_equal(TAG(s, "KILLED"), T_VBD);
    assert_string_equal(LEMMA(s, "KILLED"), "KILL");
    assert_int_equal(TAG(s, "TEN"), T_CD);
    assert_int_equal(TAG(s, "OSGILIATH"), T_NNP);
}

static void test_aux_forms(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "The war-torn country has not been invited to the "
                         "12-year pro-restoration summit.");
    assert_int_equal(TAG(s, "WAR-TORN"), T_JJ);
    assert_int_equal(TAG(s, "HAS"), T_VBZ);
    assert_string_equal(LEMMA(s, "HAS"), "HAVE");
    assert_int_equal(TAG(s, "BEEN"), T_VBN);
    assert_int_equal(TAG(s, "INVITED"), T_VBN);
    assert_string_equal(LEMMA(s, "INVITED"), "INVITE");
    assert_int_equal(TAG(s, "TO"), T_TO);
    assert_int_equal(TAG(s, "12-YEAR"), T_JJ);
    assert_int_equal(TAG(s, "PRO-RESTORATION"), T_JJ);
    assert_int_equal(TAG(s, "SUMMIT"), T_NN);
    s = run(f, "Officials believe the attack was planned by militants who "
               "fled to Arnor.");
    assert_int_equal(TAG(s, "BELIEVE"), T_VBP);
    assert_int_equal(TAG(s, "ATTACK"), T_NN);
    assert_int_equal(TAG(s, "PLANNED"), T_VBN);
    assert_string_equal(LEMMA(s, "PLANNED"), "PLAN");
    assert_int_equal(TAG(s, "WHO"), T_WP);
    assert_int_equal(TAG(s, "FLED"), T_VBD);
    assert_string_equal(LEMMA(s, "FLED"), "FLEE");
    s = run(f, "The army had seized the bridge.");
    assert_int_equal(TAG(s, "HAD"), T_VBD);
    assert_int_equal(TAG(s, "SEIZED"), T_VBN);
}

static void test_participles(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "Rebuked by Arnor, the Gondorian government recalled "
                         "its ambassador.");
    assert_int_equal(TAG(s, "REBUKED"), T_VBN);
    assert_string_equal(LEMMA(s, "REBUKED"), "REBUKE");
    assert_int_equal(TAG(s, "GONDORIAN"), T_NNP);
    assert_int_equal(TAG(s, "RECALLED"), T_VBD);
    assert_int_equal(TAG(s, "ITS"), T_PRPS);
    s = run(f, "Troops backed by Mordor have cordoned off the area near "
               "Barad-dur.");
    assert_int_equal(TAG(s, "TROOPS"), T_NNS);
    assert_int_equal(TAG(s, "BACKED"), T_VBN);
    assert_int_equal(TAG(s, "HAVE"), T_VBP);
    assert_int_equal(TAG(s, "CORDONED"), T_VBN);
    assert_string_equal(LEMMA(s, "CORDONED"), "CORDON");
    assert_int_equal(TAG(s, "OFF"), T_RP);
    assert_int_equal(TAG(s, "BARAD-DUR"), T_NNP);
    s = run(f, "The army attacked the town, killing ten civilians.");
    assert_int_equal(TAG(s, "KILLING"), T_VBG);
    assert_string_equal(LEMMA(s, "KILLING"), "KILL");
    assert_int_equal(TAG(s, "CIVILIANS"), T_NNS);
    assert_string_equal(LEMMA(s, "CIVILIANS"), "CIVILIAN");
}

static void test_names_and_closed(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "Calenardhon said it was ready to help the "
                         "refugees in May.");
    assert_int_equal(TAG(s, "CALENARDHON"), T_NNP);
    assert_int_equal(TAG(s, "IT"), T_PRP);
    assert_int_equal(TAG(s, "WAS"), T_VBD);
    assert_string_equal(LEMMA(s, "WAS"), "BE");
    assert_int_equal(TAG(s, "READY"), T_JJ);
    assert_int_equal(TAG(s, "HELP"), T_VB);
    assert_int_equal(TAG(s, "MAY"), T_NNP);
    s = run(f, "Gondor's main opposition groups didn't say whether they "
               "would boycott the vote.");
    assert_int_equal(TAG(s, "GROUPS"), T_NNS);
    assert_string_equal(LEMMA(s, "GROUPS"), "GROUP");
    assert_int_equal(TAG(s, "DID"), T_VBD);
    assert_int_equal(TAG(s, "N'T"), T_RB);
    assert_int_equal(TAG(s, "SAY"), T_VB);
    assert_int_equal(TAG(s, "BOYCOTT"), T_VB);
    assert_int_equal(TAG(s, "VOTE"), T_NN);
    s = run(f, "It's the plan that failed, and they attack the city.");
    assert_int_equal(find(s, "'S", 0)->tag, T_VBZ);
    assert_int_equal(TAG(s, "THAT"), T_WDT);
    assert_int_equal(TAG(s, "FAILED"), T_VBD);
    assert_int_equal(TAG(s, "ATTACK"), T_VBP);
}

static void test_dets_adjs_numbers(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "Dagolath's first Deputy Prime Minister Telemar met "
                         "the state's fiercest foe and paid $7 billion.");
    assert_int_equal(TAG(s, "DAGOLATH"), T_NNP);
    assert_int_equal(TAG(s, "FIRST"), T_JJ);
    assert_int_equal(TAG(s, "TELEMAR"), T_NNP);
    assert_int_equal(TAG(s, "MET"), T_VBD);
    assert_string_equal(LEMMA(s, "MET"), "MEET");
    assert_int_equal(TAG(s, "FIERCEST"), T_JJS);
    assert_string_equal(LEMMA(s, "FIERCEST"), "FIERCE");
    assert_int_equal(TAG(s, "FOE"), T_NN);
    assert_int_equal(TAG(s, "PAID"), T_VBD);
    assert_int_equal(TAG(s, "$"), T_DOLLAR);
    assert_int_equal(TAG(s, "7"), T_CD);
    assert_int_equal(TAG(s, "BILLION"), T_CD);
    s = run(f, "They will meet the military leaders about 50,000 times.");
    assert_int_equal(TAG(s, "MEET"), T_VB);
    assert_int_equal(TAG(s, "MILITARY"), T_JJ);
    assert_int_equal(TAG(s, "LEADERS"), T_NNS);
    assert_int_equal(TAG(s, "ABOUT"), T_RB);
    assert_int_equal(TAG(s, "50,000"), T_CD);
}

static void test_is_about_to(void **state) {
    fixture *f = *state;
    sentence *s = run(f, "The king is about to restore ties with Gondor.");
    assert_int_equal(TAG(s, "IS"), T_VBZ);
    assert_int_equal(TAG(s, "TO"), T_TO);
    assert_int_equal(TAG(s, "RESTORE"), T_VB);
    assert_int_equal(TAG(s, "TIES"), T_NNS);
    assert_string_equal(LEMMA(s, "TIES"), "TIE");
}

/* Tags that depend on the words around them, one sentence each. */
static void test_context_fixups(void **state) {
    fixture *f = *state;
    static const struct {
        const char *text, *word;
        int tag;
    } cases[] = {
        /* a gerund closing a determiner's nouns, no object after it */
        {"Gondor condemned the Minas truck bombing.", "BOMBING", T_NN},
        /* ... but one with an object is a verb */
        {"Gondor accused the army of bombing the town.", "BOMBING", T_VBG},
        /* "both" before a plural with no "and" to pair it */
        {"The envoy appealed to both governments to show restraint.", "BOTH", T_DT},
        /* a lowercase "said" after "Gondorian military" is the verb, not
         * the name in "Port Said" */
        {"The Gondorian military said it had retaken the fort.", "SAID", T_VBD},
        {"The Gondorian military said it had retaken the fort.", "MILITARY", T_NN},
        /* an -ing word with its object after "and" is a verb */
        {"Gondor recalled its envoys and closing its airspace was next.", "CLOSING", T_VBG},
        /* a plural before a place is the subject of the base form after it */
        {"Officials in Gondor say 18 people were killed.", "SAY", T_VBP},
        /* WHO after a determiner is the organisation */
        {"The WHO Director-General thanked Gondor.", "WHO", T_NNP},
        /* an -s word before a possessive pronoun is a verb, even after
         * "of" and a name */
        {"The State of Gondor expresses its thanks to Rohan.", "EXPRESSES", T_VBZ},
        /* a noun joined by "and" to a verb's object: the -s word after
         * it heads that object */
        {"The navy delivered drinking water and relief supplies to Rohan.", "SUPPLIES", T_NNS},
        /* ... but an -s word before "on" after a present verb's object is
         * that verb's conjunct */
        {"Gondor remains ready to attend the talks and calls on Rohan to engage.", "CALLS", T_VBZ},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sentence *s = run(f, cases[i].text);
        if (TAG(s, cases[i].word) != cases[i].tag)
            fail_msg("%s: %s tagged %d, expected %d", cases[i].text, cases[i].word,
                     TAG(s, cases[i].word), cases[i].tag);
    }
    /* "both ... and" stays the conjunction */
    sentence *s = run(f, "The envoy met both Gondor and Rohan.");
    assert_int_not_equal(TAG(s, "BOTH"), T_DT);
}

static void test_unknown_words(void **state) {
    fixture *f = *state;
    /* lowercase coinages by suffix */
    sentence *s = run(f, "The deescalationment was quickly reannexed by "
                         "glorbic forces.");
    assert_int_equal(TAG(s, "DEESCALATIONMENT"), T_NN);
    assert_int_equal(TAG(s, "QUICKLY"), T_RB);
    assert_int_equal(TAG(s, "REANNEXED"), T_VBN);
    assert_int_equal(TAG(s, "GLORBIC"), T_JJ);
    assert_int_equal(TAG(s, "FORCES"), T_NNS);
}

static void test_long_sentence_linear(void **state) {
    fixture *f = *state;
    /* 4 KB of text must tag without trouble (and quickly) */
    size_t cap = 4200, n = 0;
    char *buf = malloc(cap);
    while (n + 40 < 4096) {
        const char *p = "Arnor attacks Gondor and the army said ";
        memcpy(buf + n, p, strlen(p));
        n += strlen(p);
    }
    buf[n++] = '.';
    buf[n] = 0;
    sentence *s = run(f, buf);
    assert_true(s->ntok > 500);
    assert_int_equal(find(s, "ATTACKS", 3)->tag, T_VBZ);
    assert_int_equal(find(s, "SAID", 5)->tag, T_VBD);
    free(buf);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexicon),
        cmocka_unit_test(test_reported_speech),
        cmocka_unit_test(test_noun_verb_s),
        cmocka_unit_test(test_aux_forms),
        cmocka_unit_test(test_participles),
        cmocka_unit_test(test_names_and_closed),
        cmocka_unit_test(test_dets_adjs_numbers),
        cmocka_unit_test(test_is_about_to),
        cmocka_unit_test(test_context_fixups),
        cmocka_unit_test(test_unknown_words),
        cmocka_unit_test(test_long_sentence_linear),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
