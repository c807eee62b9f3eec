/* rsvg.c -- librsvg and cairo, loaded when dyad plot first writes a PNG
 * (dl/dl.h): the functions plot/plot_png.c calls. g_error_free and
 * g_object_unref are glib's and gobject's, found among librsvg's
 * dependencies. */
#ifdef DYAD_HAVE_RSVG
#include <cairo.h>
#include <librsvg/rsvg.h>

#include "dl/dl.h"

#define RSVG_FNS(F, V)                                                         \
    F(cairo_t *, cairo_create, (cairo_surface_t *s), (s))                      \
    V(cairo_destroy, (cairo_t *c), (c))                                        \
    F(cairo_surface_t *, cairo_image_surface_create,                           \
      (cairo_format_t f, int w, int h), (f, w, h))                             \
    F(cairo_status_t, cairo_status, (cairo_t *c), (c))                         \
    F(const char *, cairo_status_to_string, (cairo_status_t s), (s))           \
    V(cairo_surface_destroy, (cairo_surface_t *s), (s))                        \
    V(cairo_surface_flush, (cairo_surface_t *s), (s))                          \
    F(cairo_status_t, cairo_surface_write_to_png_stream,                       \
      (cairo_surface_t *s, cairo_write_func_t f, void *cls), (s, f, cls))       \
    V(g_error_free, (GError *e), (e))                                          \
    V(g_object_unref, (gpointer o), (o))                                       \
    F(gboolean, rsvg_handle_get_intrinsic_size_in_pixels,                      \
      (RsvgHandle *h, gdouble *w, gdouble *hh), (h, w, hh))                    \
    F(RsvgHandle *, rsvg_handle_new_from_data,                                 \
      (const guint8 *d, gsize n, GError **e), (d, n, e))                       \
    F(gboolean, rsvg_handle_render_document,                                   \
      (RsvgHandle *h, cairo_t *c, const RsvgRectangle *vp, GError **e),        \
      (h, c, vp, e))

enum { RSVG_FNS(DL_INDEX, DL_INDEXV) NFNS };
static const char *const names[] = {RSVG_FNS(DL_NAME, DL_NAMEV)};
static void *fns[NFNS];
static const char *const sonames[] = {"librsvg-2.so.2", "libcairo.so.2",
                                      NULL};
static dl_lib lib = {"PNG charts", "librsvg2-2", sonames, names, fns, NFNS,
                     PTHREAD_ONCE_INIT, 0, ""};

static void init(void) { dl_open(&lib); }

int rsvg_load(char *msg, size_t size) { return dl_load(&lib, init, msg, size); }

RSVG_FNS(DL_SHIM, DL_SHIMV)
#else
typedef int dl_rsvg_unused;
#endif
