/* test_text.c -- unit tests for the text layer: utf8norm, sentsplit,
 * tokenize. All sentences are written for these tests. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "text/sentence.h"
#include "text/sentsplit.h"
#include "text/tokenize.h"
#include "text/utf8norm.h"

static int setup(void **state) {
    arena *a = malloc(sizeof *a);
    arena_init(a, 0, NULL);
    *state = a;
    return 0;
}

static int teardown(void **state) {
    arena_free(*state);
    free(*state);
    return 0;
}

/* ---- helpers ---------------------------------------------------------- */

static const char *norm(arena *a, const char *in, uint32_t *bad) {
    char *o;
    uint32_t b = 0;
    size_t n = utf8_normalise(a, in, strlen(in), &o, &b);
    assert_int_equal(strlen(o), n);
    if (bad) *bad = b;
    return o;
}

/* Splits and joins the sentences with " | ". */
static const char *split(arena *a, const char *text) {
    sent_span *sp;
    uint32_t n = sent_split(a, text, (uint32_t)strlen(text), &sp);
    size_t cap = strlen(text) + 4 * n + 1, k = 0;
    char *o = arena_alloc(a, cap);
    for (uint32_t i = 0; i < n; i++) {
        if (i) k += (size_t)snprintf(o + k, cap - k, " | ");
        k += (size_t)snprintf(o + k, cap - k, "%.*s", (int)sp[i].len,
                              text + sp[i].off);
    }
    o[k] = 0;
    return o;
}

/* Tokenizes and joins the norms with spaces. */
static const char *toks(arena *a, const char *s, tok **tv, uint32_t *nt) {
    tok *v;
    uint32_t n = tok_tokenize(a, s, (uint32_t)strlen(s), &v);
    size_t cap = 3 * strlen(s) + n + 1, k = 0;
    char *o = arena_alloc(a, cap);
    o[0] = 0;
    for (uint32_t i = 0; i < n; i++) {
        /* invariants every token must satisfy */
        assert_true(v[i].len > 0);
        assert_true(v[i].off + v[i].len <= strlen(s));
        assert_int_equal(strlen(v[i].norm), v[i].nlen);
        assert_ptr_equal(v[i].lemma, v[i].norm);
        assert_int_equal(v[i].tag, T_NONE);
        assert_int_equal(v[i].chunk, -1);
        assert_int_equal(v[i].wid, 0);
        k += (size_t)snprintf(o + k, cap - k, "%s%s", i ? " " : "",
                              v[i].norm);
    }
    if (tv) *tv = v;
    if (nt) *nt = n;
    return o;
}

/* Index of the first token whose norm is w, or fails. */
static const tok *find(tok *v, uint32_t n, const char *w) {
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(v[i].norm, w) == 0) return &v[i];
    fail_msg("token %s not found", w);
    return NULL;
}

/* ---- utf8norm --------------------------------------------------------- */

static void test_norm_ascii_passthrough(void **state) {
    arena *a = *state;
    uint32_t bad = 9;
    assert_string_equal(norm(a, "Gondor sent 40 envoys.", &bad),
                        "Gondor sent 40 envoys.");
    assert_int_equal(bad, 0);
    char *o;
    assert_int_equal(utf8_normalise(a, NULL, 0, &o, &bad), 0);
    assert_string_equal(o, "");
}

/* utf8_unchanged says yes only when the full pass returns the text as it
 * is (the dyad command then uses the text itself, doc_borrow_input), and
 * for plain ASCII always then; other text it need not recognise. */
