import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyModel

/// Reads articles in Galley's JSON format (`docs/article-format.md`).
public struct JSONArticleReader: Sendable {
    /// The limits the file is held to (its nesting depth here).
    public var limits: Limits

    /// Creates a reader holding files to `limits`.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Decodes `data`, read from the file shown to users as `file`; throws a located `Diagnostic`.
    public func read(_ data: Data, file: String) throws -> Article {
        try readResult(data, file: file).article
    }

    /// Decodes `data` with the warnings reading it raised (characters that cannot be printed, dropped).
    public func readResult(_ data: Data, file: String) throws -> ReadResult {
        guard !data.isEmpty else { throw Diagnostic(file: file, message: "the file is empty") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: file, message: "the file is not UTF-8 text")
        }
        // Decodable reads nested inlines and blocks one call frame per level; the depth is checked before it starts.
        try NestingScan.check(text, limit: limits.nestingDepth, file: file)
        do {
            var article = try JSONDecoder().decode(ArticleDocument.self, from: data).article
            let warning = UnprintableText.clean(&article, file: file, source: text) { path in YAMLLocator(text: text).line(of: path) }
            return ReadResult(article: article, warnings: warning.map { [$0] } ?? [])
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
        [try readResult(data, file: file)]
    }
}
