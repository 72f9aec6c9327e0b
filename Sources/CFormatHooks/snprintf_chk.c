// cairo 1.16 writes every number of a PDF's content through `snprintf`, one conversion at a time
// (`_cairo_output_stream_vprintf` copies "%d" or "%0*x" out of its own format and passes it on, and `_cairo_dtostr`
// prints coordinates with "%f" and "%.*f"), and Debian builds it
// with _FORTIFY_SOURCE, so each call is glibc's `__snprintf_chk`: about 700 instructions to print one glyph number
// of a CID font or one TJ adjustment, over half a million times in a 50-article issue. This executable defines
// `__snprintf_chk` too. A format that is exactly one integer conversion (flags `0`, a width or `*`, `l`, and one of
// d i u x X o), or one fixed-point conversion of a double below 2^53 (`%f`, `%.Nf`, `%.*f`), is printed here; every other format goes to glibc's `__vsnprintf_chk` unchanged. The output, the
// return value, truncation to the buffer and the fortify check are glibc's (FormatHooksTests compares the two).
#define _GNU_SOURCE
#include "CFormatHooks.h"
#include <dlfcn.h>
#include <fenv.h>
#include <math.h>

extern int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, va_list ap);
extern void __chk_fail(void) __attribute__((noreturn));

// The shape of a fast format: which conversion, whether its argument is a long, its width and padding.
typedef struct {
    char conversion;
    int is_long;
    int zero;
    int width_from_argument;
    int width;
} integer_format;

// Reads `format` as one integer conversion and nothing else; 0 when it is anything more or less.
static int parse(const char *format, integer_format *out) {
    const char *f = format;
    if (*f++ != '%') return 0;
    out->zero = 0;
    out->width_from_argument = 0;
    out->width = 0;
    out->is_long = 0;
    if (*f == '0') {
        out->zero = 1;
        f++;
    }
    if (*f == '*') {
        out->width_from_argument = 1;
        f++;
    } else {
        while (*f >= '0' && *f <= '9') {
            out->width = out->width * 10 + (*f++ - '0');
            if (out->width > 1000) return 0;
        }
    }
    if (*f == 'l') {
        out->is_long = 1;
        f++;
    }
    switch (*f) {
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': break;
    default: return 0;
    }
    out->conversion = *f++;
    return *f == '\0';
}

// Copies `text` of `length` characters into `buffer` of `size` bytes as glibc does: at most size - 1 of them and a
// terminating zero; returns `length`.
static int emit(char *buffer, size_t size, const char *text, int length) {
    if (size > 0) {
        size_t count = (size_t)length < size - 1 ? (size_t)length : size - 1;
        for (size_t i = 0; i < count; i++) buffer[i] = text[i];
        buffer[count] = '\0';
    }
    return length;
}

int galley_format_integer(char *buffer, size_t size, const char *format, va_list arguments) {
    integer_format shape;
    if (!parse(format, &shape)) return -2;
    int width = shape.width;
    if (shape.width_from_argument) {
        width = va_arg(arguments, int);
        // A negative width means left-justified: rare, and left to glibc. The argument is already read, so the
        // caller's copy of the list must be the one passed on (see __snprintf_chk).
        if (width < 0 || width > 1000) return -3;
    }
    unsigned long magnitude;
    int negative = 0;
    int is_signed = shape.conversion == 'd' || shape.conversion == 'i';
    if (shape.is_long) {
        if (is_signed) {
            long value = va_arg(arguments, long);
            negative = value < 0;
            magnitude = negative ? (unsigned long)0 - (unsigned long)value : (unsigned long)value;
        } else {
            magnitude = va_arg(arguments, unsigned long);
        }
    } else {
        if (is_signed) {
            int value = va_arg(arguments, int);
            negative = value < 0;
            magnitude = negative ? (unsigned long)(0u - (unsigned)value) : (unsigned long)value;
        } else {
            magnitude = va_arg(arguments, unsigned int);
        }
    }
    unsigned base = shape.conversion == 'o' ? 8 : (shape.conversion == 'x' || shape.conversion == 'X') ? 16 : 10;
    const char *digits = shape.conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char reversed[32];
    int count = 0;
    do {
        reversed[count++] = digits[magnitude % base];
        magnitude /= base;
    } while (magnitude);
    // At most 1,000 of padding (a width is at most 1,000: see parse and the `*` check), a sign and 22 digits.
    char text[1024];
    int length = 0;
    int digits_length = count + negative;
    int padding = width > digits_length ? width - digits_length : 0;
    if (!shape.zero) for (; padding > 0; padding--) text[length++] = ' ';
    if (negative) text[length++] = '-';
    for (; padding > 0; padding--) text[length++] = '0';
    while (count > 0) text[length++] = reversed[--count];
    return emit(buffer, size, text, length);
}

