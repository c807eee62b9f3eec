/* test_dict.c -- unit tests for the dictionary readers (src/dict*.c).
 *
 * Each test loads a small invented dictionary from a C string and checks
 * what the reader built: actor dates and synonyms, agent plurals and
 * substitution sets, verb forms, both pattern formats, discards, issues,
 * and the exact "name:line: reason" of malformed lines. The last test loads
 * the real community dictionaries from ../shared when present.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dict/dict.h"

static char err[512];

static int load_actors(dict *d, const char *t) {
    return dict_load_actors(d, "a.txt", t, strlen(t), err, sizeof err);
}
static int load_agents(dict *d, const char *t) {
    return dict_load_agents(d, "g.txt", t, strlen(t), err, sizeof err);
}
static int load_verbs(dict *d, const char *t, verb_format f) {
    return dict_load_verbs(d, "v.txt", t, strlen(t), f, err, sizeof err);
}

/* Trie value for a blank-separated phrase, 0 when absent. */
static uint32_t lookup(const dict *d, const ptrie *t, const char *phrase) {
    uint32_t w[32], n = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", phrase);
    for (char *wd = strtok(buf, " "); wd && n < 32; wd = strtok(NULL, " "))
        w[n++] = vocab_find(&d->voc, wd, strlen(wd));
    uint32_t node = PTRIE_ROOT;
    for (uint32_t i = 0; i < n; i++) {
        node = ptrie_child(t, node, w[i]);
        if (!node) return 0;
    }
    return ptrie_value(t, node);
}

static const char *actor_at(const dict *d, const char *phrase, uint32_t date) {
    uint32_t v = lookup(d, &d->actors, phrase);
    return v ? dict_actor_code(d, v - 1, date) : "(absent)";
}

/* ---- actors ------------------------------------------------------------- */

static void test_actor_dates_and_synonyms(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    const char *t =
        "# invented\n"
        "VALDORIA_ [VAL]\n"
        "+VALDORIAN\n"
        "+REPUBLIC_OF_VALDORIA_\n"
        "AMARA_TOLL_   # a person\n"
        "+MINISTER TOLL\n"
        "    [VALELI 19900101-20031231]\n"
        "\t[VALGOV 040101 - 120630]\n"
        "    [VALOPP >20120701]\n"
        "    [VALELI]\n"
        "KESTRIAN_NAVY [KESMIL 850101-991231] [KESNAV >20000101]\n"
        "ONDO\n"
        "  [ONO < 911226]\n"
        "LORIEN [ELR/GAL]\n"
        "lower case [low]\n"
        "ZEBRA_LAST [ZZZ]"; /* last record, no final newline */
    assert_int_equal(load_actors(&d, t), 0);
    assert_string_equal(actor_at(&d, "VALDORIA", 20200101), "VAL");
    assert_string_equal(actor_at(&d, "VALDORIAN", 20200101), "VAL");
    assert_string_equal(actor_at(&d, "REPUBLIC OF VALDORIA", 1), "VAL");
    /* both interval ends inclusive, first match wins */
    assert_string_equal(actor_at(&d, "AMARA TOLL", 19900101), "VALELI");
    assert_string_equal(actor_at(&d, "AMARA TOLL", 20031231), "VALELI");
    assert_string_equal(actor_at(&d, "MINISTER TOLL", 20040101), "VALGOV");
    assert_string_equal(actor_at(&d, "MINISTER TOLL", 20120630), "VALGOV");
    assert_string_equal(actor_at(&d, "AMARA TOLL", 20120701), "VALOPP");
    /* no restriction matches: the unrestricted default */
    assert_string_equal(actor_at(&d, "AMARA TOLL", 19800101), "VALELI");
    /* several groups on one line; YYMMDD 85 -> 1985, 00-30 -> 20xx */
    assert_string_equal(actor_at(&d, "KESTRIAN NAVY", 19850101), "KESMIL");
    assert_string_equal(actor_at(&d, "KESTRIAN NAVY", 20000101), "KESNAV");
    assert_null(actor_at(&d, "KESTRIAN NAVY", 19991231 + 1));
    /* "<D" is date <= D; nothing else: NULL */
    assert_string_equal(actor_at(&d, "ONDO", 19911226), "ONO");
    assert_null(actor_at(&d, "ONDO", 19911227));
    assert_string_equal(actor_at(&d, "LORIEN", 1), "ELR/GAL");
    assert_string_equal(actor_at(&d, "LOWER CASE", 1), "low");
    assert_string_equal(actor_at(&d, "ZEBRA LAST", 1), "ZZZ");
    /* restriction lines keep their inclusive bounds and file order */
    uint32_t v = lookup(&d, &d.actors, "AMARA TOLL");
    const actor_entry *e = &d.actor_entries[v - 1];
    assert_int_equal(e->n, 4);
    assert_int_equal(d.actor_codes[e->first + 1].from, 20040101);
    assert_int_equal(d.actor_codes[e->first + 1].to, 20120630);
    assert_int_equal(d.actor_codes[e->first + 3].restricted, 0);
    assert_int_equal(e->line, 5);
    assert_string_equal(dict_str(&d, e->phrase), "AMARA TOLL");
    assert_int_equal(d.nactor_phrases, 10);
    dict_free(&d);
}

