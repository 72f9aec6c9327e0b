import Foundation
import GalleyDiagnostics
import GalleyLayout
import GalleyModel
import GalleyPango
import GalleyRender
import GalleyStyle

/// Runs the pipeline for one thread: article → typeset pages → PDF bytes.
///
/// Holds a shaper and hyphenator of its own (Pango font maps are never shared across threads);
/// create one per worker and reuse it for many articles.
public final class ArticleRenderer {
    /// The design articles are set in.
    public let sheet: StyleSheet
    private let typesetter: ArticleTypesetter
    /// Font faces and decoded images kept between this thread's documents.
    private let renderCache = RenderCache()

    /// Galley's version, written into every PDF's Creator field.
    public static let version = "0.1.0"

    /// Creates a renderer for `sheet` with fonts from `resources`.
    public init(sheet: StyleSheet, resources: GalleyResources, lineBreaker: (any LineBreaker)? = nil) throws {
        self.sheet = sheet
        let shaper = try PangoShaper(fontsDirectory: resources.fonts)
        // A renderer lives on the thread that made it; SVG text drawn on this thread then uses Galley's fonts too.
        shaper.becomeThreadDefault()
        typesetter = ArticleTypesetter(sheet: sheet, shaper: shaper, hyphenator: LibHyphenHyphenator(), lineBreaker: lineBreaker)
        typesetter.creator = "Galley \(Self.version)"
    }

    /// Lays out `article`, read from the file `source` (whose folder holds its images).
    public func layout(_ article: Article, source: String? = nil) -> PagedDocument {
        typesetter.typeset(article, images: FigureResolver.resolve(article, source: source).images)
    }

    /// Lays out `article`'s text-block pages for binding into an issue.
    public func articleLayout(_ article: Article, source: String? = nil) -> ArticleLayout {
        articleLayout(article, images: FigureResolver.resolve(article, source: source).images)
    }

    /// Lays out `article`'s text-block pages with figure images already resolved.
    public func articleLayout(_ article: Article, images: [String: ImageReference]) -> ArticleLayout {
        typesetter.layout(article, images: images)
    }

    /// Binds laid-out articles into one issue document.
    public func bind(_ issue: Issue, articles: [BundledArticle], coverImage: ImageReference?) -> PagedDocument {
        IssueBinder(typesetter: typesetter, issue: issue, articles: articles, coverImage: coverImage).bind()
    }

    /// Lays out and draws `article` as PDF bytes.
    public func pdf(_ article: Article, source: String? = nil) throws -> (data: Data, document: PagedDocument) {
        let result = try render(article, source: source)
        return (result.data, result.document)
    }

    /// Lays out and draws `article`, also returning its text-block layout for an issue bundle to reuse
    /// and the warnings about figures that could not be shown.
    public func render(_ article: Article, source: String? = nil) throws
        -> (data: Data, document: PagedDocument, layout: ArticleLayout, warnings: [Diagnostic]) {
        let figures = FigureResolver.resolve(article, source: source)
        let body = articleLayout(article, images: figures.images)
        let document = typesetter.decorate(body, of: article)
        return (try PDFRenderer(zlibLevel: sheet.pdf.compression.zlibLevel).render(document, reusing: renderCache), document, body, figures.warnings)
    }
}
