/* utf8norm.h -- bytes in, clean normalised UTF-8 out.
 *
 * The first stage of the text layer. News feeds deliver anything: Windows
 * line ends, typographic quotes, non-breaking spaces, soft hyphens, and now
 * and then broken or binary bytes. Everything downstream (sentence splitter,
 * tokenizer, dictionaries written against plain ASCII Penn Treebank text)
 * wants one predictable form, so this module decides it once:
 *   - invalid UTF-8 (bad lead/continuation bytes, overlongs, surrogates,
 *     code points above U+10FFFF) becomes U+FFFD, counted;
 *   - typographic single quotes/primes and the backtick -> '
 *     typographic double quotes, guillemets, `` and '' -> "
 *   - em dash -> " -- ", en dash -> "-" inside a word or number range
 *     ("1990-1995", "Gondor-Rohan"), otherwise " -- "; minus sign -> "-"
 *   - Unicode spaces (NBSP, thin space, ...) and control chars -> ' ',
 *     NUL among them (valid UTF-8: JSON's \u0000 decodes to it)
 *   - CR and CRLF -> \n, line separator -> \n, paragraph separator -> \n\n
 *   - ellipsis U+2026 -> "..."
 *   - soft hyphen, zero-width and other format characters are removed.
 */
#ifndef DYAD_UTF8NORM_H
#define DYAD_UTF8NORM_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

/* Normalises in[0..n) into a new NUL-terminated string allocated in a and
 * stored in *out; returns its length in bytes (without the NUL). in may
 * contain NUL bytes and need not be terminated; in may be NULL when n is 0.
 * *invalid (if invalid is non-NULL) receives the number of invalid sequences
 * and NUL bytes replaced by U+FFFD. Never fails on any input. */
size_t utf8_normalise(arena *a, const char *in, size_t n, char **out,
                      uint32_t *invalid);

/* Where each normalised byte came from, so that spans can be reported in
 * the caller's byte offsets. Stored as runs: from norm[i] on, normalised
 * byte k came from input byte orig[i] + (k - norm[i]). A new run starts
 * wherever the normaliser changed a length (a 3-byte typographic quote
 * became one byte, CRLF one newline), so ASCII text has a single run. */
typedef struct utf8_map {
    uint32_t *norm, *orig;  /* run starts, ascending in both */
    uint32_t n, cap;
    uint32_t in_len;        /* input length: the image of the text's end */
} utf8_map;

/* utf8_normalise that also fills *map (allocated in a). Text that needed
 * Unicode composition (combining marks) maps each composed character to
 * the start of its decomposed source, the rest exactly. */
size_t utf8_normalise_map(arena *a, const char *in, size_t n, char **out,
                          uint32_t *invalid, utf8_map *map);

/* Is in[0..n) plain enough that utf8_normalise returns it as it is?
 * (Printable ASCII and line feeds, no backtick, no two apostrophes in a
 * row; some other unchanged text, accented letters say, is not seen.) */
int utf8_unchanged(const char *in, size_t n);

/* utf8_normalise_map, except that when utf8_unchanged(in, n) (and n > 0)
 * *out is in itself, not a copy: in must then outlive *out, and end in a
 * NUL at in[n] if *out is to. The map is the same either way. */
size_t utf8_normalise_borrow(arena *a, const char *in, size_t n,
                             const char **out, uint32_t *invalid,
                             utf8_map *map);

/* Input offset of normalised offset k (k may be the text length). */
uint32_t utf8_map_orig(const utf8_map *m, uint32_t k);

/* Decodes one code point at s[0..n), n >= 1, strictly (no overlongs, no
 * surrogates, max U+10FFFF). Returns the sequence length (1..4) and sets *cp;
 * on an invalid sequence returns minus the length of its maximal valid prefix
 * (at least 1 byte), which is what one U+FFFD should replace. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
