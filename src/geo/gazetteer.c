/* gazetteer.c -- lookups in the compiled-in gazetteer; see gazetteer.h for
 * the tables and tools/mkgazetteer.c for how they are made.
 *
 * A lookup hashes the words as one key (strmap_hash over the words joined
 * by single spaces, computed word by word without joining them), goes to
 * the key's bucket and compares the few entries stored there, which sit
 * next to each other in the index: one or two cache lines per lookup. The
 * longest match extends the hash one word at a time and stops at the first
 * word sequence that is neither a name nor the start of one. */
#include "geo/gazetteer.h"

#include <string.h>

#include "util/strmap.h"

struct gaz {
    const mem *m;
};

gaz *gaz_new(const mem *m) {
    if (!m) m = mem_libc();
    gaz *g = mem_zalloc(m, sizeof *g);
    if (!g) return NULL;
    g->m = m;
    return g;
}

void gaz_free(gaz *g) {
    if (g) mem_free(g->m, g);
}

size_t gaz_places(const gaz *g) {
    (void)g;
    return gaz_gen_nplaces;
}

size_t gaz_names(const gaz *g) {
    (void)g;
    return gaz_gen_nnames;
}

size_t gaz_table_bytes(const gaz *g) {
    (void)g;
    return (size_t)gaz_gen_nplaces * sizeof(gaz_gen_place) +
           (size_t)gaz_gen_ncountries * sizeof(gaz_gen_country) +
           (size_t)gaz_gen_nadmin1 * sizeof(uint32_t) + gaz_gen_str_size +
           gaz_gen_index_size +
           (((size_t)1 << GAZ_GEN_BUCKET_BITS) + 1) * sizeof(uint32_t);
}

/* The words of a key being looked up: n words, or one buffer with spaces
 * (gaz_lookup: w = &name, n = 1). */
typedef struct words {
    const char *const *w;
    const size_t *len;      /* lengths of w[0..n), resolved */
    size_t n;
} words;

/* 1 if the entry key k (NUL-terminated, kl bytes) is the words joined by
 * single spaces. */
static int key_is(const char *k, size_t kl, const words *ws) {
    size_t o = 0;
    for (size_t i = 0; i < ws->n; i++) {
        if (i) {
            if (o >= kl || k[o] != ' ') return 0;
            o++;
        }
        size_t l = ws->len[i];
        if (l > kl - o || memcmp(k + o, ws->w[i], l)) return 0;
        o += l;
    }
    return o == kl;
}

/* Decodes the entry at p (its key) into out. */
static void decode(const char *p, size_t kl, gaz_name *out) {
    const unsigned char *q = (const unsigned char *)p + kl + 1;
    out->key = p;
    out->len = kl;
    out->flags = *q++;
    uint32_t n = 0;
    for (int shift = 0;; shift += 7) {
        unsigned char c = *q++;
        n |= (uint32_t)(c & 0x7F) << shift;
        if (!(c & 0x80) || shift > 21) break;
    }
    out->n = n;
    out->cand_ = q;
}

/* The entry of the key made of ws (hash h, total length kl), or 0. */
static int find(const words *ws, uint32_t h, size_t kl, gaz_name *out) {
    uint32_t b = h >> (32 - GAZ_GEN_BUCKET_BITS);
    const char *p = gaz_gen_index + gaz_gen_dir[b];
    const char *end = gaz_gen_index + gaz_gen_dir[b + 1];
    while (p < end) {
        size_t l = (unsigned char)*p++;
        decode(p, l, out);
        if (l == kl && key_is(p, l, ws)) return 1;
        p = (const char *)out->cand_ + 2 * (size_t)out->n;
    }
    return 0;
}

int gaz_lookup(const gaz *g, const char *name, size_t len, gaz_name *out) {
    (void)g;
    if (!name || !len) return 0;
    words ws = {&name, &len, 1};
    gaz_name nm;
    if (!find(&ws, strmap_hash(name, len), len, &nm) || !nm.n) return 0;
    *out = nm;
    return 1;
}

/* Longest key of at most n words made of w[0..n): the number of words (0:
 * none) and the entry. exact: only all n words. */
static size_t scan(const char *const *w, const size_t *wlen, size_t n,
                   int exact, gaz_name *out) {
    size_t lens[32];
    size_t best = 0;
    uint32_t h = STRMAP_HASH_INIT;
    size_t kl = 0;
    if (n > sizeof lens / sizeof lens[0]) {
        if (exact) return 0; /* longer than any name */
        n = sizeof lens / sizeof lens[0];
    }
    for (size_t k = 0; k < n; k++) {
        size_t l = wlen ? wlen[k] : (w[k] ? strlen(w[k]) : 0);
        if (!l) return exact ? 0 : best;
        lens[k] = l;
        if (k) {
            h = strmap_hash_step(h, ' ');
            kl++;
        }
        for (size_t i = 0; i < l; i++)
            h = strmap_hash_step(h, (unsigned char)w[k][i]);
        kl += l;
        if (exact && k + 1 < n) continue;
        words ws = {w, lens, k + 1};
        gaz_name nm;
        if (!find(&ws, strmap_hash_final(h), kl, &nm)) break;
        if (nm.n) {
            best = k + 1;
            *out = nm;
        }
        if (!(nm.flags & GAZ_LONGER)) break;
    }
    return best;
}