static void test_actor_repeat_appends(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    assert_int_equal(load_actors(&d, "OSTMARK [OST 20000101-20001231]\n"
                                     "+OSTMARKIAN\n"),
                     0);
    assert_int_equal(load_actors(&d, "OSTMARK [OSTGOV]\n"), 0);
    /* old restriction first, then the appended default */
    assert_string_equal(actor_at(&d, "OSTMARK", 20000601), "OST");
    assert_string_equal(actor_at(&d, "OSTMARK", 20050601), "OSTGOV");
    /* the synonym of the first record is not changed */
    assert_null(actor_at(&d, "OSTMARKIAN", 20050601));
    assert_int_equal(d.nfiles, 2);
    dict_free(&d);
}

static void test_actor_errors(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    assert_int_equal(load_actors(&d, "# x\n   [VAL]\nVALDORIA [VAL]\n"), -1);
    assert_string_equal(err, "a.txt:2: restriction line before any phrase");
    assert_int_equal(load_actors(&d, "VALDORIA [VAL 2001XX01-20020101]\n"),
                     -1);
    assert_true(strncmp(err, "a.txt:1: bad date", 17) == 0);
    assert_int_equal(load_actors(&d, "A [X]\n\n+B\n  [Y 9901]\n"), -1);
    assert_true(strncmp(err, "a.txt:4: bad date", 17) == 0);
    assert_int_equal(load_actors(&d, "+SYN\n"), -1);
    assert_string_equal(err, "a.txt:1: synonym before any phrase");
    dict_free(&d);
}

static void test_comment_lines(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    const char *t = "<!-- header -->\n"
                    "<!--\n"
                    "HIDDEN [NO]\n"
                    "-->\n"
                    "SHOWN [YES] <!-- inline --> [YES2]\n"
                    "CUT#HERE [NO]\n";
    assert_int_equal(load_actors(&d, t), 0);
    assert_int_equal(lookup(&d, &d.actors, "HIDDEN"), 0);
    uint32_t v = lookup(&d, &d.actors, "SHOWN");
    assert_true(v != 0);
    assert_int_equal(d.actor_entries[v - 1].n, 2);
    assert_int_equal(d.actor_entries[v - 1].line, 5);
    /* "CUT" has no code: stored, resolves to nothing */
    v = lookup(&d, &d.actors, "CUT");
    assert_true(v != 0);
    assert_null(dict_actor_code(&d, v - 1, 1));
    dict_free(&d);
}

/* ---- agents ------------------------------------------------------------- */

static const char *agent_code(const dict *d, const char *phrase) {
    uint32_t v = lookup(d, &d->agents, phrase);
    return v ? d->agent_entries[v - 1].code : NULL;
}

