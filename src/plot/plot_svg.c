/* plot_svg.c -- the chart as SVG (plot/plot.h): title, subtitle, legend,
 * the quad-class panel, the Goldstein panel, the time axis and a note,
 * laid out from estimated text widths so that no two labels meet. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "plot/plot.h"

#define FONT "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
#define INK "#222222"
#define GREY "#555555"
#define GRID "#e4e4e4"
/* Text is laid out as if 6 % wider than DejaVu Sans measures: room for
 * hinting and for the fallback fonts. */
#define MARGIN 1.06

/* Quad classes 1..4: name, colour (Okabe-Ito, safe for colour blindness),
 * dash (verbal dashed, material solid, so grey prints tell them apart). */
static const struct { const char *name, *colour, *dash; } quads[5] = {
    {"", "", ""},
    {"Verbal cooperation", "#56B4E9", "6 3"},
    {"Material cooperation", "#0072B2", ""},
    {"Verbal conflict", "#E69F00", "6 3"},
    {"Material conflict", "#D55E00", ""},
};

static const char *const by_name[] = {"day", "week", "month", "year"};

typedef struct layout {
    double W, H, left, right;
    double t1, b1, t2, b2;       /* the panels' tops and bottoms */
    double band;                 /* pixels per period */
    double c_lo, c_hi, c_step;   /* the count axis */
    double g_lo, g_hi, g_step;   /* the Goldstein axis */
} layout;

/* ---- text ------------------------------------------------------------------ */

static void xml(writer_buf *b, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '&': writer_buf_puts(b, "&amp;"); break;
        case '<': writer_buf_puts(b, "&lt;"); break;
        case '>': writer_buf_puts(b, "&gt;"); break;
        case '"': writer_buf_puts(b, "&quot;"); break;
        default:
            /* control bytes are not XML */
            if ((unsigned char)*s >= 0x20 || *s == '\t') writer_buf_putc(b, *s);
        }
    }
}

/* <text> at x, y (anchor start, middle or end). */
static void text(writer_buf *b, double x, double y, double px, const char *anchor,
                 const char *fill, int bold, const char *cls, const char *s) {
    writer_buf_printf(b, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\""
                         " text-anchor=\"%s\" fill=\"%s\"%s>", cls, x, y, px,
                      anchor, fill, bold ? " font-weight=\"bold\"" : "");
    xml(b, s);
    writer_buf_puts(b, "</text>\n");
}

/* "%.1f" without "-0.0", as dyad stats prints sums. */
static void num1(char *out, size_t size, double v) {
    snprintf(out, size, "%.1f", fabs(v) < 0.05 ? 0.0 : v);
}

/* A tick label: as many decimals as the step needs. */
static void tick_label(char *out, size_t size, double v, double step) {
    int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
    if (fabs(v) < step * 1e-6) v = 0;
    snprintf(out, size, "%.*f", dec, v);
}

/* s (in a buffer of size bytes) cut, with an ellipsis, to fit width w at
 * px. */
static void fit(char *s, size_t size, double w, double px, int bold) {
    w /= MARGIN;
    if (size < 4 || plot_text_width(s, px, bold) <= w) return;
    size_t n = strlen(s);
    if (n + 4 > size) n = size - 4;
    for (;;) {
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
        memcpy(s + n, "\xE2\x80\xA6", 4); /* U+2026 and the NUL */
        if (n == 0 || plot_text_width(s, px, bold) <= w) return;
        n--;
    }
}

/* ---- what the chart shows ---------------------------------------------------- */

static void selection(const plot_opts *o, char *out, size_t size) {
    const store_query *q = &o->q;
    if (q->source && *q->source && q->target && *q->target)
        snprintf(out, size, "%s \xE2\x86\x92 %s", q->source, q->target);
    else if (q->source && *q->source)
        snprintf(out, size, "%s \xE2\x86\x92 all actors", q->source);
    else if (q->target && *q->target)
        snprintf(out, size, "all actors \xE2\x86\x92 %s", q->target);
    else if (q->actor && *q->actor)
        snprintf(out, size, "%s \xE2\x86\x94 all actors", q->actor);
    else
        snprintf(out, size, "all events");
}

