import Foundation
import GalleyDiagnostics
import GalleyModel

/// The one rule for an article's PDF file name, `slug_a<id>.pdf`, and for the ids that can be part of one.
public enum ArticleNaming {
    /// The longest id, in UTF-8 bytes, that leaves the file name within the 255 bytes file systems allow.
    public static let maximumIDBytes = 200

    /// The PDF file name for `article`; throws a `Diagnostic` naming `file` and the id when the id cannot be part of one.
    public static func fileName(for article: Article, file: String) throws -> String {
        try checkID(of: article, file: file)
        return Slug.fileName(title: article.title, id: article.id)
    }

    /// Throws the `Diagnostic` `fileName(for:file:)` would for `article`'s id, without making the slug: a title in
    /// Chinese or Japanese is transliterated by ICU, whose Han rules take a tenth of a second to build in each process.
    public static func checkID(of article: Article, file: String) throws {
        if let problem = problem(with: article.id) {
            throw Diagnostic(file: file, path: "id", message: problem)
        }
    }

    /// Why `id` cannot end a file name, or nil when it can.
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "the id is empty; a PDF's file name needs one" }
        if id == "." || id == ".." { return "the id \"\(id)\" cannot be part of a file name" }
        if id.contains("/") || id.contains("\0") { return "the id \"\(id.prefix(60))\" contains \"/\" or a NUL byte, which cannot be part of a file name" }
        if id.utf8.count > maximumIDBytes {
            return "the id is \(id.utf8.count) bytes long, more than the \(maximumIDBytes) a file name leaves room for (\"\(id.prefix(40))…\")"
        }
        return nil
    }

    /// The id a failed file's manifest entry is listed under when no article in it could be read: the file's name
    /// without its extension, or the `<id>` of a name that follows the output rule (`slug_a<id>`) or the sample
    /// archives' (`a<id>`, digits), so that the entry is replaced once the article is fixed.
    public static func id(fromFileName path: String) -> String {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if let range = stem.range(of: "_a", options: .backwards), !stem[range.upperBound...].isEmpty {
            return String(stem[range.upperBound...])
        }
        let digits = stem.dropFirst()
        if stem.first == "a", !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) { return String(digits) }
        return stem.isEmpty ? path : stem
    }
}
