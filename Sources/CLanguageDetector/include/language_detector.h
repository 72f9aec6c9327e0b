#ifndef GALLEY_LANGUAGE_DETECTOR_H
#define GALLEY_LANGUAGE_DETECTOR_H

// A C face for CLD2, which is C++: Swift imports this header as plain C, so nothing C++ may appear here.

#ifdef __cplusplus
extern "C" {
#endif

/// Detects the language of `length` bytes of UTF-8 plain text with CLD2. Returns 1 and writes CLD2's code for the
/// language with the largest share of the text ("fr", "iw", "zh-Hant"; NUL-terminated) to `code`, that share
/// (0-100) to `percent` and whether CLD2 trusts its answer to `reliable`; returns 0 when no language was found, when
/// the bytes are not interchange-valid UTF-8 or when the code does not fit in `code_capacity` bytes.
int galley_detect_language(const char *utf8, int length, char *code, int code_capacity, int *percent, int *reliable);

#ifdef __cplusplus
}
#endif

#endif
