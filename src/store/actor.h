/* actor.h -- a CAMEO actor code split into its three-letter blocks, the way
 * GDELT's event table decomposes Actor1Code: country (or region, or an
 * IGO/NGO/MNC/IMG prefix's country-like position), known group, religions
 * and up to three types (roles and sectors).
 *
 *     actor_split("USAGOVMIL") -> country USA, type1 GOV, type2 MIL
 *     actor_split("IGOUNO")    -> type1 IGO, group UNO
 *     actor_split("---GOV")    -> type1 GOV (no country)
 *
 * Block meanings follow the CAMEO actor codebook's classes (roles,
 * sectors, organisation types, religions, regions, known groups); a first
 * block that is none of those is taken as a country code.
 */
#ifndef DYAD_STORE_ACTOR_H
#define DYAD_STORE_ACTOR_H

typedef struct actor_parts {
    char country[4];       /* "USA", region "AFR"; "" none */
    char group[4];         /* known group "UNO", "NAT"; "" none */
    char religion1[4], religion2[4];
    char type1[4], type2[4], type3[4]; /* "GOV", "MIL", "IGO"... */
} actor_parts;

/* Splits code (NULL, "" and "---" give all empty). */
void actor_split(const char *code, actor_parts *out);

#endif
