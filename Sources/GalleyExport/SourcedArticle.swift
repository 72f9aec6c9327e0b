import Foundation
import GalleyDiagnostics
import GalleyModel

/// An article as read, with the file it came from, its place in that file, and what its reader warned about.
public struct SourcedArticle: Sendable {
    /// The article.
    public var article: Article
    /// The reader's warnings.
    public var warnings: [Diagnostic]
    /// The file's path, or nil for standard input (which has no folder to find images in).
    public var source: String?
    /// The article's position among the file's articles (a WordPress export holds many).
    public var index: Int

    /// Creates a sourced article.
    public init(article: Article, warnings: [Diagnostic], source: String?, index: Int) {
        self.article = article
        self.warnings = warnings
        self.source = source
        self.index = index
    }

    /// The file's name as messages show it (`<stdin>` for standard input).
    public var displayName: String { source ?? "<stdin>" }

    /// The PDF's file name, or a `Diagnostic` when the id cannot be part of one.
    public func outputName() throws -> String {
        try ArticleNaming.fileName(for: article, file: displayName)
    }
}
