#ifndef GALLEY_NEXT_SYMBOL_H
#define GALLEY_NEXT_SYMBOL_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <stdatomic.h>

// The library's own definition of a function this executable defines too (the next one in the loader's search),
// looked up once and kept in `slot`: every hook passes on to it what it does not handle.
static inline void *galley_next_symbol(_Atomic(void *) *slot, const char *name) {
    void *function = atomic_load_explicit(slot, memory_order_acquire);
    if (!function) {
        function = dlsym(RTLD_NEXT, name);
        atomic_store_explicit(slot, function, memory_order_release);
    }
    return function;
}

#endif
