import CCairoPango
import GalleyLayout

/// cairo font faces for the font files documents use, kept for as long as their renderer lives.
///
/// Reusing a face across documents lets cairo reuse its scaled fonts and their glyph metrics instead of
/// asking FreeType again for every article of a batch.
final class FontFaceCache {
    private var faces: [FontFace: OpaquePointer] = [:]

    deinit {
        for face in faces.values { cairo_font_face_destroy(face) }
    }

    /// The cairo face for `face`, loaded from its file through fontconfig's pattern.
    func face(for face: FontFace) -> OpaquePointer {
        if let known = faces[face] { return known }
        let pattern = FcPatternCreate()!
        FcPatternAddString(pattern, galley_fc_file(), face.file)
        FcPatternAddInteger(pattern, galley_fc_index(), Int32(face.index))
        let created = cairo_ft_font_face_create_for_pattern(pattern)!
        FcPatternDestroy(pattern)
        faces[face] = created
        return created
    }
}
