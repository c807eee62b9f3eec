/* strmap.h -- string -> uint32 hash map with open addressing.
 *
 * The engine's vocabulary (every dictionary word gets a small integer id) and
 * the tagger's lexicon are strmaps. Keys are copied into the map's own arena.
 * A map is written only while dictionaries load; afterwards it is read-only
 * and safe to share between threads.
 *
 * Lookups are on the per-token hot path (lexicon, vocabulary, verb forms,
 * discards), so besides the plain strmap_get there are variants that take a
 * hash the caller already has (strmap_hash of a token computed once and used
 * for several maps) and that return the slot, which holds both the stored key
 * and the value, in one probe sequence.
 */
#ifndef DYAD_STRMAP_H
#define DYAD_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

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
    const mem *m;       /* where the table comes from */
} strmap;

/* mm may be NULL (libc). */
void strmap_init(strmap *m, const mem *mm);
void strmap_free(strmap *m);
/* Makes room for n keys without further growth (sizes the table for a load
 * factor of at most 1/2, which keeps unsuccessful probes short). */
void strmap_reserve(strmap *m, size_t n);

/* FNV-1a, exposed in pieces so that a caller can hash every prefix of a word
 * in one pass (the discard index looks up prefixes): strmap_hash(s, n) ==
 * strmap_hash_final(strmap_hash_step(...strmap_hash_step(STRMAP_HASH_INIT,
 * s[0])..., s[n-1])). */
#define STRMAP_HASH_INIT 2166136261u
static inline uint32_t strmap_hash_step(uint32_t h, unsigned char c) {
    return (h ^ c) * 16777619u;
}
static inline uint32_t strmap_hash_final(uint32_t h) { return h ? h : 1; }
uint32_t strmap_hash(const char *s, size_t n);

/* Returns a pointer to the value slot, inserting the key with value 0 when it
 * is new (then *is_new is set, if given). The pointer stays valid until the
 * next insertion. */
uint32_t *strmap_put(strmap *m, const char *key, size_t n, int *is_new);
/* Returns 1 and sets *value when present, 0 otherwise. */
int strmap_get(const strmap *m, const char *key, size_t n, uint32_t *value);
/* The slot holding key (hash h = strmap_hash(key, n)), or NULL. */
const strmap_slot *strmap_find(const strmap *m, const char *key, size_t n,
                               uint32_t h);
/* The stored copy of a key (for interning), or NULL. */
const char *strmap_key(const strmap *m, const char *key, size_t n);

#endif
