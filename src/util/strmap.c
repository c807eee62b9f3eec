/* strmap.c -- open-addressing string map; see strmap.h.
 *
 * Linear probing over slots that carry the full hash, so a probe compares
 * the key bytes only when the 32-bit hashes agree. The table is kept at most
 * half full: the tagger's lexicon is probed several times per token and most
 * of those probes (inflection guesses, names) miss, and the length of a
 * missing probe grows with 1/(1-load)^2. */
#include "util/strmap.h"

#include <string.h>

void strmap_init(strmap *m, const mem *mm) {
    m->m = mm ? mm : mem_libc();
    m->cap = 0;
    m->count = 0;
    m->slots = NULL;
    arena_init(&m->keys, 64 * 1024, m->m);
    m->slots = mem_zalloc(m->m, 64 * sizeof(*m->slots));
    if (m->slots) m->cap = 64;
}

void strmap_free(strmap *m) {
    mem_free(m->m, m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
    arena_free(&m->keys);
}

uint32_t strmap_hash(const char *s, size_t n) {
    uint32_t h = STRMAP_HASH_INIT;
    for (size_t i = 0; i < n; i++) h = strmap_hash_step(h, (unsigned char)s[i]);
    return strmap_hash_final(h);
}

/* Key bytes equal? Words are short: a byte loop beats a call to memcmp. */
static inline int key_eq(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

static size_t find(const strmap *m, const char *key, size_t n, uint32_t h) {
    size_t mask = m->cap - 1, i = h & mask;
    for (;;) {
        const strmap_slot *s = &m->slots[i];
        if (!s->key) return i;
        if (s->hash == h && s->klen == n && key_eq(s->key, key, n)) return i;
        i = (i + 1) & mask;
    }
}

/* Rehashes into a table of newcap slots (a power of two). */
static void rehash(strmap *m, size_t newcap) {
    strmap_slot *old = m->slots;
    size_t oldcap = m->cap;
    strmap_slot *fresh = mem_zalloc(m->m, newcap * sizeof(*m->slots));
    if (!fresh) return;
    m->slots = fresh;
    m->cap = newcap;
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i].key) continue;
        size_t j = old[i].hash & (m->cap - 1);
        while (m->slots[j].key) j = (j + 1) & (m->cap - 1);
        m->slots[j] = old[i];
    }
    mem_free(m->m, old);
}

void strmap_reserve(strmap *m, size_t n) {
    size_t cap = m->cap ? m->cap : 64;
    while (cap < 2 * n) cap *= 2;
    if (cap > m->cap) rehash(m, cap);
}

uint32_t *strmap_put(strmap *m, const char *key, size_t n, int *is_new) {
    if ((m->count + 1) * 2 > m->cap) rehash(m, m->cap ? m->cap * 2 : 64);
    /* (a failed growth without an unwind point: no room, no insertion) */
    if ((m->count + 1) * 2 > m->cap) return NULL;
    uint32_t h = strmap_hash(key, n);
    size_t i = find(m, key, n, h);
    strmap_slot *s = &m->slots[i];
    if (is_new) *is_new = !s->key;
    if (!s->key) {
        const char *k = arena_strndup(&m->keys, key, n);
        if (!k) return NULL;
        s->key = k;
        s->klen = (uint32_t)n;
        s->hash = h;
        s->value = 0;
        m->count++;
    }
    return &s->value;
}

const strmap_slot *strmap_find(const strmap *m, const char *key, size_t n,
                               uint32_t h) {
    if (!m->slots || !m->count) return NULL;
    const strmap_slot *s = &m->slots[find(m, key, n, h)];
    return s->key ? s : NULL;
}

int strmap_get(const strmap *m, const char *key, size_t n, uint32_t *value) {
    const strmap_slot *s = strmap_find(m, key, n, strmap_hash(key, n));
    if (!s) return 0;
    if (value) *value = s->value;
    return 1;
}

const char *strmap_key(const strmap *m, const char *key, size_t n) {
    const strmap_slot *s = strmap_find(m, key, n, strmap_hash(key, n));
    return s ? s->key : NULL;
}
