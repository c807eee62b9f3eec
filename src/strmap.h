/* strmap.h -- string -> uint32 hash map with open addressing.
 *
 * The engine's vocabulary (every dictionary word gets a small integer id) and
 * the tagger's lexicon are strmaps. Keys are copied into the map's own arena.
 * A map is written only while dictionaries load; afterwards it is read-only
 * and safe to share between threads.
 */
#ifndef DYAD_STRMAP_H
#define DYAD_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct strmap_slot {
    const char *key;    /* NULL: empty slot */
    uint32_t klen;      /* key length in bytes */
    uint32_t hash;      /* full hash, compared before the key bytes */
    uint32_t value;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots;
    size_t cap;         /* power of two */
    size_t count;
    arena keys;         /* key storage */
} strmap;

void strmap_init(strmap *m);
void strmap_free(strmap *m);
uint32_t strmap_hash(const char *s, size_t n);
/* Returns a pointer to the value slot, inserting the key with value 0 when it
 * is new (then *is_new is set, if given). The pointer stays valid until the
 * next insertion. */
uint32_t *strmap_put(strmap *m, const char *key, size_t n, int *is_new);
/* Returns 1 and sets *value when present, 0 otherwise. */
int strmap_get(const strmap *m, const char *key, size_t n, uint32_t *value);
/* The stored copy of a key (for interning), or NULL. */
const char *strmap_key(const strmap *m, const char *key, size_t n);

#endif
