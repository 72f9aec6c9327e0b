#ifndef GALLEY_CFONTHOOKS_H
#define GALLEY_CFONTHOOKS_H
// Three library functions Galley defines itself. The executable's definitions come before the shared libraries' in
// the dynamic loader's search, so Pango's calls into GLib and cairo land here (a program whose loader does not find
// them here gets the libraries' own; `galley_font_hooks_active` says which).
//
// g_thread_new: Pango 1.50 (Debian 12) starts two threads for every font pattern it has not seen, one running
// FcFontSetMatch and one FcFontSetSort, so that a program with a main loop is not blocked by fontconfig. Galley
// waits for both at once, and a render meets a dozen patterns: 24 threads mapped, started, scheduled and torn down
// for work of microseconds over Galley's own fonts. Pango 1.51.2 replaced them by one thread per font map ("Just
// use a single fontconfig thread"). Here a thread Pango names "[pango] FcFontSet…" runs on the caller's thread at
// once; every other thread, Pango's "[pango] FcInit" included (Pango starts it holding the lock it takes), is GLib's.
// The sort is not run at once: it is needed only for a character the pattern's first font lacks, so it waits until
// a wait of Pango's needs it (g_cond_wait, the third definition) or a font map ends. A Latin article never sorts.
//
// cairo_ft_font_face_create_for_pattern: cairo 1.16 opens the file behind a pattern itself unless the pattern
// carries a FreeType face (FC_FT_FACE), and it closes faces it opened (at most ten kept) in a way that is unsafe
// across threads (see FreeTypeFaces). Galley's font configurations therefore carried a face on every pattern,
// which meant opening every font file at every start: 90 files for a Latin article, 30 faces of the CJK
// collections for a Chinese one. A pattern without a face now gets one here, from the opener Galley registers,
// when Pango first makes a cairo face of it: only the fonts a document uses are opened.

#include <ft2build.h>
#include FT_FREETYPE_H

/// Opens (or finds) the FreeType face `index` of `file`, kept for the process's life; NULL when it cannot.
typedef FT_Face (*galley_face_opener)(const char *file, int index);

/// Registers the function that gives patterns without a face their face; set once, before any font map is used.
void galley_cairo_faces_set_opener(galley_face_opener opener);

/// 1 when both of this file's definitions are the ones the process calls, else 0 (then cairo would open files).
int galley_font_hooks_active(void);

/// How many of Pango's fontconfig threads the calling thread has run itself at once (for tests: one thread's count
/// is not changed by work on others).
long galley_pango_threads_run_inline(void);

/// How many deferred font-set sorts the calling thread has run (for tests).
long galley_pango_sorts_run(void);

/// How many font-set sorts are waiting, in the whole process, for a wait of Pango's to need them.
long galley_pango_sorts_pending(void);

/// Runs the waiting sorts of the Pango font map `fontmap` now, and those whose map is not known: a font map's end
/// calls it, so that the references its sorts hold are let go (another thread's sorts stay waiting).
void galley_pango_run_deferred_sorts_of(const void *fontmap);

/// Says that this process ends when its command does: a font map's end then leaves waiting sorts (and the map they
/// hold) to the process's exit instead of running them.
void galley_pango_keep_sorts_until_exit(void);

/// 1 once `galley_pango_keep_sorts_until_exit` was called, else 0.
int galley_pango_sorts_kept_until_exit(void);

/// How many cairo faces the calling thread made from patterns that had no face of their own (for tests).
long galley_cairo_faces_given(void);

#endif