static void test_norm_unchanged(void **state) {
    arena *a = *state;
    static const struct {
        const char *s;
        int same;
    } cases[] = {
        {"", 1},
        {"Gondor sent 40 envoys.\nRohan's king said \"no\".", 1},
        {"a 'quoted' word and a long line of plain ASCII text here", 1},
        {"two apostrophes ''like this'' are a double mark", 0},
        {"a backtick ` alone is an apostrophe", 0},
        {"a tab\there", 0},
        {"a CR\r\nline", 0},
        {"caf\xC3\xA9", 0}, /* (unchanged, but not ASCII) */
        {"an em \xE2\x80\x94 dash", 0},
        {"bad \xFF byte", 0},
        {"del \x7F", 0},
        {"ends with an apostrophe'", 1},
        {"0123456'''", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *in = cases[i].s;
        size_t n = strlen(in);
        assert_int_equal(utf8_unchanged(in, n), cases[i].same);
        char *o;
        uint32_t bad = 0;
        utf8_map m1, m2;
        size_t k = utf8_normalise_map(a, in, n, &o, &bad, &m1);
        int same = k == n && !memcmp(o, in, n) && !bad;
        if (cases[i].same) assert_true(same);
        const char *b;
        uint32_t bad2 = 9;
        size_t k2 = utf8_normalise_borrow(a, in, n, &b, &bad2, &m2);
        assert_int_equal(k2, k); /* the same text, borrowed or not */
        assert_memory_equal(b, o, k);
        assert_int_equal(bad2, bad);
        assert_int_equal(b == in, cases[i].same && n > 0);
        assert_int_equal(m2.n, m1.n);
        assert_int_equal(m2.in_len, m1.in_len);
        if (cases[i].same) { /* the same map: one run from 0, or none */
            assert_int_equal(m2.n, m1.n);
            assert_int_equal(m2.in_len, m1.in_len);
            for (uint32_t j = 0; j < m1.n; j++) {
                assert_int_equal(m2.norm[j], m1.norm[j]);
                assert_int_equal(m2.orig[j], m1.orig[j]);
            }
        }
    }
    /* a NUL inside is a blank, not unchanged */
    assert_int_equal(utf8_unchanged("x\0y", 3), 0);
}

static void test_norm_quotes(void **state) {
    arena *a = *state;
    assert_string_equal(
        norm(a, "\xE2\x80\x9CWe won\xE2\x80\x99t yield,\xE2\x80\x9D said "
                "\xE2\x80\x98" "Faramir\xE2\x80\x99.", NULL),
        "\"We won't yield,\" said 'Faramir'.");
    assert_string_equal(norm(a, "``Go home,'' he said", NULL),
                        "\"Go home,\" he said");
    assert_string_equal(norm(a, "\xC2\xABNon\xC2\xBB and `x' \xE2\x80\x9Ey"
                                "\xE2\x80\x9F 5\xE2\x80\xB2", NULL),
                        "\"Non\" and 'x' \"y\" 5'");
}

static void test_norm_dashes(void **state) {
    arena *a = *state;
    /* en dash between digits */
    assert_string_equal(norm(a, "the 1990\xE2\x80\x93" "95 war", NULL),
                        "the 1990-95 war");
    /* em dash without spaces gets spaced */
    assert_string_equal(norm(a, "Rohan\xE2\x80\x94the old ally\xE2\x80\x94"
                                "refused", NULL),
                        "Rohan -- the old ally -- refused");
    /* spaced en dash is a parenthetical dash */
    assert_string_equal(norm(a, "talks \xE2\x80\x93 brief ones", NULL),
                        "talks -- brief ones");
    /* minus sign */
    assert_string_equal(norm(a, "\xE2\x88\x92" "5 degrees", NULL),
                        "-5 degrees");
}

static void test_norm_spaces_controls(void **state) {
    arena *a = *state;
    /* NBSP, thin space, ideographic space, tab, form feed, C1 control */
    assert_string_equal(norm(a, "a\xC2\xA0" "b\xE2\x80\x89" "c\xE3\x80\x80"
                                "d\te\x0C" "f\xC2\x93g", NULL),
                        "a b c d e f g");
    /* CRLF and CR */
    assert_string_equal(norm(a, "one\r\ntwo\rthree\n", NULL),
                        "one\ntwo\nthree\n");
    /* soft hyphen, zero-width space/joiner, BOM, LRM removed */
    assert_string_equal(norm(a, "\xEF\xBB\xBFMi\xC2\xADnas Ti\xE2\x80\x8Brith"
                                "\xE2\x80\x8E", NULL),
                        "Minas Tirith");
    /* ellipsis, paragraph separator */
    assert_string_equal(norm(a, "wait\xE2\x80\xA6 then\xE2\x80\xA9Next", NULL),
                        "wait... then\n\nNext");
}

static void test_norm_keeps_valid_unicode(void **state) {
    arena *a = *state;
    uint32_t bad;
    const char *s = "Caf\xC3\xA9 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2"
                    "\xD0\xB0 \xE5\x8C\x97\xE4\xBA\xAC \xF0\x9F\x98\x80";
    assert_string_equal(norm(a, s, &bad), s);
    assert_int_equal(bad, 0);
    /* decomposed accents are composed (NFC): "Jose" + U+0301 -> "Jos\xC3\xA9" */
    assert_string_equal(norm(a, "Jose\xCC\x81 Mun\xCC\x83oz", &bad),
                        "Jos\xC3\xA9 Mu\xC3\xB1oz");
}

static void test_norm_invalid(void **state) {
    arena *a = *state;
    uint32_t bad;
    /* lone continuation, overlong '/', CESU surrogate, truncated 3-byte,
     * F5 lead, code point above U+10FFFF */
    assert_string_equal(norm(a, "a\x80" "b\xC0\xAF" "c\xED\xA0\x80" "d\xE2\x82"
                                "e\xF5\xF4\x90\x80\x80", &bad),
                        "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD"
                        "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                        "d\xEF\xBF\xBD" "e\xEF\xBF\xBD\xEF\xBF\xBD"
                        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_int_equal(bad, 12);
    /* NUL bytes inside the buffer are valid UTF-8 (JSON's \u0000): a
     * control character, a blank, not an invalid sequence (issue 14.5) */
    char *o;
    size_t n = utf8_normalise(a, "x\0y", 3, &o, &bad);
    assert_int_equal(n, 3);
    assert_memory_equal(o, "x y", 4);
    assert_int_equal(bad, 0);
    /* input ending in the middle of a 4-byte sequence */
    n = utf8_normalise(a, "z\xF0\x9F\x98", 4, &o, &bad);
    assert_string_equal(o, "z\xEF\xBF\xBD");
    assert_int_equal(bad, 1);
}

/* Strict validity check, independent of the decoder under test. */
static int valid_utf8(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c == 0) return 0;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else return 0;
        for (size_t j = 1; j <= need; j++) {
            if (i + j >= n) return 0;
            unsigned b = s[i + j];
            if (b < (j == 1 ? lo : 0x80u) || b > (j == 1 ? hi : 0xBFu)) return 0;
        }
        i += need + 1;
    }
    return 1;
}

