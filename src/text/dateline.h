/* dateline.h -- the dateline that opens a news story ("KABUL, Aug 12
 * (Reuters) - "); see dateline.c. */
#ifndef DYAD_DATELINE_H
#define DYAD_DATELINE_H

#include <stdint.h>

/* Bytes of the dateline at the start of s[0..n), separator and blanks
 * included (the story proper starts there), or 0 when there is none. */
uint32_t dateline_length(const char *s, uint32_t n);

#endif
