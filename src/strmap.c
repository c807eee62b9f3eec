/* strmap.c -- open-addressing string map; see strmap.h. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

void strmap_init(strmap *m) {
    m->cap = 64;
    m->count = 0;
    m->slots = calloc(m->cap, sizeof(*m->slots));
    arena_init(&m->keys, 64 * 1024);
}

void strmap_free(strmap *m) {
    free(m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
    arena_free(&m->keys);
}

/* FNV-1a: short keys (words), no need for anything stronger. */
uint32_t strmap_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h ? h : 1;
}

static size_t find(const strmap *m, const char *key, size_t n, uint32_t h) {
    size_t mask = m->cap - 1, i = h & mask;
    for (;;) {
        const strmap_slot *s = &m->slots[i];
        if (!s->key) return i;
        if (s->hash == h && s->klen == n && memcmp(s->key, key, n) == 0) return i;
        i = (i + 1) & mask;
    }
}

static void grow(strmap *m) {
    strmap_slot *old = m->slots;
    size_t oldcap = m->cap;
    m->cap *= 2;
    m->slots = calloc(m->cap, sizeof(*m->slots));
    if (!m->slots) abort();
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i].key) continue;
        size_t j = old[i].hash & (m->cap - 1);
        while (m->slots[j].key) j = (j + 1) & (m->cap - 1);
        m->slots[j] = old[i];
    }
    free(old);
}

uint32_t *strmap_put(strmap *m, const char *key, size_t n, int *is_new) {
    if ((m->count + 1) * 4 > m->cap * 3) grow(m);
    uint32_t h = strmap_hash(key, n);
    size_t i = find(m, key, n, h);
    strmap_slot *s = &m->slots[i];
    if (is_new) *is_new = !s->key;
    if (!s->key) {
        s->key = arena_strndup(&m->keys, key, n);
        s->klen = (uint32_t)n;
        s->hash = h;
        s->value = 0;
        m->count++;
    }
    return &s->value;
}

int strmap_get(const strmap *m, const char *key, size_t n, uint32_t *value) {
    if (!m->slots) return 0;
    const strmap_slot *s = &m->slots[find(m, key, n, strmap_hash(key, n))];
    if (!s->key) return 0;
    if (value) *value = s->value;
    return 1;
}

const char *strmap_key(const strmap *m, const char *key, size_t n) {
    if (!m->slots) return NULL;
    const strmap_slot *s = &m->slots[find(m, key, n, strmap_hash(key, n))];
    return s->key;
}
