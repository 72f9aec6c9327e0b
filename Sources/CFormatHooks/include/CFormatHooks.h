#ifndef GALLEY_FORMAT_HOOKS_H
#define GALLEY_FORMAT_HOOKS_H
#include <stdarg.h>
#include <stddef.h>

// Formats `format` with the arguments in `arguments` as `vsnprintf` would, into `buffer` of `size` bytes, when the
// format is one integer conversion and nothing else (see snprintf_chk.c), and returns the length. Any other format
// (and a negative width from the arguments) is declined with a negative number, the arguments possibly read: the
// caller passes a copy of its list, and gives glibc its own.
int galley_format_integer(char *buffer, size_t size, const char *format, va_list arguments);

// The same for one fixed-point conversion of a double ("%f", "%.6f", "%.*f", precision 0 to 18) whose magnitude is
// below 2^53, printed with exactly glibc's digits.
int galley_format_fixed(char *buffer, size_t size, const char *format, va_list arguments);

// Whether this process's `__snprintf_chk` is Galley's (the loader resolved cairo's calls to this executable).
int galley_format_hooks_active(void);

#endif
