// libxml2, opened on first use (see CLibraryLoader). Only the functions Galley calls are defined here, with
// libxml2's own declarations in scope, so the compiler checks each signature; a call to another one fails to link,
// which says to add it.
#include <CLibraryLoader.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

// The soname of Debian 12's libxml2 (2.9), then the development link.
static galley_library libxml2 = {PTHREAD_MUTEX_INITIALIZER, {"libxml2.so.2", "libxml2.so", 0}, 0, 0, {0}};

#define LAZY(ret, name, params, args) GALLEY_DEFERRED(libxml2, ret, name, params, args)
#define LAZY_VOID(name, params, args) GALLEY_DEFERRED_VOID(libxml2, name, params, args)

LAZY_VOID(xmlInitParser, (void), ())
LAZY(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc))
LAZY(htmlDocPtr, htmlReadMemory, (const char *buffer, int size, const char *URL, const char *encoding, int options),
     (buffer, size, URL, encoding, options))
LAZY(xmlDocPtr, xmlCtxtReadMemory,
     (xmlParserCtxtPtr ctxt, const char *buffer, int size, const char *URL, const char *encoding, int options),
     (ctxt, buffer, size, URL, encoding, options))
LAZY(xmlParserCtxtPtr, xmlNewParserCtxt, (void), ())
LAZY_VOID(xmlFreeParserCtxt, (xmlParserCtxtPtr ctxt), (ctxt))
LAZY_VOID(xmlFreeDoc, (xmlDocPtr cur), (cur))
LAZY(xmlChar *, xmlNodeGetContent, (const xmlNode *cur), (cur))
LAZY(long, xmlGetLineNo, (const xmlNode *node), (node))
LAZY(xmlEntityPtr, xmlGetDocEntity, (const xmlDoc *doc, const xmlChar *name), (doc, name))
LAZY(xmlChar *, xmlGetProp, (const xmlNode *node, const xmlChar *name), (node, name))

// libxml2's deallocator is a variable holding a function (xmlFree), which Swift cannot call: its address is looked
// up like a function's, and the function it holds is called.
void galley_xml_free(void *pointer) {
    static _Atomic(xmlFreeFunc *) cached;
    xmlFreeFunc *variable = atomic_load_explicit(&cached, memory_order_acquire);
    if (!variable) {
        variable = (xmlFreeFunc *)galley_library_symbol(&libxml2, "xmlFree");
        atomic_store_explicit(&cached, variable, memory_order_release);
    }
    (*variable)(pointer);
}