static void test_agents(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    const char *t =
        "!PERSON! = MAN, MEN , WOMAN\n"
        "DEPUTY_MAYOR [~GOV]\n"
        "SECRETARY [~GOV]\n"
        "BUS [~BUS]\n"
        "MILITIA {MILITIAS} [~UAF]\n"
        "HERDSMEN {} [~AGR]\n"
        "AID_CONVOY [IGO~]\n"
        "POLICE [ ~COP]\n"
        "CATTLE!PERSON! [~AGR]\n"
        "NOTE WITHOUT CODE\n"
        "BAD_CLOSE [~ENV}\n"
        "AFTER [~AFT]\n";
    assert_int_equal(load_agents(&d, t), 0);
    assert_string_equal(agent_code(&d, "DEPUTY MAYOR"), "~GOV");
    assert_string_equal(agent_code(&d, "DEPUTY MAYORS"), "~GOV");
    assert_string_equal(agent_code(&d, "SECRETARIES"), "~GOV");
    assert_string_equal(agent_code(&d, "BUSES"), "~BUS");
    assert_string_equal(agent_code(&d, "MILITIAS"), "~UAF");
    assert_null(agent_code(&d, "MILITIAES"));
    assert_string_equal(agent_code(&d, "HERDSMEN"), "~AGR");
    assert_null(agent_code(&d, "HERDSMENS"));
    assert_string_equal(agent_code(&d, "POLICE"), "~COP");
    assert_string_equal(agent_code(&d, "CATTLEMAN"), "~AGR");
    assert_string_equal(agent_code(&d, "CATTLEMEN"), "~AGR");
    assert_string_equal(agent_code(&d, "CATTLEWOMAN"), "~AGR");
    assert_null(agent_code(&d, "CATTLEMANS")); /* no plurals for sets */
    uint32_t v = lookup(&d, &d.agents, "AID CONVOY");
    assert_true(v && d.agent_entries[v - 1].prefix);
    assert_false(d.agent_entries[lookup(&d, &d.agents, "POLICE") - 1].prefix);
    /* the '}' line is skipped with a warning, loading goes on */
    assert_null(agent_code(&d, "BAD CLOSE"));
    assert_string_equal(agent_code(&d, "AFTER"), "~AFT");
    assert_int_equal(d.nwarnings, 2);
    assert_int_equal(load_agents(&d, "X [GOV]\n"), -1);
    assert_string_equal(err, "g.txt:1: agent code 'GOV' has no '~'");
    dict_free(&d);
}

/* ---- verbs, PETRARCH2 format -------------------------------------------- */

static const char *p2_verbs =
    "# invented verbs\n"
    "####### SYNONYM SETS #######\n"
    "&VEHICLE\n"
    "+TRUCK\n"
    "+ARMORED_CAR\n"
    "+CARGO_SHIP_\n"
    "+BUS\n"
    "+CASH_\n"
    "&ARMY\n"
    "+ARMY\n"
    "####### VERB PATTERNS #######\n"
    "---  REBUKE   [111]  ---\n"
    "REBUKE\n"
    "CHIDE {CHIDES CHIDED CHIDING}\n"
    "SCOLD [112]\n"
    "+TELL_OFF {+TELLS_OFF +TOLD_OFF +TELLING_OFF}\n"
    "DRESS_+DOWN\n"
    "HURRY\n"
    "FIX\n"
    "- * &VEHICLE [1121]  # comment\n"
    "- SOLDIER (WITH GUN) * {HARSH WORDS} (AGAINST {&ARMY BASE}) [113:114]\n"
    "- * ^ $ + % [115]\n"
    "- * [:116]\n"
    "<!-- a comment, not the end of patterns -->\n"
    "- * [---]\n"
    "- * LATE [117]\n"
    "---  MEET   [040:041]  ---\n"
    "MEET {MEETS MET MEETING}\n"
    "- * &NOSUCH [041]\n"
    "~ a (a b ATTACK) SAY = a b 015  # claim\n";

static const pattern *pat_at_line(const dict *d, uint32_t line) {
    for (uint32_t i = 0; i < d->npatterns; i++)
        if (d->patterns[i].line == line) return &d->patterns[i];
    return NULL;
}

static uint32_t wid(const dict *d, const char *w) {
    return vocab_find(&d->voc, w, strlen(w));
}

static const verb_form *form1(const dict *d, const char *w, uint32_t *n) {
    const uint32_t *ids;
    *n = dict_verb_forms(d, w, strlen(w), &ids);
    return *n ? &d->forms[ids[0]] : NULL;
}

static void test_p2_verb_forms(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    assert_int_equal(load_verbs(&d, p2_verbs, VF_AUTO), 0);
    dict_finish(&d);
    uint32_t n;
    const verb_form *f = form1(&d, "REBUKED", &n);
    assert_int_equal(n, 1);
    assert_int_equal(f->lemma, wid(&d, "REBUKE"));
    assert_string_equal(f->code, "111");
    assert_non_null(form1(&d, "REBUKES", &n));
    assert_non_null(form1(&d, "REBUKING", &n)); /* E rule */
    assert_non_null(form1(&d, "HURRIES", &n));
    assert_non_null(form1(&d, "HURRYED", &n)); /* a.3: no Y rule for past */
    assert_non_null(form1(&d, "FIXES", &n));
    /* irregular forms: nothing generated */
    assert_non_null(form1(&d, "CHIDED", &n));
    assert_null(form1(&d, "CHIDEING", &n));
    /* own code */
    f = form1(&d, "SCOLDED", &n);
    assert_string_equal(f->code, "112");
    /* multi-word verbs: particle and pre-word */
    f = form1(&d, "TOLD", &n);
    assert_int_equal(n, 1);
    assert_int_equal(f->npart, 1);
    assert_int_equal(d.pat_words[f->part], wid(&d, "OFF"));
    assert_int_equal(f->lemma, wid(&d, "TELL"));
    assert_null(form1(&d, "DRESSED", &n)); /* DOWN is the verb word */
    f = form1(&d, "DOWNED", &n); /* regular forms of the + word */
    assert_non_null(f);
    assert_int_equal(f->npre, 1);
    assert_int_equal(d.pat_words[f->pre], wid(&d, "DRESS"));
    /* block code "A:B" split into code and rcode */
    f = form1(&d, "MET", &n);
    assert_string_equal(f->code, "040");
    assert_string_equal(f->rcode, "041");
    assert_string_equal(d.blocks[f->block].rcode, "041");
    assert_string_equal(d.blocks[f->block].meaning, "MEET");
    assert_int_equal(d.ntransforms, 1);
    assert_string_equal(d.transforms[0].text,
                        "~ a (a b ATTACK) SAY = a b 015");
    dict_free(&d);
}

