/* metrics.h -- what GET /metrics reports (Prometheus' text format):
 * requests by route and status class, a latency histogram per route,
 * requests refused for lack of a free worker, documents coded, events
 * coded and stored, and the process's resident memory. Counters are C11
 * atomics: every HTTP thread updates them without a lock. */
#ifndef DYAD_SERVE_METRICS_H
#define DYAD_SERVE_METRICS_H

#include <stdatomic.h>
#include <stdint.h>

#include "io/writer.h"

enum {
    METRIC_CODE, METRIC_EVENTS, METRIC_STATS, METRIC_SERIES, METRIC_ACTORS,
    METRIC_CODES, METRIC_PLOT, METRIC_HEALTH, METRIC_METRICS, METRIC_STATIC,
    METRIC_OTHER, METRIC_ROUTES
};

/* Upper bounds of the latency buckets, milliseconds (+Inf follows). */
#define METRIC_BUCKETS 10

typedef struct metric_route {
    atomic_ullong status[6];       /* by first digit: [2] 2xx ... [5] 5xx */
    atomic_ullong bucket[METRIC_BUCKETS + 1];
    atomic_ullong sum_us;          /* total latency, microseconds */
} metric_route;

typedef struct serve_metrics {
    metric_route route[METRIC_ROUTES];
    atomic_ullong busy;            /* 503: no worker free in time */
    atomic_ullong docs_coded, events_coded, events_stored, docs_stored;
    atomic_uint in_flight;
    uint64_t started_ns;
} serve_metrics;

void metrics_init(serve_metrics *m);
/* One finished request of route with status, taking elapsed_ns. */
void metrics_request(serve_metrics *m, int route, int status,
                     uint64_t elapsed_ns);
/* The text exposition into b; now_ns for the uptime. */
void metrics_write(serve_metrics *m, uint64_t now_ns, writer_buf *b);
/* Resident set size of this process, bytes (0 unknown). */
uint64_t metrics_rss(void);

#endif
