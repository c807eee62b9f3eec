/* routes.c -- the endpoints: method, path, handler, metrics slot, and
 * whether the handler needs a worker (a dyad_doc and a store connection).
 * Anything outside /api/ that no route names is a file of the dashboard. */
#include <string.h>

#include "serve/server.h"

typedef struct route {
    const char *method, *path;
    int (*fn)(const req *rq, resp *r);
    int metric;
    int worker;
} route;

static const route routes[] = {
    {"POST", "/api/code", api_code, METRIC_CODE, 1},
    {"GET", "/api/events", api_events, METRIC_EVENTS, 1},
    {"GET", "/api/stats", api_stats, METRIC_STATS, 1},
    {"GET", "/api/series", api_series, METRIC_SERIES, 1},
    {"GET", "/api/actors", api_actors, METRIC_ACTORS, 1},
    {"GET", "/api/codes", api_codes, METRIC_CODES, 0},
    {"GET", "/api/plot.svg", api_plot, METRIC_PLOT, 1},
    {"GET", "/healthz", api_health, METRIC_HEALTH, 1},
    {"GET", "/metrics", api_metrics, METRIC_METRICS, 0},
};
#define NROUTES (sizeof routes / sizeof routes[0])

static void run(const route *rt, req *rq, resp *r) {
    server *s = rq->srv;
    rq->deadline_ns = serve_now_ns() + (uint64_t)s->cfg.timeout_ms * 1000000u;
    if (!rt->worker) {
        rt->fn(rq, r);
        return;
    }
    rq->w = workers_take(s->pool, s->cfg.timeout_ms);
    if (!rq->w) {
        atomic_fetch_add(&s->metrics.busy, 1);
        reply_error(r, 503, "all %zu workers are busy: try again",
                    workers_count(s->pool));
        return;
    }
    rt->fn(rq, r);
    workers_give(s->pool, rq->w);
    rq->w = NULL;
}

void routes_dispatch(req *rq, resp *r, int *metric) {
    int get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD");
    const route *path_match = NULL;
    for (size_t i = 0; i < NROUTES; i++) {
        const route *rt = &routes[i];
        if (strcmp(rt->path, rq->path)) continue;
        path_match = rt;
        if (!strcmp(rt->method, rq->method) || (get && !strcmp(rt->method, "GET"))) {
            *metric = rt->metric;
            run(rt, rq, r);
            return;
        }
    }
    if (path_match) {
        *metric = path_match->metric;
        r->allow = !strcmp(path_match->method, "GET") ? "GET, HEAD" : path_match->method;
        reply_error(r, 405, "%s takes %s, not %s", rq->path, path_match->method,
                    rq->method);
        return;
    }
    *metric = METRIC_OTHER;
    if (!strncmp(rq->path, "/api/", 5) || !strcmp(rq->path, "/api")) {
        reply_error(r, 404, "%s: no such endpoint (docs/api.md lists them)", rq->path);
        return;
    }
    if (!get) {
        r->allow = "GET, HEAD";
        reply_error(r, 405, "%s: the dashboard's files take GET, not %s", rq->path,
                    rq->method);
        return;
    }
    *metric = METRIC_STATIC;
    static_get(rq, r);
}
