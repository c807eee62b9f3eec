/* plot_png.c -- a chart's PNG (plot/plot.h): the SVG rendered by librsvg
 * onto a cairo image surface.
 *
 * Why librsvg rather than drawing with cairo directly: the PNG is then
 * the SVG, pixel for what a browser shows of it, from one drawing
 * (plot_svg.c) instead of two that could drift apart; text is laid out by
 * the same library (pango) as rsvg-convert, which the tests use. Built
 * without librsvg (no librsvg-2.0 for pkg-config) plot_png says so. */
#include <stdio.h>
#include <string.h>

#include "plot/plot.h"

#ifndef DYAD_HAVE_RSVG
int plot_png(const char *svg, size_t len, double scale, const writer_sink *out,
             char *msg, size_t size) {
    (void)svg, (void)len, (void)scale, (void)out;
    snprintf(msg, size, "this dyad was built without PNG support (install "
                        "Debian's librsvg2-dev and rebuild), or write .svg");
    return -1;
}
#else
#include <math.h>

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "dl/dl.h"

static cairo_status_t to_sink(void *closure, const unsigned char *data,
                              unsigned int n) {
    const writer_sink *out = closure;
    return out->write(out->ud, (const char *)data, n) < 0
               ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

int plot_png(const char *svg, size_t len, double scale, const writer_sink *out,
             char *msg, size_t size) {
    if (rsvg_load(msg, size) < 0) return -1; /* dl/dl.h */
    if (!(scale > 0) || scale > 8) scale = 1;
    GError *ge = NULL;
    RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)svg, len, &ge);
    if (!h) {
        snprintf(msg, size, "cannot read the chart's SVG: %s",
                 ge ? ge->message : "?");
        if (ge) g_error_free(ge);
        return -1;
    }
    gdouble w = 0, hh = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh) || w < 1 || hh < 1) {
        snprintf(msg, size, "the chart's SVG has no size");
        g_object_unref(h);
        return -1;
    }
    int pw = (int)ceil(w * scale), ph = (int)ceil(hh * scale);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph);
    cairo_t *cr = cairo_create(s);
    RsvgRectangle vp = {0, 0, (double)pw, (double)ph};
    int rc = 0;
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        snprintf(msg, size, "cannot make a %dx%d image: %s", pw, ph,
                 cairo_status_to_string(cairo_status(cr)));
        rc = -1;
    } else if (!rsvg_handle_render_document(h, cr, &vp, &ge)) {
        snprintf(msg, size, "cannot render the chart: %s", ge ? ge->message : "?");
        if (ge) g_error_free(ge);
        rc = -1;
    } else {
        cairo_surface_flush(s);
        cairo_status_t st = cairo_surface_write_to_png_stream(s, to_sink, (void *)out);
        if (st != CAIRO_STATUS_SUCCESS) {
            snprintf(msg, size, "cannot write the PNG: %s", cairo_status_to_string(st));
            rc = -1;
        } else if (out->flush && out->flush(out->ud) < 0) {
            snprintf(msg, size, "cannot write the PNG");
            rc = -1;
        }
    }
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    g_object_unref(h);
    return rc;
}
#endif
