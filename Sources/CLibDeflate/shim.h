#ifndef GALLEY_CLIBDEFLATE_SHIM_H
#define GALLEY_CLIBDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
