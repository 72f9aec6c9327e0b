#ifndef GALLEY_CZLIB_SHIM_H
#define GALLEY_CZLIB_SHIM_H
#include <zlib.h>
/* inflateInit is a macro, which Swift does not import. */
static inline int galley_inflate_init(z_streamp stream) { return inflateInit(stream); }
#endif
