/* tokenize.c -- Penn Treebank style tokenizer; see tokenize.h.
 *
 * A single left-to-right scan. At each position the first character decides
 * the token type: a word character starts a word (letters, marks, digits,
 * underscore), which then absorbs the inner punctuation that belongs to it
 * (hyphens, decimal points, thousands commas, abbreviation periods,
 * apostrophes that are not clitics); anything else is a one-character (or
 * one-run, for "--" and "...") punctuation or symbol token. Work per byte is
 * constant, so the tokenizer is linear in the sentence length.
 */
#include "text/tokenize.h"

#include <string.h>
#include <utf8proc.h>

#include "text/sentsplit.h"
#include "util/swar.h"
#include "util/strmap.h"
#include "text/utf8norm.h"

/* Growing token array plus the sentence being read. */
typedef struct tok_state {
    arena *a;
    const char *s;   /* sentence text */
    uint32_t len;    /* its length */
    tok *v;          /* tokens so far */
    uint32_t n;      /* their count */
    size_t cap;      /* allocated slots in v */
    int open_squote; /* a ' opened a single-quoted phrase: 'reforms' */
} tok_state;

/* White space, plus any other ASCII control character (NUL included): the
 * normaliser never leaves those, but raw text must not yield tokens whose
 * norm holds a NUL. */
static int is_space(int c) { return c <= ' ' || c == 0x7F; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* The bytes of x that are ASCII word characters (is_alpha, is_digit, '_'),
 * as the high bit of each byte. Each byte's sums stay below 0x100, so no
 * carry crosses into the next byte. */
static inline uint64_t swar_ascii_word(uint64_t x) {
    uint64_t x7 = x & ~SWAR_HIGH, lower = x7 | (SWAR_ONES * 0x20u);
    uint64_t alpha = (lower + SWAR_ONES * 0x1Fu) & ~(lower + SWAR_ONES * 0x05u);
    uint64_t digit = (x7 + SWAR_ONES * 0x50u) & ~(x7 + SWAR_ONES * 0x46u);
    return (alpha | digit | swar_eq(x, '_')) & ~x & SWAR_HIGH;
}

/* Decodes the character at p; invalid bytes read as U+FFFD, one byte. */
static uint32_t cp_at(const tok_state *t, uint32_t p, int *clen) {
    /* ASCII inline, as utf8_decode would return it: nearly every call, and
     * utf8_decode lives in another file, so it is never inlined */
    unsigned char c0 = (unsigned char)t->s[p];
    if (c0 < 0x80) {
        *clen = 1;
        return c0;
    }
    uint32_t cp;
    int l = utf8_decode((const unsigned char *)t->s + p, t->len - p, &cp);
    if (l < 0) {
        *clen = 1;
        return 0xFFFD;
    }
    *clen = l;
    return cp;
}

static int cp_is_word(uint32_t cp) {
    if (cp < 0x80)
        return is_alpha((int)cp) || is_digit((int)cp) || cp == '_';
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)cp);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO;
}

static int cp_is_letter(uint32_t cp) {
    if (cp < 0x80) return is_alpha((int)cp);
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)cp);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static int word_at(const tok_state *t, uint32_t p) {
    if (p >= t->len) return 0;
    int l;
    return cp_is_word(cp_at(t, p, &l));
}

/* Number shapes: 50,000  11.8  2,500.75  1990-95  9/11  12:30  1990s  21st
 * and the money shorthands 2bn 5m 40k */
static int is_number_shape(const char *s, uint32_t n) {
    if (n == 0 || !is_digit((unsigned char)s[0])) return 0;
    uint32_t i = 0;
    while (i < n && (is_digit((unsigned char)s[i]) || s[i] == '.' ||
                     s[i] == ',' || s[i] == ':' || s[i] == '/' || s[i] == '-'))
        i++;
    if (i == n) return 1;
    if (!is_digit((unsigned char)s[i - 1])) return 0;
    static const char *const SUFFIX[] = {"s", "st", "nd", "rd", "th", "bn",
                                         "mn", "m", "k", NULL};
    for (int k = 0; SUFFIX[k]; k++) {
        size_t l = strlen(SUFFIX[k]);
        if (n - i != l) continue;
        size_t j = 0;
        while (j < l && (s[i + j] | 0x20) == SUFFIX[k][j]) j++;
        if (j == l) return 1;
    }
    return 0;
}

/* Appends token s[off..off+len) with the given extra flags; computes the
 * upper-case norm and the CAP / ALLCAPS / NUMBER / HYPHEN flags. */
