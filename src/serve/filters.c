/* filters.c -- the event filters of /api/events, /api/stats, /api/series
 * and /api/actors, checked and turned into a store_query. The rules are
 * dyad export's (store_opts.c) with the browser's additions: quad class
 * and text search. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "serve/server.h"

uint64_t serve_now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* An actor code or prefix, upper-cased into out[64]. */
static int actor_arg(const char *name, const char *v, char out[64], resp *r) {
    size_t n = strlen(v);
    if (!n || n > 63) {
        reply_error(r, 400, "%s: an actor code has 1 to 63 characters", name);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (!isalnum(c) && c != '-') {
            reply_error(r, 400,
                        "%s: '%s' is not an actor code (letters, digits and "
                        "'-', e.g. USA, IRNGOV, ---GOV)", name, v);
            return -1;
        }
        out[i] = (char)toupper(c);
    }
    out[n] = '\0';
    return 0;
}

static int date_arg(const char *name, const char *v, uint32_t *out, resp *r) {
    *out = dyad_parse_date(v, strlen(v));
    if (*out) return 0;
    reply_error(r, 400, "%s: '%s' is not a date (YYYY-MM-DD or YYYYMMDD)", name, v);
    return -1;
}


int filters_parse(const req *rq, filters *f, resp *r) {
    memset(f, 0, sizeof *f);
    store_query_init(&f->q);
    store_query *q = &f->q;
    const char *v;
    if ((v = arg_get(rq, "from")) && date_arg("from", v, &q->from, r) < 0) return -1;
    if ((v = arg_get(rq, "to")) && date_arg("to", v, &q->to, r) < 0) return -1;
    if (q->from && q->to && q->from > q->to) {
        reply_error(r, 400, "from %u is after to %u", (unsigned)q->from,
                    (unsigned)q->to);
        return -1;
    }
    if ((v = arg_get(rq, "actor"))) {
        if (actor_arg("actor", v, f->actor, r) < 0) return -1;
        q->actor = f->actor;
    }
    const char *d = arg_get(rq, "dyad");
    const char *src = arg_get(rq, "source"), *tgt = arg_get(rq, "target");
    if (d && (src || tgt)) {
        reply_error(r, 400, "dyad: give dyad=SRC:TGT or source and target, not both");
        return -1;
    }
    if (d) {
        const char *c = strchr(d, ':');
        if (!c || c == d || !c[1]) {
            reply_error(r, 400, "dyad: '%s' is not SOURCE:TARGET (codes or "
                                "prefixes, e.g. USA:CHN)", d);
            return -1;
        }
        char a[128];
        size_t n = (size_t)(c - d);
        if (n >= sizeof a) n = sizeof a - 1;
        memcpy(a, d, n);
        a[n] = '\0';
        if (actor_arg("dyad", a, f->dyad[0], r) < 0 ||
            actor_arg("dyad", c + 1, f->dyad[1], r) < 0)
            return -1;
        q->source = f->dyad[0];
        q->target = f->dyad[1];
    }
    if (src) {
        if (actor_arg("source", src, f->dyad[0], r) < 0) return -1;
        q->source = f->dyad[0];
    }
    if (tgt) {
        if (actor_arg("target", tgt, f->dyad[1], r) < 0) return -1;
        q->target = f->dyad[1];
    }
    if ((v = arg_get(rq, "code"))) {
        size_t n = strlen(v);
        if (!n || n > 4 || strspn(v, "0123456789") != n) {
            reply_error(r, 400, "code: '%s' is not a CAMEO code prefix (1 to 4 "
                                "digits, e.g. 19, 042)", v);
            return -1;
        }
        q->code = v;
    }
    long quad;
    if (arg_long(rq, "quad", 1, 4, 0, &quad, r) < 0) return -1;
    q->quad = (int)quad;
    if ((v = arg_get(rq, "text"))) {
        size_t n = strlen(v);
        if (!n || n > STORE_TEXT_MAX) {
            reply_error(r, 400, "text: the search text has 1 to %d bytes",
                        STORE_TEXT_MAX);
            return -1;
        }
        q->text = v;
    }
    return 0;
}

static int past_deadline(void *ud) {
    const req *rq = ud;
    return serve_now_ns() > rq->deadline_ns;
}

void filters_deadline(const req *rq, store_query *q) {
    q->cancel = past_deadline;
    q->cancel_ud = (void *)rq;
}

int reply_store_error(resp *r, const req *rq, const store_error *err) {
    if (serve_now_ns() > rq->deadline_ns)
        return reply_error(r, 503, "the query took longer than the time limit "
                                   "(%u ms): narrow the filters",
                           rq->srv->cfg.timeout_ms);
    return reply_error(r, 500, "event store: %s", err->msg);
}
