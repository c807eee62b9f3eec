/* tabari_priv.h -- pieces shared by the TABARI readers (tabari_*.c) only:
 * the common line format of formats.md g.2 and phrase parsing.
 */
#ifndef DYAD_DICT_TABARI_PRIV_H
#define DYAD_DICT_TABARI_PRIV_H

#include "dict/dict_priv.h"
#include "dict/lines.h"
#include "dict/tabari.h"

/* Line reader for g.2: skips lines that are empty or start with '#' or
 * '/', stops at a line starting with '~' (the rest is an untouched tail),
 * cuts a ';' comment, trims trailing blanks. Leading blanks are kept
 * (continuation lines of actor records). */
typedef struct tlines {
    dlines raw;
    int done;
} tlines;

void tlines_init(tlines *r, const char *text, size_t len, arena *scratch);
int tlines_next(tlines *r, const char **s, size_t *n);
static inline uint32_t tlines_lineno(const tlines *r) {
    return r->raw.lineno;
}

/* Parses a dictionary phrase ("AMARA_TOLL", "KESTRIAN TELEVISION",
 * "MOUSE=", "BARAD-DUR") into phrase words appended to t->words: words
 * are split at blanks and '_', upper-cased, '-' read as '_'. `endings`:
 * the last word written with '_' also matches with a regular ending (roots
 * of actors, agents, nouns and verbs; not pattern words). Returns the
 * number of words, or -1 (with err set) for a phrase under 2 characters.
 * *chars gets the phrase's letters, digits, '_' and '\'' (its TABARI
 * length). */
int tab_phrase(dict *d, const char *name, uint32_t line, const char *s,
               size_t n, int endings, uint32_t *chars, char *err,
               size_t errlen);

/* Appends a root for the phrase s[0..n) (parsed with tab_phrase); returns
 * its index or -1 with err set. */
int64_t tab_add_root(dict *d, const char *name, uint32_t line, uint16_t file,
                     tab_kind kind, const char *s, size_t n, uint32_t ref,
                     char *err, size_t errlen);

/* A date of a restriction: YYMMDD (years 00-30 are 20xx) or YYYYMMDD.
 * Returns 0 when s[0..n) is not one. */
uint32_t tab_date(const char *s, size_t n);

static inline int tab_isalnum(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9');
}

#endif
