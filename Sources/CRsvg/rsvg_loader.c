// librsvg, opened on first use (see CLibraryLoader): the process of an article without SVGs never loads it.
#include "CRsvg.h"
#include <CLibraryLoader.h>

static galley_library librsvg = {PTHREAD_MUTEX_INITIALIZER, {"librsvg-2.so.2", "librsvg-2.so", 0}, 0, 0, {0}};

int galley_rsvg_load(void) { return galley_library_open(&librsvg); }

const char *galley_rsvg_error(void) {
    galley_library_open(&librsvg);
    return librsvg.error;
}

GALLEY_DEFERRED(librsvg, RsvgHandle *, rsvg_handle_new_from_data, (const unsigned char *data, size_t data_len, void **error),
                (data, data_len, error))
GALLEY_DEFERRED(librsvg, int, rsvg_handle_get_intrinsic_size_in_pixels, (RsvgHandle *handle, double *out_width, double *out_height),
                (handle, out_width, out_height))
GALLEY_DEFERRED_VOID(librsvg, rsvg_handle_get_intrinsic_dimensions,
                     (RsvgHandle *handle, int *out_has_width, RsvgLength *out_width, int *out_has_height, RsvgLength *out_height,
                      int *out_has_viewbox, RsvgRectangle *out_viewbox),
                     (handle, out_has_width, out_width, out_has_height, out_height, out_has_viewbox, out_viewbox))
GALLEY_DEFERRED(librsvg, int, rsvg_handle_render_document, (RsvgHandle *handle, struct _cairo *cr, const RsvgRectangle *viewport, void **error),
                (handle, cr, viewport, error))