// "%f", "%.Nf" and "%.*f" with N from 0 to 18: the forms cairo's `_cairo_dtostr` prints a coordinate with. The
// decimal is exact, as glibc's is: the double is m × 2^e, and m × 10^N fits in 128 bits, so the digits are that
// product shifted right by -e, rounded half to even (glibc follows the rounding mode, and nothing in Galley changes
// it from to-nearest). Values of 2^53 or more, infinities, NaNs and every other shape are declined.
int galley_format_fixed(char *buffer, size_t size, const char *format, va_list arguments) {
    const char *f = format;
    if (*f++ != '%') return -2;
    int precision = 6;
    int precision_from_argument = 0;
    if (*f == '.') {
        f++;
        if (*f == '*') {
            precision_from_argument = 1;
            f++;
        } else {
            if (*f < '0' || *f > '9') return -2;
            precision = 0;
            while (*f >= '0' && *f <= '9') {
                if (precision > 18) return -2;
                precision = precision * 10 + (*f++ - '0');
            }
        }
    }
    if (*f++ != 'f' || *f != '\0') return -2;
    if (precision_from_argument) precision = va_arg(arguments, int);
    if (precision < 0 || precision > 18) return -3;
    double value = va_arg(arguments, double);
    if (!isfinite(value) || fabs(value) >= 9007199254740992.0 || fegetround() != FE_TONEAREST) return -3;
    int negative = signbit(value) != 0;
    int exponent;
    double fraction = frexp(fabs(value), &exponent);
    // |value| = mantissa × 2^(exponent - 53), the mantissa an integer of at most 53 bits.
    unsigned long long mantissa = (unsigned long long)ldexp(fraction, 53);
    int shift = 53 - exponent;
    unsigned __int128 power = 1;
    for (int i = 0; i < precision; i++) power *= 10;
    unsigned __int128 scaled = (unsigned __int128)mantissa * power;
    unsigned __int128 digits;
    if (shift <= 0) {
        digits = scaled << -shift;
    } else if (shift >= 128) {
        digits = 0;  // Less than half of the last place: rounds to zero.
    } else {
        digits = scaled >> shift;
        unsigned __int128 rest = scaled & ((((unsigned __int128)1) << shift) - 1);
        unsigned __int128 half = ((unsigned __int128)1) << (shift - 1);
        if (rest > half || (rest == half && (digits & 1))) digits++;
    }
    unsigned __int128 whole = digits / power;
    unsigned __int128 part = digits % power;
    char text[64];
    int length = 0;
    if (negative) text[length++] = '-';
    char reversed[40];
    int count = 0;
    do {
        reversed[count++] = (char)('0' + (int)(whole % 10));
        whole /= 10;
    } while (whole);
    while (count > 0) text[length++] = reversed[--count];
    if (precision > 0) {
        text[length++] = '.';
        for (int i = precision - 1; i >= 0; i--) {
            text[length + i] = (char)('0' + (int)(part % 10));
            part /= 10;
        }
        length += precision;
    }
    return emit(buffer, size, text, length);
}

int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, ...) {
    if (slen < maxlen) __chk_fail();
    va_list arguments, attempt;
    va_start(arguments, format);
    va_copy(attempt, arguments);
    int written = galley_format_integer(s, maxlen, format, attempt);
    va_end(attempt);
    if (written == -2) {
        va_copy(attempt, arguments);
        written = galley_format_fixed(s, maxlen, format, attempt);
        va_end(attempt);
    }
    if (written < 0) written = __vsnprintf_chk(s, maxlen, flag, slen, format, arguments);
    va_end(arguments);
    return written;
}

int galley_format_hooks_active(void) {
    // cairo's calls reach this definition when the loader resolves the name to this executable first.
    return dlsym(RTLD_DEFAULT, "__snprintf_chk") == (void *)__snprintf_chk;
}
