/* dict_verbs_priv.h -- pieces shared by the two verb dictionary readers
 * (dict_verbs.c: PETRARCH2 CAMEO.2.0.txt format; dict_verbs_linear.c:
 * PETRARCH1 linear format). Block headers, verb lines and synsets follow the
 * same conventions in both formats; only patterns differ.
 */
#ifndef DYAD_DICT_VERBS_PRIV_H
#define DYAD_DICT_VERBS_PRIV_H

#include "dict/dict_priv.h"

/* "--- MEANING [CODE] ---": appends a block, returns its index or -1. */
int vb_header(dict *d, const char *name, uint32_t line, uint16_t file,
                 const char *s, size_t n, char *err, size_t errlen);

/* A verb line of block `block` (comments already cut). `linear` selects the
 * PETRARCH1 regular-form rules (a') instead of PETRARCH2's (a.3). */
int vb_verb_line(dict *d, const char *name, uint32_t line, uint16_t file,
               uint32_t block, const char *s, size_t n, int linear,
               dict_wbuf *scratch, char *err, size_t errlen);

/* Synset by label ("&NAME", a trailing '_' ignored); -1 if undefined. */
int vb_synset_find(const dict *d, const char *s, size_t n);
/* Starts a synset from its label line; *no_plural is set for "&NAME_". */
uint32_t vb_synset_begin(dict *d, const char *s, size_t n, int *no_plural);
/* Adds a member phrase to the last synset, plus its plural (a.2) when
 * `plural` is set and the phrase is a single word. */
void vb_synset_member(dict *d, const uint32_t *w, size_t n, int plural);

/* Parses the inside of a pattern's "[...]" into code/rcode/flags. */
int vb_pattern_code(pattern *p, const char *s, size_t n);
/* Appends an empty pattern to block `block`; returns its index. */
uint32_t vb_pattern_new(dict *d, uint32_t block, uint32_t line, uint16_t file);
void vb_pattern_push(dict *d, pat_elem e);

int dict_load_verbs_linear(dict *d, const char *name, const char *text,
                           size_t len, char *err, size_t errlen);

#endif
