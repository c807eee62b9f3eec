/* test_gazetteer.c -- the compiled-in gazetteer (src/geo/gazetteer.h): real
 * places from GeoNames, looked up by name, by word sequence and by longest
 * match, the ambiguity flags, the tables' size and consistency, and the
 * handle's allocation through the engine's mem. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api/engine.h"
#include "geo/gazetteer.h"
#include "text/lexicon.h"
#include "util/mem.h"
#include "util/strmap.h"

static int setup(void **state) {
    gaz *g = gaz_new(NULL);
    if (!g) return -1;
    *state = g;
    return 0;
}

static int teardown(void **state) {
    gaz_free(*state);
    return 0;
}

/* The place of candidate i of name (which must be known). */
static gaz_place cand(const gaz *g, const char *name, uint32_t i) {
    gaz_name nm;
    gaz_place p;
    memset(&p, 0, sizeof p);
    if (!gaz_lookup(g, name, strlen(name), &nm)) fail_msg("%s unknown", name);
    if (i >= nm.n) fail_msg("%s has %u candidates", name, (unsigned)nm.n);
    assert_true(gaz_place_get(g, gaz_candidate(&nm, i), &p));
    return p;
}

static unsigned flags_of(const gaz *g, const char *name) {
    gaz_name nm;
    if (!gaz_lookup(g, name, strlen(name), &nm)) fail_msg("%s unknown", name);
    return nm.flags;
}

static void test_cities(void **state) {
    const gaz *g = *state;
    gaz_place p = cand(g, "BUCHA", 0);
    assert_string_equal(p.country, "UKR");
    assert_int_equal(p.level, GAZ_CITY);
    assert_string_equal(p.name, "Bucha");
    assert_string_equal(p.admin1_name, "Kiev"); /* Kyiv oblast */
    assert_true(p.has_coord);
    assert_true(p.lat > 50.5 && p.lat < 50.6 && p.lon > 30.2 && p.lon < 30.3);

    p = cand(g, "KARACHI", 0);
    assert_string_equal(p.country, "PAK");
    assert_int_equal(p.id, 1174872);
    assert_true(p.population > 10000000);
    assert_string_equal(p.country_name, "Pakistan");
    assert_int_equal(p.fclass, 'P');
    assert_string_equal(p.fcode, "PPLA");
}

static void test_spellings_same_place(void **state) {
    const gaz *g = *state;
    /* GeoNames' primary name is "Kiev"; "Kyiv" is one of its alternates */
    gaz_place kiev = cand(g, "KIEV", 0), kyiv = cand(g, "KYIV", 0);
    assert_int_equal(kiev.id, 703448);
    assert_int_equal(kyiv.id, kiev.id);
    assert_string_equal(kyiv.country, "UKR");
    assert_string_equal(kyiv.fcode, "PPLC");
    /* Latin alternate spellings with diacritics, as they are written */
    assert_int_equal(cand(g, "KIJÓW", 0).id, 703448);
    assert_int_equal(cand(g, "KYJIW", 0).id, 703448);
    assert_int_equal(cand(g, "MÜNCHEN", 0).id, cand(g, "MUNICH", 0).id);
    /* scripts other than Latin, lower-case romanisations and airport
     * codes are not names */
    gaz_name nm;
    assert_false(gaz_lookup(g, "КИЇВ", strlen("КИЇВ"), &nm));
    assert_false(gaz_lookup(g, "KHEIYF", 6, &nm));
    assert_false(gaz_lookup(g, "IEV", 3, &nm));
}

static void test_hodeidah(void **state) {
    const gaz *g = *state;
    /* the city and its governorate ("Muhafazat al Hudaydah") */
    gaz_name nm;
    assert_true(gaz_lookup(g, "AL HUDAYDAH", 11, &nm));
    int city = 0;
    for (uint32_t i = 0; i < nm.n; i++) {
        gaz_place p;
        assert_true(gaz_place_get(g, gaz_candidate(&nm, i), &p));
        assert_string_equal(p.country, "YEM");
        city |= p.id == 79415;
    }
    assert_true(city);
    /* "El-Hodeidah" less its article, as news agencies write it */
    gaz_place p = cand(g, "HODEIDAH", 0);
    assert_int_equal(p.id, 79415);
    assert_string_equal(p.country, "YEM");
    assert_string_equal(cand(g, "HUDAYDAH", 0).country, "YEM");
}

