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
#include <ft2build.h>
#include FT_FREETYPE_H

/* Function-like macros and variadic functions are not imported into Swift. */
static inline const char *galley_fc_file(void) { return FC_FILE; }
static inline const char *galley_fc_index(void) { return FC_INDEX; }
static inline const char *galley_fc_postscript_name(void) { return FC_POSTSCRIPT_NAME; }
static inline const char *galley_fc_ft_face(void) { return FC_FT_FACE; }
static inline const char *galley_fc_family(void) { return FC_FAMILY; }
static inline const char *galley_fc_style(void) { return FC_STYLE; }
#endif
