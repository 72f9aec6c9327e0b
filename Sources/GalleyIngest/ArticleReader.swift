import Foundation
import GalleyDiagnostics
import GalleyModel

/// An article read from a file, with what the reader questioned but accepted.
public struct ReadResult: Sendable {
    /// The article.
    public var article: Article
    /// Warnings such as unknown markup whose text was kept.
    public var warnings: [Diagnostic]

    /// Creates a result.
    public init(article: Article, warnings: [Diagnostic] = []) {
        self.article = article
        self.warnings = warnings
    }
}

/// Reads one input format into articles; a file may hold several (a WordPress export).
public protocol ArticleReader: Sendable {
    /// The articles in `data`, read from the file shown to users as `file`; throws a located `Diagnostic`.
    func articles(from data: Data, file: String) throws -> [ReadResult]
}
