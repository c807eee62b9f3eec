/* dedup.c -- the one-a-day filter over a scan (store/dedup.h). Rows arrive
 * sorted by (date, source, target, code) and, within a group, in document
 * order, so distinct documents are counted by changes of doc_key and
 * distinct sentences by changes of (doc_key, sentence); publishers, far
 * fewer than events, are kept in a small list. */
#include <stdlib.h>
#include <string.h>

#include "store/dedup.h"

struct dedup {
    dedup_fn fn;
    void *ctx;
    int open;                /* a group is being collected */
    store_row rep;           /* its first row (copy) */
    char *repbuf;
    size_t repcap;
    writer_counts c;
    int64_t last_doc;        /* doc_key and sentence of the last row */
    uint32_t last_sentence;
    uint32_t *doc_sents;     /* sentences seen in the current document */
    size_t ndoc_sents, doc_sents_cap;
    writer_buf ids;          /* sentence ids, ';' between */
    writer_buf pubs;         /* publishers, ';' between */
    char **publist;          /* distinct publishers */
    size_t npub, pubcap;
};

/* ---- copies of rows --------------------------------------------------- */

#define NSTR 26

static const char **row_str(store_row *r, int i) {
    const char **p[NSTR] = {
        &r->doc_id, &r->date_text, &r->publisher, &r->title, &r->url,
        &r->file, &r->coded_at, &r->ev.source, &r->ev.target,
        &r->ev.source_text, &r->ev.verb_text, &r->ev.target_text,
        &r->ev.sentence_text, &r->ev.issues, &r->ev.rule, &r->event_id,
        &r->cameo_name, &r->plover_type, &r->plover_mode, &r->plover_context,
        &r->place.name, &r->place.gazetteer_name, &r->place.admin1,
        &r->place.admin1_code, &r->place.level, &r->place.source};
    return p[i];
}

int store_row_copy(store_row *dst, const store_row *src, char **buf,
                   size_t *cap) {
    *dst = *src;
    /* the event's place is the copy's own */
    if (src->ev.place) {
        dst->place = *src->ev.place;
        dst->ev.place = &dst->place;
    }
    size_t need = 0;
    for (int i = 0; i < NSTR; i++) {
        const char *s = *row_str(dst, i);
        need += (s ? strlen(s) : 0) + 1;
    }
    if (need > *cap) {
        char *nb = realloc(*buf, need * 2);
        if (!nb) return -1;
        *buf = nb;
        *cap = need * 2;
    }
    char *p = *buf;
    for (int i = 0; i < NSTR; i++) {
        const char **s = row_str(dst, i);
        size_t n = *s ? strlen(*s) : 0;
        if (n) memcpy(p, *s, n);
        p[n] = '\0';
        *s = p;
        p += n + 1;
    }
    return 0;
}

/* ---- groups ----------------------------------------------------------- */

dedup *dedup_new(dedup_fn fn, void *ctx) {
    dedup *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->fn = fn;
    d->ctx = ctx;
    return d;
}

static int same_group(const store_row *a, const store_row *b) {
    return a->date == b->date && !strcmp(a->ev.source, b->ev.source) &&
           !strcmp(a->ev.target, b->ev.target) &&
           !strncmp(a->ev.code, b->ev.code, sizeof a->ev.code);
}

static void reset_group(dedup *d) {
    for (size_t i = 0; i < d->npub; i++) free(d->publist[i]);
    d->npub = 0;
    d->ndoc_sents = 0;
    d->ids.len = d->pubs.len = 0;
    memset(&d->c, 0, sizeof d->c);
    d->open = 0;
}

static int emit(dedup *d) {
    if (!d->open) return 0;
    writer_buf_putc(&d->ids, '\0');
    writer_buf_putc(&d->pubs, '\0');
    if (d->ids.failed || d->pubs.failed) return -1;
    dedup_group g = {&d->rep, d->c, d->ids.p, d->pubs.p};
    int rc = d->fn(d->ctx, &g);
    reset_group(d);
    return rc;
}

static void add_sentence_id(writer_buf *b, const store_row *r) {
    if (b->len) writer_buf_putc(b, ';');
    writer_buf_puts(b, r->doc_id);
    writer_buf_putc(b, '_');
    writer_buf_uint(b, r->ev.sentence, 0);
}

/* (gcc 12's -fanalyzer loses track of the publisher copies stored in
 * d->publist, an array in the heap, and reports them leaked: they are freed
 * by reset_group.) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
int dedup_add(dedup *d, const store_row *r) {
    if (d->open && !same_group(&d->rep, r)) {
        int rc = emit(d);
        if (rc) return rc;
    }
    if (!d->open) {
        if (store_row_copy(&d->rep, r, &d->repbuf, &d->repcap) < 0) return -1;
        d->open = 1;
        d->last_doc = -1;
    }
    d->c.mentions++;
    if (r->doc_key != d->last_doc) {
        d->c.documents++;
        d->last_doc = r->doc_key;
        d->ndoc_sents = 0;
    }
    int seen = 0;
    for (size_t i = 0; i < d->ndoc_sents && !seen; i++)
        seen = d->doc_sents[i] == r->ev.sentence;
    if (!seen) {
        if (d->ndoc_sents == d->doc_sents_cap) {
            size_t nc = d->doc_sents_cap ? d->doc_sents_cap * 2 : 16;
            uint32_t *ns = realloc(d->doc_sents, nc * sizeof *ns);
            if (!ns) return -1;
            d->doc_sents = ns;
            d->doc_sents_cap = nc;
        }
        d->doc_sents[d->ndoc_sents++] = r->ev.sentence;
        d->c.sentences++;
        add_sentence_id(&d->ids, r);
    }
    const char *pub = r->publisher ? r->publisher : "";
    int known = 0;
    for (size_t i = 0; i < d->npub && !known; i++) known = !strcmp(d->publist[i], pub);
    if (!known) {
        if (d->npub == d->pubcap) {
            size_t nc = d->pubcap ? d->pubcap * 2 : 8;
            char **np = realloc(d->publist, nc * sizeof *np);
            if (!np) return -1;
            d->publist = np;
            d->pubcap = nc;
        }
        d->publist[d->npub] = strdup(pub);
        if (!d->publist[d->npub]) return -1;
        d->npub++;
        /* an empty publisher counts as one source ("unknown") */
        d->c.sources++;
        if (*pub) {
            if (d->pubs.len) writer_buf_putc(&d->pubs, ';');
            writer_buf_puts(&d->pubs, pub);
        }
    }
    return 0;
}

#pragma GCC diagnostic pop

int dedup_finish(dedup *d) { return emit(d); }

void dedup_free(dedup *d) {
    if (!d) return;
    reset_group(d);
    free(d->publist);
    free(d->doc_sents);
    free(d->repbuf);
    free(d->ids.p);
    free(d->pubs.p);
    free(d);
}

void dedup_single(dedup_group *g, const store_row *r, char *ids, size_t size) {
    static const writer_counts one = {1, 1, 1, 1};
    g->rep = r;
    g->counts = one;
    writer_buf b = {0};
    add_sentence_id(&b, r);
    size_t n = b.len < size ? b.len : size - 1;
    if (b.p) memcpy(ids, b.p, n);
    ids[n] = '\0';
    free(b.p);
    g->sentence_ids = ids;
    g->publishers = r->publisher ? r->publisher : "";
}
