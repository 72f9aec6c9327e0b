import Foundation
import GalleyFiles

/// Whether an SVG image may hold text the bundled fonts cannot set.
///
/// librsvg sets SVG text with the thread's default Pango fonts. Giving it the CJK collections as well costs their
/// faces (about 70 MB of FreeType's tables for the forty faces), so they are added only for an SVG with a character
/// from U+2E80 up, or any numeric character reference, which might be one: a conservative test, never a miss.
enum SVGText {
    /// Whether the SVG at `path` (read only if it is a regular file of at most `limit` bytes) may need the CJK fonts.
    static func mayNeedPinnedFonts(_ path: String, limit: Int) -> Bool {
        guard let data = try? RegularFile.read(path, limit: limit, limitName: "image-file-bytes") else { return false }
        let text = String(decoding: data, as: UTF8.self)
        return text.contains("&#") || text.unicodeScalars.contains { $0.value >= 0x2E80 }
    }
}
