#include "line_break.h"
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uloc.h>

void *galley_line_breaker_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *breaker = ubrk_open(UBRK_LINE, locale, NULL, 0, &status);
    if (U_FAILURE(status)) return NULL;
    return breaker;
}

int galley_line_breaker_fill(void *breaker, const uint16_t *text, int32_t length, uint8_t *may_break_before) {
    memset(may_break_before, 0, (size_t)length);
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)breaker, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return 0;
    for (int32_t position = ubrk_first((UBreakIterator *)breaker); position != UBRK_DONE;
         position = ubrk_next((UBreakIterator *)breaker)) {
        if (position > 0 && position < length) may_break_before[position] = 1;
    }
    return 1;
}

void galley_line_breaker_close(void *breaker) {
    ubrk_close((UBreakIterator *)breaker);
}
