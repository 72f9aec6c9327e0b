#define _GNU_SOURCE
#include "CFontHooks.h"
#include "next_symbol.h"
#include <cairo-ft.h>
#include <dlfcn.h>
#include <fontconfig/fcfreetype.h>
#include <stdatomic.h>

static _Atomic(galley_face_opener) registered_opener;
static _Thread_local long faces_given;

void galley_cairo_faces_set_opener(galley_face_opener opener) {
    atomic_store_explicit(&registered_opener, opener, memory_order_release);
}

long galley_cairo_faces_given(void) {
    return faces_given;
}

typedef cairo_font_face_t *(*create_for_pattern_type)(FcPattern *);

static create_for_pattern_type cairo_own(void) {
    static _Atomic(void *) real;
    return (create_for_pattern_type)galley_next_symbol(&real, "cairo_ft_font_face_create_for_pattern");
}

// cairo reads the pattern's face and load options here and keeps neither the pattern nor the copy: a face from a
// pattern with FC_FT_FACE is one cairo did not open ("from_face"), never counted or closed by it.
cairo_font_face_t *cairo_ft_font_face_create_for_pattern(FcPattern *pattern) {
    create_for_pattern_type real = cairo_own();
    galley_face_opener opener = atomic_load_explicit(&registered_opener, memory_order_acquire);
    FT_Face face = NULL;
    FcChar8 *file = NULL;
    if (!pattern || !opener || FcPatternGetFTFace(pattern, FC_FT_FACE, 0, &face) == FcResultMatch ||
        FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch) {
        return real(pattern);
    }
    int index = 0;
    FcPatternGetInteger(pattern, FC_INDEX, 0, &index);
    face = opener((const char *)file, index);
    FcPattern *copy = face ? FcPatternDuplicate(pattern) : NULL;
    // A face FreeType cannot open is left to cairo, which fails on it too; Galley's renderer then reports the file
    // (FontFaceCache), since it opens the same faces.
    if (!copy) return real(pattern);
    FcPatternAddFTFace(copy, FC_FT_FACE, face);
    cairo_font_face_t *made = real(copy);
    FcPatternDestroy(copy);
    faces_given += 1;
    return made;
}
