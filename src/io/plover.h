/* plover.h -- the PLOVER event type and mode of a CAMEO event code.
 *
 * PLOVER (the Open Event Data Alliance's successor to CAMEO) describes an
 * event by a type (AGREE, CONSULT, ... ASSAULT), a mode (how: "visit",
 * "phone", "arrest") and a context (why: "military", "economic"). dyad's
 * mapping is data/plover.tsv, derived from the PLOVER project's published
 * conversion table (CC BY-SA 4.0, attribution in that file), compiled into
 * the binary as build/gen/plover_data.c (tools/mkplover.awk). docs/plover.md
 * explains the mapping, its source and its gaps.
 *
 *     const plover_entry *p = plover_lookup("042");  -> CONSULT, visit
 *
 * Roots 01 and 02 have no PLOVER type (PLOVER dropped them): their entries
 * have an empty type. A code missing from the table takes its three-digit
 * parent's type, else its root's, with empty mode and context.
 */
#ifndef DYAD_PLOVER_H
#define DYAD_PLOVER_H

#include <stddef.h>

typedef struct plover_entry {
    const char *cameo;     /* "042" */
    const char *type;      /* "CONSULT"; "" no PLOVER event */
    const char *mode;      /* "visit"; "" none */
    const char *context;   /* "diplomatic", "crime;corruption"; "" none */
    const char *basis;     /* "table", "root", "parent", "dropped" */
} plover_entry;

/* The generated table, sorted by cameo (strcmp). */
extern const plover_entry plover_table[];
extern const size_t plover_table_len;

/* The entry for code (the first n bytes; n may be the full strlen), or for
 * its nearest listed ancestor (three digits, then two); NULL when neither
 * is listed (an unknown code). */
const plover_entry *plover_lookup(const char *code, size_t n);

#endif
