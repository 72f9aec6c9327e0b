#ifndef GALLEY_LINE_BREAK_H
#define GALLEY_LINE_BREAK_H
#include <stdint.h>

/* ICU's line-break iterator (UAX #14, with dictionaries for Thai, Lao, Khmer and Myanmar) behind three plain C
   functions: ICU's own names carry its version (ubrk_open_72), which Swift would have to spell out. */

/* An iterator for `locale` (a BCP 47 tag or ICU locale id), or NULL if ICU cannot make one. */
void *galley_line_breaker_open(const char *locale);

/* Sets `may_break_before[i]` to 1 where a line may break before UTF-16 unit `i` of `text`, else 0.
   Returns 1 on success, 0 when ICU failed (the array is then all zeros). */
int galley_line_breaker_fill(void *breaker, const uint16_t *text, int32_t length, uint8_t *may_break_before);

/* Frees an iterator made by galley_line_breaker_open. */
void galley_line_breaker_close(void *breaker);

#endif