static tok *emit(tok_state *t, uint32_t off, uint32_t len, unsigned flags) {
    const char *s = t->s + off;
    size_t k = 0;
    unsigned letters = 0, lower = 0, first_letter_seen = 0;
    uint32_t h = STRMAP_HASH_INIT; /* of norm, computed while writing it */
    unsigned flags0 = flags;
    /* ASCII (nearly every token of English news): the same rules as the
     * loop below without decoding characters, into a norm buffer of the
     * exact size, noting hyphens on the way. A non-ASCII byte abandons
     * this (the buffer is left in the arena) for the general loop. */
    char *norm = arena_alloc(t->a, (size_t)len + 1);
    unsigned hyphen = 0;
    uint32_t ascii = 0;
    for (; ascii < len; ascii++) {
        unsigned char c = (unsigned char)s[ascii];
        if (c >= 0x80) break;
        int up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        if (up || low) {
            if (!first_letter_seen && up) flags |= TOKF_CAP;
            first_letter_seen = 1;
            letters++;
            lower += (unsigned)low;
        }
        hyphen |= c == '-' && ascii > 0 && ascii + 1 < len;
        unsigned char u = (unsigned char)(low ? c - 32 : c);
        norm[k++] = (char)u;
        h = strmap_hash_step(h, u);
    }
    if (ascii != len) {
        flags = flags0;
        letters = lower = first_letter_seen = 0;
        k = 0;
        norm = arena_alloc(t->a, 3 * (size_t)len + 1);
        for (uint32_t i = 1; i + 1 < len; i++)
            if (s[i] == '-') hyphen = 1;
    }
    if (hyphen) flags |= TOKF_HYPHEN;
    for (uint32_t p = ascii == len ? len : 0; p < len;) {
        int l;
        uint32_t cp = cp_at(t, off + p, &l);
        if (p + (uint32_t)l > len) { /* never split a char past the span */
            cp = 0xFFFD;
            l = (int)(len - p);
        }
        p += (uint32_t)l;
        if (cp_is_letter(cp)) {
            int up = cp < 0x80 ? (cp >= 'A' && cp <= 'Z')
                               : utf8proc_category((utf8proc_int32_t)cp) ==
                                         UTF8PROC_CATEGORY_LU ||
                                     utf8proc_category((utf8proc_int32_t)cp) ==
                                         UTF8PROC_CATEGORY_LT;
            int low = cp < 0x80 ? (cp >= 'a' && cp <= 'z')
                                : utf8proc_category((utf8proc_int32_t)cp) ==
                                      UTF8PROC_CATEGORY_LL;
            if (!first_letter_seen && up) flags |= TOKF_CAP;
            first_letter_seen = 1;
            letters++;
            if (low) lower++;
        }
        if (cp < 0x80) {
            norm[k++] = (char)(cp >= 'a' && cp <= 'z' ? cp - 32 : cp);
        } else {
            uint32_t u = (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
            /* the buffer holds 3 bytes per input byte: a non-ASCII char
             * has >= 2 bytes and encodes in <= 4, an invalid byte (read as
             * U+FFFD) takes 3 */
            k += (size_t)utf8proc_encode_char((utf8proc_int32_t)u,
                                              (utf8proc_uint8_t *)norm + k);
        }
    }
    norm[k] = '\0';
    if (ascii != len || k > UINT16_MAX) h = strmap_hash(norm, (uint16_t)k);
    else h = strmap_hash_final(h);
    if (letters >= 2 && lower == 0) flags |= TOKF_ALLCAPS;
    if (is_number_shape(s, len)) flags |= TOKF_NUMBER;
    ARENA_GROW(t->a, t->v, t->n, t->cap);
    tok *o = &t->v[t->n++];
    o->off = off;
    o->len = len;
    o->norm = norm;
    o->lemma = norm;
    o->wid = o->lwid = 0;
    o->nlen = (uint16_t)k;
    o->tag = T_NONE;
    o->flags = (uint8_t)flags;
    o->wcls = 0; /* (classes are the coder's to set; a token coded without
                    them, a publisher's name, has none) */
    o->chunk = -1;
    o->hash = h;
    return o;
}

/* Length of a clitic starting at p (the apostrophe), or 0: 's 'S 'll 're
 * 've 'd 'm, ending at a non-word character. */
static uint32_t clitic_len(const tok_state *t, uint32_t p) {
    uint32_t q = p + 1;
    while (q < t->len && is_alpha((unsigned char)t->s[q])) q++;
    if (q < t->len && (word_at(t, q) || t->s[q] == '\'')) return 0;
    uint32_t n = q - p - 1;
    char c[3] = {0};
    if (n == 0 || n > 2) return 0;
    for (uint32_t i = 0; i < n; i++) c[i] = (char)(t->s[p + 1 + i] | 0x20);
    static const char *const CL[] = {"s", "ll", "re", "ve", "d", "m", "t",
                                     NULL};
    for (int i = 0; CL[i]; i++)
        if (strcmp(c, CL[i]) == 0) return q - p;
    return 0;
}

/* Next non-space character after p, or 0 at the end. */
static int next_nonspace(const tok_state *t, uint32_t p) {
    while (p < t->len && is_space((unsigned char)t->s[p])) p++;
    return p < t->len ? (unsigned char)t->s[p] : 0;
}

/* True when only closing punctuation and spaces follow p: the period at p
 * ends the sentence. */
static int at_sentence_end(const tok_state *t, uint32_t p) {
    for (; p < t->len; p++) {
        int c = (unsigned char)t->s[p];
        if (!is_space(c) && c != '"' && c != '\'' && c != ')' && c != ']')
            return 0;
    }
    return 1;
}

/* Scans the word starting at b; emits it (and a split-off clitic). Returns
 * the position after what was consumed. */
static uint32_t scan_word(tok_state *t, uint32_t b) {
    const char *s = t->s;
    uint32_t p = b, cl_off = 0, cl_len = 0;
    unsigned flags = 0;
    /* the end of the text or the longest token, whichever comes first */
    uint32_t lim = t->len - b > TOK_MAX_LEN ? b + TOK_MAX_LEN : t->len;
    while (p < lim) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (lim - p >= 8) {
            /* skip ASCII word characters 8 at a time, and find where they
             * end without a mispredicted branch per byte (the byte test
             * below then fails on the byte found) */
            uint64_t stop = ~swar_ascii_word(swar_load(s + p)) & SWAR_HIGH;
            if (!stop) {
                p += 8;
                continue;
            }
            p += (uint32_t)__builtin_ctzll(stop) / 8;
        }
#endif
        unsigned char c0 = (unsigned char)s[p];
        if (c0 < 0x80 && (is_alpha(c0) || is_digit(c0) || c0 == '_')) {
            p++; /* ASCII word character: no decoding needed */
            continue;
        }
        int l;
        uint32_t cp = cp_at(t, p, &l);
        if (cp_is_word(cp)) {
            p += (uint32_t)l;
            continue;
        }
        int c = (unsigned char)s[p];
        int prev = (unsigned char)s[p - 1];
        int nx = p + 1 < t->len ? (unsigned char)s[p + 1] : 0;
        if (c == '-') {
            if (word_at(t, p + 1)) { /* war-torn, al-Raya, 12-year */
                p++;
                continue;
            }
            if (p + 1 == t->len || is_space(nx)) p++; /* "anti- Gondor" */
            break;
        }
        if (c == '.') {
            if ((is_digit(prev) && is_digit(nx)) || /* 11.8 */
                (is_alpha(prev) && is_alpha(nx))) { /* U.S, K.U, e.g */
                p++;
                continue;
            }
            /* a period after the word: part of it if it is an
             * abbreviation ("Gen.", "U.S.", "F."), else punctuation */
            sent_abbrev k = sent_abbrev_kind(s + b, p - b);
            if (k == SA_NUMERIC && !is_digit(next_nonspace(t, p + 1)))
                k = SA_NONE; /* "was No." vs "No. 10" */
            if (k == SA_INITIAL && at_sentence_end(t, p + 1))
                k = SA_NONE; /* "... than I." */
            if (k != SA_NONE) {
                p++;
                flags |= TOKF_ABBREV;
                if (p < t->len && s[p] == '-' && word_at(t, p + 1)) {
                    flags &= ~(unsigned)TOKF_ABBREV; /* "U.S.-led" */
                    p++;
                    continue;
                }
            }
            break;
        }
        if (c == ',' && is_digit(prev) && p + 3 < t->len &&
            is_digit((unsigned char)s[p + 1]) &&
            is_digit((unsigned char)s[p + 2]) &&
            is_digit((unsigned char)s[p + 3]) &&
            (p + 4 >= t->len || !is_digit((unsigned char)s[p + 4]))) {
            p++; /* 50,000 */
            continue;
        }
        if ((c == ':' || c == '/') && is_digit(prev) && is_digit(nx)) {
            p++; /* 12:30, 9/11 */
            continue;
        }
        if ((c == '&' || c == '/') && is_alpha(prev) && is_alpha(nx)) {
            p++; /* AT&T, and/or */
            continue;
        }
        if (c == '\'') {
            uint32_t n = clitic_len(t, p);
            if (n > 0) {
                if (n == 2 && (s[p + 1] | 0x20) == 't') {
                    /* n't takes the n: didn't -> did n't, can't -> ca n't */
                    if ((prev | 0x20) == 'n' && p - 1 > b) {
                        cl_off = p - 1;
                        cl_len = n + 1;
                        p = p - 1;
                        break;
                    }
                } else {
                    cl_off = p; /* Gondor's, it's, we'll, they're */
                    cl_len = n;
                    break;
                }
            }
            if (is_alpha(nx) || word_at(t, p + 1)) {
                p++; /* O'Brien, al-Qa'ida */
                continue;
            }
            break; /* countries' : the ' is its own token */
        }
        if (c == '$' && p - b <= 3 && (is_digit(nx) || nx == ' ')) {
            /* US$5, HK$ 3: the sign joins the country letters */
            uint32_t i = b;
            while (i < p && s[i] >= 'A' && s[i] <= 'Z') i++;
            if (i == p) {
                p++;
                flags |= TOKF_CURRENCY;
            }
        }
        break;
    }
    emit(t, b, p - b, flags);
    if (cl_len) {
        emit(t, cl_off, cl_len, 0);
        return cl_off + cl_len;
    }
    return p;
}

