/* plot_data.c -- a chart's numbers from dyad stats' aggregation
 * (plot/plot.h): every period from the first to the last, those without
 * events as zero, so the time axis is the calendar's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot/plot.h"

void plot_opts_init(plot_opts *o) {
    memset(o, 0, sizeof *o);
    store_query_init(&o->q);
    o->by = STORE_BY_MONTH;
}

void plot_data_free(plot_data *d) {
    free(d->p);
    memset(d, 0, sizeof *d);
}

int plot_data_build(plot_data *d, const stats *s, const plot_opts *o,
                    char *msg, size_t size) {
    memset(d, 0, sizeof *d);
    size_t nrows;
    stats_period_row *rows = stats_periods(s, &nrows);
    if (!rows) {
        snprintf(msg, size, "out of memory");
        return -1;
    }
    size_t first = 0;
    if (nrows && rows[0].key == 0) {
        d->undated = rows[0].events;
        first = 1;
    }
    /* the axis: --from .. --to when given, else the data's span */
    uint32_t lo = o->q.from ? store_period_key(o->by, o->q.from)
                  : first < nrows ? rows[first].key : 0;
    uint32_t hi = o->q.to ? store_period_key(o->by, o->q.to)
                  : first < nrows ? rows[nrows - 1].key : 0;
    if (!lo || !hi || lo > hi) {
        free(rows);
        return 0; /* nothing to draw: the chart says so */
    }
    size_t n = 0;
    for (uint32_t k = lo; k && k <= hi; k = store_period_next(o->by, k))
        if (++n > PLOT_MAX_PERIODS) {
            static const char *const by[] = {"day", "week", "month", "year"};
            snprintf(msg, size, "more than %d periods by %s: choose a longer "
                     "--by or a shorter --from/--to", PLOT_MAX_PERIODS,
                     by[o->by]);
            free(rows);
            return -1;
        }
    d->p = calloc(n ? n : 1, sizeof *d->p);
    if (!d->p) {
        free(rows);
        snprintf(msg, size, "out of memory");
        return -1;
    }
    size_t r = first, i = 0;
    for (uint32_t k = lo; i < n; k = store_period_next(o->by, k), i++) {
        plot_point *p = &d->p[i];
        p->key = k;
        store_period_label(o->by, k, p->label);
        while (r < nrows && rows[r].key < k) r++;
        if (r < nrows && rows[r].key == k) {
            p->events = rows[r].events;
            memcpy(p->quad, rows[r].quad, sizeof p->quad);
            p->goldstein_sum = rows[r].goldstein_sum;
        }
        d->events += p->events;
        for (int q = 1; q <= 4; q++)
            if ((double)p->quad[q] > d->ymax_count) d->ymax_count = (double)p->quad[q];
        if (p->goldstein_sum < d->gmin) d->gmin = p->goldstein_sum;
        if (p->goldstein_sum > d->gmax) d->gmax = p->goldstein_sum;
    }
    d->n = n;
    free(rows);
    return 0;
}

int plot_query_svg(store *st, const plot_opts *o, writer_buf *out,
                   store_error *err) {
    stats *s = stats_new(o->by, o->dedup);
    if (!s) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return -1;
    }
    store_query q = o->q;
    q.light = 1;
    q.order = o->dedup ? STORE_ORDER_DEDUP : STORE_ORDER_DOC;
    err->msg[0] = '\0';
    int rc = store_scan(st, &q, stats_row, s, err);
    if (rc != 0) {
        if (!err->msg[0]) snprintf(err->msg, sizeof err->msg, "out of memory");
        stats_free(s);
        return -1;
    }
    plot_data d;
    rc = plot_data_build(&d, s, o, err->msg, sizeof err->msg);
    stats_free(s);
    if (rc < 0) return -1;
    rc = plot_svg(&d, o, out);
    plot_data_free(&d);
    if (rc < 0) snprintf(err->msg, sizeof err->msg, "out of memory");
    return rc;
}
