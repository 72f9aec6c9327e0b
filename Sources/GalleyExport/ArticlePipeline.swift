import Foundation
import GalleyDiagnostics
import GalleyFetch
import GalleyFiles
import GalleyModel

/// The one way an article goes through Galley, for every command: read every article of a file, typeset, draw,
/// name and write, each step carrying the warnings of the steps before it.
///
/// `render`, `check`, `boxes`, `bundle` and `export` (and its worker processes) all come here, so that no command
/// can read fewer articles, drop a warning another prints, or name or write a file differently.
public struct ArticlePipeline {
    /// The renderer: one per thread, since it owns a font map.
    public let renderer: ArticleRenderer
    /// The input format (`--from`), or nil to go by extension.
    public let format: String?
    /// The limits inputs are held to: the renderer's.
    public var limits: Limits { renderer.limits }
    /// Fetches remote figure images before layout, or nil to set them as their alt text ("remote images are not fetched").
    public var remoteImages: RemoteImages?

    /// A pipeline setting articles with `renderer`, reading `format` (nil: by extension), fetching remote images
    /// with `remoteImages`.
    public init(renderer: ArticleRenderer, format: String? = nil, remoteImages: RemoteImages? = nil) {
        self.renderer = renderer
        self.format = format
        self.remoteImages = remoteImages
    }

    /// Every article in the file at `path` (`-` for standard input); `data` gives bytes already read.
    public func read(_ path: String, data: Data? = nil) throws -> [SourcedArticle] {
        try Self.read(path, data: data, format: format, limits: limits)
    }

    /// Every article in the file at `path` read as `format` within `limits`, without a renderer (an export's
    /// first pass only reads and hashes).
    public static func read(_ path: String, data: Data? = nil, format: String?, limits: Limits) throws -> [SourcedArticle] {
        let results = try ArticleSource.readAll(path, format: format, limits: limits, data: data)
        let source = path == "-" ? nil : path
        return results.enumerated().map { index, read in
            SourcedArticle(article: read.article, warnings: read.warnings, source: source, index: index)
        }
    }

    /// The article typeset, with the reader's warnings first and then every later stage's; throws when it would
    /// fill more pages than the pages-per-article limit.
    public func typeset(_ article: SourcedArticle) throws -> TypesetArticle {
        var typeset = renderer.typeset(article.article, source: article.source, remote: fetchImages(of: article))
        try renderer.checkPageLimit(typeset.document.quality, article: article.article, source: article.source)
        typeset.warnings = article.warnings + typeset.warnings
        return typeset
    }

    /// The article typeset and drawn as a PDF, with every stage's warnings.
    public func render(_ article: SourcedArticle) throws -> RenderedArticle {
        try render(article, remote: fetchImages(of: article))
    }

    /// The article typeset and drawn with remote images fetched before (by a caller that hashed them first).
    public func render(_ article: SourcedArticle, remote: [String: FetchedImage]?) throws -> RenderedArticle {
        var rendered = try renderer.render(article.article, source: article.source, remote: remote)
        rendered.typeset.warnings = article.warnings + rendered.typeset.warnings
        return rendered
    }

    /// The fetch phase: the article's remote images, all fetched at once before layout (nil without a fetcher).
    public func fetchImages(of article: SourcedArticle) -> [String: FetchedImage]? {
        remoteImages?.fetch(for: article.article)
    }

    /// Writes a rendered article's PDF to `path`: atomically for a file, directly to a device or pipe (`/dev/null`).
    public static func write(_ rendered: RenderedArticle, to path: String) throws {
        do {
            try OutputFile.write(rendered.pdf, to: path)
        } catch {
            let problem = FileProblem.from(error, path: path, action: "cannot be written")
            throw Diagnostic(file: problem.path, message: problem.reason)
        }
    }
}