uint32_t tok_tokenize(arena *a, const char *s, uint32_t len, tok **out) {
    tok_state t = {a, s, s ? len : 0, NULL, 0, 0, 0};
    /* room for the usual count (a token per ~5 bytes of news text) at
     * once: growing from 16 copied the first tokens of most sentences.
     * Bounded, since the text may be anything up to a whole document. */
    t.cap = t.len < 2500 ? t.len / 5 + 8 : 508;
    t.v = arena_alloc(a, t.cap * sizeof *t.v);
    uint32_t p = 0;
    while (p < t.len) {
        int c = (unsigned char)s[p];
        if (is_space(c)) {
            p++;
            continue;
        }
        int l;
        uint32_t cp = cp_at(&t, p, &l);
        if (cp_is_word(cp)) {
            p = scan_word(&t, p);
            continue;
        }
        if (c == '.' || c == '-') {
            /* "...", "--": one token per run; a lone "-" too */
            uint32_t e = p;
            while (e < t.len && s[e] == c && e - p < 16) e++;
            emit(&t, p, e - p, TOKF_PUNCT);
            p = e;
            continue;
        }
        if (c == '\'') {
            uint32_t n = clitic_len(&t, p);
            int after_word = p > 0 && !is_space((unsigned char)s[p - 1]) &&
                             t.n > 0 && t.v[t.n - 1].off + t.v[t.n - 1].len == p;
            if (n > 0 && (s[p + 1] | 0x20) != 't') {
                emit(&t, p, n, 0); /* pre-split text: "Gondor 's" */
                p += n;
                continue;
            }
            unsigned f = TOKF_PUNCT;
            if (!after_word) {
                if (word_at(&t, p + 1)) t.open_squote = 1; /* 'reforms' */
            } else if ((s[p - 1] | 0x20) == 's' && !t.open_squote) {
                f = 0; /* possessive: countries' */
            } else {
                t.open_squote = 0;
            }
            emit(&t, p, 1, f);
            p++;
            continue;
        }
        if (cp < 0x80 && strchr(",;:!?()[]{}\"", c)) {
            emit(&t, p, 1, TOKF_PUNCT);
            p++;
            continue;
        }
        utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)cp);
        unsigned f = 0;
        if (k == UTF8PROC_CATEGORY_SC)
            f = TOKF_CURRENCY; /* $ € £ ¥ */
        else if (k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO &&
                 c != '%' && c != '&')
            f = TOKF_PUNCT; /* % and & behave as words (NN, CC) */
        emit(&t, p, (uint32_t)l, f);
        p += (uint32_t)l;
    }
    for (uint32_t i = 0; i < t.n; i++) {
        if (!(t.v[i].flags & (TOKF_PUNCT | TOKF_CURRENCY)) &&
            t.v[i].norm[0] != '\'' && t.v[i].norm[0] != '%') {
            t.v[i].flags |= TOKF_SENT_START;
            break;
        }
    }
    if (!t.v) t.v = arena_alloc(a, sizeof(tok));
    *out = t.v;
    return t.n;
}
