#ifndef GALLEY_DEFLATE_LEVEL_H
#define GALLEY_DEFLATE_LEVEL_H

/// Sets the zlib level that streams opened on this thread with zlib's default level get (-1 restores zlib's own).
void galley_deflate_level_set(int level);

/// The level set on this thread, or -1.
int galley_deflate_level_get(void);

#endif
