#define _GNU_SOURCE
#include "CFontHooks.h"
#include "next_symbol.h"
#include <dlfcn.h>
#include <glib.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local long run_inline;
static _Thread_local long sorts_run;

long galley_pango_threads_run_inline(void) {
    return run_inline;
}

long galley_pango_sorts_run(void) {
    return sorts_run;
}

// Sorts Pango asked for and nobody has needed yet, first asked first run. A sort's function holds its own
// references (the font map, the pattern, a copy of the font set), so it may run on any thread, at any time.
typedef struct deferred_sort {
    GThreadFunc func;
    gpointer data;
    struct deferred_sort *next;
} deferred_sort;

static pthread_mutex_t deferred_lock = PTHREAD_MUTEX_INITIALIZER;
static deferred_sort *deferred_first;
static deferred_sort *deferred_last;
static atomic_long deferred_pending;

typedef GThread *(*thread_new_type)(const gchar *, GThreadFunc, gpointer);
typedef void (*cond_wait_type)(GCond *, GMutex *);

static cond_wait_type real_cond_wait(void) {
    static _Atomic(void *) real;
    return (cond_wait_type)galley_next_symbol(&real, "g_cond_wait");
}

// A sort may wait only if Pango's waits come here to run it: otherwise a wait for it would never end.
static int may_defer(void) {
    static atomic_int answer;  // 0 unknown, 1 yes, 2 no
    int known = atomic_load_explicit(&answer, memory_order_acquire);
    if (known == 0) {
        known = dlsym(RTLD_DEFAULT, "g_cond_wait") == (void *)g_cond_wait ? 1 : 2;
        atomic_store_explicit(&answer, known, memory_order_release);
    }
    return known == 1;
}

static atomic_int kept_until_exit;

void galley_pango_keep_sorts_until_exit(void) {
    atomic_store(&kept_until_exit, 1);
}

int galley_pango_sorts_kept_until_exit(void) {
    return atomic_load(&kept_until_exit);
}

long galley_pango_sorts_pending(void) {
    return atomic_load(&deferred_pending);
}

void galley_pango_run_deferred_sorts(void) {
    for (;;) {
        pthread_mutex_lock(&deferred_lock);
        deferred_sort *sort = deferred_first;
        if (sort) {
            deferred_first = sort->next;
            if (!deferred_first) deferred_last = NULL;
            atomic_fetch_sub(&deferred_pending, 1);
        }
        pthread_mutex_unlock(&deferred_lock);
        if (!sort) return;
        sort->func(sort->data);
        sorts_run += 1;
        free(sort);
    }
}

// GLib's signature, so that Pango's calls land here. A match or sort thread's function takes the pattern's lock,
// stores its result, signals and frees its data. A match is run here at once: Pango waits for it before it uses
// the pattern's first font. A sort is needed only when a character is missing from that first font (fallback), so
// it waits in the list above until a wait of Pango's (below) or the end of a font map runs it: a page of Latin
// text in a Latin font never sorts the font set at all. Pango only unreferences the thread it gets back, so it is
// handed a reference to the calling thread.
GThread *g_thread_new(const gchar *name, GThreadFunc func, gpointer data) {
    if (name && strncmp(name, "[pango] FcFontSet", 17) == 0) {
        if (strcmp(name + 17, "Sort") == 0 && may_defer()) {
            deferred_sort *sort = malloc(sizeof *sort);
            if (sort) {
                sort->func = func;
                sort->data = data;
                sort->next = NULL;
                pthread_mutex_lock(&deferred_lock);
                if (deferred_last) deferred_last->next = sort; else deferred_first = sort;
                deferred_last = sort;
                atomic_fetch_add(&deferred_pending, 1);
                pthread_mutex_unlock(&deferred_lock);
                return g_thread_ref(g_thread_self());
            }
        }
        run_inline += 1;
        func(data);
        return g_thread_ref(g_thread_self());
    }
    static _Atomic(void *) real;
    return ((thread_new_type)galley_next_symbol(&real, "g_thread_new"))(name, func, data);
}

// GLib's signature. While sorts wait in the list, a wait first runs them, with the caller's lock released (each
// sort takes its own pattern's lock), and then returns as a spurious wake-up would: GLib allows those, and every
// wait of Pango's is a loop on its condition, which a sort just run has made true. With nothing in the list, the
// wait is GLib's.
void g_cond_wait(GCond *cond, GMutex *mutex) {
    if (atomic_load(&deferred_pending) > 0) {
        g_mutex_unlock(mutex);
        galley_pango_run_deferred_sorts();
        g_mutex_lock(mutex);
        return;
    }
    real_cond_wait()(cond, mutex);
}
