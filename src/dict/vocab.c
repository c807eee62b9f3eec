/* vocab.c -- the dictionaries' vocabulary: every word of every phrase and
 * pattern interned once, upper-cased, so that matching compares integers;
 * and the scratch list of word ids the readers reuse line after line.
 */
#include <stdlib.h>
#include <string.h>

#include "dict/dict_priv.h"

/* ---- vocabulary --------------------------------------------------------- */

void vocab_init(vocab *v) {
    strmap_init(&v->map);
    v->cap = 1024;
    v->words = calloc(v->cap, sizeof(*v->words));
    if (!v->words) abort();
    v->words[0] = "";
    v->n = 1; /* id 0 means "absent" */
}

void vocab_free(vocab *v) {
    strmap_free(&v->map);
    free(v->words);
    v->words = NULL;
    v->n = v->cap = 0;
}

uint32_t vocab_intern(vocab *v, const char *w, size_t n) {
    /* Upper-case (ASCII) into a stack buffer. Dictionary words are short;
     * a word over 255 bytes is truncated rather than allocated for. */
    char buf[256];
    if (n >= sizeof buf) n = sizeof buf - 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        buf[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    buf[n] = '\0';
    int is_new = 0;
    uint32_t *slot = strmap_put(&v->map, buf, n, &is_new);
    if (!is_new) return *slot;
    if (v->n == v->cap) {
        v->cap *= 2;
        v->words = realloc(v->words, v->cap * sizeof(*v->words));
        if (!v->words) abort();
    }
    uint32_t id = v->n++;
    *slot = id;
    v->words[id] = strmap_key(&v->map, buf, n);
    return id;
}

uint32_t vocab_find(const vocab *v, const char *w, size_t n) {
    uint32_t id = 0;
    return strmap_get(&v->map, w, n, &id) ? id : 0;
}

uint32_t vocab_find_hashed(const vocab *v, const char *w, size_t n,
                           uint32_t h) {
    const strmap_slot *sl = strmap_find(&v->map, w, n, h);
    return sl ? sl->value : 0;
}

/* ---- lifetime ----------------------------------------------------------- */

/* ---- scratch word-id lists (dict_priv.h) --------------------------------- */

void dict_wbuf_push(dict_wbuf *b, uint32_t id) {
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->w = realloc(b->w, b->cap * sizeof(*b->w));
        if (!b->w) abort();
    }
    b->w[b->n++] = id;
}

void dict_wbuf_free(dict_wbuf *b) {
    free(b->w);
    b->w = NULL;
    b->n = b->cap = 0;
}

