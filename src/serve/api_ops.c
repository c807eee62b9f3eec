/* api_ops.c -- the operator's endpoints: GET /healthz (the store answers
 * a query), GET /metrics (metrics.h), and GET /api/plot.svg, the chart of
 * `dyad plot` (src/plot/). */
#include <stdio.h>
#include <string.h>

#include "plot/plot.h"
#include "serve/server.h"

static int one_row(void *ctx, const store_row *r) {
    (void)r;
    ++*(int *)ctx;
    return 0;
}

int api_health(const req *rq, resp *r) {
    static const char *const allowed[] = {NULL};
    if (arg_check(rq, allowed, r) < 0) return 0;
    store_query q;
    store_query_init(&q);
    q.light = 1;
    q.limit = 1;
    filters_deadline(rq, &q);
    store_error err;
    err.msg[0] = '\0';
    int rows = 0;
    if (store_scan(rq->w->db, &q, one_row, &rows, &err) != 0)
        return reply_error(r, 503, "the event store does not answer: %s", err.msg);
    static const char *const models[] = {"auto", "clause", "linear", "tabari"};
    dyad_model m = dyad_engine_model(rq->srv->cfg.engine);
    writer_buf_printf(&r->body,
                      "{\"status\":\"ok\",\"version\":\"%s\",\"model\":\"%s\","
                      "\"workers\":%zu,\"store\":\"%s\",\"has_events\":%s,"
                      "\"writes\":%s}\n",
                      dyad_version(), (unsigned)m < 4 ? models[m] : "?",
                      workers_count(rq->srv->pool),
                      store_get_backend(rq->w->db)->name, rows ? "true" : "false",
                      rq->srv->key ? "true" : "false");
    r->status = 200;
    return 0;
}

int api_metrics(const req *rq, resp *r) {
    metrics_write(&rq->srv->metrics, serve_now_ns(), &r->body);
    r->ctype = "text/plain; version=0.0.4; charset=utf-8";
    r->status = 200;
    return 0;
}

/* GET /api/plot.svg: the chart of `dyad plot` (src/plot/) for the filters,
 * by= and dedup= of /api/series, drawn from the same scan. */
int api_plot(const req *rq, resp *r) {
    static const char *const allowed[] = {FILTER_ARGS, "by", "dedup", "title", NULL};
    if (arg_check(rq, allowed, r) < 0) return 0;
    filters f;
    if (filters_parse(rq, &f, r) < 0) return 0;
    plot_opts o;
    plot_opts_init(&o);
    o.q = f.q;
    filters_deadline(rq, &o.q);
    const char *v = arg_get(rq, "by");
    if (v && store_period_parse(v, &o.by) < 0)
        return reply_error(r, 400, "by: '%s' is not day, week, month or year", v);
    if (arg_flag(rq, "dedup", &o.dedup, r) < 0) return 0;
    o.title = arg_get(rq, "title");
    store_error err;
    err.msg[0] = '\0';
    if (plot_query_svg(rq->w->db, &o, &r->body, &err) != 0) {
        if (err.msg[0]) return reply_store_error(r, rq, &err);
        return reply_error(r, 500, "out of memory");
    }
    r->ctype = "image/svg+xml";
    r->status = 200;
    return 0;
}
