#include "CLibraryLoader.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

int galley_library_open(galley_library *library) {
    pthread_mutex_lock(&library->lock);
    if (!library->tried) {
        library->tried = 1;
        for (int i = 0; i < 3 && library->names[i] && !library->handle; i++) {
            library->handle = dlopen(library->names[i], RTLD_NOW | RTLD_LOCAL);
        }
        if (!library->handle) {
            const char *reason = dlerror();
            snprintf(library->error, sizeof library->error, "%s could not be loaded: %s", library->names[0],
                     reason ? reason : "unknown reason");
        }
    }
    int open = library->handle != NULL;
    pthread_mutex_unlock(&library->lock);
    return open;
}

void *galley_library_symbol(galley_library *library, const char *name) {
    if (!galley_library_open(library)) {
        fprintf(stderr, "galley: %s\n", library->error);
        abort();
    }
    void *address = dlsym(library->handle, name);
    if (!address) {
        fprintf(stderr, "galley: %s has no function %s\n", library->names[0], name);
        abort();
    }
    return address;
}
