import CCairoPango
import GalleyFonts
import GalleyLayout

/// cairo font faces for the font files documents use, looked up once per renderer.
///
/// The faces themselves are made once per process from Galley's own FreeType faces (`FreeTypeFaces`), so cairo
/// never opens a font file; this cache only saves the shared store's lock on every glyph run.
final class FontFaceCache {
    private var faces: [FontFace: OpaquePointer] = [:]

    /// The cairo face for `face`, or nil when its file cannot be opened (its glyphs are then not drawn).
    func face(for face: FontFace) -> OpaquePointer? {
        if let known = faces[face] { return known }
        guard let made = FreeTypeFaces.shared.cairoFace(file: face.file, index: face.index) else { return nil }
        faces[face] = made
        return made
    }
}