static void subtitle(const plot_data *d, const plot_opts *o, char *out,
                     size_t size, double w, double px) {
    char parts[5][96];
    int n = 0;
    snprintf(parts[n++], sizeof parts[0],
             "Events by quad class and their Goldstein sum, per %s", by_name[o->by]);
    if (d->n)
        snprintf(parts[n++], sizeof parts[0], "%s to %s", d->p[0].label,
                 d->p[d->n - 1].label);
    snprintf(parts[n++], sizeof parts[0], "%llu event%s", d->events,
             d->events == 1 ? "" : "s");
    if (o->q.code && *o->q.code)
        snprintf(parts[n++], sizeof parts[0], "CAMEO codes %s*", o->q.code);
    if (o->dedup) snprintf(parts[n++], sizeof parts[0], "one a day (deduplicated)");
    /* too wide: drop the span, then the description, before the counts
     * and filters a reader must not miss */
    int drop[3] = {-1, 1, 0};
    for (int tries = 0; tries < 3; tries++) {
        out[0] = '\0';
        for (int i = 0, first = 1; i < n; i++) {
            int dropped = 0;
            for (int t = 1; t <= tries; t++)
                if (drop[t] == i && (i != 1 || d->n)) dropped = 1;
            if (dropped) continue;
            size_t len = strlen(out);
            snprintf(out + len, size - len, "%s%s", first ? "" : " \xC2\xB7 ", parts[i]);
            first = 0;
        }
        if (plot_text_width(out, px, 0) * MARGIN <= w) return;
    }
    fit(out, size, w, px, 0);
}

/* ---- layout ---------------------------------------------------------------------- */

static void axes(const plot_data *d, layout *L) {
    plot_ticks(0, d->ymax_count > 0 ? d->ymax_count : 1, 5, &L->c_lo, &L->c_hi,
               &L->c_step);
    if (L->c_step < 1) { /* counts are whole */
        L->c_step = 1;
        L->c_hi = ceil(d->ymax_count > 0 ? d->ymax_count : 1);
    }
    L->c_lo = 0;
    double lo = d->gmin < 0 ? d->gmin : 0, hi = d->gmax > 0 ? d->gmax : 0;
    if (lo == 0 && hi == 0) lo = -1, hi = 1;
    plot_ticks(lo, hi, 4, &L->g_lo, &L->g_hi, &L->g_step);
}

/* Widest y tick label of an axis. */
static double ticks_width(double lo, double hi, double step, double px) {
    double w = 0;
    char s[32];
    for (double v = lo; v <= hi + step * 1e-6; v += step) {
        tick_label(s, sizeof s, v, step);
        double x = plot_text_width(s, px, 0);
        if (x > w) w = x;
    }
    return w;
}

/* ---- drawing ------------------------------------------------------------------------ */

static double yc(const layout *L, double v) {
    return L->b1 - (v - L->c_lo) / (L->c_hi - L->c_lo) * (L->b1 - L->t1);
}

static double yg(const layout *L, double v) {
    return L->b2 - (v - L->g_lo) / (L->g_hi - L->g_lo) * (L->b2 - L->t2);
}

static double xp(const layout *L, size_t i) {
    return L->left + L->band * ((double)i + 0.5);
}

static void y_axis(writer_buf *b, const layout *L, int goldstein) {
    double lo = goldstein ? L->g_lo : L->c_lo, hi = goldstein ? L->g_hi : L->c_hi;
    double step = goldstein ? L->g_step : L->c_step;
    char s[32];
    for (double v = lo; v <= hi + step * 1e-6; v += step) {
        double y = goldstein ? yg(L, v) : yc(L, v);
        tick_label(s, sizeof s, v, step);
        writer_buf_printf(b, "<g class=\"ytick\" data-panel=\"%s\" data-value=\"%s\">"
                             "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                             " stroke=\"%s\" stroke-width=\"1\"/>",
                          goldstein ? "goldstein" : "count", s, L->left, y,
                          L->right, y, fabs(v) < step * 1e-6 && goldstein ? GREY : GRID);
        text(b, L->left - 8, y + 4, 11, "end", GREY, 0, "ylabel", s);
        writer_buf_puts(b, "</g>\n");
    }
    double top = goldstein ? L->t2 : L->t1, bottom = goldstein ? L->b2 : L->b1;
    writer_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                         " stroke=\"%s\" stroke-width=\"1\"/>\n",
                      L->left, top, L->left, bottom, INK);
    if (!goldstein)
        writer_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                             " stroke=\"%s\" stroke-width=\"1\"/>\n",
                          L->left, L->b1, L->right, L->b1, INK);
}

