#ifndef GALLEY_CRSVG_H
#define GALLEY_CRSVG_H
// The four librsvg functions Galley calls, declared as librsvg 2.54's rsvg.h declares them (gboolean is int,
// gsize size_t, guint8 unsigned char, a GError** a pointer to a pointer), so that librsvg is opened only when an
// article has an SVG (rsvg_loader.c) and its header, which needs gdk-pixbuf's and GIO's, is not needed to build.
#include <stddef.h>

/// librsvg's handle of one parsed SVG (a GObject: release it with g_object_unref).
typedef struct _RsvgHandle RsvgHandle;

/// A rectangle in user units.
typedef struct {
    double x;
    double y;
    double width;
    double height;
} RsvgRectangle;

/// A length and its unit (RsvgUnit, an enumeration).
typedef struct {
    double length;
    int unit;
} RsvgLength;

struct _cairo;

/// Opens librsvg if it is not open yet; returns 1 when it is open, 0 when it cannot be (see galley_rsvg_error).
int galley_rsvg_load(void);

/// Why librsvg could not be opened (the dynamic loader's words), or an empty string.
const char *galley_rsvg_error(void);

/// A handle for the SVG in `data`, or NULL with `*error` (a GError) set.
RsvgHandle *rsvg_handle_new_from_data(const unsigned char *data, size_t data_len, void **error);

/// The SVG's width and height in pixels, when its size is absolute; 0 otherwise.
int rsvg_handle_get_intrinsic_size_in_pixels(RsvgHandle *handle, double *out_width, double *out_height);

/// The SVG's width, height and view box as written (each output may be NULL).
void rsvg_handle_get_intrinsic_dimensions(RsvgHandle *handle, int *out_has_width, RsvgLength *out_width, int *out_has_height,
                                          RsvgLength *out_height, int *out_has_viewbox, RsvgRectangle *out_viewbox);

/// Draws the SVG on `cr`, fitted to `viewport`; 0 with `*error` (a GError) set when it cannot.
int rsvg_handle_render_document(RsvgHandle *handle, struct _cairo *cr, const RsvgRectangle *viewport, void **error);
#endif
