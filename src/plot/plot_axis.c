/* plot_axis.c -- the chart's layout arithmetic (plot/plot.h): text widths,
 * nice ticks, how many x-axis labels fit. */
#include <math.h>
#include <string.h>

#include "plot/plot.h"

/* DejaVu Sans advance widths of ASCII 32..126 in thousandths of an em
 * (the font the chart names first; Debian's fonts-dejavu-core). */
static const unsigned short adv[95] = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361,
    318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337,
    838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
    295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989,
    685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615,
    352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
    392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};

double plot_text_width(const char *s, double px, int bold) {
    double w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 32 && *p < 127) w += adv[*p - 32];
        else if (*p >= 0xC0) w += 838; /* a non-ASCII character (arrows) */
        /* continuation bytes add nothing */
    }
    return w / 1000.0 * px * (bold ? 1.1 : 1.0);
}

void plot_ticks(double lo, double hi, int want, double *first, double *last,
                double *step) {
    if (!(hi > lo)) hi = lo + 1;
    double raw = (hi - lo) / (want > 0 ? want : 5);
    double mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    double s = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    *step = s * mag;
    *first = floor(lo / *step + 1e-9) * *step;
    *last = ceil(hi / *step - 1e-9) * *step;
}

size_t plot_label_step(store_period by, double w, double band) {
    static const size_t day[] = {1, 2, 7, 14, 28, 91, 182, 364, 728, 1820};
    static const size_t week[] = {1, 2, 4, 13, 26, 52, 104, 260};
    static const size_t month[] = {1, 2, 3, 6, 12, 24, 60, 120};
    static const size_t year[] = {1, 2, 5, 10, 20, 50, 100};
    const size_t *steps = by == STORE_BY_DAY ? day
                          : by == STORE_BY_WEEK ? week
                          : by == STORE_BY_MONTH ? month : year;
    size_t n = by == STORE_BY_DAY ? sizeof day / sizeof day[0]
               : by == STORE_BY_WEEK ? sizeof week / sizeof week[0]
               : by == STORE_BY_MONTH ? sizeof month / sizeof month[0]
                                      : sizeof year / sizeof year[0];
    for (size_t i = 0; i < n; i++)
        if ((double)steps[i] * band >= w) return steps[i];
    /* beyond the table: whatever multiple of the last fits */
    size_t k = steps[n - 1];
    while ((double)k * band < w) k *= 2;
    return k;
}

int plot_label_here(store_period by, uint32_t key, size_t i, size_t k) {
    if (k <= 1) return 1;
    if (by == STORE_BY_MONTH && 12 % k == 0) return (key % 100 - 1) % k == 0;
    if (by == STORE_BY_MONTH && k % 12 == 0)
        return key % 100 == 1 && (key / 100) % (k / 12) == 0;
    if (by == STORE_BY_YEAR) return key % k == 0;
    return i % k == 0;
}
