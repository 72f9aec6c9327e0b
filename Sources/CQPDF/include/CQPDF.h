#ifndef GALLEY_CQPDF_H
#define GALLEY_CQPDF_H
// libqpdf's C API, as its header declares it. The functions Galley calls are defined in qpdf_loader.c, which opens
// libqpdf the first time one is called: qpdf (and the TLS and number libraries it brings, gnutls among them) is
// needed only for a PDF Galley's own reader cannot read, and loading it at every start cost every command.
#include <qpdf/qpdf-c.h>

/// Opens libqpdf if it is not open yet; returns 1 when it is open, 0 when it cannot be (see galley_qpdf_error).
int galley_qpdf_load(void);

/// Why libqpdf could not be opened (the dynamic loader's words), or an empty string.
const char *galley_qpdf_error(void);
#endif
