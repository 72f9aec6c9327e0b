#include "line_break.h"
#include <CLibraryLoader.h>
#include <pthread.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uvernum.h>

// ICU's common library, opened the first time a line breaker is made (see CLibraryLoader): only Thai, Lao, Khmer
// and Myanmar text needs it, and linking it loaded it with its 30 MB data library into every process. Its soname
// and its function names carry its major version (ubrk_open_72); both are taken from the headers Galley was built
// with, the names by letting ICU's own renaming macros expand inside the string.
#define GALLEY_STRING(x) #x
#define GALLEY_EXPANDED_STRING(x) GALLEY_STRING(x)

static galley_library libicuuc = {
    PTHREAD_MUTEX_INITIALIZER, {"libicuuc.so." GALLEY_EXPANDED_STRING(U_ICU_VERSION_MAJOR_NUM), "libicuuc.so", 0}, 0, 0, {0}};

static struct {
    UBreakIterator *(*open)(UBreakIteratorType, const char *, const UChar *, int32_t, UErrorCode *);
    void (*set_text)(UBreakIterator *, const UChar *, int32_t, UErrorCode *);
    int32_t (*first)(UBreakIterator *);
    int32_t (*next)(UBreakIterator *);
    void (*close)(UBreakIterator *);
} icu;
static pthread_once_t icu_once = PTHREAD_ONCE_INIT;

// ICU is a dependency of every Debian system that has Galley's libraries; one that cannot be loaded, or lacks a
// function its header declares, is a broken installation, which galley_library_symbol reports before stopping.
static void look_up_icu(void) {
    icu.open = galley_library_symbol(&libicuuc, GALLEY_EXPANDED_STRING(ubrk_open));
    icu.set_text = galley_library_symbol(&libicuuc, GALLEY_EXPANDED_STRING(ubrk_setText));
    icu.first = galley_library_symbol(&libicuuc, GALLEY_EXPANDED_STRING(ubrk_first));
    icu.next = galley_library_symbol(&libicuuc, GALLEY_EXPANDED_STRING(ubrk_next));
    icu.close = galley_library_symbol(&libicuuc, GALLEY_EXPANDED_STRING(ubrk_close));
}

void *galley_line_breaker_open(const char *locale) {
    pthread_once(&icu_once, look_up_icu);
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *breaker = icu.open(UBRK_LINE, locale, NULL, 0, &status);
    if (U_FAILURE(status)) return NULL;
    return breaker;
}

int galley_line_breaker_fill(void *breaker, const uint16_t *text, int32_t length, uint8_t *may_break_before) {
    memset(may_break_before, 0, (size_t)length);
    UErrorCode status = U_ZERO_ERROR;
    icu.set_text((UBreakIterator *)breaker, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return 0;
    for (int32_t position = icu.first((UBreakIterator *)breaker); position != UBRK_DONE;
         position = icu.next((UBreakIterator *)breaker)) {
        if (position > 0 && position < length) may_break_before[position] = 1;
    }
    return 1;
}

void galley_line_breaker_close(void *breaker) {
    icu.close((UBreakIterator *)breaker);
}