static void test_garbage_pipeline(void **state) {
    arena *a = *state;
    /* 64 KB of pseudo-random bytes through all three stages */
    size_t n = 1 << 16;
    unsigned char *g = malloc(n);
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        g[i] = (unsigned char)x;
    }
    char *o;
    uint32_t bad;
    size_t m = utf8_normalise(a, (const char *)g, n, &o, &bad);
    assert_true(bad > 1000);
    assert_true(valid_utf8((const unsigned char *)o, m));
    sent_span *sp;
    uint32_t ns = sent_split(a, o, (uint32_t)m, &sp);
    assert_true(ns > 0);
    uint32_t prev_end = 0, ntok = 0;
    for (uint32_t i = 0; i < ns; i++) {
        assert_true(sp[i].len > 0 && sp[i].len <= SENT_MAX_LEN);
        assert_true(sp[i].off >= prev_end);
        prev_end = sp[i].off + sp[i].len;
        tok *v;
        uint32_t nt = tok_tokenize(a, o + sp[i].off, sp[i].len, &v);
        for (uint32_t j = 0; j < nt; j++) {
            assert_true(valid_utf8((const unsigned char *)v[j].norm,
                                   v[j].nlen));
            assert_true(v[j].off + v[j].len <= sp[i].len);
        }
        ntok += nt;
    }
    assert_true(prev_end <= m);
    assert_true(ntok > 100);
    /* raw garbage straight into the tokenizer must not crash either */
    tok *v;
    uint32_t nt = tok_tokenize(a, (const char *)g, 4096, &v);
    assert_true(nt > 0);
    for (uint32_t j = 0; j < nt; j++)
        assert_true(valid_utf8((const unsigned char *)v[j].norm, v[j].nlen));
    free(g);
}

/* ---- sentsplit -------------------------------------------------------- */

static void test_split_basic(void **state) {
    arena *a = *state;
    assert_string_equal(split(a, "  Gondor massed troops. Rohan sent riders! "
                                 "Will Mordor respond?  "),
                        "Gondor massed troops. | Rohan sent riders! | "
                        "Will Mordor respond?");
    assert_string_equal(split(a, ""), "");
    assert_string_equal(split(a, " \n\n \t"), "");
    assert_string_equal(split(a, "No final period here"),
                        "No final period here");
    sent_span *sp;
    assert_int_equal(sent_split(a, "", 0, &sp), 0);
    assert_non_null(sp);
}

