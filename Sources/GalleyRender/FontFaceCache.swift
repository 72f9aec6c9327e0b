import CCairoPango
import GalleyLayout

/// cairo font faces for the font files a document uses, created once per render.
struct FontFaceCache {
    private var faces: [FontFace: OpaquePointer] = [:]

    /// The cairo face for `face`, loaded from its file through fontconfig's pattern.
    mutating func face(for face: FontFace) -> OpaquePointer {
        if let known = faces[face] { return known }
        let pattern = FcPatternCreate()!
        FcPatternAddString(pattern, galley_fc_file(), face.file)
        FcPatternAddInteger(pattern, galley_fc_index(), Int32(face.index))
        let created = cairo_ft_font_face_create_for_pattern(pattern)!
        FcPatternDestroy(pattern)
        faces[face] = created
        return created
    }

    /// Releases every face.
    mutating func release() {
        for face in faces.values { cairo_font_face_destroy(face) }
        faces.removeAll()
    }
}