static void test_p2_synsets_and_patterns(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    assert_int_equal(load_verbs(&d, p2_verbs, VF_PETRARCH2), 0);
    /* synset members and plurals */
    assert_int_equal(d.nsynsets, 2);
    const synset *sy = &d.synsets[0];
    assert_string_equal(sy->name, "&VEHICLE");
    /* TRUCK TRUCKS ARMORED_CAR CARGO_SHIP BUS BUSES CASH */
    assert_int_equal(sy->n, 7);
    const word_run *r = &d.syn_phrases[sy->first + 1];
    assert_int_equal(r->n, 1);
    assert_int_equal(d.pat_words[r->first], wid(&d, "TRUCKS"));
    r = &d.syn_phrases[sy->first + 3];
    assert_int_equal(r->n, 2); /* CARGO SHIP, '_' stripped, no plural */
    assert_int_equal(d.pat_words[r->first + 1], wid(&d, "SHIP"));
    assert_int_equal(d.pat_words[d.syn_phrases[sy->first + 5].first],
                     wid(&d, "BUSES"));
    assert_int_equal(d.pat_words[d.syn_phrases[sy->first + 6].first],
                     wid(&d, "CASH"));

    /* block patterns in file order */
    const verb_block *b = &d.blocks[0];
    assert_int_equal(b->n, 6);
    const pattern *p = &d.patterns[b->first];
    assert_int_equal(p->line, 20);
    assert_string_equal(p->code, "1121");
    assert_int_equal(p->nupper, 0);
    assert_int_equal(p->nlower, 1);
    assert_int_equal(d.pat_elems[p->lower].kind, PE_SYN);
    assert_int_equal(d.pat_elems[p->lower].arg, 0);

    /* - SOLDIER (WITH GUN) * {HARSH WORDS} (AGAINST {&ARMY BASE}) [113:114] */
    p = pat_at_line(&d, 21);
    assert_string_equal(p->code, "113");
    assert_string_equal(p->rcode, "114");
    assert_int_equal(p->nupper, 4);
    const pat_elem *u = &d.pat_elems[p->upper];
    /* nearest the verb first, the PP group keeps its inner order */
    assert_int_equal(u[0].kind, PE_PREP);
    assert_int_equal(u[0].arg, wid(&d, "WITH"));
    assert_int_equal(u[1].kind, PE_NOUN);
    assert_int_equal(u[1].arg, wid(&d, "GUN"));
    assert_int_equal(u[2].kind, PE_PREP_END);
    assert_int_equal(u[3].kind, PE_NOUN);
    assert_int_equal(u[3].arg, wid(&d, "SOLDIER"));
    assert_int_equal(u[3].nmods, 0);
    assert_int_equal(p->nlower, 4);
    const pat_elem *l = &d.pat_elems[p->lower];
    assert_int_equal(l[0].kind, PE_NOUN);
    assert_int_equal(l[0].arg, wid(&d, "WORDS"));
    assert_int_equal(l[0].nmods, 1);
    assert_int_equal(d.pat_words[l[0].mods], wid(&d, "HARSH"));
    assert_int_equal(l[1].kind, PE_PREP);
    assert_int_equal(l[2].kind, PE_NOUN);
    assert_int_equal(l[2].arg, wid(&d, "BASE"));
    assert_int_equal(l[2].nmods, 1);
    assert_int_equal(d.pat_words[l[2].mods], PAT_MOD_SYN | 1u);
    assert_int_equal(l[3].kind, PE_PREP_END);
    for (int i = 0; i < 4; i++) assert_int_equal(l[i].adjacent, 0);

    /* ^ $ + % */
    p = pat_at_line(&d, 22);
    assert_int_equal(p->nlower, 4);
    l = &d.pat_elems[p->lower];
    assert_int_equal(l[0].kind, PE_SKIP);
    assert_int_equal(l[1].kind, PE_SOURCE);
    assert_int_equal(l[2].kind, PE_TARGET);
    assert_int_equal(l[3].kind, PE_COMPOUND);
    /* [:B] passive only; [---]; "<!" did not stop recording */
    p = pat_at_line(&d, 23);
    assert_string_equal(p->code, "");
    assert_string_equal(p->rcode, "116");
    assert_true(p->flags & PAT_PASSIVE_ONLY);
    p = pat_at_line(&d, 25);
    assert_string_equal(p->code, "---");
    assert_int_equal(p->nupper + p->nlower, 0);
    assert_non_null(pat_at_line(&d, 26));
    /* an undefined synset is a warning; the literal never matches */
    p = pat_at_line(&d, 29);
    assert_int_equal(d.pat_elems[p->lower].kind, PE_NOUN);
    assert_int_equal(d.nwarnings, 1);
    assert_true(strstr(d.warning, "v.txt:29:") == d.warning);
    dict_free(&d);
}

