/* utf8norm.c -- strict UTF-8 decoding and typographic normalisation.
 *
 * See utf8norm.h for the mapping. One pass over the input, writing into a
 * buffer sized for the worst case (every byte invalid -> 3-byte U+FFFD), so
 * the cost is linear and nothing is reallocated. The output stays valid
 * UTF-8 whatever the input: every code point we write was either decoded
 * strictly or is one of our own ASCII / U+FFFD replacements.
 */
#include "text/utf8norm.h"

#include <stdint.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "util/swar.h"

int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int need;
    uint32_t v;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the 2nd byte */
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;      /* overlong below U+0800 */
        if (c == 0xED) hi = 0x9F;      /* UTF-16 surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0) lo = 0x90;      /* overlong below U+10000 */
        if (c == 0xF4) hi = 0x8F;      /* above U+10FFFF */
    } else {
        return -1;                     /* C0, C1, F5..FF, lone continuation */
    }
    for (int i = 1; i <= need; i++) {
        if ((size_t)i >= n) return -i;
        unsigned b = s[i];
        unsigned l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (b < l || b > h) return -i;
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    return need + 1;
}

/* Writes code point cp as UTF-8 at o; returns the byte count. */
static size_t put_cp(char *o, uint32_t cp) {
    return (size_t)utf8proc_encode_char((utf8proc_int32_t)cp,
                                        (utf8proc_uint8_t *)o);
}

static int is_ascii_space(int c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
           c == '\v';
}

static int is_ascii_digit(int c) { return c >= '0' && c <= '9'; }

/* Decodes the code point following position i, for the dash rules, which
 * look one character ahead: 0 at the end of input or on invalid bytes. */
static uint32_t peek_cp(const unsigned char *s, size_t n, size_t i) {
    uint32_t cp = 0;
    if (i >= n) return 0;
    if (utf8_decode(s + i, n - i, &cp) < 0) return 0;
    return cp;
}

/* True for code points that read as white space after normalisation. */
static int cp_is_space(uint32_t cp) {
    if (cp < 0x80) return is_ascii_space((int)cp);
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) return 1;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

static int cp_is_wordish(uint32_t cp) {
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' &&
                                            (cp | 0x20) <= 'z');
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)cp);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO;
}

/* Starts a run at normalised offset k for input offset i unless the
 * current run already maps k there (no-op without a map). */
/* Allocates from the document's arena under dyad_code's unwind point:
 * the analyzer's NULL warnings are false positives here (mem.h). */
MEM_UNWINDS_BEGIN
static void map_mark(arena *a, utf8_map *m, size_t k, size_t i) {
    if (!m) return;
    if (m->n) {
        uint32_t last = m->n - 1;
        if ((size_t)m->orig[last] + (k - m->norm[last]) == i) return;
        if (m->norm[last] == k) { /* nothing written in the last run */
            m->orig[last] = (uint32_t)i;
            return;
        }
    }
    if (m->n == m->cap) {
        uint32_t ncap = m->cap ? m->cap * 2 : 16;
        uint32_t *nn = arena_alloc(a, ncap * sizeof *nn);
        uint32_t *no = arena_alloc(a, ncap * sizeof *no);
        if (m->n) {
            memcpy(nn, m->norm, m->n * sizeof *nn);
            memcpy(no, m->orig, m->n * sizeof *no);
        }
        m->norm = nn;
        m->orig = no;
        m->cap = ncap;
    }
    m->norm[m->n] = (uint32_t)k;
    m->orig[m->n++] = (uint32_t)i;
}
MEM_UNWINDS_END

/* After NFC composition: rebuild the runs so that each composed character
 * maps to the source of its first decomposed code point. A composed
 * character is a base followed by marks; walk both texts one character at a
 * time, skipping the marks on the decomposed side. */
static void compose_map(arena *a, utf8_map *m, const char *dec, size_t dn,
                        const char *nfc, size_t cn) {
    utf8_map old = *m;
    utf8_map fresh;
    memset(&fresh, 0, sizeof fresh);
    fresh.in_len = old.in_len;
    size_t i = 0, j = 0;
    while (j < cn && i < dn) {
        map_mark(a, &fresh, j, utf8_map_orig(&old, (uint32_t)i));
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)nfc + j, cn - j, &cp);
        j += l > 0 ? (size_t)l : 1;
        l = utf8_decode((const unsigned char *)dec + i, dn - i, &cp);
        i += l > 0 ? (size_t)l : 1;
        while (i < dn) { /* the marks composed into this character */
            l = utf8_decode((const unsigned char *)dec + i, dn - i, &cp);
            if (l <= 0) break;
            utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
            if (cat < UTF8PROC_CATEGORY_MN || cat > UTF8PROC_CATEGORY_ME) break;
            /* a mark that did not compose is the next character itself */
            if (cn - j >= (size_t)l && !memcmp(nfc + j, dec + i, (size_t)l))
                break;
            i += (size_t)l;
        }
    }
    *m = fresh;
}

