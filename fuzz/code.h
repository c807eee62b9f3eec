/* code.h -- the coding harnesses (code.c, explain.c): arbitrary bytes as a
 * document coded with the bundled dictionaries. The first byte chooses the
 * options: bit 0 a title (the bytes up to the first newline), bit 1
 * one_sentence, bit 2 require_dyad off, bit 3 no date, bit 4 in parts
 * (dyad_code_parts). Every event is
 * checked: its fields set, its spans inside the text (or the title) it
 * came from. */
#ifndef DYAD_FUZZ_CODE_H
#define DYAD_FUZZ_CODE_H

#include "fuzz.h"

static inline const dyad_engine *fuzz_engine(void) {
    static dyad_engine *e;
    if (!e) {
        dyad_error err;
        if (dyad_engine_new(NULL, &e, &err) != DYAD_OK) {
            fprintf(stderr, "fuzz: bundled engine: %s\n", err.msg);
            abort();
        }
    }
    return e;
}

static inline void fuzz_check_span(dyad_span s, size_t len, const char *what) {
    FUZZ_CHECK((size_t)s.off + s.len <= len, what);
}

/* Checks one result (a whole document's, or a part's: sentences counts
 * the sentences of the parts before it). */
static inline void fuzz_check_result(const dyad_result *r, const dyad_input *in,
                                     uint32_t sentences, int trace) {
    FUZZ_CHECK(r && r->text, "no result");
    FUZZ_CHECK(r->text[r->text_len] == '\0', "text not terminated");
    for (size_t i = 0; i < r->nevents; i++) {
        const dyad_event *ev = dyad_result_event(r, i);
        FUZZ_CHECK(ev, "dyad_result_event NULL below nevents");
        FUZZ_CHECK(ev->source && ev->target && ev->source_text &&
                       ev->verb_text && ev->target_text && ev->sentence_text &&
                       ev->issues && ev->rule,
                   "event with a NULL string");
        FUZZ_CHECK(ev->sentence < sentences + r->nsentences,
                   "event past the sentences");
        FUZZ_CHECK(memchr(ev->code, '\0', sizeof ev->code) &&
                       memchr(ev->root, '\0', sizeof ev->root),
                   "code not terminated");
        FUZZ_CHECK(!ev->in_title || in->title, "title event without a title");
        FUZZ_CHECK(ev->quote < 0 || (size_t)ev->quote < r->nquotes,
                   "event's quotation past the quotations");
        size_t len = ev->in_title ? in->title_len : in->text_len;
        fuzz_check_span(ev->sentence_span, len, "sentence span out of bounds");
        fuzz_check_span(ev->source_span, len, "source span out of bounds");
        fuzz_check_span(ev->verb_span, len, "verb span out of bounds");
        fuzz_check_span(ev->target_span, len, "target span out of bounds");
    }
    for (size_t i = 0; i < r->nquotes; i++) {
        const dyad_quote *q = dyad_result_quote(r, i);
        FUZZ_CHECK(q && q->text, "quotation without text");
        FUZZ_CHECK(q->sentence <= q->last_sentence &&
                       q->last_sentence < sentences + r->nsentences,
                   "quotation past the sentences");
        for (uint32_t k = 0; k < q->nevents; k++)
            FUZZ_CHECK(q->events[k] < r->nevents,
                       "quotation's event past the events");
    }
    FUZZ_CHECK(dyad_result_event(r, r->nevents) == NULL,
               "dyad_result_event past the end");
    if (!trace) FUZZ_CHECK(!r->trace && !r->trace_json, "trace not asked for");
}

/* dyad_code_parts' running count, checked part by part. */
typedef struct fuzz_parts {
    const dyad_input *in;
    uint32_t sentences;
    size_t events, quotes;
    int trace;
} fuzz_parts;

static inline void fuzz_part_check(fuzz_parts *fp, const dyad_result *r) {
    FUZZ_CHECK(r->first_event == fp->events && r->first_quote == fp->quotes,
               "parts numbered wrong");
    fuzz_check_result(r, fp->in, fp->sentences, fp->trace);
    fp->sentences += r->nsentences;
    fp->events += r->nevents;
    fp->quotes += r->nquotes;
}

static inline int fuzz_on_part(void *ctx, const dyad_result *r) {
    fuzz_part_check(ctx, r);
    return 0;
}

/* Codes data; with trace set, returns the result for the caller's checks
 * (valid until the next call). Bit 4 of the first byte: in parts of 256
 * bytes (dyad_code_parts), the last part returned. */
static inline const dyad_result *fuzz_code(const uint8_t *data, size_t size,
                                    int trace) {
    static dyad_doc *d;
    if (!d && dyad_doc_new(&d, NULL) != DYAD_OK) abort();
    const dyad_engine *e = fuzz_engine();
    unsigned flags = size ? data[0] : 0;
    const char *p = size ? (const char *)data + 1 : "";
    size_t n = size ? size - 1 : 0;
    dyad_input in;
    dyad_input_init(&in);
    if (flags & 1) {
        const char *nl = memchr(p, '\n', n);
        size_t tl = nl ? (size_t)(nl - p) : n;
        in.title = p;
        in.title_len = tl;
        p += nl ? tl + 1 : tl;
        n -= nl ? tl + 1 : tl;
    }
    in.text = p;
    in.text_len = n;
    in.date = (flags & 8) ? 0 : 20160315;
    dyad_options o;
    dyad_options_init(&o);
    o.one_sentence = (flags & 2) != 0;
    if (flags & 4) o.require_dyad = 0;
    o.trace = trace;
    const dyad_result *r = NULL;
    dyad_error err;
    fuzz_parts fp = {&in, 0, 0, 0, trace};
    dyad_status st = flags & 16
                         ? dyad_code_parts(e, d, &in, &o, 256, fuzz_on_part,
                                           &fp, &r, &err)
                         : dyad_code(e, d, &in, &o, &r, &err);
    if (st != DYAD_OK) {
        FUZZ_CHECK(err.msg[0], "dyad_code failed without a message");
        return NULL;
    }
    fuzz_part_check(&fp, r);
    return r;
}

#endif
