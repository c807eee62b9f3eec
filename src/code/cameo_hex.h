/* cameo_hex.h -- composable integer form of CAMEO codes (see cameo_hex.c). */
#ifndef DYAD_CAMEO_HEX_H
#define DYAD_CAMEO_HEX_H

/* CAMEO code -> integer; 0 for "---", empty or an unknown root. */
int cameo_to_hex(const char *code);
/* Integer -> CAMEO code, or NULL when the value has no code (no event). */
const char *cameo_from_hex(int value);
/* Like cameo_to_hex, for a code governed by another verb. */
int cameo_to_hex_governed(const char *code);
/* cameo_from_hex, falling back to the nearest coarser code. */
const char *cameo_from_hex_near(int value);
/* The code of an intention to do an act: 033 for aid, 1312 for sanctions,
 * 138 for an attack, 036 for a meeting; 0 when it has none. */
int cameo_hex_intent(int act);
/* The code of a verb governing another: combine(intend, aid) = 033. */
int cameo_hex_combine(int upper, int lower);

#endif