static void test_p2_errors(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    assert_int_equal(load_verbs(&d, "--- X [010] ---\nX\n- FOO [011]\n",
                                VF_PETRARCH2),
                     -1);
    assert_string_equal(err, "v.txt:3: pattern without '*'");
    assert_int_equal(load_verbs(&d, "--- X [010] ---\nX\n\n- * FOO\n",
                                VF_PETRARCH2),
                     -1);
    assert_string_equal(err, "v.txt:4: pattern without [code]");
    assert_int_equal(load_verbs(&d, "--- X [010] ---\n- * (FOO [011]\n",
                                VF_PETRARCH2),
                     -1);
    assert_string_equal(err, "v.txt:2: unbalanced '('");
    assert_int_equal(load_verbs(&d, "--- X ---\n", VF_PETRARCH2), -1);
    assert_string_equal(err, "v.txt:1: block header without [code]");
    assert_int_equal(load_verbs(&d, "JUMP\n", VF_PETRARCH2), -1);
    assert_string_equal(err, "v.txt:1: verb line before any block header");
    dict_free(&d);
}

/* ---- verbs, linear format ----------------------------------------------- */

static const char *lin_verbs =
    "<!-- invented validation-style verbs -->\n"
    "&TIES_\n"
    "+TRADE\n"
    "+CULTURAL LINKS\n"
    "&MONEY\n"
    "+PENNY\n"
    "+&TIES\n"
    "\n"
    "--- BREAK [171] ---\n"
    "BREAK { BROKE BROKEN }\n"
    "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\n"
    "WIRE_+TAP {WIRE_+TAPPED}\n"
    "KLM_NOP_+RST [002]\n"
    "- FAILED_TO_*  [111]\n"
    "- SAID * TO ATTEND  [082]  # comment\n"
    "- IN_ * [075]\n"
    "- + KNOWN_ * IN_ $  [076]\n"
    "- * NEW_&TIES_DEALS [903]\n"
    "- * {ALT} [999]\n"
    "- % * ^ [030:031]\n"
    "- * &UNDEFINED [998]\n"
    "--- DELAY [120]  [031:031]  ---\n"
    "DELAY\n"
    "DOWNPLAY [014]\n"
    "AGREE\n";

