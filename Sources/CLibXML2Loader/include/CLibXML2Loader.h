#ifndef GALLEY_CLIBXML2LOADER_H
#define GALLEY_CLIBXML2LOADER_H
// libxml2, opened the first time Galley calls it (see CLibraryLoader): only HTML and WordPress (WXR) input use it,
// and linking it made every process load it and, through it, ICU's common library, its 30 MB data library and
// liblzma. The functions are declared by libxml2's own headers (the CLibXML2 module); this target defines them.
#endif
