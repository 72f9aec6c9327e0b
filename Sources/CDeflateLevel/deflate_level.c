// cairo 1.16 compresses every PDF stream with zlib's default level and offers no setting for it. This file
// defines zlib's deflateInit_ in the executable; the dynamic linker then binds cairo's calls here (ELF symbol
// interposition), and streams that ask for the default level get the level chosen for the calling thread.
// Everything else is passed to zlib's deflateInit2_ unchanged, with zlib's own defaults for the other settings.
#include <zlib.h>
#include "deflate_level.h"

static _Thread_local int chosen_level = Z_DEFAULT_COMPRESSION;

void galley_deflate_level_set(int level) {
    chosen_level = (level >= Z_NO_COMPRESSION && level <= Z_BEST_COMPRESSION) ? level : Z_DEFAULT_COMPRESSION;
}

int galley_deflate_level_get(void) {
    return chosen_level;
}

int deflateInit_(z_streamp stream, int level, const char *version, int stream_size) {
    if (level == Z_DEFAULT_COMPRESSION) level = chosen_level;
    return deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}
