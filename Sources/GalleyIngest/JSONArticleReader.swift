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
    ///
    /// Throws a located `Diagnostic`: the first syntax error with its line and column, or every field error (up to
    /// the errors-per-file limit), each with its line, in the order of the file.
    public func readResult(_ data: Data, file: String) throws -> ReadResult {
        guard !data.isEmpty else { throw Diagnostic(file: file, message: "the file is empty") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: file, message: "the file is not UTF-8 text")
        }
        // Foundation accepts trailing commas and places errors by byte offset; the strict walk runs first, without
        // recursion, and names the line and column of the first thing that is not JSON.
        try JSONSyntax.check(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file)
        // Decodable reads nested inlines and blocks one call frame per level; the depth is checked before it starts.
        try NestingScan.check(text, limit: limits.nestingDepth, file: file)
        let problems = DecodingProblems(limit: limits.errorsPerFile)
        let decoder = JSONDecoder()
        decoder.userInfo[DecodingProblems.key] = problems
        do {
            var article = try decoder.decode(ArticleDocument.self, from: data).article
            let (kept, dropped) = problems.recorded
            if !kept.isEmpty {
                throw Self.diagnostic(for: kept, dropped: dropped, file: file, text: text, limit: limits.errorsPerFile)
            }
            let warning = UnprintableText.clean(&article, file: file, source: text) { path in JSONLocator(text: text).line(of: path) }
            return ReadResult(article: article, warnings: warning.map { [$0] } ?? [])
        } catch let error as DecodingError {
            // An error no element could step past (the top level is not an object): it comes after the others.
            let (kept, dropped) = problems.recorded
            throw Self.diagnostic(for: kept + [error], dropped: dropped, file: file, text: text, limit: limits.errorsPerFile)
        }
    }

    /// One diagnostic listing `errors` by line (the order of the file), located in `text`.
    private static func diagnostic(for errors: [DecodingError], dropped: Int, file: String, text: String, limit: Int) -> Diagnostic {
        let locator = JSONLocator(text: text)
        let problems = errors.map { DecodingErrorDiagnostic.make($0, file: file, locator: locator) }
        // Sorting is stable, so problems on one line keep the order they were found in.
        let sorted = problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        var combined = Diagnostic.combining(sorted, limit: limit)!
        combined.unlisted += dropped
        return combined
    }
}

extension JSONArticleReader: ArticleReader {
    /// The one article of a JSON file.
    public func articles(from data: Data, file: String) throws -> [ReadResult] {
        [try readResult(data, file: file)]
    }
}
