#ifndef GALLEY_IMAGE_SCALE_H
#define GALLEY_IMAGE_SCALE_H
#include <stddef.h>
#include <stdint.h>

/// What a scaling call ended with.
typedef enum {
    /// The pixels were written.
    GALLEY_SCALE_DONE = 0,
    /// The pixels were written, but the decoder found damage it drew over (a truncated JPEG's missing part is grey);
    /// `message` says what.
    GALLEY_SCALE_DAMAGED = 1,
    /// Nothing usable was written; `message` says why.
    GALLEY_SCALE_FAILED = 2,
} galley_scale_result;

/// Decodes the PNG in `data` one row at a time with libpng and averages it down into `out_width` × `out_height`
/// premultiplied ARGB32 pixels at `out` (cairo's CAIRO_FORMAT_ARGB32 layout, `out_stride` bytes a row), never
/// holding more than a row of the source, except for an interlaced PNG, decoded whole only if that takes at most
/// `memory_limit` bytes. Fails if the PNG is not `width` × `height`.
galley_scale_result galley_scale_png(const uint8_t *data, size_t size, uint32_t width, uint32_t height,
                                     uint8_t *out, int out_width, int out_height, int out_stride,
                                     size_t memory_limit, char *message, size_t message_size);

/// Decodes the JPEG in `data` with libjpeg at the smallest of its DCT scales (1/1, 1/2, 1/4, 1/8) still at least
/// `out_width` × `out_height`, one row at a time, and averages it down into `out` like `galley_scale_png`. libjpeg
/// itself may allocate at most `memory_limit` bytes (a progressive JPEG keeps all its coefficients). Fails if the
/// JPEG is not `width` × `height`.
galley_scale_result galley_scale_jpeg(const uint8_t *data, size_t size, uint32_t width, uint32_t height,
                                      uint8_t *out, int out_width, int out_height, int out_stride,
                                      size_t memory_limit, char *message, size_t message_size);

/// The DCT scale denominator (1, 2, 4 or 8) `galley_scale_jpeg` decodes a `width` × `height` JPEG at for the given
/// output size.
int galley_jpeg_denominator(uint32_t width, uint32_t height, int out_width, int out_height);

#endif
