#ifndef GALLEY_CLIBRARYLOADER_H
#define GALLEY_CLIBRARYLOADER_H
// Shared libraries opened the first time Galley calls into them rather than when the process starts. A library that
// most runs never call (qpdf, librsvg) still costs every run its loading, relocation and start-up code when it is
// linked as usual; these libraries are instead reached through functions of the same names defined in Galley,
// each looking its real function up once.
#include <pthread.h>
#include <stdatomic.h>

/// One library opened on demand: the file names tried in order, and what opening it gave.
typedef struct {
    pthread_mutex_t lock;
    const char *names[3];
    int tried;
    void *handle;
    char error[512];
} galley_library;

/// The library open (opening it on the first call); 1 when it is, 0 when it cannot be (see error).
int galley_library_open(galley_library *library);

/// The address of the function `name` of `library`. A library that cannot be opened, or that lacks the function its
/// header declares, is a broken installation with no value to return: the process stops with a message saying so.
void *galley_library_symbol(galley_library *library, const char *name);

/// Declares `function`, the address of `name` in `library`, looked up on the first call and kept for the next.
#define GALLEY_DEFERRED_LOOKUP(library, name) \
    static _Atomic(name##_type) cached; \
    name##_type function = atomic_load_explicit(&cached, memory_order_acquire); \
    if (!function) { \
        function = (name##_type)galley_library_symbol(&library, #name); \
        atomic_store_explicit(&cached, function, memory_order_release); \
    }

/// Defines `name`, with `params` and returning `ret`, as a call to the same function of `library`.
#define GALLEY_DEFERRED(library, ret, name, params, args) \
    typedef ret (*name##_type) params; \
    ret name params { \
        GALLEY_DEFERRED_LOOKUP(library, name) \
        return function args; \
    }

/// `GALLEY_DEFERRED` for a function that returns nothing (C allows no `return` of a void call).
#define GALLEY_DEFERRED_VOID(library, name, params, args) \
    typedef void (*name##_type) params; \
    void name params { \
        GALLEY_DEFERRED_LOOKUP(library, name) \
        function args; \
    }
#endif
