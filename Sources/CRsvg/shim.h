#ifndef GALLEY_CRSVG_SHIM_H
#define GALLEY_CRSVG_SHIM_H
#include <librsvg/rsvg.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <cairo.h>
#endif
