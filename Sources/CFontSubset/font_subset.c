// harfbuzz's subsetter, run two ways. `galley_font_subset` cuts the program of a face whose text Galley writes itself
// from its font file, once per document, over the glyphs every part of the document shows. `galley_cff_resubset`
// runs on a CFF program cairo already subset (text cairo still draws): cairo 1.16 drops a CFF font's unused
// subroutines only when its own charstring reader understands every glyph; for Noto Serif CJK it does not, and a
// 600-glyph subset carries all 26,000 local subroutines of the font (740 KB where 190 KB do). Subsetting the program
// again over every glyph it has, numbers kept, leaves the glyphs as they are and drops what none of them calls.
//
// libharfbuzz-subset is opened on first use (see CLibraryLoader), like qpdf.
// The core harfbuzz functions come from libharfbuzz, which Pango already links.
#include "CFontSubset.h"
#include <CLibraryLoader.h>
#include <hb.h>
#include <hb-subset.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static galley_library libsubset = {PTHREAD_MUTEX_INITIALIZER, {"libharfbuzz-subset.so.0", "libharfbuzz-subset.so", 0}, 0, 0, {0}};

int galley_font_subset_load(void) { return galley_library_open(&libsubset); }

#define LAZY(ret, name, params, args) GALLEY_DEFERRED(libsubset, ret, name, params, args)
#define LAZY_VOID(name, params, args) GALLEY_DEFERRED_VOID(libsubset, name, params, args)

LAZY(hb_subset_input_t *, hb_subset_input_create_or_fail, (void), ())
LAZY_VOID(hb_subset_input_destroy, (hb_subset_input_t *input), (input))
LAZY(hb_set_t *, hb_subset_input_glyph_set, (hb_subset_input_t *input), (input))
LAZY_VOID(hb_subset_input_set_flags, (hb_subset_input_t *input, unsigned value), (input, value))
LAZY(hb_face_t *, hb_subset_or_fail, (hb_face_t *source, const hb_subset_input_t *input), (source, input))

// A big-endian unsigned integer of `size` bytes at `at`, or -1 past the end.
static long read_unsigned(const unsigned char *data, size_t length, size_t at, unsigned size) {
    if (size == 0 || size > 4 || at + size > length) return -1;
    long value = 0;
    for (unsigned i = 0; i < size; i++) value = (value << 8) | data[at + i];
    return value;
}

// The offset just past the INDEX at `at`, with the range of its first object in *first (for the Top DICT), or 0.
static size_t skip_index(const unsigned char *data, size_t length, size_t at, size_t *first_start, size_t *first_end) {
    long count = read_unsigned(data, length, at, 2);
    if (count < 0) return 0;
    if (count == 0) return at + 2;
    long offset_size = read_unsigned(data, length, at + 2, 1);
    if (offset_size < 1 || offset_size > 4) return 0;
    size_t offsets = at + 3;
    size_t base = offsets + (size_t)(count + 1) * (size_t)offset_size - 1;
    long last = read_unsigned(data, length, offsets + (size_t)count * (size_t)offset_size, (unsigned)offset_size);
    long one = read_unsigned(data, length, offsets, (unsigned)offset_size);
    long two = read_unsigned(data, length, offsets + (size_t)offset_size, (unsigned)offset_size);
    if (last < 1 || one < 1 || two < one || base + (size_t)last > length) return 0;
    if (first_start) *first_start = base + (size_t)one;
    if (first_end) *first_end = base + (size_t)two;
    return base + (size_t)last;
}