static void x_axis(writer_buf *b, const plot_data *d, const plot_opts *o,
                   const layout *L) {
    double w = 0;
    for (size_t i = 0; i < d->n; i++) {
        double x = plot_text_width(d->p[i].label, 11, 0);
        if (x > w) w = x;
    }
    size_t k = plot_label_step(o->by, w + 14, L->band);
    writer_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                         " stroke=\"%s\" stroke-width=\"1\"/>\n",
                      L->left, L->b2, L->right, L->b2, INK);
    for (size_t i = 0; i < d->n; i++) {
        if (!plot_label_here(o->by, d->p[i].key, i, k)) continue;
        double x = xp(L, i);
        /* keep the first and last labels inside the chart */
        if (x - w / 2 < 2 || x + w / 2 > L->W - 2) continue;
        writer_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                             " stroke=\"%s\"/><line x1=\"%.1f\" y1=\"%.1f\""
                             " x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n",
                          x, L->b1, x, L->b1 + 4, INK, x, L->b2, x, L->b2 + 4, INK);
        text(b, x, L->b2 + 18, 11, "middle", GREY, 0, "xlabel", d->p[i].label);
    }
}

static void lines(writer_buf *b, const plot_data *d, const layout *L) {
    for (int q = 1; q <= 4; q++) {
        writer_buf_printf(b, "<polyline class=\"line quad%d\" data-quad=\"%d\""
                             " fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                             " stroke-linejoin=\"round\"%s%s%s points=\"",
                          q, q, quads[q].colour, *quads[q].dash ? " stroke-dasharray=\"" : "",
                          quads[q].dash, *quads[q].dash ? "\"" : "");
        for (size_t i = 0; i < d->n; i++)
            writer_buf_printf(b, "%s%.1f,%.1f", i ? " " : "", xp(L, i),
                              yc(L, (double)d->p[i].quad[q]));
        writer_buf_puts(b, "\"/>\n");
    }
}

static void periods(writer_buf *b, const plot_data *d, const layout *L) {
    int markers = L->band >= 7 || d->n == 1;
    double bw = L->band * 0.7 < 1 ? 1 : L->band * 0.7;
    for (size_t i = 0; i < d->n; i++) {
        const plot_point *p = &d->p[i];
        char g[32];
        num1(g, sizeof g, p->goldstein_sum);
        writer_buf_printf(b, "<g class=\"period\" data-period=\"%s\" data-events=\"%llu\""
                             " data-quad1=\"%llu\" data-quad2=\"%llu\" data-quad3=\"%llu\""
                             " data-quad4=\"%llu\" data-goldstein-sum=\"%s\">",
                          p->label, p->events, p->quad[1], p->quad[2], p->quad[3],
                          p->quad[4], g);
        double x = xp(L, i), y0 = yg(L, 0), y1 = yg(L, p->goldstein_sum);
        writer_buf_printf(b, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                             " height=\"%.1f\" fill=\"%s\"/>",
                          x - bw / 2, y1 < y0 ? y1 : y0, bw, fabs(y1 - y0),
                          p->goldstein_sum >= 0 ? quads[2].colour : quads[4].colour);
        if (markers)
            for (int q = 1; q <= 4; q++)
                writer_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\""
                                     " fill=\"%s\"/>",
                                  x, yc(L, (double)p->quad[q]), quads[q].colour);
        writer_buf_puts(b, "</g>\n");
    }
}

/* The legend's rows from y (baselines 18 apart); returns the last
 * baseline. */