static void test_split_abbreviations(void **state) {
    arena *a = *state;
    assert_string_equal(
        split(a, "Gen. Thorongil met Mr. and Mrs. Hurin on Jan. 5 in St. "
                 "Anne's Hall. Sen. Imrahil, Lt. Col. Beregond and Dr. Ioreth "
                 "of Gondor Corp. attended."),
        "Gen. Thorongil met Mr. and Mrs. Hurin on Jan. 5 in St. Anne's Hall. "
        "| Sen. Imrahil, Lt. Col. Beregond and Dr. Ioreth of Gondor Corp. "
        "attended.");
    assert_string_equal(
        split(a, "The U.S. State Department and the U.N. Security Council "
                 "met at 9 a.m. Monday, i.e. early, e.g. before talks vs. "
                 "the rebels. Gov. Denethor, Sgt. Bergil and Rep. Hirgon "
                 "agreed."),
        "The U.S. State Department and the U.N. Security Council met at 9 "
        "a.m. Monday, i.e. early, e.g. before talks vs. the rebels. | Gov. "
        "Denethor, Sgt. Bergil and Rep. Hirgon agreed.");
    assert_string_equal(split(a, "Plan No. 7 failed. It was No. 8 next."),
                        "Plan No. 7 failed. | It was No. 8 next.");
}

static void test_split_acronym_end(void **state) {
    arena *a = *state;
    /* U.S./U.N. at the end followed by a sentence opener: split */
    assert_string_equal(split(a, "Envoys flew to the U.S. The talks began. "
                                 "Aid came from the U.N. It was late."),
                        "Envoys flew to the U.S. | The talks began. | Aid "
                        "came from the U.N. | It was late.");
    assert_string_equal(split(a, "The firm is Gondor Ltd. He runs it."),
                        "The firm is Gondor Ltd. | He runs it.");
    /* title before "The": keep */
    assert_string_equal(split(a, "They met Gen. The Wise."),
                        "They met Gen. The Wise.");
}

static void test_split_initials_decimals_ellipsis(void **state) {
    arena *a = *state;
    assert_string_equal(
        split(a, "John F. Kennedy and J. R. Tolk spoke. Output grew 11.8 "
                 "percent to 2,500.75 units... Prices fell... but later rose."),
        "John F. Kennedy and J. R. Tolk spoke. | Output grew 11.8 percent to "
        "2,500.75 units... | Prices fell... but later rose.");
}

static void test_split_quotes(void **state) {
    arena *a = *state;
    assert_string_equal(
        split(a, "\"We will not yield.\" The steward left. \"Why?\" he "
                 "asked. \"Now!\" She ran. He said (quietly.) Then he went."),
        "\"We will not yield.\" | The steward left. | \"Why?\" he asked. | "
        "\"Now!\" | She ran. | He said (quietly.) | Then he went.");
    /* terminator inside a word or before a quote with no space: no split */
    assert_string_equal(split(a, "The U.S.-led bloc met.\"Next\" came."),
                        "The U.S.-led bloc met.\"Next\" came.");
    /* a capitalised speaker and a reporting verb continue the sentence */
    assert_string_equal(split(a, "\"Why?\" Faramir asked. \"Go!\" Gen. Hurin "
                                 "shouted. \"No.\" Rohan Riders Said Nothing."),
                        "\"Why?\" Faramir asked. | \"Go!\" Gen. Hurin shouted. "
                        "| \"No.\" | Rohan Riders Said Nothing.");
    /* next sentence opens with a quote */
    assert_string_equal(split(a, "It ended. \"Enough,\" he said."),
                        "It ended. | \"Enough,\" he said.");
}

static void test_split_paragraphs(void **state) {
    arena *a = *state;
    assert_string_equal(
        split(a, "GONDOR DECLARES WAR\n\nMinas Tirith, March 3 -- the city\n"
                 "mobilised today.\n \t\nRohan agreed"),
        "GONDOR DECLARES WAR | Minas Tirith, March 3 -- the city\nmobilised "
        "today. | Rohan agreed");
}

