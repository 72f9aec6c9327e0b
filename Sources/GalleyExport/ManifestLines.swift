import Foundation
import GalleyDiagnostics
import GalleyFiles

/// The line-per-entry manifest read without holding it: an entry line's id found without decoding the line, and
/// files read a line at a time, so that a manifest or journal of any size costs a buffer, not an entry per article.
enum ManifestLines {
    /// The top-level `"id"` of one entry line (compact JSON, as `ExportManifest.line` writes it), or nil.
    ///
    /// Scanned rather than decoded because a binary search of a 100,000-entry manifest reads about 17 lines per
    /// lookup; only the one line that matches is decoded. Nested objects are skipped, so a field added later that
    /// has an `id` of its own cannot be mistaken for the article's.
    static func id(in line: some Collection<UInt8>) -> String? {
        let bytes = Array(line)
        var depth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1; index += 1
            case UInt8(ascii: "\""):
                let end = stringEnd(bytes, from: index)
                guard end < bytes.count else { return nil }
                if depth == 1, end - index == 3, bytes[index + 1] == UInt8(ascii: "i"), bytes[index + 2] == UInt8(ascii: "d"),
                   end + 2 < bytes.count, bytes[end + 1] == UInt8(ascii: ":"), bytes[end + 2] == UInt8(ascii: "\"") {
                    let valueEnd = stringEnd(bytes, from: end + 2)
                    guard valueEnd < bytes.count else { return nil }
                    let value = bytes[(end + 2)...valueEnd]
                    // Escapes are rare in ids; JSON's own decoder reads those.
                    if !value.contains(UInt8(ascii: "\\")) { return String(decoding: value.dropFirst().dropLast(), as: UTF8.self) }
                    return try? JSONDecoder().decode(String.self, from: Data(value))
                }
                index = end + 1
            default: index += 1
            }
        }
        return nil
    }

    /// The index of the quote that closes the JSON string opening at `start` (or `bytes.count` if none does).
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "\"") { return index }
            index += 1
        }
        return bytes.count
    }

    /// An entry line of a manifest file without its indentation and trailing comma, or nil for the header and footer.
    static func entry(in line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let text = line.drop { $0 == 0x20 }
        guard text.first == UInt8(ascii: "{"), text.count > 1 else { return nil }
        return text.last == UInt8(ascii: ",") ? text.dropLast() : text
    }

    /// Reads a file a line at a time through a fixed buffer.
    final class Reader {
        private let descriptor: Int32
        private let path: String
        private var buffer: [UInt8] = []
        private var start = 0
        private var atEnd = false

        /// Opens `path`; a missing file reads as empty.
        init(path: String) throws {
            self.path = path
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 {
                guard errno == ENOENT else { throw FileProblem(path: path, errno: errno, action: "cannot be read") }
                atEnd = true
            }
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
        }

        /// The next line without its newline (a last line without one too), or nil at the end.
        func next() throws -> ArraySlice<UInt8>? {
            while true {
                if let newline = buffer[start...].firstIndex(of: 0x0A) {
                    defer { start = newline + 1 }
                    return buffer[start..<newline]
                }
                if atEnd {
                    guard start < buffer.count else { return nil }
                    defer { start = buffer.count }
                    return buffer[start...]
                }
                buffer.removeSubrange(0..<start)
                start = 0
                let old = buffer.count
                buffer.append(contentsOf: repeatElement(0, count: 1 << 16))
                let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + old, 1 << 16) }
                if count < 0 {
                    buffer.removeSubrange(old...)
                    if errno == EINTR { continue }
                    throw FileProblem(path: path, errno: errno, action: "cannot be read")
                }
                buffer.removeSubrange((old + count)...)
                if count == 0 { atEnd = true }
            }
        }
    }
}
