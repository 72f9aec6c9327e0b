import Foundation
import GalleyDiagnostics
import GalleyFetch
import GalleyIngest
import GalleyFiles
import GalleyLanguage
import GalleyLayout
import GalleyModel
import GalleyPDF
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
    /// The limits inputs are held to (images, pages), and readers going through this renderer's pipeline.
    public let limits: Limits
    private let typesetter: ArticleTypesetter
    /// Font faces and decoded images kept between this thread's documents.
    private let renderCache: RenderCache
    /// Detects the language of articles that do not declare one, and of their blocks in other languages.
    private let annotator = LanguageAnnotator()
    /// This thread's shaper, which also gives librsvg its fonts.
    private let shaper: PangoShaper
    /// Where the shaper's fonts are, for a shaper of another thread's (see `draw`).
    private let fontsDirectory: URL

    /// Galley's version, written into every PDF's Creator field.
    public static let version = "0.1.0"

    /// Creates a renderer for `sheet` with fonts from `resources`, holding its inputs (images among them) to `limits`.
    public init(sheet: StyleSheet, resources: GalleyResources, lineBreaker: (any LineBreaker)? = nil, limits: Limits = Limits()) throws {
        self.sheet = sheet
        self.limits = limits
        renderCache = RenderCache(limits: limits)
        shaper = try PangoShaper(fontsDirectory: resources.fonts, stacks: sheet.fonts)
        fontsDirectory = resources.fonts
        typesetter = ArticleTypesetter(sheet: sheet, shaper: shaper, hyphenator: LibHyphenHyphenator(), lineBreaker: lineBreaker)
        typesetter.creator = "Galley \(Self.version)"
        typesetter.maxPages = limits.pagesPerArticle
        // Probed once here, not per page: a logo that cannot be drawn stops the run before any article is set.
        if let logo = sheet.identity?.logo {
            do {
                typesetter.logo = try ImageProbe.probe(URL(fileURLWithPath: logo), limits: limits)
            } catch {
                throw Diagnostic(file: logo, path: "logo", message: "the publisher's logo cannot be drawn: \(error)")
            }
        }
    }

    /// The shapes this renderer's typesetter shares with other threads' renderers (an issue's layout threads).
    public var sharedShapes: SharedShapes? {
        get { typesetter.sharedShapes }
        set { typesetter.sharedShapes = newValue }
    }

    /// Lays out `article`, read from the file `source` (whose folder holds its images).
    public func layout(_ article: Article, source: String? = nil) -> PagedDocument {
        typeset(article, source: source).document
    }

    /// Lays out `article`'s text-block pages for binding into an issue.
    public func articleLayout(_ article: Article, source: String? = nil) -> ArticleLayout {
        typeset(article, source: source).layout
    }

    /// Lays out `article`'s text-block pages with figure images already resolved.
    public func articleLayout(_ article: Article, images: [String: ImageReference]) -> ArticleLayout {
        var annotated = article
        _ = annotator.annotate(&annotated)
        return typesetter.layout(annotated, images: images)
    }

    /// Binds laid-out articles into one issue document, with its contents drafted ahead by `contentsDraft` when given.
    public func bind(_ issue: Issue, articles: [BundledArticle], coverImage: ImageReference?, contents: ContentsDraft? = nil) -> PagedDocument {
        IssueBinder(typesetter: typesetter, issue: issue, articles: articles, coverImage: coverImage, contents: contents).bind()
    }

    /// Shapes ahead the running head `bind` gives `article`'s pages in `issue` (see
    /// `ArticleTypesetter.shapeRunningHead`).
    public func shapeRunningHead(_ issue: Issue, article: Article) {
        typesetter.shapeRunningHead(issue: issue, article: article)
    }

    /// The contents of `issue` with `articles` (each with its section's index), set for `bind` but for their page
    /// numbers: a worker can draft them while the articles are still being laid out.
    public func contentsDraft(_ issue: Issue, articles: [(article: Article, section: Int)]) -> ContentsDraft {
        typesetter.issueContentsDraft(issue: issue, articles: articles)
    }

    /// Lays out and draws `article` as PDF bytes.
    public func pdf(_ article: Article, source: String? = nil) throws -> (data: Data, document: PagedDocument) {
        let result = try render(article, source: source)
        return (result.pdf, result.document)
    }

    /// The article's pages, with its language found (when the source gave none) and every warning of the way;
    /// `remote` is what the fetch phase found for its remote images (nil: they are not drawn).
    public func typeset(_ article: Article, source: String? = nil, remote: [String: FetchedImage]? = nil) -> TypesetArticle {
        let file = source ?? "<stdin>"
        var annotated = article
        let language = annotator.annotate(&annotated)
        let figures = FigureResolver.resolve(annotated, source: source, limits: limits, oversize: sheet.images.oversize,
                                             remote: remote)
        let body = typesetter.layout(annotated, images: figures.images)
        let document = typesetter.decorate(body, of: annotated)
        var warnings = figures.warnings
        if sheet.labels(for: annotated.language).entry == nil {
            warnings.append(Diagnostic(.warning, file: file, path: "language",
                                       message: "Galley has no printed words (byline, folio, headings) for \"\(annotated.language)\"; they are in English"))
        }
        if document.quality.brokenWords > 0 {
            let count = document.quality.brokenWords
            warnings.append(Diagnostic(.warning, file: file, message: "\(count) word\(count == 1 ? " was" : "s were") wider than a line and cut "
                + "between characters, the first “\(document.quality.firstBrokenWord ?? "")”"))
        }
        if let missing = MissingGlyphs.message(document.quality) {
            warnings.append(Diagnostic(.warning, file: file, message: missing))
        }
        return TypesetArticle(article: annotated, document: document, layout: body, detectedLanguage: language.detectedLanguage,
                              warnings: warnings)
    }

    /// Draws `document` as `sheet`'s PDF settings say, for an article's PDF and an issue's alike: the compression,
    /// tagging (a layout that turns it off gets cairo's PDF as drawn: without a structure, nothing is marked or
    /// finished), the standard, and for PDF/A-3b the `articles` as read (before their language was detected) as
    /// Galley JSON, so that `galley extract` gives back what went in.
    ///
    /// `threads` may finish the file (rewrite and compress its pages and streams) side by side: an issue has many
    /// pages and its own core to spare; an export's articles each take one. The bytes do not depend on it. A document
    /// of `partsFromPageCount` pages or more (an issue) is drawn in two parts, each on its own thread when `threads`
    /// allows (see `PDFRenderer.partsFromPageCount`).
    func draw(_ document: PagedDocument, embedding articles: [Article], reusing cache: RenderCache, threads: Int = 1,
              partsFromPageCount: Int? = nil) throws -> RenderedPDF {
        let everyFont = giveSVGsFonts(document)
        var drawn = document
        if !sheet.pdf.tagged { drawn.structure = [] }
        var options = PDFFinishOptions(standard: sheet.pdf.standard, producer: "Galley \(Self.version)", threads: threads)
        if sheet.pdf.standard == .a3b { options.embeddedSources = try articles.map(Self.embedded) }
        var renderer = PDFRenderer(zlibLevel: sheet.pdf.compression.zlibLevel, finishing: options)
        renderer.partsFromPageCount = partsFromPageCount
        // A part drawn on another thread gives librsvg fonts there as this thread's were given: a shaper of its own,
        // since a font map is never shared between threads.
        let fonts = fontsDirectory
        let stacks = sheet.fonts
        renderer.threadSetup = {
            let shaper = try PangoShaper(fontsDirectory: fonts, stacks: stacks)
            shaper.becomeThreadDefault(everyFont: everyFont)
            return shaper
        }
        return try renderer.renderReporting(drawn, reusing: cache)
    }

    /// An article as the Galley JSON file a PDF/A-3b carries.
    public static func embedded(_ article: Article) throws -> EmbeddedSource {
        EmbeddedSource(fileName: "\(article.id).json", mimeType: "application/json", data: try ArticleJSONWriter().data(article),
                       description: "The article \"\(article.title)\" as Galley JSON, to set it again")
    }

    /// Page 1 of a set document as a PNG `width` pixels wide, drawn with this thread's fonts and images.
    public func thumbnail(_ document: PagedDocument, width: Int) throws -> Data {
        giveSVGsFonts(document)
        return try PageImageRenderer().png(document, width: width, reusing: renderCache)
    }

    /// Makes Galley's fonts the ones librsvg sets `document`'s SVG text with, the CJK collections among them when one
    /// of its SVGs might need them.
    ///
    /// Returns whether the CJK collections were given.
    ///
    /// librsvg takes the default fonts of the thread that draws, so they are set for every document: a renderer may be
    /// used from one thread after another (an async caller resumes wherever it may), and the collections one
    /// document's SVGs needed must not change how the next document's are set.
    @discardableResult
    private func giveSVGsFonts(_ document: PagedDocument) -> Bool {
        let svgs = document.pages.flatMap { page in
            page.items.compactMap { item -> String? in
                if case .image(let image, _) = item.item, image.format == .svg { return image.path }
                return nil
            }
        }
        let everyFont = svgs.contains { SVGText.mayNeedPinnedFonts($0, limit: limits.imageFileBytes) }
        shaper.becomeThreadDefault(everyFont: everyFont)
        return everyFont
    }

    /// Throws "article X would fill more than N pages" when the typesetter stopped at the pages-per-article limit
    /// (it makes no page past it, so a runaway article costs no more than the limit).
    public func checkPageLimit(_ quality: QualityReport, article: Article, source: String?) throws {
        guard quality.pageLimitExceeded else { return }
        throw Diagnostic(file: source ?? "<stdin>",
                         message: "article \(article.id) would fill more than \(limits.pagesPerArticle) page\(limits.pagesPerArticle == 1 ? "" : "s") (the pages-per-article limit; raise it with --limit pages-per-article=N)")
    }

    /// Lays out and draws `article`, its remote images taken from `remote` (nil: they are not drawn).
    public func render(_ article: Article, source: String? = nil, remote: [String: FetchedImage]? = nil) throws -> RenderedArticle {
        let typeset = typeset(article, source: source, remote: remote)
        try checkPageLimit(typeset.document.quality, article: article, source: source)
        let pdf = try draw(typeset.document, embedding: [article], reusing: renderCache)
        // Problems only drawing finds (a corrupt file, a decoder's refusal) are named like the resolver's warnings.
        let file = source ?? "<stdin>"
        let labels = pdf.imageProblems.isEmpty ? [:] : FigureResolver.labels(typeset.article, source: source, remote: remote ?? [:])
        let drawWarnings = pdf.imageProblems.map { problem in
            Diagnostic(.warning, file: file, path: labels[problem.path] ?? "image \(problem.path)", message: problem.message)
        }
        return RenderedArticle(typeset: typeset, pdf: pdf.data, drawWarnings: drawWarnings)
    }
}