// The number of glyphs of a CFF font: the count of the CharStrings INDEX the Top DICT's operator 17 points at.
static long cff_glyph_count(const unsigned char *data, size_t length) {
    long header_size = read_unsigned(data, length, 2, 1);
    if (header_size < 4) return -1;
    size_t top_start = 0, top_end = 0;
    size_t after_names = skip_index(data, length, (size_t)header_size, 0, 0);
    if (!after_names || !skip_index(data, length, after_names, &top_start, &top_end)) return -1;
    long operand = -1;
    for (size_t at = top_start; at < top_end;) {
        unsigned char byte = data[at];
        if (byte == 17) return read_unsigned(data, length, (size_t)operand, 2);
        if (byte == 12) { at += 2; operand = -1; continue; }
        if (byte <= 21) { at += 1; operand = -1; continue; }
        if (byte == 28) { operand = (int16_t)read_unsigned(data, length, at + 1, 2); at += 3; continue; }
        if (byte == 29) { operand = (int32_t)read_unsigned(data, length, at + 1, 4); at += 5; continue; }
        if (byte == 30) {  // A real number, nibbles up to the one that is 0xf.
            at += 1;
            while (at < top_end && (data[at] & 0x0f) != 0x0f && (data[at] >> 4) != 0x0f) at++;
            at++;
            operand = -1;
            continue;
        }
        if (byte >= 32 && byte <= 246) { operand = byte - 139; at += 1; continue; }
        if (byte >= 247 && byte <= 250) { operand = (byte - 247) * 256 + (at + 1 < top_end ? data[at + 1] : 0) + 108; at += 2; continue; }
        if (byte >= 251 && byte <= 254) { operand = -(byte - 251) * 256 - (at + 1 < top_end ? data[at + 1] : 0) - 108; at += 2; continue; }
        return -1;
    }
    return -1;
}

// `face` subset as `input` says: its `CFF ` table (`cff_only`) or the whole font, in a buffer to free(); NULL when
// harfbuzz cannot subset it.
static unsigned char *subset_bytes(hb_face_t *face, const hb_subset_input_t *input, int cff_only, size_t *out_length) {
    hb_face_t *subset = hb_subset_or_fail(face, input);
    if (!subset) return NULL;
    hb_blob_t *blob = cff_only ? hb_face_reference_table(subset, HB_TAG('C', 'F', 'F', ' ')) : hb_face_reference_blob(subset);
    unsigned size = 0;
    const char *bytes = hb_blob_get_data(blob, &size);
    unsigned char *result = NULL;
    if (bytes && size > 0 && (result = malloc(size))) {
        memcpy(result, bytes, size);
        *out_length = size;
    }
    hb_blob_destroy(blob);
    hb_face_destroy(subset);
    return result;
}

