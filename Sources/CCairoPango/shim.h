#ifndef GALLEY_CCAIROPANGO_SHIM_H
#define GALLEY_CCAIROPANGO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#include <pango/pango.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>
#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>
#include <fribidi.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <hb-ot.h>

/* Function-like macros and variadic functions are not imported into Swift. */
static inline const char *galley_fc_file(void) { return FC_FILE; }
static inline const char *galley_fc_index(void) { return FC_INDEX; }
static inline const char *galley_fc_postscript_name(void) { return FC_POSTSCRIPT_NAME; }
static inline const char *galley_fc_ft_face(void) { return FC_FT_FACE; }
static inline const char *galley_fc_family(void) { return FC_FAMILY; }
static inline const char *galley_fc_style(void) { return FC_STYLE; }

/* The weak and neutral types that take the level of the letters around them: separators and terminators, marks,
   boundary neutrals and other neutrals. */
static inline int galley_bidi_takes_level_around(FriBidiCharType type) {
    return type == FRIBIDI_TYPE_ES || type == FRIBIDI_TYPE_ET || type == FRIBIDI_TYPE_CS || type == FRIBIDI_TYPE_NSM ||
           type == FRIBIDI_TYPE_BN || type == FRIBIDI_TYPE_ON;
}
/* True when `c` leaves a left-to-right paragraph's embedding level at 0 wherever it stands: a strong left-to-right
   character, a European number or its separators and terminators, a mark, a boundary neutral or another neutral
   (UAX #9 resolves all of these to the paragraph's direction when nothing right-to-left is near). Arabic numbers,
   right-to-left letters, explicit embeddings and isolates, and white space are not. fribidi's type names are macros. */
static inline int galley_bidi_keeps_left_to_right(uint32_t c) {
    FriBidiCharType type = fribidi_get_bidi_type(c);
    return type == FRIBIDI_TYPE_LTR || type == FRIBIDI_TYPE_EN || galley_bidi_takes_level_around(type);
}
/* True when `c` takes the level of a right-to-left word around it: a right-to-left or Arabic letter, a mark, a
   boundary neutral, a separator or terminator with no European number near (there is none: numbers are refused), or
   another neutral. With a right-to-left base and only these, UAX #9 gives every character level 1. */
static inline int galley_bidi_keeps_right_to_left(uint32_t c) {
    FriBidiCharType type = fribidi_get_bidi_type(c);
    return type == FRIBIDI_TYPE_RTL || type == FRIBIDI_TYPE_AL || galley_bidi_takes_level_around(type);
}
#endif