static void test_tripoli_several_countries(void **state) {
    const gaz *g = *state;
    gaz_name nm;
    assert_true(gaz_lookup(g, "TRIPOLI", 7, &nm));
    assert_true(nm.flags & GAZ_COUNTRIES);
    assert_false(nm.flags & GAZ_ENGLISH);
    gaz_place first, p;
    assert_true(gaz_place_get(g, gaz_candidate(&nm, 0), &first));
    assert_string_equal(first.country, "LBY");
    int lbn = 0;
    uint64_t last = first.population;
    for (uint32_t i = 1; i < nm.n; i++) {
        assert_true(gaz_place_get(g, gaz_candidate(&nm, i), &p));
        assert_true(p.population <= last); /* most populous first */
        last = p.population;
        lbn |= !strcmp(p.country, "LBN");
    }
    assert_true(lbn);

    /* the countries, each with its largest Tripoli */
    gaz_country_pop cp[8];
    size_t nc = gaz_name_countries(g, &nm, cp, 8);
    assert_true(nc >= 2 && nc <= 8);
    assert_int_equal(cp[0].country, gaz_country(g, "LBY"));
    assert_int_equal(cp[0].population, first.population);
    int found = 0;
    for (size_t i = 1; i < nc; i++) {
        assert_true(cp[i].population <= cp[i - 1].population);
        found |= cp[i].country == gaz_country(g, "LBN");
    }
    assert_true(found);
    /* too small a buffer: the count is still the number of countries */
    assert_int_equal(gaz_name_countries(g, &nm, cp, 1), nc);

    /* preferring a country of the document */
    uint32_t lebanon = gaz_country(g, "LBN"), none = gaz_country(g, "FRA");
    assert_true(gaz_place_get(g, gaz_best(g, &nm, &lebanon, 1), &p));
    assert_string_equal(p.country, "LBN");
    uint32_t pref[2] = {none, lebanon};
    assert_true(gaz_place_get(g, gaz_best(g, &nm, pref, 2), &p));
    assert_string_equal(p.country, "LBN");
    assert_true(gaz_place_get(g, gaz_best(g, &nm, &none, 1), &p));
    assert_string_equal(p.country, "LBY");
    assert_int_equal(gaz_best(g, &nm, NULL, 0), gaz_candidate(&nm, 0));

    /* one country only */
    assert_false(flags_of(g, "KARACHI") & GAZ_COUNTRIES);
}

static void test_english_words(void **state) {
    const gaz *g = *state;
    assert_true(flags_of(g, "SPLIT") & GAZ_ENGLISH);
    assert_string_equal(cand(g, "SPLIT", 0).country, "HRV");
    assert_true(flags_of(g, "MOBILE") & GAZ_ENGLISH);
    assert_true(flags_of(g, "READING") & GAZ_ENGLISH);
    assert_true(flags_of(g, "NICE") & GAZ_ENGLISH);
    assert_true(flags_of(g, "BATH") & GAZ_ENGLISH);
    /* names that WordNet knows mostly as names */
    assert_false(flags_of(g, "VICTORIA") & GAZ_ENGLISH);
    assert_false(flags_of(g, "PARIS") & GAZ_ENGLISH);
    assert_false(flags_of(g, "KARACHI") & GAZ_ENGLISH);
    assert_true(flags_of(g, "VICTORIA") & GAZ_COUNTRIES);
}

