/* plot.h -- charts of cooperation and conflict over time, for `dyad plot`
 * and any other caller (an HTTP server's /api/plot.svg): a self-contained
 * SVG written into a buffer, and a PNG rendered from that SVG.
 *
 * The chart (docs/output.md, "dyad plot"): for a dyad (source and target
 * prefixes) or an actor against everyone, per period (day, ISO week,
 * month, year), two panels on one time axis:
 *   top     events by quad class, four lines: verbal cooperation (1),
 *           material cooperation (2), verbal conflict (3), material
 *           conflict (4); cooperation in blues, conflict in oranges,
 *           verbal dashed, material solid (readable in grey too)
 *   bottom  the Goldstein sum of the period's events as bars: net
 *           cooperation above zero, net conflict below
 * Periods without events between the first and the last (or --from and
 * --to) are drawn as zero, so the axis is calendar time. Events without
 * a date are counted in the note, not drawn.
 *
 *     plot_opts o; plot_opts_init(&o); o.q.source = "USA"; o.q.target = "CHN";
 *     writer_buf svg = {0};
 *     plot_query_svg(st, &o, &svg, &err);     (scan + stats + chart)
 *     plot_png(svg.p, svg.len, 2.0, &sink, msg, sizeof msg);
 *
 * The SVG carries its numbers: each period is a
 *     <g class="period" data-period="2024-01" data-events="12"
 *        data-quad1=".." data-quad2=".." data-quad3=".." data-quad4=".."
 *        data-goldstein-sum="-3.5">
 * and each y-axis tick a <g class="ytick" data-value="10">, so a test (or a
 * reader) can check the drawing against `dyad stats`.
 *
 * The drawing is plot_svg.c (layout: plot_axis.c), the data plot_data.c,
 * the PNG plot_png.c (librsvg; without it plot_png says what to install).
 */
#ifndef DYAD_PLOT_H
#define DYAD_PLOT_H

#include <stddef.h>
#include <stdint.h>

#include "io/writer.h"
#include "store/stats.h"
#include "store/store.h"

/* Largest chart: periods drawn (a longer span needs a longer --by). */
#define PLOT_MAX_PERIODS 5000

typedef struct plot_opts {
    store_query q;            /* which events: source/target (a dyad) or
                                 actor, from, to (they also bound the
                                 axis), code; light and order are set by
                                 plot_query_svg */
    store_period by;          /* STORE_BY_MONTH by default */
    int dedup;                /* the one-a-day filter (store/dedup.h) */
    const char *title;        /* NULL: "Cooperation and conflict: SRC → TGT" */
    const char *source_note;  /* the database as the note names it; NULL none */
    int width, height;        /* pixels; 0: 960 x 600 */
} plot_opts;

void plot_opts_init(plot_opts *o);

typedef struct plot_point {
    uint32_t key;             /* store_period_key */
    char label[16];           /* store_period_label */
    unsigned long long events, quad[5];
    double goldstein_sum;
} plot_point;

typedef struct plot_data {
    plot_point *p;            /* every period from the first to the last */
    size_t n;
    unsigned long long events, undated;
    double ymax_count;        /* largest quad count */
    double gmin, gmax;        /* smallest and largest Goldstein sum */
} plot_data;

/* The chart's data from aggregated events (stats_new(o->by, o->dedup),
 * filled by a light scan). 0, or -1 with msg set: out of memory, or more
 * than PLOT_MAX_PERIODS periods. */
int plot_data_build(plot_data *d, const stats *s, const plot_opts *o,
                    char *msg, size_t size);
void plot_data_free(plot_data *d);

/* The chart as SVG, appended to out. -1 when out ran out of memory. */
int plot_svg(const plot_data *d, const plot_opts *o, writer_buf *out);

/* Scans st for o's events, aggregates and draws: the whole chart into
 * out. 0, or -1 with err set. */
int plot_query_svg(store *st, const plot_opts *o, writer_buf *out,
                   store_error *err);

/* The SVG svg[0, len) rendered as a PNG at scale (1: one pixel per SVG
 * unit) to out. 0, or -1 with msg set (also when dyad was built without
 * librsvg). */
int plot_png(const char *svg, size_t len, double scale, const writer_sink *out,
             char *msg, size_t size);

/* ---- layout helpers (plot_axis.c) ---------------------------------------- */

/* Width in pixels of s in the chart's sans-serif font at size px (DejaVu
 * Sans advance widths; a little more for bold): an estimate the layout
 * uses to keep labels apart. */
double plot_text_width(const char *s, double px, int bold);

/* "Nice" axis ticks covering [lo, hi]: *step is 1, 2 or 5 times a power
 * of ten, about `want` intervals; *first and *last the outer ticks. */
void plot_ticks(double lo, double hi, int want, double *first, double *last,
                double *step);

/* Every how many periods an x-axis label fits (labels of width w pixels,
 * periods `band` pixels apart), as a step natural for the period: months
 * by 1, 2, 3, 6, 12 ...; years by 1, 2, 5, 10 ...; weeks by 1, 2, 4, 13,
 * 26, 52 ...; days by 1, 2, 7, 14, 28 .... */
size_t plot_label_step(store_period by, double w, double band);

/* Whether period key gets a label at step k (i: its index): months and
 * years on calendar multiples (January, 2020), others every k from the
 * first. */
int plot_label_here(store_period by, uint32_t key, size_t i, size_t k);

#endif
