/* dateline.c -- the dateline that opens a news story.
 *
 * Agency copy starts its first sentence with where (and often when and by
 * whom) it was filed: "KABUL, Aug 12 (Reuters) - The Taliban said ...",
 * "BAMAKO, Mali (AP) -- ...", "Beirut (AFP) -", "Islamabad, 12 March 2019:".
 * Left in, the place reads as the sentence's subject ("Kabul said"). The
 * dateline is told by its shape: a short run of capitalised words, commas,
 * dates and a bracketed agency, ended by a dash or a colon.
 */
#include "text/dateline.h"

#include <string.h>

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Lower-case words a dateline may hold: month abbreviations are
 * capitalised, but "de", "al" in place names are not. */
static int dateline_word(const char *w, size_t n) {
    static const char *const ok[] = {"de", "del", "al", "el", "la", "le",
                                     "upon", "am", NULL};
    for (const char *const *p = ok; *p; p++)
        if (strlen(*p) == n && !memcmp(w, *p, n)) return 1;
    return 0;
}

/* Is what came before the separator a dateline rather than the start of a
 * sentence that happens to hold a dash ("Russia and Ukraine - ...")? A
 * place in capitals, a bracketed agency, or a short list with a comma
 * ("Geneva, Switzerland"). */
static int looks_filed(int first_caps, int had_paren, int commas,
                       uint32_t words) {
    return first_caps || had_paren || (commas && words <= 5);
}

uint32_t dateline_length(const char *s, uint32_t n) {
    uint32_t lim = n < 120 ? n : 120, i = 0, words = 0, paren = 0;
    int first_caps = 0, had_paren = 0, commas = 0;
    if (!n || !is_upper((unsigned char)s[0])) return 0;
    while (i < lim) {
        unsigned char c = (unsigned char)s[i];
        /* the end: a dash set off by spaces, or a colon, after a place */
        if (words && !paren && c == ' ' && i + 2 < n &&
            (s[i + 1] == '-' || s[i + 1] == ':')) {
            uint32_t j = i + 1;
            while (j < n && s[j] == '-') j++;
            if (j < n && (s[j] == ' ' || s[j] == ':')) {
                while (j < n && (s[j] == ' ' || s[j] == ':')) j++;
                return j < n && looks_filed(first_caps, had_paren, commas,
                                            words)
                           ? j
                           : 0;
            }
        }
        if (words && !paren && c == ':' && i + 1 < n && s[i + 1] == ' ') {
            uint32_t j = i + 1;
            while (j < n && s[j] == ' ') j++;
            return j < n && is_upper((unsigned char)s[j]) &&
                           looks_filed(first_caps, had_paren, commas, words)
                       ? j
                       : 0;
        }
        if (c == '(') {
            if (paren) return 0;
            paren = had_paren = 1;
            i++;
            continue;
        }
        if (c == ')') {
            if (!paren) return 0;
            paren = 0;
            i++;
            continue;
        }
        commas += c == ',';
        if (c == ' ' || c == ',' || c == '.' || c == '/' || c == '\'' ||
            (c == '-' && i > 0 && s[i - 1] != ' ')) {
            i++;
            continue;
        }
        if (is_digit(c)) {
            while (i < lim && is_digit((unsigned char)s[i])) i++;
            continue;
        }
        if (c >= 0x80) { /* a letter of another script: "Sanaa", "Hanoï" */
            i++;
            continue;
        }
        if (is_upper(c) || is_lower(c)) {
            uint32_t b = i;
            while (i < lim && ((unsigned char)s[i] >= 0x80 ||
                               is_upper((unsigned char)s[i]) ||
                               is_lower((unsigned char)s[i])))
                i++;
            if (is_lower(c) && !dateline_word(s + b, i - b)) return 0;
            if (!words && i - b >= 2) {
                first_caps = 1;
                for (uint32_t k = b; k < i; k++)
                    first_caps &= !is_lower((unsigned char)s[k]);
            }
            if (++words > 8) return 0;
            continue;
        }
        return 0;
    }
    return 0;
}
