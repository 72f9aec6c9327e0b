import Foundation
import GalleyDiagnostics

/// The title of a Markdown or HTML document that does not give one: from its first heading, else its file name.
///
/// Plain documents (notes, exported pages) often have no metadata; refusing them made users add a title by hand
/// for every file, while the heading or the file name is what they would have typed. Each fallback is a warning, so
/// the guess is visible on standard error and in the export manifest.
enum FallbackTitle {
    /// Whether `file` is a name given to input that has none (standard input, an HTTP request body).
    static func isUnnamed(_ file: String) -> Bool {
        file == "-" || file.isEmpty || (file.hasPrefix("<") && file.hasSuffix(">"))
    }

    /// The title a file name suggests: the base name without its extension, `-` and `_` as spaces, the first letter
    /// capitalised (`notes/my-notes_2024.md` → "My notes 2024"); nil for an unnamed input or an empty name.
    static func fromFileName(_ file: String) -> String? {
        guard !isUnnamed(file) else { return nil }
        var base = (file as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        if !stem.isEmpty { base = stem }
        let words = base.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .split(whereSeparator: \.isWhitespace)
        guard let first = words.first?.first else { return nil }
        let joined = words.joined(separator: " ")
        return String(first).uppercased() + joined.dropFirst()
    }

    /// The warning for a title taken from a heading of the text.
    static func headingWarning(file: String, line: Int?, title: String, level: Int) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, path: "title",
                   message: "the article gives no title; its first heading (level \(level)), \(QuotedValue.quote(title)), was taken as the title and left out of the body")
    }

    /// The warning for a title made from the file name.
    static func fileNameWarning(file: String, title: String, how: String) -> Diagnostic {
        Diagnostic(.warning, file: file, path: "title",
                   message: "the article gives no title and has no heading; the title \(QuotedValue.quote(title)) was made from the file name (\(how))")
    }
}
