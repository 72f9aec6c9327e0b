import CCairoPango
import Foundation

/// Every font face Galley uses, opened once per process with FreeType and never closed.
///
/// cairo 1.16 opens the files behind faces made from fontconfig patterns itself, keeps at most ten of them open,
/// and closes one to open another without holding the lock of the face it closes: with two threads it could close
/// a face the other thread was drawing with. Faces an application opens itself and hands to cairo (`from_face` in
/// cairo's source) are never counted or closed by cairo, and their use is serialised by cairo's per-face mutex.
/// So Galley opens every face here, and both the cairo faces Pango makes from fontconfig patterns (`FC_FT_FACE`,
/// given on first use by `FontHooks`) and the renderer's cairo faces refer to these: cairo never opens a font file,
/// however many fonts a document uses.
public final class FreeTypeFaces: @unchecked Sendable {
    // `@unchecked`: every field is read and written under `lock`; FreeType objects are used by cairo under its own locks.

    /// The faces of this process.
    public static let shared = FreeTypeFaces()

    private struct Key: Hashable {
        var file: String
        var index: Int
    }

    private let lock = NSLock()
    private var library: FT_Library?
    private var faces: [Key: FT_Face] = [:]
    private var cairoFaces: [Key: OpaquePointer] = [:]

    private init() {}

    /// The FreeType face `index` of `file`, opened on first use; nil when FreeType cannot read it.
    ///
    /// One library serves every face: FreeType allows that across threads when opening and closing faces is
    /// serialised (here, by the lock) and each face is used by one thread at a time (cairo locks it while in use).
    public func face(file: String, index: Int) -> FT_Face? {
        lock.lock()
        defer { lock.unlock() }
        return openFace(Key(file: file, index: index))
    }

    /// A cairo font face drawing with `face(file:index:)`, made once per face and kept for the process's life.
    public func cairoFace(file: String, index: Int) -> OpaquePointer? {
        lock.lock()
        defer { lock.unlock() }
        let key = Key(file: file, index: index)
        if let known = cairoFaces[key] { return known }
        guard let face = openFace(key), let made = cairo_ft_font_face_create_for_ft_face(face, 0) else { return nil }
        guard cairo_font_face_status(made) == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(made)
            return nil
        }
        cairoFaces[key] = made
        return made
    }

    /// Opens (or finds) a face; the caller holds the lock.
    private func openFace(_ key: Key) -> FT_Face? {
        if let known = faces[key] { return known }
        if library == nil {
            var made: FT_Library?
            guard FT_Init_FreeType(&made) == 0 else { return nil }
            library = made
        }
        var face: FT_Face?
        guard FT_New_Face(library, key.file, FT_Long(key.index), &face) == 0, let face else { return nil }
        faces[key] = face
        return face
    }
}
