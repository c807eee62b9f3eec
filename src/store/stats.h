/* stats.h -- dyad stats: events aggregated by period (day, ISO week, month,
 * year): counts by root code and quad class, Goldstein sums and means, and
 * the dyads and actors with the most events over the whole selection.
 *
 *     stats *s = stats_new(STORE_BY_MONTH, dedup);
 *     store_scan(st, &q, stats_row, s, &err);   (q.light, and with dedup
 *                                                STORE_ORDER_DEDUP)
 *     stats_write(s, "tsv", top, &buf);
 *
 * With dedup, of the events with the same date, source, target and code
 * only the first is counted (the one-a-day filter of store/dedup.h).
 */
#ifndef DYAD_STORE_STATS_H
#define DYAD_STORE_STATS_H

#include "io/writer.h"
#include "store/store.h"

typedef struct stats stats;

stats *stats_new(store_period by, int dedup);
/* A store_row_fn: adds one row (ctx is the stats). -1 out of memory. */
int stats_row(void *ctx, const store_row *r);
/* Writes the result as "tsv" or "json" into b, with the top `top` dyads and
 * actors. -1 for an unknown format. */
int stats_write(const stats *s, const char *format, size_t top, writer_buf *b);
void stats_free(stats *s);

/* One period's counts, for charts (plot/plot.h). */
typedef struct stats_period_row {
    uint32_t key;                  /* store_period_key; 0 undated */
    unsigned long long events, quad[5]; /* quad[1..4] by quad class */
    double goldstein_sum;
} stats_period_row;
/* The periods in key order (undated, key 0, first), a malloc'd array of *n
 * rows (free it); NULL when out of memory. */
stats_period_row *stats_periods(const stats *s, size_t *n);

/* Totals, for tests: events counted and their Goldstein sum. */
unsigned long long stats_events(const stats *s);
double stats_goldstein(const stats *s);

#endif