static void test_linear_verbs(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    assert_int_equal(load_verbs(&d, lin_verbs, VF_AUTO), 0);
    dict_finish(&d);
    /* synsets: label '_' = no plurals, nested synset members copied */
    assert_int_equal(d.synsets[0].n, 2);
    assert_string_equal(d.synsets[0].name, "&TIES");
    assert_int_equal(d.synsets[1].n, 4); /* PENNY PENNIES TRADE CULT.LINKS */
    /* multi-word forms first */
    uint32_t n;
    const uint32_t *ids;
    n = dict_verb_forms(&d, "BROKE", 5, &ids);
    assert_int_equal(n, 2);
    assert_int_equal(d.forms[ids[0]].npart, 1);
    assert_int_equal(d.forms[ids[1]].npart, 0);
    const verb_form *f = form1(&d, "TAPPED", &n);
    assert_int_equal(f->npre, 1);
    assert_int_equal(d.pat_words[f->pre], wid(&d, "WIRE"));
    f = form1(&d, "RST", &n);
    assert_int_equal(f->npre, 2);
    assert_string_equal(f->code, "002");
    f = form1(&d, "RSTED", &n); /* regular forms of the + word */
    assert_non_null(f);
    f = form1(&d, "DOWNPLAY", &n);
    assert_string_equal(f->code, "014");
    assert_string_equal(f->rcode, "");
    f = form1(&d, "DELAYED", &n);
    assert_string_equal(f->code, "120"); /* first header code */
    assert_non_null(form1(&d, "DELAYS", &n));
    assert_non_null(form1(&d, "AGREING", &n)); /* a' E rule */

    const pattern *p = pat_at_line(&d, 14); /* FAILED_TO_* */
    assert_true(p->flags & PAT_LINEAR);
    assert_int_equal(p->nupper, 2);
    const pat_elem *u = &d.pat_elems[p->upper];
    assert_int_equal(u[0].kind, PE_WORD);
    assert_int_equal(u[0].arg, wid(&d, "TO"));
    assert_int_equal(u[0].adjacent, 1);
    assert_int_equal(u[1].arg, wid(&d, "FAILED"));
    assert_int_equal(u[1].adjacent, 1);
    p = pat_at_line(&d, 15); /* SAID * TO ATTEND */
    assert_int_equal(p->nupper, 1);
    assert_int_equal(d.pat_elems[p->upper].adjacent, 0);
    assert_int_equal(p->nlower, 2);
    const pat_elem *l = &d.pat_elems[p->lower];
    assert_int_equal(l[0].arg, wid(&d, "TO"));
    assert_int_equal(l[0].adjacent, 0);
    assert_int_equal(l[1].arg, wid(&d, "ATTEND"));
    assert_int_equal(l[1].adjacent, 0);
    p = pat_at_line(&d, 16); /* "IN_ *" reads as "IN *" */
    assert_int_equal(d.pat_elems[p->upper].adjacent, 0);
    p = pat_at_line(&d, 17); /* + KNOWN_ * IN_ $ */
    u = &d.pat_elems[p->upper];
    assert_int_equal(p->nupper, 2);
    assert_int_equal(u[0].arg, wid(&d, "KNOWN"));
    assert_int_equal(u[0].adjacent, 0);
    assert_int_equal(u[1].kind, PE_TARGET);
    l = &d.pat_elems[p->lower];
    assert_int_equal(p->nlower, 2);
    assert_int_equal(l[1].kind, PE_SOURCE);
    assert_int_equal(l[1].adjacent, 0);
    p = pat_at_line(&d, 18); /* * NEW_&TIES_DEALS */
    l = &d.pat_elems[p->lower];
    assert_int_equal(p->nlower, 3);
    assert_int_equal(l[0].adjacent, 0);
    assert_int_equal(l[1].kind, PE_SYN);
    assert_int_equal(l[1].arg, 0);
    assert_int_equal(l[1].adjacent, 1);
    assert_int_equal(l[2].adjacent, 1);
    assert_null(pat_at_line(&d, 19)); /* '{' skipped */
    assert_int_equal(d.nskipped_patterns, 1);
    p = pat_at_line(&d, 20);
    assert_string_equal(p->code, "030");
    assert_string_equal(p->rcode, "031");
    assert_int_equal(d.pat_elems[p->upper].kind, PE_COMPOUND);
    assert_int_equal(d.pat_elems[p->lower].kind, PE_SKIP);
    assert_null(pat_at_line(&d, 21)); /* undefined synset: dropped */
    assert_int_equal(d.blocks[0].n, 6);
    dict_free(&d);
}

/* Issue 14: a verb form made only of '+' and '_' has no word; the readers
 * used to take it for a form of 0 words and copy 2^32 pattern words. */
static void test_verb_form_without_word(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    assert_int_equal(load_verbs(&d, "--- X [010] ---\nX {+}\n- * FOO [011]\n",
                                VF_PETRARCH2),
                     -1);
    assert_string_equal(err, "v.txt:2: verb form without a word: '+'");
    assert_int_equal(load_verbs(&d, "--- X [010] ---\nX {XES _+_ XED}\n",
                                VF_PETRARCH2),
                     -1);
    assert_string_equal(err, "v.txt:2: verb form without a word: '_+_'");
    assert_int_equal(load_verbs(&d, "--- X [010] ---\n_ {XES}\n",
                                VF_PETRARCH2),
                     -1);
    assert_string_equal(err, "v.txt:2: verb form without a word: '_'");
    assert_int_equal(load_verbs(&d, "<!-- x -->\n--- A [010] ---\n+\n",
                                VF_AUTO),
                     -1);
    assert_string_equal(err, "v.txt:3: verb form without a word: '+'");
    assert_int_equal(load_verbs(&d, "<!-- x -->\n--- A [010] ---\n+_+ [011]\n"
                                    "- * FOO [012]\n",
                                VF_AUTO),
                     -1);
    assert_string_equal(err, "v.txt:3: verb form without a word: '+_+'");
    dict_free(&d);
}

