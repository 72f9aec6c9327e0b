import Foundation
import GalleyDiagnostics

/// Turns the raw bytes of a text format into a string, rejecting what is not UTF-8 text.
enum TextInput {
    /// The UTF-8 text of `data` without a byte-order mark; throws a `Diagnostic` naming `file`.
    static func decode(_ data: Data, file: String) throws -> String {
        guard !data.isEmpty else { throw Diagnostic(file: file, message: "the file is empty") }
        // A NUL byte is valid UTF-8 but never appears in an article; the C parsers would stop at it.
        if let offset = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<offset].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw Diagnostic(file: file, line: line, message: "the file contains NUL bytes: it looks like binary data, not text")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: file, message: "the file is not UTF-8 text (convert it first, e.g. with iconv -t UTF-8)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The 1-based line of the UTF-8 byte at `offset` in `text`.
    static func line(ofByteOffset offset: Int, in text: String) -> Int {
        text.utf8.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }
}