static void test_multiword_and_longest(void **state) {
    const gaz *g = *state;
    gaz_name nm;
    /* a sentence's token norms, looked up from the token at each place */
    const char *w[] = {"FIGHTING", "NEAR", "RIO", "DE", "JANEIRO", "AND",
                       "IN", "SAN", "JOSE", "'S", "OUTSKIRTS"};
    size_t n = sizeof w / sizeof w[0];
    assert_int_equal(gaz_longest(g, w, NULL, n, &nm), 0);
    assert_int_equal(gaz_longest(g, w + 1, NULL, n - 1, &nm), 0);
    assert_int_equal(gaz_longest(g, w + 2, NULL, n - 2, &nm), 3);
    assert_string_equal(nm.key, "RIO DE JANEIRO");
    gaz_place p;
    assert_true(gaz_place_get(g, gaz_candidate(&nm, 0), &p));
    assert_string_equal(p.country, "BRA");
    /* "SAN" is the start of longer names (and a name itself) */
    assert_int_equal(gaz_longest(g, w + 7, NULL, n - 7, &nm), 2);
    assert_string_equal(nm.key, "SAN JOSE");
    assert_true(nm.n > 1);
    assert_true(nm.flags & GAZ_COUNTRIES);
    size_t lens[] = {3, 2, 7};
    const char *w2[] = {"RIOXX", "DEXX", "JANEIROXX"}; /* lengths given */
    assert_int_equal(gaz_longest(g, w2, lens, 3, &nm), 3);
    assert_string_equal(nm.key, "RIO DE JANEIRO");
    assert_true(gaz_lookup_words(g, w + 2, NULL, 3, &nm));
    assert_string_equal(nm.key, "RIO DE JANEIRO");
    assert_false(gaz_lookup_words(g, w + 2, NULL, 2, &nm)); /* "RIO DE" */
    assert_false(gaz_lookup(g, "RIO DE", 6, &nm));
    assert_true(gaz_lookup(g, "RIO DE JANEIRO", 14, &nm));

    /* hyphens and apostrophes are kept inside words, as tokens have them;
     * the name without its ayn marks is there too */
    assert_true(gaz_lookup(g, "IVANO-FRANKIVSK", 15, &nm));
    assert_true(gaz_lookup(g, "SANAA", 5, &nm));
    assert_true(gaz_place_get(g, gaz_candidate(&nm, 0), &p));
    assert_string_equal(p.country, "YEM");

    /* empty and absent input */
    assert_int_equal(gaz_longest(g, w, NULL, 0, &nm), 0);
    assert_false(gaz_lookup(g, "", 0, &nm));
    assert_false(gaz_lookup(g, "OSGILIATH", 9, &nm));
    const char *empty[] = {""};
    assert_int_equal(gaz_longest(g, empty, NULL, 1, &nm), 0);
}

static void test_countries_and_regions(void **state) {
    const gaz *g = *state;
    gaz_place p = cand(g, "YEMEN", 0);
    assert_int_equal(p.level, GAZ_COUNTRY);
    assert_string_equal(p.country, "YEM");
    assert_string_equal(p.fcode, "PCL");
    assert_true(p.has_coord); /* its capital's */
    assert_true(p.lat > 15 && p.lat < 16 && p.lon > 44 && p.lon < 45);
    assert_string_equal(cand(g, "KOSOVO", 0).country, "KSV");
    assert_string_equal(cand(g, "TAIWAN", 0).country, "TWN");
    assert_string_equal(cand(g, "PALESTINIAN TERRITORY", 0).country, "PSE");
    /* Georgia the country outnumbers Georgia the state */
    assert_string_equal(cand(g, "GEORGIA", 0).country, "GEO");
    assert_int_equal(cand(g, "GEORGIA", 0).level, GAZ_COUNTRY);
    assert_int_not_equal(gaz_country(g, "UKR"), GAZ_NONE);
    assert_int_equal(gaz_country(g, "XXX"), GAZ_NONE);
    assert_int_equal(gaz_country(g, "UK"), GAZ_NONE);

    /* a region: "Anhui Sheng" gives "Anhui" */
    p = cand(g, "ANHUI", 0);
    assert_int_equal(p.level, GAZ_ADMIN1);
    assert_string_equal(p.country, "CHN");
    assert_string_equal(p.fcode, "ADM1");
    assert_true(p.population > 1000000);
    assert_true(p.has_coord);
    /* a city's region */
    p = cand(g, "KARACHI", 0);
    assert_int_not_equal(p.admin1_place, GAZ_NONE);
    gaz_place r;
    assert_true(gaz_place_get(g, p.admin1_place, &r));
    assert_int_equal(r.level, GAZ_ADMIN1);
    assert_string_equal(r.name, p.admin1_name);
    assert_string_equal(r.admin1_code, p.admin1_code);
    assert_false(gaz_place_get(g, (uint32_t)gaz_places(g), &r));
}

/* Every entry of the index: decodable, in its bucket, sorted candidates,
 * upper-case keys; the tables' size. */