static void test_linear_errors(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    assert_int_equal(load_verbs(&d, "<!-- x -->\n--- A [010] ---\nA\n"
                                    "- SAID [011]\n",
                                VF_AUTO),
                     -1);
    assert_string_equal(err, "v.txt:4: pattern without '*'");
    assert_int_equal(load_verbs(&d, "--- A [010] ---\n- * X * Y [011]\n",
                                VF_LINEAR),
                     -1);
    assert_string_equal(err, "v.txt:2: more than one '*'");
    dict_free(&d);
}

/* ---- discards and issues ------------------------------------------------ */

static void test_discards(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    const char *t = "# discards\nCHESS OLYMPIAD\n+CELEBRITY GOSSIP\n"
                    "1917\nGROUP A_\n";
    assert_int_equal(dict_load_discards(&d, "d.txt", t, strlen(t), err,
                                        sizeof err),
                     0);
    assert_int_equal(d.ndiscards, 4);
    uint32_t which = 99;
    const char *s1[] = {"THE", "WORLD", "CHESS", "OLYMPIADS"};
    assert_int_equal(dict_discard_match(&d, s1, 4, &which), 1);
    assert_int_equal(which, 0);
    const char *s2[] = {"CHESS", "OLYMPIAD", "AND", "CELEBRITY", "GOSSIP"};
    assert_int_equal(dict_discard_match(&d, s2, 5, &which), 2);
    assert_int_equal(which, 1);
    const char *s3[] = {"IN", "1917S"}; /* prefix match */
    assert_int_equal(dict_discard_match(&d, s3, 2, &which), 1);
    const char *s4[] = {"GROUP", "AB"}; /* exact: no */
    assert_int_equal(dict_discard_match(&d, s4, 2, &which), 0);
    const char *s5[] = {"GROUP", "A"};
    assert_int_equal(dict_discard_match(&d, s5, 2, &which), 1);
    const char *s6[] = {"CHESS"};
    assert_int_equal(dict_discard_match(&d, s6, 1, &which), 0);
    dict_free(&d);
}

static uint32_t ws_ids(const dict *d, const char *text, uint32_t *w) {
    char buf[512];
    uint32_t n = 0;
    snprintf(buf, sizeof buf, "%s", text);
    for (char *wd = strtok(buf, " "); wd; wd = strtok(NULL, " "))
        w[n++] = vocab_find(&d->voc, wd, strlen(wd));
    return n;
}

static void test_issues(void **state) {
    (void)state;
    dict d;
    dict_init(&d, NULL);
    const char *t = "<ISSUE CATEGORY=\"WATER\" TYPE=\"ALL\">\n"
                    "n:reservoir [WATER_SUPPLY]\n"
                    "n:city water [WATER_SUPPLY]\n"
                    "v:irrigate [FARMING]\n"
                    "water+borne n:disease [WATERBORNE]\n"
                    "n:city [CITIES]\n"
                    "~holy water\n"
                    "</ISSUE>\n";
    assert_int_equal(dict_load_issues(&d, "i.txt", t, strlen(t), err,
                                      sizeof err),
                     0);
    uint32_t w[64];
    char out[256];
    uint32_t n = ws_ids(&d, "RESERVOIRS AND CITIES WATER NEAR A CITY", w);
    /* longest at each position: CITIES WATER is one WATER_SUPPLY match */
    assert_int_equal(dict_issues_text(&d, w, n, out, sizeof out, NULL), 2);
    assert_string_equal(out, "WATER_SUPPLY,2;CITIES,1");
    n = ws_ids(&d, "THEY IRRIGATED AND IRRIGATING WATER-BORNE DISEASES", w);
    assert_int_equal(dict_issues_text(&d, w, n, out, sizeof out, NULL), 2);
    assert_string_equal(out, "FARMING,2;WATERBORNE,1");
    n = ws_ids(&d, "WATER BORNE DISEASE", w);
    assert_int_equal(dict_issues_text(&d, w, n, out, sizeof out, NULL), 1);
    n = ws_ids(&d, "RESERVOIR OF HOLY WATER", w);
    assert_int_equal(dict_issues_text(&d, w, n, out, sizeof out, NULL), 0);
    assert_string_equal(out, "");
    dict_free(&d);
}

/* ---- the real dictionaries ---------------------------------------------- */

