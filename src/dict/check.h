/* dict_check.h -- consistency checks of loaded dictionaries (`dyad dict check`).
 *
 * The readers accept anything they can parse; many mistakes still load
 * silently: a phrase defined twice, a CAMEO code that does not exist, a
 * pattern that can never fire. dict_check walks a loaded engine and reports
 * each such finding through a callback, so the library does no I/O and the
 * caller decides how to print or collect them. Checks (docs/dictionaries.md
 * lists them with examples):
 *
 *   duplicate      an actor phrase defined twice (error if the codes differ),
 *                  an agent entry whose every phrase is redefined later, a
 *                  verb form in two blocks (or twice in one), a pattern
 *                  repeated in its block (error if the codes differ)
 *   unknown-code   a block, verb or pattern code missing from the CAMEO table
 *   bad-code       an actor code that is not 3-character blocks of A-Z0-9,
 *                  an agent code without '~'
 *   never-matches  a pattern element naming an undefined synset (kept as the
 *                  literal word "&NAME") or an empty synset; a pattern after
 *                  a bare "- * [C]" pattern, which the coder tries first and
 *                  which always matches; a verb form the tagger can never tag
 *                  as a verb (a closed-class word); a PETRARCH2 pattern with
 *                  $ + % (warning: PETRARCH2 never matches it, dyad does)
 *   overrides      a bare "- * [C]" pattern that overrides verbs' own codes
 *   load           the readers' own warnings (count and the last message)
 */
#ifndef DYAD_DICT_CHECK_H
#define DYAD_DICT_CHECK_H

#include <stdint.h>

#include "dyad.h"

typedef enum dchk_severity { DCHK_WARNING = 0, DCHK_ERROR = 1 } dchk_severity;

/* One finding. Strings are valid only during the callback. */
typedef struct dchk_finding {
    const char *file;      /* dictionary file name as loaded ("" if none) */
    uint16_t file_index;   /* index into the engine's file list, for sorting;
                              UINT16_MAX when file is not a loaded file */
    uint32_t line;         /* 1-based; 0 when not tied to a line */
    dchk_severity severity;
    const char *kind;      /* "duplicate", "unknown-code", ... (see above) */
    const char *msg;       /* one line, no trailing newline */
} dchk_finding;

typedef void (*dchk_callback)(void *ctx, const dchk_finding *f);

/* Totals of one run. */
typedef struct dchk_report {
    uint32_t errors, warnings;
} dchk_report;

/* Runs every check on e and calls cb (if not NULL) once per finding, grouped
 * by check, in dictionary order within each check. Fills *out. Reads e only;
 * safe to run while other threads code with e. Returns 0, or -1 when memory
 * ran out (nothing leaks). */
int dict_check(const dyad_engine *e, dchk_callback cb, void *ctx,
               dchk_report *out);

#endif
