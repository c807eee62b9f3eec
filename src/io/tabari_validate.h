/* tabari_validate.h -- TABARI's validation records (formats.md g.9) for
 * `dyad validate FILE.project`.
 */
#ifndef DYAD_IO_TABARI_VALIDATE_H
#define DYAD_IO_TABARI_VALIDATE_H

#include <stdio.h>

#include "dyad.h"

typedef struct tval_counts {
    int passed, failed;
    int options;      /* OPTION: records (passed without coding) */
} tval_counts;

/* Loads the dictionaries the project names, then codes every record of
 * its text files up to the end marker ("end of the standard validation
 * records"), applying OPTION: records as they come; prints each failure
 * (and with verbose every record) to out. `only`, when not NULL, limits
 * the printing to records whose id starts with it. Returns 0, or -1 with
 * err set when the project or its dictionaries cannot be read. */
int tval_run(const char *project, int verbose, const char *only, FILE *out,
             tval_counts *n, char *err, size_t errlen);

#endif
