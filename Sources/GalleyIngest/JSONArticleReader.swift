import Foundation
import GalleyDiagnostics
import GalleyModel

/// Reads articles in Galley's JSON format (`docs/article-format.md`).
public struct JSONArticleReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Decodes `data`, read from the file shown to users as `file`; throws a located `Diagnostic`.
    public func read(_ data: Data, file: String) throws -> Article {
        guard !data.isEmpty else { throw Diagnostic(file: file, message: "the file is empty") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: file, message: "the file is not UTF-8 text")
        }
        do {
            return try JSONDecoder().decode(ArticleDocument.self, from: data).article
        } catch let error as DecodingError {
            // Only a failed file pays for a second parse: Foundation's parser words syntax errors best.
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch {
                throw syntaxDiagnostic(error, text: text, file: file)
            }
            throw DecodingErrorDiagnostic.make(error, file: file, locator: YAMLLocator(text: text))
        }
    }

    /// Foundation reports syntax errors by character offset; users want a line.
    private func syntaxDiagnostic(_ error: any Error, text: String, file: String) -> Diagnostic {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        var line: Int?
        if let range = description.range(of: #"character (\d+)"#, options: .regularExpression),
           let offset = Int(description[range].dropFirst("character ".count)) {
            let prefix = text.utf8.prefix(offset)
            line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        }
        let reason = description.replacingOccurrences(of: #" around (line \d+, column \d+|character \d+)\.?"#, with: "",
                                                      options: .regularExpression)
        return Diagnostic(file: file, line: line, message: "invalid JSON: \(reason.isEmpty ? "syntax error" : reason)")
    }
}

extension JSONArticleReader: ArticleReader {
    /// The one article of a JSON file.
    public func articles(from data: Data, file: String) throws -> [ReadResult] {
        [ReadResult(article: try read(data, file: file))]
    }
}