int gaz_lookup_words(const gaz *g, const char *const *w, const size_t *wlen,
                     size_t n, gaz_name *out) {
    (void)g;
    if (!w || !n) return 0;
    return scan(w, wlen, n, 1, out) == n;
}

size_t gaz_longest(const gaz *g, const char *const *w, const size_t *wlen,
                   size_t n, gaz_name *out) {
    (void)g;
    if (!w || !n) return 0;
    return scan(w, wlen, n, 0, out);
}

uint32_t gaz_candidate(const gaz_name *nm, uint32_t i) {
    if (i >= nm->n) return GAZ_NONE;
    const unsigned char *p = nm->cand_ + 2 * (size_t)i;
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

int gaz_place_get(const gaz *g, uint32_t p, gaz_place *out) {
    (void)g;
    if (p >= gaz_gen_nplaces) return 0;
    const gaz_gen_place *r = &gaz_gen_places[p];
    const gaz_gen_feature *f = &gaz_gen_features[r->feature];
    memset(out, 0, sizeof *out);
    out->id = r->id;
    out->name = gaz_gen_str + r->name;
    out->level = (gaz_level)f->level;
    out->fclass = f->fclass;
    out->fcode = f->fcode;
    memcpy(out->country, gaz_gen_countries[r->country].iso3, 4);
    out->country_place = r->country;
    out->country_name = gaz_gen_str + gaz_gen_places[r->country].name;
    out->admin1_code = "";
    out->admin1_name = "";
    out->admin1_place = GAZ_NONE;
    if (r->admin1 && out->level != GAZ_ADMIN1) {
        uint32_t a = gaz_gen_ncountries + r->admin1 - 1u;
        out->admin1_place = a;
        out->admin1_code = gaz_gen_str + gaz_gen_admin1_code[r->admin1 - 1];
        out->admin1_name = gaz_gen_str + gaz_gen_places[a].name;
    } else if (r->admin1) { /* a region: its own code */
        out->admin1_place = p;
        out->admin1_code = gaz_gen_str + gaz_gen_admin1_code[r->admin1 - 1];
        out->admin1_name = out->name;
    }
    out->population = r->population;
    out->has_coord = r->lat != GAZ_GEN_NOCOORD;
    if (out->has_coord) {
        out->lat = r->lat / 1e5;
        out->lon = r->lon / 1e5;
    }
    return 1;
}

uint32_t gaz_country(const gaz *g, const char *iso3) {
    (void)g;
    if (!iso3 || strlen(iso3) != 3) return GAZ_NONE;
    for (uint32_t i = 0; i < gaz_gen_ncountries; i++)
        if (!memcmp(gaz_gen_countries[i].iso3, iso3, 4)) return i;
    return GAZ_NONE;
}

uint32_t gaz_capital(const gaz *g, uint32_t country) {
    (void)g;
    /* (a scan: asked only for a seat of government named in the text) */
    uint32_t best = GAZ_NONE;
    const gaz_gen_feature *f = gaz_gen_features;
    for (uint32_t i = gaz_gen_ncountries; i < gaz_gen_nplaces; i++) {
        const gaz_gen_place *r = &gaz_gen_places[i];
        if (r->country != country) continue;
        const char *fc = f[r->feature].fcode;
        if (fc[0] != 'P' || fc[3] != 'C' || fc[4] || strcmp(fc, "PPLC"))
            continue;
        if (best == GAZ_NONE ||
            r->population > gaz_gen_places[best].population)
            best = i;
    }
    return best;
}

size_t gaz_name_countries(const gaz *g, const gaz_name *nm,
                          gaz_country_pop *out, size_t cap) {
    (void)g;
    unsigned char seen[256 / 8] = {0};
    size_t k = 0;
    for (uint32_t i = 0; i < nm->n; i++) {
        const gaz_gen_place *r = &gaz_gen_places[gaz_candidate(nm, i)];
        unsigned c = r->country;
        if (seen[c >> 3] & (1u << (c & 7))) continue;
        seen[c >> 3] |= (unsigned char)(1u << (c & 7));
        /* candidates come most populous first: the first in a country is
         * its largest */
        if (k < cap) {
            out[k].country = c;
            out[k].population = r->population;
        }
        k++;
    }
    return k;
}

uint32_t gaz_best(const gaz *g, const gaz_name *nm, const uint32_t *countries,
                  size_t ncountries) {
    (void)g;
    if (!nm->n) return GAZ_NONE;
    for (size_t j = 0; countries && j < ncountries; j++)
        for (uint32_t i = 0; i < nm->n; i++) {
            uint32_t p = gaz_candidate(nm, i);
            if (gaz_gen_places[p].country == countries[j]) return p;
        }
    return gaz_candidate(nm, 0);
}