uint32_t utf8_map_orig(const utf8_map *m, uint32_t k) {
    if (!m || !m->n) return k;
    /* last run starting at or before k */
    uint32_t lo = 0, hi = m->n;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (m->norm[mid] <= k) lo = mid;
        else hi = mid;
    }
    uint64_t o = (uint64_t)m->orig[lo] + (k - m->norm[lo]);
    /* inside a run that expanded one input character (an em dash written
     * " -- "), stay before the next run's source */
    if (lo + 1 < m->n && o > m->orig[lo + 1]) o = m->orig[lo + 1];
    return o > m->in_len ? m->in_len : (uint32_t)o;
}

/* The length of the longest prefix of s[0..n) that normalising copies
 * as it is: printable ASCII and line feeds, no backtick (a lone one
 * becomes an apostrophe), no two apostrophes in a row (a double mark). */
static size_t same_prefix(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        /* 8 bytes at a time; an apostrophe only stops it when the next
         * byte is one too (news text has one every few words) */
        while (n - i >= 9) {
            uint64_t x = swar_load(s + i);
            if (swar_nonprint(x) | swar_eq(x, '`')) break;
            uint64_t q = swar_eq(x, '\'');
            if (q && ((q & (q >> 8)) || (s[i + 7] == '\'' && s[i + 8] == '\'')))
                break;
            i += 8;
        }
        if (i >= n) break;
        unsigned c = s[i];
        if (c != '\n' && (c < 0x20 || c >= 0x7F || c == '`')) break;
        if (c == '\'' && i + 1 < n && s[i + 1] == '\'') break;
        i++;
    }
    return i;
}

int utf8_unchanged(const char *in, size_t n) {
    return !in || same_prefix((const unsigned char *)in, n) == n;
}

size_t utf8_normalise(arena *a, const char *in, size_t n, char **out,
                      uint32_t *invalid) {
    return utf8_normalise_map(a, in, n, out, invalid, NULL);
}

/* Allocates from the document's arena under dyad_code's unwind point:
 * the analyzer's NULL warnings are false positives here (mem.h). */
