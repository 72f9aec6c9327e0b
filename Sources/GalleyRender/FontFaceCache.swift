import CCairoPango
import GalleyFonts
import GalleyLayout

/// cairo font faces for the font files documents use, looked up once per renderer.
///
/// The faces themselves are made once per process from Galley's own FreeType faces (`FreeTypeFaces`), so cairo
/// never opens a font file; this cache only saves the shared store's lock on every glyph run.
final class FontFaceCache {
    private var faces: [FontFace: OpaquePointer] = [:]
    /// Faces asked for since `clearUnopened` that FreeType could not open, in the order first asked for.
    private(set) var unopened: [FontFace] = []

    /// The cairo face for `face`, or nil when its file cannot be opened (its glyphs are then not drawn, and the face
    /// is listed in `unopened` for the renderer to report).
    func face(for face: FontFace) -> OpaquePointer? {
        if let known = faces[face] { return known }
        guard let made = FreeTypeFaces.shared.cairoFace(file: face.file, index: face.index) else {
            // A run with no font file at all is text no font covers, which layout reports as missing glyphs.
            if !face.file.isEmpty, !unopened.contains(face) { unopened.append(face) }
            return nil
        }
        faces[face] = made
        return made
    }

    /// Starts a new list of faces that could not be opened (one per document drawn).
    func clearUnopened() {
        unopened.removeAll()
    }
}