static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long k = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)k + 1);
    *n = fread(b, 1, (size_t)k, f);
    b[*n] = '\0';
    fclose(f);
    return b;
}

static void test_real_files(void **state) {
    (void)state;
    const char *dir = "../shared/dictionaries/phoenix/";
    const char *names[] = {"CAMEO.2.0.txt", "Phoenix.Countries.actors.txt",
                           "Phoenix.International.actors.txt",
                           "Phoenix.MilNonState.actors.txt",
                           "Phoenix.agents.txt", "Phoenix.discards.txt",
                           "Phoenix.IssueCoding.txt"};
    char *text[7];
    size_t len[7];
    char path[256];
    for (int i = 0; i < 7; i++) {
        snprintf(path, sizeof path, "%s%s", dir, names[i]);
        text[i] = slurp(path, &len[i]);
        if (!text[i]) {
            for (int k = 0; k < i; k++) free(text[k]);
            skip();
        }
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dict d;
    dict_init(&d, NULL);
    assert_int_equal(dict_load_verbs(&d, names[0], text[0], len[0], VF_AUTO,
                                     err, sizeof err),
                     0);
    for (int i = 1; i <= 3; i++)
        assert_int_equal(dict_load_actors(&d, names[i], text[i], len[i], err,
                                          sizeof err),
                         0);
    assert_int_equal(dict_load_agents(&d, names[4], text[4], len[4], err,
                                      sizeof err),
                     0);
    assert_int_equal(dict_load_discards(&d, names[5], text[5], len[5], err,
                                        sizeof err),
                     0);
    assert_int_equal(dict_load_issues(&d, names[6], text[6], len[6], err,
                                      sizeof err),
                     0);
    dict_finish(&d);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    print_message("phoenix: %u actor phrases, %u agent phrases, %u verb "
                  "forms, %u patterns, %u warnings, %.1f ms\n",
                  d.nactor_phrases, d.nagent_phrases, d.nforms, d.npatterns,
                  d.nwarnings,
                  (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
                      (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    assert_true(d.nactor_phrases > 10000);
    assert_true(d.nagent_phrases > 1000);
    assert_true(d.nforms > 1000);
    assert_true(d.npatterns > 4000);
    assert_int_equal(d.ntransforms, 8);
    assert_true(d.ndiscards > 100);
    assert_true(d.nissue_phrases > 1000);
    uint32_t n;
    assert_non_null(form1(&d, "ACCELERATED", &n));
    dict_free(&d);
    for (int i = 0; i < 7; i++) free(text[i]);

    /* the validation dictionaries */
    const char *vdir = "../shared/conformance/petrarch2/";
    const char *vn[] = {"PETR.Validate.verbs.txt", "PETR.Validate.actors.txt",
                        "PETR.Validate.agents.txt",
                        "PETR.Validate.discards.txt"};
    dict_init(&d, NULL);
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s%s", vdir, vn[i]);
        size_t l;
        char *tx = slurp(path, &l);
        assert_non_null(tx);
        int rc = i == 0   ? dict_load_verbs(&d, vn[i], tx, l, VF_AUTO, err,
                                            sizeof err)
                 : i == 1 ? dict_load_actors(&d, vn[i], tx, l, err, sizeof err)
                 : i == 2 ? dict_load_agents(&d, vn[i], tx, l, err, sizeof err)
                          : dict_load_discards(&d, vn[i], tx, l, err,
                                               sizeof err);
        if (rc) print_message("%s\n", err);
        assert_int_equal(rc, 0);
        free(tx);
    }
    dict_finish(&d);
    assert_true(d.patterns[0].flags & PAT_LINEAR);
    assert_string_equal(actor_at(&d, "GOLLUM", 19950601), "HOB");
    assert_string_equal(actor_at(&d, "SMEAGOL", 19950602), "HOBGOV");
    assert_string_equal(actor_at(&d, "SMEAGOL", 19990816), "HOBREB");
    dict_free(&d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actor_dates_and_synonyms),
        cmocka_unit_test(test_actor_repeat_appends),
        cmocka_unit_test(test_actor_errors),
        cmocka_unit_test(test_comment_lines),
        cmocka_unit_test(test_agents),
        cmocka_unit_test(test_p2_verb_forms),
        cmocka_unit_test(test_p2_synsets_and_patterns),
        cmocka_unit_test(test_p2_errors),
        cmocka_unit_test(test_linear_verbs),
        cmocka_unit_test(test_linear_errors),
        cmocka_unit_test(test_verb_form_without_word),
        cmocka_unit_test(test_discards),
        cmocka_unit_test(test_issues),
        cmocka_unit_test(test_real_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
