/* api_stats.c -- GET /api/stats and GET /api/series: the aggregates of
 * `dyad stats`, computed by the same code (store/stats.h) over the same
 * scan. /api/stats is byte for byte `dyad stats --format json`; /api/series
 * is its periods as columns for a chart, every period between the first
 * and the last date present (a gap is a zero, not a missing point), and
 * cooperation (quad classes 1 and 2) and conflict (3 and 4) summed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "serve/server.h"
#include "store/stats.h"

/* by= and dedup= of both endpoints. */
static int common_args(const req *rq, store_period *by, int *dedup, resp *r) {
    const char *v = arg_get(rq, "by");
    *by = STORE_BY_MONTH;
    if (v && store_period_parse(v, by) < 0) {
        reply_error(r, 400, "by: '%s' is not day, week, month or year", v);
        return -1;
    }
    return arg_flag(rq, "dedup", dedup, r);
}

/* Every row goes to the stats; the span of dates is kept for the series. */
typedef struct scan_ctx {
    stats *s;
    uint32_t min_date, max_date;
} scan_ctx;

static int scan_row(void *ctx, const store_row *row) {
    scan_ctx *c = ctx;
    if (row->date) {
        if (!c->min_date || row->date < c->min_date) c->min_date = row->date;
        if (row->date > c->max_date) c->max_date = row->date;
    }
    return stats_row(c->s, row);
}

/* Scans the filtered events into c->s; 0, or -1 with the response set. */
static int run_stats(const req *rq, filters *f, store_period by, int dedup,
                     scan_ctx *c, resp *r) {
    memset(c, 0, sizeof *c);
    c->s = stats_new(by, dedup);
    if (!c->s) {
        reply_error(r, 500, "out of memory");
        return -1;
    }
    f->q.light = 1;
    f->q.order = dedup ? STORE_ORDER_DEDUP : STORE_ORDER_DOC;
    filters_deadline(rq, &f->q);
    store_error err;
    err.msg[0] = '\0';
    if (store_scan(rq->w->db, &f->q, scan_row, c, &err) != 0) {
        if (err.msg[0]) reply_store_error(r, rq, &err);
        else reply_error(r, 500, "out of memory");
        stats_free(c->s);
        c->s = NULL;
        return -1;
    }
    return 0;
}

int api_stats(const req *rq, resp *r) {
    static const char *const allowed[] = {FILTER_ARGS, "by", "dedup", "top", NULL};
    if (arg_check(rq, allowed, r) < 0) return 0;
    filters f;
    store_period by;
    int dedup;
    long top;
    if (filters_parse(rq, &f, r) < 0 || common_args(rq, &by, &dedup, r) < 0 ||
        arg_long(rq, "top", 0, SERVE_TOP_MAX, 10, &top, r) < 0)
        return 0;
    scan_ctx c;
    if (run_stats(rq, &f, by, dedup, &c, r) < 0) return 0;
    int rc = stats_write(c.s, "json", (size_t)top, &r->body);
    stats_free(c.s);
    if (rc < 0) return reply_error(r, 500, "out of memory");
    r->status = 200;
    return 0;
}

/* ---- /api/series ---------------------------------------------------------- */

