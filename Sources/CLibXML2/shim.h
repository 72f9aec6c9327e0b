#ifndef GALLEY_CLIBXML2_SHIM_H
#define GALLEY_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* libxml2's ICU support clashes with the ICU inside Foundation. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer, which Swift cannot call directly; CLibXML2Loader calls it. */
void galley_xml_free(void *pointer);
#endif
