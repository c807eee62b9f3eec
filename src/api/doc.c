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
    /* (without a cache the tagger is slower, not wrong) */
    d->tc = tag_cache_new(&d->m);
    return DYAD_OK;
}

void dyad_doc_free(dyad_doc *d) {
    if (!d) return;
    arena_free(&d->a);
    tag_cache_free(d->tc);
    mem m = d->m;
    mem_free(&m, d);
}

void dyad_options_init(dyad_options *o) {
    if (!o) return;
    memset(o, 0, sizeof *o);
    o->size = sizeof *o;
    o->require_dyad = 1;
    o->comma_min = 2;
    o->comma_max = 8;
    o->comma_bmin = 0;
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 8;
}

void dyad_input_init(dyad_input *in) {
    if (!in) return;
    memset(in, 0, sizeof *in);
    in->size = sizeof *in;
}

const dyad_event *dyad_result_event(const dyad_result *r, size_t i) {
    if (!r || i >= r->nevents) return NULL;
    /* the result lives in its doc, beside the events (engine.h) */
    const dyad_doc *d =
        (const dyad_doc *)((const char *)r - offsetof(dyad_doc, res));
    return &d->events[i];
}