static int leap(unsigned y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static uint32_t next_day(uint32_t d) {
    static const unsigned mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned y = d / 10000, m = d / 100 % 100, day = d % 100;
    if (m < 1 || m > 12) return d + 1;
    unsigned last = mdays[m - 1] + (m == 2 && leap(y));
    if (day < last) return d + 1;
    if (m < 12) return y * 10000 + (m + 1) * 100 + 1;
    return (y + 1) * 10000 + 101;
}

/* Longest run of days walked to fill gaps (beyond it, only the periods
 * that have events are listed). */
#define SERIES_MAX_DAYS 40000

static long json_count(json_t *o, const char *k) {
    json_t *v = o ? json_object_get(o, k) : NULL;
    return json_is_integer(v) ? (long)json_integer_value(v) : 0;
}

static void column(writer_buf *b, const char *name, json_t *rows[], size_t n,
                   int kind) {
    writer_buf_printf(b, ",\"%s\":[", name);
    for (size_t i = 0; i < n; i++) {
        if (i) writer_buf_putc(b, ',');
        json_t *p = rows[i];
        json_t *quad = p ? json_object_get(p, "quad") : NULL;
        double v;
        switch (kind) {
        case 0: v = (double)json_count(p, "events"); break;
        case 1: v = (double)(json_count(quad, "1") + json_count(quad, "2")); break;
        case 2: v = (double)(json_count(quad, "3") + json_count(quad, "4")); break;
        case 7: {
            json_t *g = p ? json_object_get(p, "goldstein_mean") : NULL;
            v = json_is_number(g) ? json_number_value(g) : 0;
            break;
        }
        default: {
            char k[2] = {(char)('0' + kind - 2), 0};
            v = (double)json_count(quad, k);
        }
        }
        reply_json_num(b, v);
    }
    writer_buf_putc(b, ']');
}

static int write_series(const scan_ctx *c, store_period by, int dedup,
                        writer_buf *b) {
    writer_buf tmp = {0};
    if (stats_write(c->s, "json", 0, &tmp) < 0) {
        free(tmp.p);
        return -1;
    }
    json_t *st = json_loadb(tmp.p, tmp.len, 0, NULL);
    free(tmp.p);
    json_t *periods = st ? json_object_get(st, "periods") : NULL;
    if (!json_is_array(periods)) {
        json_decref(st);
        return -1;
    }
    size_t np = json_array_size(periods), cap = np + 16, n = 0;
    char (*labels)[16] = malloc(cap * sizeof *labels);
    json_t **rows = malloc(cap * sizeof *rows);
    json_t *unknown = NULL;
    int rc = -1;
    if (!labels || !rows) goto done;
    /* every period from the first date to the last, in order */
    uint32_t last_key = 0;
    size_t walked = 0;
    for (uint32_t d = c->min_date; d && d <= c->max_date && walked < SERIES_MAX_DAYS;
         d = next_day(d), walked++) {
        uint32_t k = store_period_key(by, d);
        if (k == last_key) continue;
        last_key = k;
        if (n == cap) {
            cap *= 2;
            void *nl = realloc(labels, cap * sizeof *labels);
            if (!nl) goto done;
            labels = nl;
            void *nr = realloc(rows, cap * sizeof *rows);
            if (!nr) goto done;
            rows = nr;
        }
        store_period_label(by, k, labels[n]);
        rows[n++] = NULL;
    }
    int filled = walked < SERIES_MAX_DAYS;
    if (!filled) n = 0;
    /* both lists are in key order, and labels sort as their keys do */
    size_t j = 0;
    for (size_t i = 0; i < np; i++) {
        json_t *p = json_array_get(periods, i);
        const char *l = json_string_value(json_object_get(p, "period"));
        if (!l) continue;
        if (!strcmp(l, "unknown")) {
            unknown = p;
            continue;
        }
        if (!filled) {         /* too long to walk: the periods present */
            if (n == cap) break;
            snprintf(labels[n], sizeof labels[n], "%s", l);
            rows[n++] = p;
            continue;
        }
        while (j < n && strcmp(labels[j], l) < 0) j++;
        if (j < n && !strcmp(labels[j], l)) rows[j] = p;
    }
    static const char *const names[] = {"day", "week", "month", "year"};
    writer_buf_printf(b, "{\"by\":\"%s\",\"dedup\":%s,\"events\":%ld,"
                         "\"unknown_date_events\":%ld,\"periods\":[",
                      names[by], dedup ? "true" : "false",
                      json_count(st, "events"), json_count(unknown, "events"));
    for (size_t i = 0; i < n; i++)
        writer_buf_printf(b, "%s\"%s\"", i ? "," : "", labels[i]);
    writer_buf_putc(b, ']');
    column(b, "events", rows, n, 0);
    column(b, "cooperation", rows, n, 1);
    column(b, "conflict", rows, n, 2);
    column(b, "verbal_cooperation", rows, n, 3);
    column(b, "material_cooperation", rows, n, 4);
    column(b, "verbal_conflict", rows, n, 5);
    column(b, "material_conflict", rows, n, 6);
    column(b, "goldstein_mean", rows, n, 7);
    writer_buf_puts(b, "}\n");
    rc = b->failed ? -1 : 0;
done:
    free(labels);
    free(rows);
    json_decref(st);
    return rc;
}

int api_series(const req *rq, resp *r) {
    static const char *const allowed[] = {FILTER_ARGS, "by", "dedup", NULL};
    if (arg_check(rq, allowed, r) < 0) return 0;
    filters f;
    store_period by;
    int dedup;
    if (filters_parse(rq, &f, r) < 0 || common_args(rq, &by, &dedup, r) < 0)
        return 0;
    scan_ctx c;
    if (run_stats(rq, &f, by, dedup, &c, r) < 0) return 0;
    int rc = write_series(&c, by, dedup, &r->body);
    stats_free(c.s);
    if (rc < 0) return reply_error(r, 500, "out of memory");
    r->status = 200;
    return 0;
}