unsigned char *galley_cff_resubset(const unsigned char *cff, size_t length, size_t *out_length) {
    if (!galley_font_subset_load() || length < 4 || length > 64u << 20) return NULL;
    long glyphs = cff_glyph_count(cff, length);
    if (glyphs < 1 || glyphs > 65535) return NULL;
    // harfbuzz reads an OpenType font: the program becomes its 'CFF ' table, with the 'maxp' (version 0.5) that gives
    // the glyph count.
    unsigned char maxp[6] = {0, 0, 0x50, 0, (unsigned char)(glyphs >> 8), (unsigned char)glyphs};
    hb_face_t *builder = hb_face_builder_create();
    hb_blob_t *program = hb_blob_create((const char *)cff, (unsigned)length, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_blob_t *profile = hb_blob_create((const char *)maxp, sizeof maxp, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_builder_add_table(builder, HB_TAG('C', 'F', 'F', ' '), program);
    hb_face_builder_add_table(builder, HB_TAG('m', 'a', 'x', 'p'), profile);
    hb_blob_t *font = hb_face_reference_blob(builder);
    hb_face_t *face = hb_face_create(font, 0);
    unsigned char *result = NULL;
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (input && hb_face_get_glyph_count(face) == (unsigned)glyphs) {
        hb_set_add_range(hb_subset_input_glyph_set(input), 0, (hb_codepoint_t)(glyphs - 1));
        // Every glyph keeps its number (the page content names glyphs by number), .notdef its outline.
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
        result = subset_bytes(face, input, 1, out_length);
    }
    if (input) hb_subset_input_destroy(input);
    hb_face_destroy(face);
    hb_blob_destroy(font);
    hb_blob_destroy(profile);
    hb_blob_destroy(program);
    hb_face_destroy(builder);
    return result;
}

// Tables a PDF's font program does without: shaping, the character map, names and the like. They are hidden from the
// subsetter, so that the subset leaves them out, and the subsetter neither reads the whole character map nor closes
// the glyph set over the shaping rules (a third more glyphs, and two thirds of its time for a Latin face).
static int unused_table(hb_tag_t tag) {
    switch (tag) {
    case HB_TAG('G', 'S', 'U', 'B'): case HB_TAG('G', 'P', 'O', 'S'): case HB_TAG('G', 'D', 'E', 'F'):
    case HB_TAG('B', 'A', 'S', 'E'): case HB_TAG('J', 'S', 'T', 'F'): case HB_TAG('M', 'A', 'T', 'H'):
    case HB_TAG('k', 'e', 'r', 'n'): case HB_TAG('m', 'o', 'r', 'x'): case HB_TAG('m', 'o', 'r', 't'):
    case HB_TAG('D', 'S', 'I', 'G'): case HB_TAG('V', 'O', 'R', 'G'): case HB_TAG('v', 'h', 'e', 'a'):
    case HB_TAG('v', 'm', 't', 'x'): case HB_TAG('S', 'T', 'A', 'T'): case HB_TAG('m', 'e', 't', 'a'):
    case HB_TAG('l', 't', 'a', 'g'): case HB_TAG('h', 'd', 'm', 'x'): case HB_TAG('L', 'T', 'S', 'H'):
    case HB_TAG('V', 'D', 'M', 'X'): case HB_TAG('g', 'a', 's', 'p'): case HB_TAG('P', 'C', 'L', 'T'):
    case HB_TAG('c', 'm', 'a', 'p'): case HB_TAG('n', 'a', 'm', 'e'): case HB_TAG('p', 'o', 's', 't'):
    case HB_TAG('O', 'S', '/', '2'):
        return 1;
    default:
        return 0;
    }
}

static hb_blob_t *used_table(hb_face_t *face, hb_tag_t tag, void *source) {
    (void)face;
    return unused_table(tag) ? hb_blob_get_empty() : hb_face_reference_table((hb_face_t *)source, tag);
}

unsigned char *galley_font_subset(const char *path, unsigned index, const unsigned *glyphs, size_t count, int retain_gids,
                                  int cff_only, size_t *out_length) {
    if (!galley_font_subset_load()) return NULL;
    hb_blob_t *file = hb_blob_create_from_file_or_fail(path);
    if (!file) return NULL;
    hb_face_t *source = hb_face_create(file, index);
    hb_face_t *face = hb_face_create_for_tables(used_table, hb_face_reference(source), (hb_destroy_func_t)hb_face_destroy);
    hb_face_set_index(face, index);
    hb_face_set_upem(face, hb_face_get_upem(source));
    hb_face_set_glyph_count(face, hb_face_get_glyph_count(source));
    unsigned char *result = NULL;
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (input && hb_face_get_glyph_count(source) > 0) {
        hb_set_t *set = hb_subset_input_glyph_set(input);
        hb_set_add(set, 0);
        for (size_t i = 0; i < count; i++) hb_set_add(set, glyphs[i]);
        unsigned flags = HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE;
        if (retain_gids) flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
        // A CFF program's subroutines are inlined into its charstrings: harfbuzz then need not work out which of a
        // CJK face's thirty thousand subroutines the glyphs call and number them again, which was most of the cut
        // (840 glyphs of Noto Serif CJK: 16 ms, 7 ms flattened), and the flattened program is no larger.
        if (cff_only) flags |= HB_SUBSET_FLAGS_DESUBROUTINIZE;
        hb_subset_input_set_flags(input, flags);
        result = subset_bytes(face, input, cff_only, out_length);
    }
    if (input) hb_subset_input_destroy(input);
    hb_face_destroy(face);
    hb_face_destroy(source);
    hb_blob_destroy(file);
    return result;
}
