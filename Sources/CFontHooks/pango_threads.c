#define _GNU_SOURCE
#include "CFontHooks.h"
#include <dlfcn.h>
#include <glib.h>
#include <stdatomic.h>
#include <string.h>

static _Thread_local long run_inline;

long galley_pango_threads_run_inline(void) {
    return run_inline;
}

typedef GThread *(*thread_new_type)(const gchar *, GThreadFunc, gpointer);

// GLib's signature, so that Pango's calls land here. A match or sort thread's function takes the pattern's lock,
// stores its result, signals and frees its data; run here, before Pango waits on the condition, the wait finds the
// result already stored. Pango only unreferences the thread it gets back, so it is handed a reference to the
// calling thread.
GThread *g_thread_new(const gchar *name, GThreadFunc func, gpointer data) {
    if (name && strncmp(name, "[pango] FcFontSet", 17) == 0) {
        run_inline += 1;
        func(data);
        return g_thread_ref(g_thread_self());
    }
    static _Atomic(thread_new_type) real;
    thread_new_type function = atomic_load_explicit(&real, memory_order_acquire);
    if (!function) {
        function = (thread_new_type)dlsym(RTLD_NEXT, "g_thread_new");
        atomic_store_explicit(&real, function, memory_order_release);
    }
    return function(name, func, data);
}