static void test_tables(void **state) {
    const gaz *g = *state;
    size_t places = gaz_places(g), names = gaz_names(g);
    size_t bytes = gaz_table_bytes(g);
    printf("gazetteer: %zu places, %zu names, %zu bytes\n", places, names,
           bytes);
    assert_true(places > 25000 && places < 65536);
    assert_true(names > 90000);
    assert_true(bytes < 4u << 20); /* under 4 MB */
    lexicon *lx = lex_new(NULL);
    assert_non_null(lx);
    size_t nb = (size_t)1 << GAZ_GEN_BUCKET_BITS, entries = 0, named = 0;
    assert_int_equal(gaz_gen_dir[0], 0);
    assert_int_equal(gaz_gen_dir[nb], gaz_gen_index_size);
    for (size_t b = 0; b < nb; b++) {
        const char *p = gaz_gen_index + gaz_gen_dir[b];
        const char *end = gaz_gen_index + gaz_gen_dir[b + 1];
        while (p < end) {
            size_t l = (unsigned char)*p++;
            assert_int_equal(strlen(p), l);
            assert_int_equal(strmap_hash(p, l) >> (32 - GAZ_GEN_BUCKET_BITS),
                             b);
            for (size_t i = 0; i < l; i++)
                assert_false(p[i] >= 'a' && p[i] <= 'z');
            gaz_name nm;
            if (gaz_lookup(g, p, l, &nm)) {
                named++;
                assert_ptr_equal(nm.key, p);
                uint32_t prev = gaz_candidate(&nm, 0);
                for (uint32_t i = 1; i < nm.n; i++) {
                    uint32_t c = gaz_candidate(&nm, i);
                    assert_true(c < places);
                    assert_true(gaz_gen_places[c].population <=
                                gaz_gen_places[prev].population);
                    prev = c;
                }
                /* the English-word flag agrees with the lexicon: a
                 * flagged name is a word (or a form of one); a one-word
                 * name that the tagged corpus uses as a verb or an
                 * adjective, or a closed-class word, is flagged */
                lex_entry e;
                int form, known = !strchr(p, ' ') && lex_lookup(lx, p, l, &e);
                if (nm.flags & GAZ_ENGLISH)
                    assert_true(known || lex_noun_lemma(lx, p, l) ||
                                lex_verb_lemma(lx, p, l, &form) ||
                                lex_adj_lemma(lx, p, l, &form));
                if (known && ((e.flags & LEX_CLOSED) ||
                              ((e.flags & LEX_VERB) && e.hint[LEX_HV]) ||
                              ((e.flags & LEX_ADJ) && e.hint[LEX_HA])))
                    assert_true(nm.flags & GAZ_ENGLISH);
                p = (const char *)nm.cand_ + 2 * (size_t)nm.n;
            } else {
                /* no candidates: only there as the start of longer names */
                const unsigned char *q = (const unsigned char *)p + l + 1;
                assert_true(q[0] & GAZ_LONGER);
                assert_int_equal(q[1], 0);
                p = (const char *)q + 2;
            }
            entries++;
        }
        assert_ptr_equal(p, end);
    }
    assert_int_equal(entries, gaz_gen_nentries);
    assert_int_equal(named, names);
    lex_free(lx);
}

/* An allocator that fails. */
static void *no_alloc(void *ud, size_t n) {
    (void)ud;
    (void)n;
    return NULL;
}

static void test_allocation(void **state) {
    (void)state;
    dyad_allocator al = {no_alloc, NULL, NULL, NULL};
    mem m;
    mem_init(&m, &al);
    assert_null(gaz_new(&m)); /* no unwind point: NULL */
    jmp_buf jb;
    m.oom = &jb;
    volatile int unwound = 0;
    if (setjmp(jb) == 0) {
        gaz *g = gaz_new(&m);
        (void)g;
        fail_msg("gaz_new returned under an unwind point");
    } else {
        unwound = 1;
    }
    assert_true(unwound);

    /* the engine owns one */
    dyad_engine *e = NULL;
    assert_int_equal(dyad_engine_new(NULL, &e, NULL), DYAD_OK);
    assert_non_null(e->gaz);
    gaz_name nm;
    assert_true(gaz_lookup(e->gaz, "KYIV", 4, &nm));
    dyad_engine_free(e);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cities),
        cmocka_unit_test(test_spellings_same_place),
        cmocka_unit_test(test_hodeidah),
        cmocka_unit_test(test_tripoli_several_countries),
        cmocka_unit_test(test_english_words),
        cmocka_unit_test(test_multiword_and_longest),
        cmocka_unit_test(test_countries_and_regions),
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_allocation),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