MEM_UNWINDS_BEGIN
static size_t normalise(arena *a, const char *in, size_t n, const char **out,
                        uint32_t *invalid, utf8_map *map, int borrow) {
    const unsigned char *s = (const unsigned char *)in;
    uint32_t bad = 0;
    if (!s) n = 0;
    if (n > (SIZE_MAX - 16) / 3) n = (SIZE_MAX - 16) / 3;
    if (map) {
        memset(map, 0, sizeof *map);
        map->in_len = (uint32_t)n;
    }
    /* what normalising leaves as it is is scanned, not copied byte by
     * byte; a text that is all such (most ASCII) may be used as it is */
    size_t i = same_prefix(s, n);
    if (i) map_mark(a, map, 0, 0);
    if (borrow && n && i == n) {
        *out = in;
        if (invalid) *invalid = 0;
        return n;
    }
    /* An ASCII byte gives at most one byte, any other at most three (an
     * invalid byte U+FFFD, an em dash " -- "): sized for this text rather
     * than for 3 * n, which a long document would hold on to */
    size_t high = 0, j = i;
    for (; n - j >= 8; j += 8) /* (the 0/1 bytes summed by a multiply) */
        high += (size_t)((((swar_load(s + j) & SWAR_HIGH) >> 7) * SWAR_ONES) >> 56);
    for (; j < n; j++) high += s[j] >> 7;
    char *o = arena_alloc(a, n + 2 * high + 1);
    if (i) memcpy(o, s, i);
    size_t k = i;   /* bytes written */
    int has_mark = 0; /* a combining mark was written: compose to NFC */
    while (i < n) {
        /* after a character that changed lengths, ASCII starts a run */
        map_mark(a, map, k, i);
        /* printable ASCII other than ` and ', 8 bytes at a time */
        while (n - i >= 8) {
            uint64_t x = swar_load(s + i);
            if (swar_nonprint(x) | swar_eq(x, '`') | swar_eq(x, '\'')) break;
            memcpy(o + k, &x, 8);
            k += 8;
            i += 8;
        }
        if (i >= n) break;
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x7F && c != '`' && c != '\'') {
            o[k++] = (char)c; /* the common case: printable ASCII */
            i++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        /* every character below may change lengths: a run starts at it,
         * and (mark_after) another after it */
        map_mark(a, map, k, i);
        if (len < 0) {
            k += put_cp(o + k, 0xFFFD);
            bad++;
            i += len < 0 ? (size_t)-len : 1;
            continue;
        }
        i += (size_t)len;
        switch (cp) {
        case '\r':
            /* CRLF -> \n; a lone CR (old Mac files) is a line end too */
            if (i < n && s[i] == '\n') i++;
            o[k++] = '\n';
            continue;
        case '\n':
            o[k++] = '\n';
            continue;
        case '`':
        case '\'':
            /* Treebank-style `` and '' are double quotes: ``Yes,'' he said */
            if (i < n && s[i] == cp) {
                i++;
                o[k++] = '"';
            } else {
                o[k++] = '\'';
            }
            continue;
        case 0x85:   /* NEL */
        case 0x2028: /* line separator */
            o[k++] = '\n';
            continue;
        case 0x2029: /* paragraph separator: a blank line */
            o[k++] = '\n';
            o[k++] = '\n';
            continue;
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        case 0x2035: case 0x2039: case 0x203A: case 0x02BC: case 0xFF07:
            o[k++] = '\'';
            continue;
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        case 0x2036: case 0x00AB: case 0x00BB: case 0x301D: case 0x301E:
        case 0xFF02:
            o[k++] = '"';
            continue;
        case 0x2010: case 0x2011: case 0x2012: case 0x2212: case 0xFE63:
        case 0xFF0D:
            /* hyphens and the minus sign: "\u2212" 5 -> -5 */
            o[k++] = '-';
            continue;
        case 0x2026:
            o[k++] = '.';
            o[k++] = '.';
            o[k++] = '.';
            continue;
        case 0x2013: case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B: {
            /* An unspaced en dash joins a range or compound: "1990-95",
             * "the Gondor-Rohan border". Anything else is a parenthetical
             * dash, written "--" as in the Treebank and set off by spaces so
             * the tokenizer sees it as its own token: "talks -- which". */
            uint32_t next = peek_cp(s, n, i);
            int prev_word = k > 0 && !is_ascii_space((unsigned char)o[k - 1]) &&
                            ((unsigned char)o[k - 1] >= 0x80 ||
                             is_ascii_digit(o[k - 1]) ||
                             ((o[k - 1] | 0x20) >= 'a' &&
                              (o[k - 1] | 0x20) <= 'z'));
            if (cp == 0x2013 && prev_word && cp_is_wordish(next)) {
                o[k++] = '-';
                continue;
            }
            if (k > 0 && !is_ascii_space((unsigned char)o[k - 1]))
                o[k++] = ' ';
            o[k++] = '-';
            o[k++] = '-';
            if (i < n && !cp_is_space(next)) o[k++] = ' ';
            continue;
        }
        case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
        case 0xFEFF:
            continue; /* soft hyphen, zero-width characters, BOM */
        default:
            break;
        }
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            o[k++] = ' '; /* tab, form feed and other control characters */
            continue;
        }
        if (cp >= 0x80) {
            utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
            if (cat == UTF8PROC_CATEGORY_ZS) {
                o[k++] = ' ';
                continue;
            }
            if (cat == UTF8PROC_CATEGORY_CF) continue; /* LRM, RLM, ... */
            if (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME)
                has_mark = 1;
        }
        k += put_cp(o + k, cp);
    }
    o[k] = '\0';
    if (has_mark) {
        /* Dictionaries spell names precomposed: "e" + U+0301 -> U+00E9.
         * utf8proc allocates the result with malloc; copy it into the
         * arena. On the (impossible for valid input) error path keep the
         * decomposed text, which is still valid UTF-8. */
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)o,
                                          (utf8proc_ssize_t)k, &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (r >= 0 && nfc) {
            if (map) compose_map(a, map, o, k, (const char *)nfc, (size_t)r);
            o = arena_strndup(a, (const char *)nfc, (size_t)r);
            k = (size_t)r;
        }
        free(nfc);
    }
    *out = o;
    if (invalid) *invalid = bad;
    return k;
}

size_t utf8_normalise_map(arena *a, const char *in, size_t n, char **out,
                          uint32_t *invalid, utf8_map *map) {
    const char *o;
    size_t k = normalise(a, in, n, &o, invalid, map, 0);
    *out = (char *)o; /* (not borrowed: the arena's copy) */
    return k;
}

size_t utf8_normalise_borrow(arena *a, const char *in, size_t n,
                             const char **out, uint32_t *invalid,
                             utf8_map *map) {
    size_t k = normalise(a, in, n, out, invalid, map, 1);
#ifdef DYAD_ARENA_POISON
    /* (test builds: a borrowed text must be what the copy would be) */
    if (*out == in) {
        char *o;
        utf8_map m2;
        uint32_t bad = 0;
        size_t k2 = utf8_normalise_map(a, in, n, &o, &bad, &m2);
        if (k2 != k || bad || memcmp(o, in, n) || !map || m2.n != map->n ||
            m2.norm[0] != map->norm[0] || m2.orig[0] != map->orig[0])
            abort();
    }
#endif
    return k;
}
MEM_UNWINDS_END
