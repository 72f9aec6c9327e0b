#ifndef GALLEY_CZLIB_SHIM_H
#define GALLEY_CZLIB_SHIM_H
#include <zlib.h>
/* deflateInit2 and inflateInit are macros, which Swift does not import. */
static inline int galley_deflate_init(z_streamp stream, int level, int window_bits) {
    return deflateInit2(stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
}
static inline int galley_inflate_init(z_streamp stream) { return inflateInit(stream); }
#endif