static void test_split_long_unpunctuated(void **state) {
    arena *a = *state;
    size_t n = 3u << 20; /* 3 MB of words, no punctuation */
    char *t = malloc(n + 1);
    static const char *const W[] = {"riders", "of", "the", "mark",
                                    "gathered", "near", "edoras", "again"};
    size_t k = 0;
    for (unsigned i = 0; k < n; i++) {
        const char *w = W[(i * 7 + i / 3) % 8];
        size_t l = strlen(w);
        for (size_t j = 0; j < l && k < n; j++) t[k++] = w[j];
        if (k < n) t[k++] = ' ';
    }
    t[n] = 0;
    sent_span *sp;
    uint32_t ns = sent_split(a, t, (uint32_t)n, &sp);
    assert_true(ns >= 768 && ns <= 800);
    uint64_t covered = 0;
    for (uint32_t i = 0; i < ns; i++) {
        assert_true(sp[i].len <= SENT_MAX_LEN);
        if (i + 1 < ns) assert_true(sp[i].len > 4000);
        assert_true(t[sp[i].off] != ' ');
        assert_true(t[sp[i].off + sp[i].len - 1] != ' ');
        /* cut at white space: the span ends a word */
        uint32_t e = sp[i].off + sp[i].len;
        assert_true(e == n || t[e] == ' ');
        covered += sp[i].len + 1;
    }
    assert_true(covered >= n - 16);
    /* one giant "word" of multi-byte letters: cut at a char boundary */
    for (size_t i = 0; i + 1 < 20000; i += 2) {
        t[i] = (char)0xC3;
        t[i + 1] = (char)0xA9;
    }
    ns = sent_split(a, t, 19999, &sp); /* odd: ends mid-character */
    assert_true(ns >= 5);
    for (uint32_t i = 0; i < ns; i++) {
        assert_true(sp[i].len <= SENT_MAX_LEN);
        assert_int_equal((unsigned char)t[sp[i].off], 0xC3);
    }
    /* a 10000-dot run with no spaces, then text: bounded */
    memset(t, '.', 10000);
    memcpy(t + 10000, " The end.", 10);
    ns = sent_split(a, t, 10009, &sp);
    for (uint32_t i = 0; i < ns; i++) assert_true(sp[i].len <= SENT_MAX_LEN);
    assert_true(ns >= 3);
    free(t);
}

/* ---- tokenize --------------------------------------------------------- */

static void test_tok_basic_flags(void **state) {
    arena *a = *state;
    tok *v;
    uint32_t n;
    const char *s = "\"NATO troops entered Osgiliath, the city said.\"";
    assert_string_equal(toks(a, s, &v, &n),
                        "\" NATO TROOPS ENTERED OSGILIATH , THE CITY SAID . \"");
    assert_int_equal(n, 11);
    assert_true(v[0].flags & TOKF_PUNCT);
    assert_true(v[1].flags & TOKF_SENT_START);
    assert_true(v[1].flags & TOKF_CAP);
    assert_true(v[1].flags & TOKF_ALLCAPS);
    assert_false(v[2].flags & (TOKF_CAP | TOKF_SENT_START));
    assert_true(v[4].flags & TOKF_CAP);
    assert_false(v[4].flags & TOKF_ALLCAPS);
    assert_true(v[5].flags & TOKF_PUNCT);
    assert_int_equal(v[4].off, 21);
    assert_int_equal(v[4].len, 9);
    assert_memory_equal(s + v[4].off, "Osgiliath", 9);
    assert_int_equal(v[9].len, 1);
    assert_true(v[9].flags & TOKF_PUNCT);
    /* single capital letter is CAP, not ALLCAPS */
    toks(a, "A convoy left", &v, &n);
    assert_true(v[0].flags & TOKF_CAP);
    assert_false(v[0].flags & TOKF_ALLCAPS);
}

static void test_tok_possessives(void **state) {
    arena *a = *state;
    tok *v;
    uint32_t n;
    assert_string_equal(toks(a, "Gondor's king and the countries' envoys",
                             &v, &n),
                        "GONDOR 'S KING AND THE COUNTRIES ' ENVOYS");
    assert_false(v[1].flags & TOKF_PUNCT);
    assert_int_equal(v[1].off, 6);
    assert_int_equal(v[1].len, 2);
    assert_false(v[6].flags & TOKF_PUNCT); /* possessive ' */
    assert_string_equal(toks(a, "It's what he's said; O'Brien's aide", NULL,
                             NULL),
                        "IT 'S WHAT HE 'S SAID ; O'BRIEN 'S AIDE");
    /* already-split text */
    assert_string_equal(toks(a, "Rohan 's army", NULL, NULL),
                        "ROHAN 'S ARMY");
    /* single quotes used as quotation marks are punctuation */
    assert_string_equal(toks(a, "the so-called 'reforms' failed", &v, &n),
                        "THE SO-CALLED ' REFORMS ' FAILED");
    assert_true(v[2].flags & TOKF_PUNCT);
    assert_true(v[4].flags & TOKF_PUNCT);
}

