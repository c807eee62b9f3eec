/* qp.h -- what the place and quotation passes (places.c, quotes.c) need to
 * know of a document's two parts once all its sentences are coded: the
 * normalised text, its sentences, the map back to the caller's bytes. */
#ifndef DYAD_QP_H
#define DYAD_QP_H

#include <stdint.h>

#include "text/sentsplit.h"
#include "text/utf8norm.h"

typedef struct qp_part {
    const char *norm;        /* normalised text */
    uint32_t from, len;      /* the stretch [from, len) of it in this part
                                of the document (dyad_code_parts) */
    const sent_span *spans;  /* its sentences (the body's first one starts
                                after the dateline) */
    uint32_t nspans;
    uint32_t first_index;    /* document sentence index of spans[0] */
    const utf8_map *map;     /* normalised offsets -> caller offsets */
    const char *orig;        /* the caller's text, for the marks as typed */
    uint32_t orig_len;
    int title;
} qp_part;

/* The caller's offset and length of normalised range [off, off + len). */
static inline void qp_to_caller(const qp_part *p, uint32_t off, uint32_t len,
                                uint32_t *o_off, uint32_t *o_len) {
    uint32_t b = utf8_map_orig(p->map, off);
    uint32_t e = utf8_map_orig(p->map, off + len);
    *o_off = b;
    *o_len = e > b ? e - b : 0;
}

#endif
