/* doc.c -- document handles, option and input defaults, result access. */
#include "api/engine.h"

#include <string.h>

#include "text/tagger.h"

dyad_status dyad_doc_new(dyad_doc **out, const dyad_allocator *al) {
    if (!out) return DYAD_ERR_ARG;
    mem m;
    mem_init(&m, al);
    dyad_doc *d = mem_zalloc(&m, sizeof *d);
    *out = d;
    if (!d) return DYAD_ERR_NOMEM;
    d->m = m;
    arena_init(&d->a, 256 * 1024, &d->m);
    arena_init(&d->sa, 256 * 1024, &d->m);
    arena_init(&d->wa, 256 * 1024, &d->m);
    /* (without a cache the tagger is slower, not wrong) */
    d->tc = tag_cache_new(&d->m);
    return DYAD_OK;
}

void dyad_doc_free(dyad_doc *d) {
    if (!d) return;
    arena_free(&d->a);
    arena_free(&d->sa);
    arena_free(&d->wa);
    mem_free(&d->m, d->evbuf);
    tag_cache_free(d->tc);
    mem m = d->m;
    mem_free(&m, d);
}

void doc_borrow_input(dyad_doc *d, int on) {
    if (d) d->borrow_input = on;
}

void doc_span_sentences(dyad_doc *d, int on) {
    if (d) d->span_sentences = on;
}

void dyad_options_initn(dyad_options *o, size_t size) {
    if (!o || size < sizeof o->size) return;
    dyad_options d;
    memset(&d, 0, sizeof d);
    d.require_dyad = 1;
    d.comma_min = 2;
    d.comma_max = 8;
    d.comma_bmin = 0;
    d.comma_bmax = 0;
    d.comma_emin = 2;
    d.comma_emax = 8;
    /* a caller built against an older header has a smaller struct */
    if (size > sizeof d) size = sizeof d;
    d.size = size;
    memcpy(o, &d, size);
}

void dyad_input_initn(dyad_input *in, size_t size) {
    if (!in || size < sizeof in->size) return;
    if (size > sizeof *in) size = sizeof *in;
    memset(in, 0, size);
    in->size = size;
}

const dyad_event *dyad_result_event(const dyad_result *r, size_t i) {
    if (!r || i >= r->nevents) return NULL;
    /* the result lives in its doc, beside the events (engine.h) */
    const dyad_doc *d =
        (const dyad_doc *)((const char *)r - offsetof(dyad_doc, res));
    return &d->events[i];
}

const dyad_quote *dyad_result_quote(const dyad_result *r, size_t i) {
    if (!r || r->size < offsetof(dyad_result, quotes_) + sizeof r->quotes_ ||
        i >= r->nquotes || !r->quotes_)
        return NULL;
    return &r->quotes_[i];
}
