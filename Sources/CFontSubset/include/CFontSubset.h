#ifndef GALLEY_CFONTSUBSET_H
#define GALLEY_CFONTSUBSET_H
#include <stddef.h>

/// The CFF font program `cff` (`length` bytes, as a PDF's /FontFile3 holds it) subset again by harfbuzz over all of
/// its glyphs, which keep their numbers: only the subroutines no glyph calls are dropped. Returns a buffer to free()
/// and sets *out_length, or returns NULL when the program cannot be read or libharfbuzz-subset cannot be opened.
unsigned char *galley_cff_resubset(const unsigned char *cff, size_t length, size_t *out_length);

/// Face `index` of the font file at `path` subset by harfbuzz to the `count` glyphs `glyphs` (.notdef is always kept),
/// without hinting or layout tables. With `retain_gids` every glyph keeps its number; otherwise glyphs are renumbered
/// in order, and a CID-keyed CFF font keeps each glyph's CID. With `cff_only` the result is the subset's `CFF ` table
/// (a PDF's /FontFile3 /CIDFontType0C), otherwise the whole OpenType file (a /FontFile2). Returns a buffer to free()
/// and sets *out_length, or returns NULL when the file cannot be read or subset, or libharfbuzz-subset is missing.
unsigned char *galley_font_subset(const char *path, unsigned index, const unsigned *glyphs, size_t count, int retain_gids,
                                  int cff_only, size_t *out_length);

/// Opens libharfbuzz-subset if it is not open yet; returns 1 when it is open, 0 when it cannot be.
int galley_font_subset_load(void);
#endif
