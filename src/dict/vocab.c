/* vocab.c -- the dictionaries' vocabulary: every word of every phrase and
 * pattern interned once, upper-cased, so that matching compares integers;
 * and the scratch list of word ids the readers reuse line after line.
 */
#include <string.h>

#include "dict/dict_priv.h"

/* ---- vocabulary --------------------------------------------------------- */

void vocab_init(vocab *v, const mem *m) {
    v->m = m ? m : mem_libc();
    strmap_init(&v->map, v->m);
    v->n = v->cap = 0;
    v->words = mem_zalloc(v->m, 1024 * sizeof(*v->words));
    if (!v->words) return;
    v->cap = 1024;
    v->words[0] = "";
    v->n = 1; /* id 0 means "absent" */
}

void vocab_free(vocab *v) {
    strmap_free(&v->map);
    if (v->m) mem_free(v->m, v->words);
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
    const strmap_slot *have = strmap_find(&v->map, buf, n, strmap_hash(buf, n));
    if (have) return have->value;
    /* room for the new id first: a failed growth then leaves no key
     * without a word */
    if (v->n == v->cap) {
        uint32_t ncap = v->cap ? v->cap * 2 : 1024;
        const char **nw = mem_realloc(v->m, v->words, ncap * sizeof(*nw));
        if (!nw) return 0;
        v->words = nw;
        v->cap = ncap;
    }
    uint32_t *slot = strmap_put(&v->map, buf, n, NULL);
    if (!slot) return 0;
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

void dict_wbuf_push(dict *d, dict_wbuf *b, uint32_t id) {
    DICT_SCRATCH_GROW(d, b->w, b->n, b->cap);
    b->w[b->n++] = id;
}
