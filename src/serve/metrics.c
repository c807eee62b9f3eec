/* metrics.c -- counters and latency histograms (serve/metrics.h) and their
 * Prometheus text exposition. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "serve/metrics.h"

static const unsigned bucket_ms[METRIC_BUCKETS] = {1,   5,   10,  25,  50,
                                                   100, 250, 500, 1000, 5000};

static const char *const route_name[METRIC_ROUTES] = {
    "/api/code",   "/api/events", "/api/stats", "/api/series",
    "/api/actors", "/api/codes",  "/api/plot.svg", "/healthz",
    "/metrics",    "static",      "other"};

void metrics_init(serve_metrics *m) {
    memset(m, 0, sizeof *m);
    for (int r = 0; r < METRIC_ROUTES; r++) {
        for (int i = 0; i < 6; i++) atomic_init(&m->route[r].status[i], 0);
        for (int i = 0; i <= METRIC_BUCKETS; i++)
            atomic_init(&m->route[r].bucket[i], 0);
        atomic_init(&m->route[r].sum_us, 0);
    }
    atomic_init(&m->busy, 0);
    atomic_init(&m->docs_coded, 0);
    atomic_init(&m->events_coded, 0);
    atomic_init(&m->events_stored, 0);
    atomic_init(&m->docs_stored, 0);
    atomic_init(&m->in_flight, 0);
}

void metrics_request(serve_metrics *m, int route, int status,
                     uint64_t elapsed_ns) {
    if (route < 0 || route >= METRIC_ROUTES) route = METRIC_OTHER;
    metric_route *r = &m->route[route];
    int cls = status / 100;
    if (cls < 1 || cls > 5) cls = 5;
    atomic_fetch_add(&r->status[cls], 1);
    uint64_t ms = elapsed_ns / 1000000;
    int b = 0;
    while (b < METRIC_BUCKETS && ms >= bucket_ms[b]) b++;
    atomic_fetch_add(&r->bucket[b], 1);
    atomic_fetch_add(&r->sum_us, elapsed_ns / 1000);
}

uint64_t metrics_rss(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long size = 0, rss = 0;
    int n = fscanf(f, "%lu %lu", &size, &rss);
    fclose(f);
    long page = sysconf(_SC_PAGESIZE);
    return n == 2 && page > 0 ? (uint64_t)rss * (uint64_t)page : 0;
}

void metrics_write(serve_metrics *m, uint64_t now_ns, writer_buf *b) {
    writer_buf_puts(b, "# HELP dyad_http_requests_total Requests answered, by "
                       "route and status class.\n"
                       "# TYPE dyad_http_requests_total counter\n");
    for (int r = 0; r < METRIC_ROUTES; r++)
        for (int c = 1; c <= 5; c++) {
            unsigned long long n = atomic_load(&m->route[r].status[c]);
            if (n)
                writer_buf_printf(b,
                                  "dyad_http_requests_total{route=\"%s\","
                                  "code=\"%dxx\"} %llu\n",
                                  route_name[r], c, n);
        }
    writer_buf_puts(b, "# HELP dyad_http_request_duration_seconds Time from "
                       "the request's headers to its response.\n"
                       "# TYPE dyad_http_request_duration_seconds histogram\n");
    for (int r = 0; r < METRIC_ROUTES; r++) {
        unsigned long long cum = 0;
        unsigned long long c[METRIC_BUCKETS + 1];
        for (int i = 0; i <= METRIC_BUCKETS; i++) {
            c[i] = atomic_load(&m->route[r].bucket[i]);
            cum += c[i];
        }
        if (!cum) continue;
        unsigned long long run = 0;
        for (int i = 0; i < METRIC_BUCKETS; i++) {
            run += c[i];
            writer_buf_printf(b,
                              "dyad_http_request_duration_seconds_bucket{route="
                              "\"%s\",le=\"%g\"} %llu\n",
                              route_name[r], bucket_ms[i] / 1000.0, run);
        }
        writer_buf_printf(b,
                          "dyad_http_request_duration_seconds_bucket{route="
                          "\"%s\",le=\"+Inf\"} %llu\n"
                          "dyad_http_request_duration_seconds_sum{route=\"%s\"}"
                          " %.6f\n"
                          "dyad_http_request_duration_seconds_count{route="
                          "\"%s\"} %llu\n",
                          route_name[r], cum, route_name[r],
                          (double)atomic_load(&m->route[r].sum_us) / 1e6,
                          route_name[r], cum);
    }
    writer_buf_printf(
        b,
        "# HELP dyad_busy_total Requests answered 503: no worker was free.\n"
        "# TYPE dyad_busy_total counter\n"
        "dyad_busy_total %llu\n"
        "# HELP dyad_documents_coded_total Documents coded by POST /api/code.\n"
        "# TYPE dyad_documents_coded_total counter\n"
        "dyad_documents_coded_total %llu\n"
        "# HELP dyad_events_coded_total Events coded by POST /api/code.\n"
        "# TYPE dyad_events_coded_total counter\n"
        "dyad_events_coded_total %llu\n"
        "# HELP dyad_documents_stored_total Documents stored by this server.\n"
        "# TYPE dyad_documents_stored_total counter\n"
        "dyad_documents_stored_total %llu\n"
        "# HELP dyad_events_stored_total Events stored by this server.\n"
        "# TYPE dyad_events_stored_total counter\n"
        "dyad_events_stored_total %llu\n"
        "# HELP dyad_requests_in_flight Requests being answered.\n"
        "# TYPE dyad_requests_in_flight gauge\n"
        "dyad_requests_in_flight %u\n"
        "# HELP dyad_resident_memory_bytes Resident set size.\n"
        "# TYPE dyad_resident_memory_bytes gauge\n"
        "dyad_resident_memory_bytes %llu\n"
        "# HELP dyad_uptime_seconds Seconds since the server started.\n"
        "# TYPE dyad_uptime_seconds gauge\n"
        "dyad_uptime_seconds %.3f\n",
        atomic_load(&m->busy), atomic_load(&m->docs_coded),
        atomic_load(&m->events_coded), atomic_load(&m->docs_stored),
        atomic_load(&m->events_stored), atomic_load(&m->in_flight),
        (unsigned long long)metrics_rss(),
        (double)(now_ns - m->started_ns) / 1e9);
}
