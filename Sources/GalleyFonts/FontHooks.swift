import CCairoPango
import CFontHooks

/// Galley's own answers to three library calls (Sources/CFontHooks): Pango's fontconfig threads run on the caller's
/// thread (a font-set sort only once a fallback font is needed), and a cairo face Pango makes from a pattern draws
/// with a FreeType face from `FreeTypeFaces`.
public enum FontHooks {
    /// Whether this process calls Galley's definitions, with the face opener registered; when it does not, a font
    /// configuration opens every face itself (see `FontConfiguration`).
    public static let active: Bool = {
        galley_cairo_faces_set_opener { file, index in
            guard let file else { return nil }
            return FreeTypeFaces.shared.face(file: String(cString: file), index: Int(index))
        }
        return galley_font_hooks_active() != 0
    }()

    /// How many of Pango's fontconfig threads the calling thread has run itself at once so far.
    public static var threadsRunInline: Int { Int(galley_pango_threads_run_inline()) }

    /// How many of Pango's deferred font-set sorts the calling thread has run so far (for fallback fonts).
    public static var sortsRun: Int { Int(galley_pango_sorts_run()) }

    /// How many font-set sorts wait in the process for a fallback font to need them.
    public static var sortsPending: Int { Int(galley_pango_sorts_pending()) }

    /// Runs the waiting sorts of the font map `fontMap` (and any whose map is not known): called before the map is
    /// let go, since a waiting sort holds a reference to it. In a process that ends with its command
    /// (`keepSortsUntilExit`), nothing is run: the exit frees the maps.
    public static func runDeferredSorts(of fontMap: UnsafeRawPointer) {
        guard galley_pango_sorts_kept_until_exit() == 0 else { return }
        if galley_pango_sorts_pending() > 0 { galley_pango_run_deferred_sorts_of(fontMap) }
    }

    /// Says that this process ends when its command does (`render`, `check`, `boxes`, `bundle`): a font map that
    /// ends before the process leaves its waiting sorts unrun, and stays in memory with them until the exit.
    /// Long-lived processes (export workers, the service, `watch`, `bench-*`) never call this.
    public static func keepSortsUntilExit() {
        galley_pango_keep_sorts_until_exit()
    }

    /// How many cairo faces the calling thread has made from patterns that carried no face of their own.
    public static var facesGiven: Int { Int(galley_cairo_faces_given()) }
}
