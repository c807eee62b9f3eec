/* quote_marks.h -- quotation marks paired into quoted stretches of text;
 * see quote_marks.c. */
#ifndef DYAD_QUOTE_MARKS_H
#define DYAD_QUOTE_MARKS_H

#include <stdint.h>

#include "code/qp.h"
#include "util/arena.h"

/* A quoted stretch: the text between its marks, in the part's normalised
 * text. One that goes on into the next paragraph (reopened there with a
 * new mark, the news convention) is one stretch over both. */
typedef struct raw_quote {
    uint32_t open, close;    /* [open, close): the words inside the marks */
    uint8_t single;          /* single marks: 'like this' */
    uint8_t paragraphs;      /* it spans more than one paragraph */
    uint8_t unclosed;        /* no closing mark: ended at its paragraph */
} raw_quote;

/* The quoted stretches of part p, in text order (in a). */
uint32_t quote_marks_find(arena *a, const qp_part *p, raw_quote **out);

#endif
