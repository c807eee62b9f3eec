/* keep_qp.c -- copies of places and quotations out of a dyad_doc.
 *
 * A place's GeoNames strings (gazetteer_name, admin1, admin1_code) point
 * into the library's static tables and its level and source are string
 * literals, so only what the document's arena holds is copied: the name as
 * written, the quotations' strings and event lists. Everything goes in one
 * buffer, laid out in two passes: measure, then copy. */
#include "keep_qp.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct layout {
    char *base;            /* NULL while measuring */
    size_t at;
} layout;

static void *take(layout *l, size_t n, size_t align) {
    l->at = (l->at + align - 1) / align * align;
    void *p = l->base ? l->base + l->at : NULL;
    l->at += n;
    return p;
}

static const char *take_str(layout *l, const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *d = take(l, n, 1);
    if (d) memcpy(d, s, n);
    return d ? d : s;
}

/* One pass: with l->base NULL only measures. */
static void lay_out(layout *l, dyad_result *r, dyad_event *ev, size_t n) {
    int copy = l->base != NULL;
    for (size_t i = 0; i < n; i++) {
        const dyad_place *p = ev[i].place;
        if (!p) continue;
        /* events of one verb share a place: copied once */
        if (i > 0 && ev[i - 1].place && copy &&
            !strcmp(ev[i - 1].place->name, p->name) &&
            ev[i - 1].place->span.off == p->span.off &&
            ev[i - 1].place->geonameid == p->geonameid &&
            !strcmp(ev[i - 1].place->source, p->source)) {
            ev[i].place = ev[i - 1].place;
            continue;
        }
        dyad_place *d = take(l, sizeof *d, alignof(dyad_place));
        const char *name = take_str(l, p->name);
        if (!copy) continue;
        *d = *p;
        d->name = name;
        ev[i].place = d;
    }
    if (!r->nquotes) return;
    dyad_quote *qs = take(l, r->nquotes * sizeof *qs, alignof(dyad_quote));
    for (size_t i = 0; i < r->nquotes; i++) {
        const dyad_quote *q = dyad_result_quote(r, i);
        dyad_quote c = *q;
        c.text = take_str(l, q->text);
        c.speaker = take_str(l, q->speaker);
        c.speaker_name = take_str(l, q->speaker_name);
        c.speaker_code = take_str(l, q->speaker_code);
        c.verb = take_str(l, q->verb);
        uint32_t *ix = take(l, (q->nevents + 1) * sizeof *ix, alignof(uint32_t));
        if (copy) {
            if (q->nevents) memcpy(ix, q->events, q->nevents * sizeof *ix);
            c.events = ix;
            qs[i] = c;
        }
    }
    if (copy) r->quotes_ = qs;
}

int keep_qp_result(keep_qp *k, dyad_result *r, dyad_event *ev, size_t n) {
    layout m = {NULL, 0};
    lay_out(&m, r, ev, n);
    if (!m.at) return 0;
    if (m.at > k->cap) {
        free(k->buf);
        k->cap = m.at * 2;
        k->buf = malloc(k->cap);
        if (!k->buf) {
            k->cap = 0;
            return -1;
        }
    }
    layout c = {k->buf, 0};
    lay_out(&c, r, ev, n);
    return 0;
}

void keep_qp_free(keep_qp *k) {
    free(k->buf);
    k->buf = NULL;
    k->cap = 0;
}
