#define _GNU_SOURCE
#include "CFontHooks.h"
#include "next_symbol.h"
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pango.h>
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
    // The condition a wait for this sort's result waits on, or NULL when it could not be found (see below).
    GCond *waited_on;
    struct deferred_sort *next;
} deferred_sort;

static pthread_mutex_t deferred_lock = PTHREAD_MUTEX_INITIALIZER;
static deferred_sort *deferred_first;
static deferred_sort *deferred_last;
static atomic_long deferred_pending;
// Waiting sorts whose condition is not known: a wait that finds none of its own runs them all, as every wait did.
static atomic_long deferred_unknown;

// What a sort's data begins with in Pango 1.48.7 to 1.51.1 (pangofc-fontmap.c's private ThreadData and
// PangoFcPatterns, the same in every one of those releases): the sort's copy of the pattern, and the patterns object
// whose condition Pango waits on for the sort's result. Read only under `sort_condition`'s checks.
typedef struct {
    FcConfig *config;
    FcFontSet *fonts;
    FcPattern *pattern;
    void *patterns;
} sort_data_start;

typedef struct {
    void *fontmap;
    GMutex mutex;
    GCond cond;
    FcPattern *pattern;
} patterns_start;

// The condition a wait for this sort waits on: in the releases whose layout is known, and only when the patterns
// object the data names holds the pattern the data copied. NULL otherwise, and the sort is run by any wait.
static GCond *sort_condition(gpointer data) {
    static atomic_int layout_known;  // 0 unknown, 1 yes, 2 no
    int known = atomic_load_explicit(&layout_known, memory_order_acquire);
    if (known == 0) {
        int version = pango_version();
        known = version >= PANGO_VERSION_ENCODE(1, 48, 7) && version < PANGO_VERSION_ENCODE(1, 51, 2) ? 1 : 2;
        atomic_store_explicit(&layout_known, known, memory_order_release);
    }
    if (known != 1 || !data) return NULL;
    const sort_data_start *start = data;
    patterns_start *patterns = start->patterns;
    if (!patterns || !start->pattern || !patterns->pattern || !FcPatternEqual(start->pattern, patterns->pattern)) return NULL;
    return &patterns->cond;
}

// Takes from the list the first waiting sort `wanted` accepts (with `key`); NULL when there is none.
static deferred_sort *take_first(int (*wanted)(const deferred_sort *, const void *), const void *key) {
    pthread_mutex_lock(&deferred_lock);
    deferred_sort *previous = NULL;
    deferred_sort *sort = deferred_first;
    while (sort && !wanted(sort, key)) {
        previous = sort;
        sort = sort->next;
    }
    if (sort) {
        if (previous) previous->next = sort->next; else deferred_first = sort->next;
        if (deferred_last == sort) deferred_last = previous;
        atomic_fetch_sub(&deferred_pending, 1);
        if (!sort->waited_on) atomic_fetch_sub(&deferred_unknown, 1);
    }
    pthread_mutex_unlock(&deferred_lock);
    return sort;
}

// The sort a wait on the condition `cond` is for.
static int waited_on(const deferred_sort *sort, const void *cond) {
    return sort->waited_on == cond;
}

// A sort of the font map `fontmap`, or one whose map is not known.
static int of_map_or_unknown(const deferred_sort *sort, const void *fontmap) {
    return !sort->waited_on || ((const patterns_start *)((const sort_data_start *)sort->data)->patterns)->fontmap == fontmap;
}

// A sort whose condition is not known.
static int unknown(const deferred_sort *sort, const void *unused) {
    (void)unused;
    return !sort->waited_on;
}

static void run_sort(deferred_sort *sort) {
    sort->func(sort->data);
    sorts_run += 1;
    free(sort);
}

// Runs, one at a time, every waiting sort `wanted` accepts (with `key`), each taken from the list first.
static void run_each(int (*wanted)(const deferred_sort *, const void *), const void *key) {
    deferred_sort *sort;
    while ((sort = take_first(wanted, key))) run_sort(sort);
}

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

void galley_pango_run_deferred_sorts_of(const void *fontmap) {
    run_each(of_map_or_unknown, fontmap);
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
                sort->waited_on = sort_condition(data);
                sort->next = NULL;
                pthread_mutex_lock(&deferred_lock);
                if (deferred_last) deferred_last->next = sort; else deferred_first = sort;
                deferred_last = sort;
                atomic_fetch_add(&deferred_pending, 1);
                if (!sort->waited_on) atomic_fetch_add(&deferred_unknown, 1);
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

// GLib's signature. A wait for a sort still in the list runs that sort, with the caller's lock released (the sort
// takes its own pattern's lock), and then returns as a spurious wake-up would: GLib allows those, and every wait of
// Pango's is a loop on its condition, which the sort just run has made true. Only that sort: running every waiting
// one, as this did first, ran the sorts of every thread's patterns, needed or not, as soon as any thread needed one
// (62 to 161 sorts in one 50-article issue, 46 to 198 million instructions, as the threads' timing fell). Sorts
// whose condition is not known are all run by a wait that finds none of its own. Any other wait is GLib's: a sort
// another thread has taken signals the condition when it is done.
void g_cond_wait(GCond *cond, GMutex *mutex) {
    if (atomic_load(&deferred_pending) > 0) {
        deferred_sort *own = take_first(waited_on, cond);
        if (own || atomic_load(&deferred_unknown) > 0) {
            g_mutex_unlock(mutex);
            if (own) run_sort(own); else run_each(unknown, NULL);
            g_mutex_lock(mutex);
            return;
        }
    }
    real_cond_wait()(cond, mutex);
}
