// Debian's libcld2 is C++ (namespaced functions, std::vector in signatures), which Swift cannot call without C++
// interoperability; this file wraps the one call Galley needs in an extern "C" function.
#include <cstdio>  // compact_lang_det.h uses FILE without including it.
#include <cstring>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include "language_detector.h"

int galley_detect_language(const char *utf8, int length, char *code, int code_capacity, int *percent, int *reliable) {
    if (percent) *percent = 0;
    if (reliable) *reliable = 0;
    if (code && code_capacity > 0) code[0] = '\0';
    if (!utf8 || length <= 0 || !code || code_capacity <= 0) return 0;

    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language top3[3];
    int percent3[3];
    double scores3[3];
    int text_bytes = 0;
    bool is_reliable = false;
    int valid_prefix_bytes = 0;
    // The checking variant: CLD2's header warns that the unchecked calls must only get bytes proven to be
    // interchange-valid UTF-8, and this function cannot know where its bytes came from. Flags 0: no best-effort
    // guesses for short text (callers fall back on the text's script). No result chunks: only the summary is wanted.
    CLD2::Language language = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        utf8, length, /*is_plain_text=*/true, &hints, /*flags=*/0, top3, percent3, scores3,
        /*resultchunkvector=*/nullptr, &text_bytes, &is_reliable, &valid_prefix_bytes);
    if (valid_prefix_bytes < length || language == CLD2::UNKNOWN_LANGUAGE) return 0;

    // When English (or French, Italian, German, Spanish) leads and another language has a fair share, CLD2 takes
    // the leader for web-page boilerplate and answers with the other language: an English article quoting a German
    // letter comes back as German. Galley's text has no boilerplate, so the language with the largest share is the
    // answer. (When CLD2 answers "unknown", the text is too short or too mixed, and that stands.)
    int answer_percent = 0;
    for (int i = 0; i < 3; i++) {
        if (top3[i] == language) answer_percent = percent3[i];
    }
    if (top3[0] != language && top3[0] != CLD2::UNKNOWN_LANGUAGE && top3[0] != CLD2::TG_UNKNOWN_LANGUAGE &&
        percent3[0] > answer_percent) {
        language = top3[0];
        answer_percent = percent3[0];
    }

    const char *name = CLD2::LanguageCode(language);
    if (!name || std::strlen(name) + 1 > (size_t)code_capacity) return 0;
    std::strcpy(code, name);
    if (percent) *percent = answer_percent;
    // CLD2's reliability flag is passed on as it is. It was worked out for CLD2's own answer; when that was switched
    // above, it still says that the text was long and clear enough for CLD2 to be sure of its mix of languages.
    if (reliable) *reliable = is_reliable ? 1 : 0;
    return 1;
}
