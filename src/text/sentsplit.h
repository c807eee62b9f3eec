/* sentsplit.h -- normalised document text -> sentence spans.
 *
 * PETRARCH-style coding works sentence by sentence, so a wrong split either
 * glues two events' actors together or cuts an actor off its verb. The
 * splitter is rule based and linear time:
 *   - . ! ? (and runs such as "?!" or "...") end a sentence when followed by
 *     white space and a word that does not start in lower case; closing
 *     quotes and brackets right after the mark stay with the sentence
 *     ('He left." The ...' splits after the quote, '"Why?" he asked' does
 *     not split);
 *   - a period after a known abbreviation does not end the sentence, except
 *     that acronyms and other non-title abbreviations ("U.S.", "p.m.",
 *     "Inc.") do end one when the next word is a typical sentence opener
 *     ("The", "It", "He", ...). Titles ("Gen.", "Mr.") never end one;
 *   - a blank line (paragraph break) always ends a sentence;
 *   - no span is longer than SENT_MAX_LEN bytes: a longer run is cut at its
 *     last white space (or at a UTF-8 character boundary).
 * The abbreviation table is shared with the tokenizer (sent_abbrev_kind), so
 * the two stages agree on what "U.S." is.
 */
#ifndef DYAD_SENTSPLIT_H
#define DYAD_SENTSPLIT_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

#define SENT_MAX_LEN 4096u

/* One sentence: bytes text[off .. off+len), trimmed of white space. */
typedef struct sent_span {
    uint32_t off; /* byte offset in the document text */
    uint32_t len; /* byte length, 1 .. SENT_MAX_LEN */
} sent_span;

/* Splits text[0..len) into sentences; *out receives an arena array of the
 * spans in text order (NULL-free even when 0 is returned). Returns the count.
 * Empty and all-blank texts give 0 spans. */
uint32_t sent_split(arena *a, const char *text, uint32_t len, sent_span **out);

/* What kind of abbreviation a word followed by a period is. */
typedef enum sent_abbrev {
    SA_NONE = 0,  /* not an abbreviation: the period is punctuation */
    SA_TITLE,     /* Mr, Mrs, Gen, Sen, Dr, ...: a name always follows */
    SA_OTHER,     /* Jan, Inc, Corp, etc, vs, St, ...: may end a sentence */
    SA_NUMERIC,   /* No, Nos: an abbreviation only before a number */
    SA_ACRONYM,   /* letters with inner periods: U.S, U.N, a.m, e.g, K.U */
    SA_INITIAL    /* one capital letter: the "F" of "John F. Kennedy" */
} sent_abbrev;

/* Classifies w[0..n), the word before a period, without the period itself
 * ("U.S" for "U.S.", "Gen" for "Gen."). */
sent_abbrev sent_abbrev_kind(const char *w, size_t n);

#endif
