#define _GNU_SOURCE
#include "CFontHooks.h"
#include <cairo-ft.h>
#include <dlfcn.h>
#include <glib.h>

// The loader's answer for each name, against this executable's own definition: a program that does not export them
// (or loads Galley's code as a shared library after GLib and cairo) gets the libraries' functions instead.
int galley_font_hooks_active(void) {
    return dlsym(RTLD_DEFAULT, "g_thread_new") == (void *)g_thread_new &&
        dlsym(RTLD_DEFAULT, "cairo_ft_font_face_create_for_pattern") == (void *)cairo_ft_font_face_create_for_pattern;
}
