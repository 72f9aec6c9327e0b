import Foundation
import GalleyLayout

/// The faces of this process whose text Galley writes, each made once (nil for a face cairo draws).
final class TextFaces: @unchecked Sendable {
    // `@unchecked`: `faces` is read and written under `lock`.

    /// The faces of this process.
    static let shared = TextFaces()

    private let lock = NSLock()
    private var faces: [FontFace: TextFace?] = [:]

    /// The face for `face`, or nil when cairo draws it.
    func face(for face: FontFace) -> TextFace? {
        lock.lock()
        defer { lock.unlock() }
        if let known = faces[face] { return known }
        let made = TextFace(face)
        faces[face] = made
        return made
    }
}