static void test_tok_contractions(void **state) {
    arena *a = *state;
    tok *v;
    uint32_t n;
    assert_string_equal(
        toks(a, "They didn't, can't, won't and isn't; we'll, you're, I've, "
                "she'd, I'm", &v, &n),
        "THEY DID N'T , CA N'T , WO N'T AND IS N'T ; WE 'LL , YOU 'RE , I "
        "'VE , SHE 'D , I 'M");
    const tok *t = find(v, n, "N'T");
    assert_int_equal(t->off, 8);
    assert_int_equal(t->len, 3);
    assert_string_equal(toks(a, "DON'T", NULL, NULL), "DO N'T");
}

static void test_tok_hyphens(void **state) {
    arena *a = *state;
    tok *v;
    uint32_t n;
    assert_string_equal(
        toks(a, "war-torn al-Raya near Barad-dur backed pro-restoration "
                "12-year anti- Gondor rallies", &v, &n),
        "WAR-TORN AL-RAYA NEAR BARAD-DUR BACKED PRO-RESTORATION 12-YEAR "
        "ANTI- GONDOR RALLIES");
    assert_true(v[0].flags & TOKF_HYPHEN);
    assert_false(v[1].flags & TOKF_CAP);
    assert_true(v[1].flags & TOKF_HYPHEN);
    assert_true(v[3].flags & TOKF_CAP);
    assert_true(v[6].flags & TOKF_HYPHEN);
    assert_false(v[6].flags & TOKF_NUMBER);
    assert_false(v[7].flags & TOKF_HYPHEN);
    assert_int_equal(v[7].len, 5);
    /* dashes */
    assert_string_equal(toks(a, "Rohan -- the ally -- and - maybe", &v, &n),
                        "ROHAN -- THE ALLY -- AND - MAYBE");
    assert_true(v[1].flags & TOKF_PUNCT);
    assert_true(v[6].flags & TOKF_PUNCT);
}

static void test_tok_numbers(void **state) {
    arena *a = *state;
    tok *v;
    uint32_t n;
    assert_string_equal(
        toks(a, "50,000 troops, 11.8 percent, 2,500.75 coins, the 1990s, "
                "21st day, 70% turnout, 3rd 1,23", &v, &n),
        "50,000 TROOPS , 11.8 PERCENT , 2,500.75 COINS , THE 1990S , 21ST "
        "DAY , 70 % TURNOUT , 3RD 1 , 23");
    assert_true(v[0].flags & TOKF_NUMBER);
    assert_true(v[0].flags & TOKF_SENT_START);
    assert_true(v[3].flags & TOKF_NUMBER);
    assert_true(v[6].flags & TOKF_NUMBER);
    assert_true(find(v, n, "1990S")->flags & TOKF_NUMBER);
    assert_true(find(v, n, "21ST")->flags & TOKF_NUMBER);
    assert_true(find(v, n, "3RD")->flags & TOKF_NUMBER);
    assert_false(find(v, n, "%")->flags & (TOKF_NUMBER | TOKF_PUNCT));
    assert_false(find(v, n, "TROOPS")->flags & TOKF_NUMBER);
    /* a sentence-final period after a number is its own token */
    assert_string_equal(toks(a, "It rose 4.5.", NULL, NULL), "IT ROSE 4.5 .");
    toks(a, "2bn 5M 40k 12-year 1990-95 9/11", &v, &n);
    assert_int_equal(n, 6);
    for (uint32_t i = 0; i < n; i++)
        assert_int_equal(!!(v[i].flags & TOKF_NUMBER), i != 3);
}

static void test_tok_currency(void **state) {
    arena *a = *state;
    tok *v;
    uint32_t n;
    assert_string_equal(
        toks(a, "$7 and US$5 or \xE2\x82\xAC" "3 plus P225-million", &v, &n),
        "$ 7 AND US$ 5 OR \xE2\x82\xAC 3 PLUS P225-MILLION");
    assert_true(v[0].flags & TOKF_CURRENCY);
    assert_true(v[1].flags & TOKF_NUMBER);
    assert_true(v[1].flags & TOKF_SENT_START); /* "$" is not a word */
    assert_true(v[3].flags & TOKF_CURRENCY);
    assert_int_equal(v[3].len, 3);
    assert_true(v[6].flags & TOKF_CURRENCY);
    assert_int_equal(v[6].len, 3);
    assert_true(v[9].flags & TOKF_HYPHEN);
}

