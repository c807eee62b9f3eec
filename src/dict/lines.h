/* dict_lines.h -- line readers for the dictionary files.
 *
 * dlines_next implements the common PETRARCH line reader of formats.md
 * section 0 (comments, <!-- --> spans, blank lines) and keeps the physical
 * line number of every line it returns, so readers can report
 * "file:line: reason". dlines_raw_next returns every physical line untouched;
 * the PETRARCH2 verb reader uses it because that format has its own rules
 * (a.1). Neither allocates per line: returned text points into the file
 * text, or into one buffer owned by the reader when a mid-line comment span
 * had to be cut out.
 */
#ifndef DYAD_DICT_LINES_H
#define DYAD_DICT_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef struct dlines {
    const char *p, *end;  /* unread part of the file text */
    uint32_t lineno;      /* physical line number of the last line returned */
    int in_comment;       /* inside a multi-line <!-- ... --> block */
    char *buf;            /* scratch for lines with a cut-out span */
    size_t cap;           /* bytes allocated in buf */
    arena *scratch;       /* where buf comes from */
} dlines;

/* buf comes from scratch (the dictionary's reader scratch: nothing to
 * free). */
void dlines_init(dlines *r, const char *text, size_t len, arena *scratch);

/* Next meaningful line, section 0 rules applied: '#' comments cut, <!-- -->
 * spans removed (also across lines), blank lines skipped, trailing blanks
 * trimmed. Leading blanks are kept (actor restriction lines are indented).
 * Returns 1 and sets *s and *n, or 0 at end of text. */
int dlines_next(dlines *r, const char **s, size_t *n);

/* Next physical line, without its line end ("\n" or "\r\n"). */
int dlines_raw_next(dlines *r, const char **s, size_t *n);

#endif
