/* test_core.c -- the small shared modules: the arena, the word-id trie and
 * the composable CAMEO code arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/arena.h"
#include "code/cameo_hex.h"
#include "util/ptrie.h"

static void test_arena_alignment_and_reset(void **state) {
    (void)state;
    arena a;
    arena_init(&a, 1024, NULL);
    char *p = arena_alloc(&a, 3);
    char *q = arena_alloc(&a, 5);
    assert_int_equal((uintptr_t)p % 16, 0);
    assert_int_equal((uintptr_t)q % 16, 0);
    assert_true(q >= p + 3);
    /* a request larger than a block gets its own block */
    char *big = arena_alloc(&a, 100000);
    memset(big, 'x', 100000);
    assert_string_equal(arena_printf(&a, "%s-%d", "VAL", 42), "VAL-42");
    assert_string_equal(arena_strndup(&a, "KESTRIA", 3), "KES");
    arena_reset(&a);
    assert_int_equal(a.used_total, 0);
    char *r = arena_zalloc(&a, 64);
    for (int i = 0; i < 64; i++) assert_int_equal(r[i], 0);
    arena_free(&a);
}

static void test_arena_grow_macro(void **state) {
    (void)state;
    arena a;
    arena_init(&a, 256, NULL);
    int *v = NULL;
    uint32_t n = 0, cap = 0;
    for (int i = 0; i < 1000; i++) {
        ARENA_GROW(&a, v, n, cap);
        v[n++] = i;
    }
    assert_int_equal(n, 1000);
    for (int i = 0; i < 1000; i++) assert_int_equal(v[i], i);
    arena_free(&a);
}

/* Arrays past ARENA_BIG move into chunks of their own (arena_grow), two
 * at once, keep their contents, and go at a reset. */
static void test_arena_grow_big(void **state) {
    (void)state;
    arena a;
    arena_init(&a, 4096, NULL);
    for (int round = 0; round < 2; round++) {
        uint32_t *v = NULL, *w = NULL, n = 0, cap = 0, m = 0, capw = 0;
        const uint32_t N = (uint32_t)(4 * ARENA_BIG / sizeof *v);
        for (uint32_t i = 0; i < N; i++) {
            ARENA_GROW(&a, v, n, cap);
            v[n++] = i;
            if (i % 3 == 0) {
                ARENA_GROW(&a, w, m, capw);
                w[m++] = ~i;
            }
            (void)arena_alloc(&a, 8); /* (the arena goes on being used) */
        }
        for (uint32_t i = 0; i < N; i++) assert_int_equal(v[i], i);
        for (uint32_t i = 0; i < m; i++) assert_int_equal(w[i], ~(3 * i));
        assert_non_null(a.big);
        assert_non_null(a.big->next);
        assert_null(a.big->next->next);
        arena_reset(&a);
        assert_null(a.big);
    }
    arena_free(&a);
}

static void test_trie_longest_match(void **state) {
    (void)state;
    ptrie t;
    ptrie_init(&t, NULL);
    /* MINAS=1 TIRITH=2 GONDOR=3 */
    uint32_t minas_tirith[] = {1, 2}, minas[] = {1}, gondor[] = {3};
    ptrie_set_value(&t, ptrie_insert(&t, minas_tirith, 2), 10);
    ptrie_set_value(&t, ptrie_insert(&t, minas, 1), 11);
    ptrie_set_value(&t, ptrie_insert(&t, gondor, 1), 12);
    uint32_t v = 0;
    uint32_t text1[] = {1, 2, 3};
    assert_int_equal(ptrie_longest(&t, text1, 3, &v), 2);
    assert_int_equal(v, 10);
    uint32_t text2[] = {1, 3};
    assert_int_equal(ptrie_longest(&t, text2, 2, &v), 1);
    assert_int_equal(v, 11);
    /* word id 0 (not in the vocabulary) never matches */
    uint32_t text3[] = {0, 1};
    assert_int_equal(ptrie_longest(&t, text3, 2, &v), 0);
    /* many phrases: the edge table grows and keeps every path */
    for (uint32_t i = 100; i < 20000; i++) {
        uint32_t ph[] = {i, i + 1, i + 2};
        ptrie_set_value(&t, ptrie_insert(&t, ph, 3), i);
    }
    uint32_t probe[] = {5000, 5001, 5002, 7};
    assert_int_equal(ptrie_longest(&t, probe, 4, &v), 3);
    assert_int_equal(v, 5000);
    ptrie_free(&t);
}

static void test_cameo_hex(void **state) {
    (void)state;
    /* intend + provide aid = express intent to provide aid */
    int c = cameo_hex_combine(cameo_to_hex("030"), cameo_to_hex("070"));
    assert_string_equal(cameo_from_hex(c), "033");
    /* intend + fight = threaten with military force */
    c = cameo_hex_combine(cameo_to_hex("030"), cameo_to_hex("190"));
    assert_string_equal(cameo_from_hex(c), "138");
    /* appeal + meet (a consultation governed by an appeal) = 026 */
    c = cameo_hex_combine(cameo_to_hex("020"), cameo_to_hex("040"));
    assert_string_equal(cameo_from_hex(c), "026");
    /* refusal of a comment is "decline comment" */
    c = cameo_hex_combine(cameo_to_hex("120"), cameo_to_hex("010"));
    assert_string_equal(cameo_from_hex(c), "011");
    /* appeal for a release composes through the yield digit */
    c = cameo_hex_combine(cameo_to_hex("020"), cameo_to_hex_governed("084"));
    assert_string_equal(cameo_from_hex(c), "0253");
    /* unknown sub-code falls back to its root */
    assert_int_equal(cameo_to_hex("1411"), cameo_to_hex("140"));
    assert_int_equal(cameo_to_hex("---"), 0);
    assert_null(cameo_from_hex(0));
    /* the nearest coarser code when the exact one does not exist */
    assert_non_null(cameo_from_hex_near(0x2250));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alignment_and_reset),
        cmocka_unit_test(test_arena_grow_macro),
        cmocka_unit_test(test_arena_grow_big),
        cmocka_unit_test(test_trie_longest_match),
        cmocka_unit_test(test_cameo_hex),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
