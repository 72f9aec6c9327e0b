#ifndef GALLEY_CQPDF_SHIM_H
#define GALLEY_CQPDF_SHIM_H
#include <qpdf/qpdf-c.h>
#endif