static void test_tok_abbreviations(void **state) {
    arena *a = *state;
    tok *v;
    uint32_t n;
    assert_string_equal(
        toks(a, "Gen. Hurin of K.U. met Mr. John F. Kennedy at 9 a.m. in "
                "the U.S.", &v, &n),
        "GEN. HURIN OF K.U. MET MR. JOHN F. KENNEDY AT 9 A.M. IN THE U.S.");
    assert_true(v[0].flags & TOKF_ABBREV);
    assert_true(v[0].flags & TOKF_SENT_START);
    assert_true(v[3].flags & TOKF_ABBREV);
    assert_true(v[3].flags & TOKF_ALLCAPS);
    assert_true(find(v, n, "F.")->flags & TOKF_ABBREV);
    assert_true(find(v, n, "A.M.")->flags & TOKF_ABBREV);
    assert_false(find(v, n, "A.M.")->flags & TOKF_CAP);
    assert_true(v[n - 1].flags & TOKF_ABBREV);
    assert_int_equal(v[n - 1].len, 4);
    /* ordinary sentence end: separate period */
    assert_string_equal(toks(a, "He left Gondor.", &v, &n),
                        "HE LEFT GONDOR .");
    assert_true(v[3].flags & TOKF_PUNCT);
    /* "I." at the end is a pronoun plus period; "No." only before a number */
    assert_string_equal(toks(a, "Nobody but I.", NULL, NULL),
                        "NOBODY BUT I .");
    assert_string_equal(toks(a, "Bill No. 9 said No.", NULL, NULL),
                        "BILL NO. 9 SAID NO .");
    assert_string_equal(toks(a, "the U.S.-led bloc, etc.", &v, &n),
                        "THE U.S.-LED BLOC , ETC.");
    assert_true(v[1].flags & TOKF_HYPHEN);
}

static void test_tok_punct_and_misc(void **state) {
    arena *a = *state;
    tok *v;
    uint32_t n;
    assert_string_equal(
        toks(a, "(Rohan) [sic]: yes; no! why? \"so\"... Dol_Amroth", &v, &n),
        "( ROHAN ) [ SIC ] : YES ; NO ! WHY ? \" SO \" ... DOL_AMROTH");
    for (uint32_t i = 0; i < n - 1; i++)
        if (v[i].norm[0] < 'A' || v[i].norm[0] > 'Z')
            assert_true(v[i].flags & TOKF_PUNCT);
    assert_true(v[1].flags & TOKF_SENT_START);
    assert_int_equal(v[n - 2].len, 3);
    assert_true(v[n - 1].flags & TOKF_CAP);
    assert_int_equal(v[n - 1].len, 10);
    /* non-ASCII upper-casing and caps flags */
    assert_string_equal(toks(a, "\xC3\xA9lite \xC3\x89mile M\xC3\xBCnchen "
                                "\xD0\xBC\xD0\xB8\xD1\x80", &v, &n),
                        "\xC3\x89LITE \xC3\x89MILE M\xC3\x9CNCHEN "
                        "\xD0\x9C\xD0\x98\xD0\xA0");
    assert_false(v[0].flags & TOKF_CAP);
    assert_true(v[1].flags & TOKF_CAP);
    assert_false(v[1].flags & TOKF_ALLCAPS);
    /* empty and blank input */
    assert_int_equal(tok_tokenize(a, "", 0, &v), 0);
    assert_non_null(v);
    assert_int_equal(tok_tokenize(a, "   \n ", 5, &v), 0);
    /* span not NUL-terminated: only len bytes are read */
    assert_int_equal(tok_tokenize(a, "Rohan rides", 5, &v), 1);
    assert_string_equal(v[0].norm, "ROHAN");
}