static double legend(writer_buf *b, double x0, double y, double maxx) {
    double x = x0;
    for (int q = 1; q <= 4; q++) {
        double w = 30 + plot_text_width(quads[q].name, 12, 0) * MARGIN;
        if (x > x0 && x + w > maxx) {
            x = x0;
            y += 18;
        }
        writer_buf_printf(b, "<g class=\"legend\" data-quad=\"%d\"><line x1=\"%.1f\""
                             " y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                             " stroke-width=\"2.5\"%s%s%s/>",
                          q, x, y - 4, x + 24, y - 4, quads[q].colour,
                          *quads[q].dash ? " stroke-dasharray=\"" : "", quads[q].dash,
                          *quads[q].dash ? "\"" : "");
        text(b, x + 30, y, 12, "start", INK, 0, "legend-label", quads[q].name);
        writer_buf_puts(b, "</g>\n");
        x += w + 22;
    }
    return y;
}

int plot_svg(const plot_data *d, const plot_opts *o, writer_buf *b) {
    layout L;
    memset(&L, 0, sizeof L);
    L.W = o->width > 0 ? o->width : 960;
    L.H = o->height > 0 ? o->height : 600;
    axes(d, &L);
    double tw = ticks_width(L.c_lo, L.c_hi, L.c_step, 11);
    double gw = ticks_width(L.g_lo, L.g_hi, L.g_step, 11);
    L.left = 16 + (tw > gw ? tw : gw) + 10;
    if (L.left < 48) L.left = 48;
    L.right = L.W - 24;

    char title[256], sel[160], sub[512], note[512];
    selection(o, sel, sizeof sel);
    if (o->title) snprintf(title, sizeof title, "%s", o->title);
    else snprintf(title, sizeof title, "Cooperation and conflict: %s", sel);
    fit(title, sizeof title, L.W - 32, 18, 1);
    subtitle(d, o, sub, sizeof sub, L.W - 32, 12.5);

    writer_buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\""
                         " height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"%s\">\n"
                         "<title>", L.W, L.H, L.W, L.H, FONT);
    xml(b, title);
    writer_buf_puts(b, "</title>\n<desc>");
    xml(b, sub);
    writer_buf_printf(b, "</desc>\n<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n",
                      L.W, L.H);
    text(b, 16, 30, 18, "start", INK, 1, "title", title);
    text(b, 16, 50, 12.5, "start", GREY, 0, "subtitle", sub);
    double ly = legend(b, 16, 74, L.W - 16);

    /* panels: what is left between the legend and the axis labels and
     * note, 3:2 between counts and Goldstein sums */
    double h1_head = ly + 28;
    L.t1 = h1_head + 12;
    L.b2 = L.H - 52;
    double room = L.b2 - L.t1 - 40;
    if (room < 80) room = 80;
    L.b1 = L.t1 + room * 0.6;
    double h2_head = L.b1 + 28;
    L.t2 = h2_head + 12;
    L.b2 = L.t2 + room * 0.4;
    L.band = d->n ? (L.right - L.left) / (double)d->n : L.right - L.left;

    char head[96];
    snprintf(head, sizeof head, "Events per %s, by quad class", by_name[o->by]);
    text(b, L.left, h1_head, 12, "start", INK, 1, "panel-title", head);
    snprintf(head, sizeof head, "Goldstein sum per %s (above 0: net cooperation)",
             by_name[o->by]);
    text(b, L.left, h2_head, 12, "start", INK, 1, "panel-title", head);

    y_axis(b, &L, 0);
    y_axis(b, &L, 1);
    if (d->n) {
        lines(b, d, &L);
        periods(b, d, &L);
        x_axis(b, d, o, &L);
    } else {
        text(b, (L.left + L.right) / 2, (L.t1 + L.b1) / 2, 14, "middle", GREY, 0,
             "empty", "No events match this selection");
    }

    size_t n = (size_t)snprintf(note, sizeof note, "Source: dyad event store");
    if (o->source_note && n < sizeof note)
        n += (size_t)snprintf(note + n, sizeof note - n, " (%s)", o->source_note);
    if (n < sizeof note)
        n += (size_t)snprintf(note + n, sizeof note - n,
                              "; CAMEO quad classes and Goldstein scale");
    if (d->undated && n < sizeof note)
        snprintf(note + n, sizeof note - n, "; %llu event%s without a date not shown",
                 d->undated, d->undated == 1 ? "" : "s");
    fit(note, sizeof note, L.W - 32, 10.5, 0);
    text(b, 16, L.H - 12, 10.5, "start", GREY, 0, "note", note);
    writer_buf_puts(b, "</svg>\n");
    return b->failed ? -1 : 0;
}