/* Tokens cover every non-space byte exactly once and in order. */
static void test_tok_offsets_cover_text(void **state) {
    arena *a = *state;
    const char *s = "\"Gondor's U.S.-backed envoy didn't pay $7,500.50 (US$9) "
                    "to al-Raya -- or 70% of it... in 1990s,\" Mr. Hurin's "
                    "aides' 'memo' said; co-op e.g. Dol_Amroth!?";
    tok *v;
    uint32_t n = tok_tokenize(a, s, (uint32_t)strlen(s), &v);
    assert_true(n > 40);
    uint32_t p = 0;
    for (uint32_t i = 0; i < n; i++) {
        while (s[p] == ' ') p++;
        assert_int_equal(v[i].off, p);
        p += v[i].len;
        /* norm is the upper-cased token text (all ASCII here) */
        assert_int_equal(v[i].nlen, v[i].len);
        for (uint32_t j = 0; j < v[i].len; j++) {
            char c = s[v[i].off + j];
            if (c >= 'a' && c <= 'z') c = (char)(c - 32);
            assert_int_equal(v[i].norm[j], c);
        }
    }
    assert_int_equal(p, strlen(s));
    int starts = 0;
    for (uint32_t i = 0; i < n; i++)
        starts += !!(v[i].flags & TOKF_SENT_START);
    assert_int_equal(starts, 1);
}

static void test_norm_idempotent(void **state) {
    arena *a = *state;
    const char *in = "\xE2\x80\x9C" "A\xE2\x80\x94" "b\xE2\x80\x9D \xC2\xA0 c\xE2\x80\xA6"
                     "\r\n``d'' e\xE2\x80\x93" "f 1\xE2\x80\x93" "2 \xFF";
    uint32_t bad;
    const char *once = norm(a, in, &bad);
    assert_int_equal(bad, 1);
    const char *twice = norm(a, once, &bad);
    assert_int_equal(bad, 0);
    assert_string_equal(once, twice);
    assert_string_equal(once, "\"A -- b\"   c...\n\"d\" e-f 1-2 \xEF\xBF\xBD");
}

static void test_tag_names(void **state) {
    (void)state;
    assert_string_equal(tag_name(T_NN), "NN");
    assert_string_equal(tag_name(T_VBD), "VBD");
    assert_string_equal(tag_name(T_PRPS), "PRP$");
    assert_string_equal(tag_name(T_WPS), "WP$");
    assert_string_equal(tag_name(T_COMMA), ",");
    assert_string_equal(tag_name(T_PERIOD), ".");
    assert_string_equal(tag_name(T_COLON), ":");
    assert_string_equal(tag_name(T_LQUOTE), "``");
    assert_string_equal(tag_name(T_RQUOTE), "''");
    assert_string_equal(tag_name(T_LRB), "-LRB-");
    assert_string_equal(tag_name(T_RRB), "-RRB-");
    assert_string_equal(tag_name(T_DOLLAR), "$");
    for (int t = 0; t < T_NTAGS; t++) assert_true(strlen(tag_name((tag)t)));
    assert_string_equal(tag_name(T_NTAGS), "?");
}

static void test_pipeline_end_to_end(void **state) {
    arena *a = *state;
    const char *doc = "\xE2\x80\x9CWe won\xE2\x80\x99t go,\xE2\x80\x9D Gen. "
                      "Hurin said.\r\n\r\nThe U.S.\xC2\xA0" "envoy\xE2\x80\x94"
                      "a veteran\xE2\x80\x94left.";
    char *t;
    size_t m = utf8_normalise(a, doc, strlen(doc), &t, NULL);
    sent_span *sp;
    uint32_t ns = sent_split(a, t, (uint32_t)m, &sp);
    assert_int_equal(ns, 2);
    char *s0 = arena_strndup(a, t + sp[0].off, sp[0].len);
    char *s1 = arena_strndup(a, t + sp[1].off, sp[1].len);
    assert_string_equal(toks(a, s0, NULL, NULL),
                        "\" WE WO N'T GO , \" GEN. HURIN SAID .");
    assert_string_equal(toks(a, s1, NULL, NULL),
                        "THE U.S. ENVOY -- A VETERAN -- LEFT .");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_norm_ascii_passthrough, setup, teardown),
        cmocka_unit_test_setup_teardown(test_norm_unchanged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_norm_quotes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_norm_dashes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_norm_spaces_controls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_norm_keeps_valid_unicode, setup, teardown),
        cmocka_unit_test_setup_teardown(test_norm_invalid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_garbage_pipeline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_basic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_abbreviations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_acronym_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_initials_decimals_ellipsis, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_quotes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_paragraphs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_long_unpunctuated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tok_basic_flags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tok_possessives, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tok_contractions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tok_hyphens, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tok_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tok_currency, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tok_abbreviations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tok_punct_and_misc, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tok_offsets_cover_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_norm_idempotent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tag_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pipeline_end_to_end, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
