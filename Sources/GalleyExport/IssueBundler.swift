import Foundation
import GalleyDiagnostics
import GalleyFetch
import GalleyFiles
import GalleyIngest
import GalleyLayout
import GalleyModel
import GalleyRender
import GalleyStyle

/// Makes one PDF of an issue: reads `issue.yaml`, lays the articles out in parallel, binds and draws them.
public struct IssueBundler: Sendable {
    /// Where layouts and fonts are.
    public var resources: GalleyResources
    /// Worker threads for laying out articles.
    public var jobs: Int
    /// The limits the issue file, its articles and their images are held to.
    public var limits: Limits
    /// An issue of this many pages or more is drawn in two parts (see `PDFRenderer.partsFromPageCount`); nil draws
    /// every issue whole.
    public var partsFromPageCount: Int? = PDFRenderer.issuePartsFromPageCount
    /// How the articles' remote figure images are fetched, or nil not to fetch them.
    public var images: ImageFetchSettings?

    /// Creates a bundler.
    public init(resources: GalleyResources, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, limits: Limits = Limits(),
                images: ImageFetchSettings? = nil) {
        self.resources = resources
        self.jobs = max(1, jobs)
        self.limits = limits
        self.images = images
    }

    /// The bound issue.
    public struct Result: Sendable {
        /// The PDF's bytes.
        public var data: Data
        /// The bound document (pages, outline, quality).
        public var document: PagedDocument
        /// What the readers and image resolution questioned.
        public var warnings: [Diagnostic]
        /// How many articles' layouts came from the cache.
        public var reusedLayouts: Int
    }

    /// Reads the issue at `path` and returns its PDF, with every article of every file it lists (a WordPress export
    /// gives all its posts, in order); an unreadable article fails the whole issue with its diagnostic.
    ///
    /// Layouts found in `cache` under an article's content hash are reused (a batch export saves them);
    /// the others are laid out and saved there.
    /// `config` (the publisher's galley.yaml) names the layout when neither `override` nor the issue does.
    public func bundle(_ path: String, layout override: String? = nil, standard: PDFSettings.Standard? = nil,
                       cache: LayoutCache? = nil, config: GalleyConfig? = nil) throws -> Result {
        try bundle(path, layout: override, standard: standard, cache: cache, config: config) { $0 }
    }

    /// Reads and binds the issue at `path` as `bundle` does, and gives the result to `deliver` while everything that
    /// made it (the articles, the binder and its caches) is still held: a command that ends the process in `deliver`
    /// skips giving all of it back piece by piece, which took 18 ms after a 50-article issue was written.
    public func bundle<Delivered>(_ path: String, layout override: String? = nil, standard: PDFSettings.Standard? = nil,
                                  cache: LayoutCache? = nil, config: GalleyConfig? = nil,
                                  deliver: (Result) throws -> Delivered) throws -> Delivered {
        let data = try ArticleSource.contents(of: path, limits: limits)
        let issue = try IssueReader(limits: limits).read(data, file: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var chosen = try resources.layout(override ?? issue.layout ?? config?.layout ?? "article-a4", config: config)
        if let standard { try chosen.pdf.choose(standard) }
        let sheet = chosen
        let entries: [(path: String, section: Int)] = issue.sections.enumerated().flatMap { sectionIndex, section in
            section.articles.map { (folder.appendingPathComponent($0).standardizedFileURL.path, sectionIndex) }
        }
        let results = Locked([Swift.Result<[(BundledArticle, [Diagnostic])], any Error>?](repeating: nil, count: entries.count))
        let resources = self.resources
        let limits = self.limits
        let hasher = cache == nil ? nil : try ContentHasher(sheet: sheet, lineBreaker: nil, fontsDirectory: resources.fonts)
        let reused = Locked(0)
        let remoteImages = images.map { RemoteImages(settings: $0, limits: limits) }
        // The renderer that binds and draws the issue lays articles out beside the workers first: the caller's thread
        // would only wait, and the contents pages are then set with fonts already loaded. Larger files are taken
        // first, so that no long article is left to one thread at the end.
        // The threads share the words they shape: articles of one issue share most of their vocabulary.
        let shapes = SharedShapes()
        var binder = try ArticleRenderer(sheet: sheet, resources: resources, limits: limits)
        binder.sharedShapes = shapes
        let order = Self.largestFirst(entries.map(\.path))
        // The contents need only the articles' titles, authors and sections: the thread that takes the last item
        // drafts them once every article is read, while the others finish their layouts, instead of the binder
        // setting them afterwards on one core (ContentsDraft).
        let heads = Locked([[(article: Article, section: Int)]?](repeating: nil, count: entries.count))
        let readDone = DispatchSemaphore(value: 0)
        let contents = Locked<ContentsDraft?>(nil)
        WorkerPool.run(threads: jobs, count: entries.count + 1, shouldStop: { false }, callerState: &binder,
                       makeState: { _ in
                           let renderer = try? ArticleRenderer(sheet: sheet, resources: resources, limits: limits)
                           renderer?.sharedShapes = shapes
                           return renderer
                       },
                       body: { renderer, item in
                           guard item < entries.count else {
                               for _ in entries.indices { readDone.wait() }
                               let articles = heads.withLock { $0 }
                               guard articles.allSatisfy({ $0 != nil }) else { return }
                               let draft = renderer.contentsDraft(issue, articles: articles.flatMap { $0 ?? [] })
                               contents.withLock { $0 = draft }
                               return
                           }
                           let index = order[item]
                           let entry = entries[index]
                           // Every article file counts as read once, however its reading ends.
                           var signalled = false
                           defer { if !signalled { readDone.signal() } }
                           let outcome = Swift.Result<[(BundledArticle, [Diagnostic])], any Error> {
                               // The same reading as every other command: regular files only, within the limits.
                               let bytes = try ArticleSource.contents(of: entry.path, limits: limits)
                               let read = try ArticlePipeline.read(entry.path, data: bytes, format: nil, limits: limits)
                               guard !read.isEmpty else { throw Diagnostic(file: entry.path, message: "the file holds no article") }
                               heads.withLock { $0[index] = read.map { ($0.article, entry.section) } }
                               signalled = true
                               readDone.signal()
                               // The file's digest names its cached layouts; without a cache nothing asks for it.
                               let digest = hasher == nil ? "" : ContentHasher.sha256(bytes)
                               let articleFolder = URL(fileURLWithPath: entry.path).deletingLastPathComponent()
                               return try read.map { sourced in
                                   let remote = remoteImages?.fetch(for: sourced.article)
                                   let hash = hasher?.hash(of: sourced.article, index: sourced.index, sourceDigest: digest, folder: articleFolder,
                                                           remote: remote)
                                   let figures = FigureResolver.resolve(sourced.article, source: entry.path, limits: renderer.limits,
                                                                        oversize: sheet.images.oversize, remote: remote)
                                   let layout: ArticleLayout
                                   if let hash, let cached = cache?.load(hash) {
                                       layout = cached
                                       reused.withLock { $0 += 1 }
                                   } else {
                                       layout = renderer.articleLayout(sourced.article, images: figures.images)
                                       try renderer.checkPageLimit(layout.quality, article: sourced.article, source: entry.path)
                                       if let hash { cache?.store(layout, hash: hash) }
                                   }
                                   renderer.shapeRunningHead(issue, article: sourced.article)
                                   return (BundledArticle(article: sourced.article, layout: layout, section: entry.section),
                                           sourced.warnings + figures.warnings)
                               }
                           }
                           results.withLock { $0[index] = outcome }
                       })
        var articles: [BundledArticle] = []
        var warnings: [Diagnostic] = []
        for (index, outcome) in results.withLock({ $0 }).enumerated() {
            guard let outcome else { throw Diagnostic(file: entries[index].path, message: "was not laid out (no worker could start: are the fonts in place?)") }
            for (article, articleWarnings) in try outcome.get() {
                articles.append(article)
                warnings += articleWarnings
            }
        }
        var ids = Set<String>()
        for article in articles where !ids.insert(article.article.id).inserted {
            throw Diagnostic(file: path, message: "article id \(article.article.id) appears twice in the issue")
        }
        var coverImage: ImageReference?
        if let image = issue.cover.image {
            let url = folder.appendingPathComponent(image)
            do {
                let (reference, fit, _) = try ImageProbe.examine(url, limits: limits)
                switch fit {
                case .fits:
                    coverImage = reference
                case .downsamplable(let reason):
                    coverImage = reference
                    warnings.append(Diagnostic(.warning, file: path, path: "cover.image", message: "the image \(url.path): \(reason); it is drawn downsampled"))
                case .tooLarge(let reason, let obstacle):
                    warnings.append(Diagnostic(.warning, file: path, path: "cover.image",
                                               message: "the image \(url.path): \(reason), and \(obstacle); the cover has no image"))
                }
            } catch {
                warnings.append(Diagnostic(.warning, file: path, path: "cover.image", message: "the image \(url.path) \(error); the cover has no image"))
            }
        }
        let document = binder.bind(issue, articles: articles, coverImage: coverImage, contents: contents.withLock { $0 })
        // An archived issue carries every article it binds, so each can be set again.
        // A long issue's pages are drawn in two parts, side by side when there are jobs for both (the same bytes
        // either way).
        let pdf = try binder.draw(document, embedding: articles.map(\.article), reusing: RenderCache(limits: limits), threads: jobs,
                                  partsFromPageCount: partsFromPageCount)
        // Problems only drawing finds (a corrupt file, a damaged JPEG) name the image file itself.
        warnings += pdf.imageProblems.map { Diagnostic(.warning, file: path, path: $0.path, message: $0.message) }
        let result = Result(data: pdf.data, document: document, warnings: warnings, reusedLayouts: reused.withLock { $0 })
        return try withExtendedLifetime((binder, articles)) { try deliver(result) }
    }

    /// The indices of `paths`, the largest file first (an unreadable one counts as empty; ties keep their order).
    static func largestFirst(_ paths: [String]) -> [Int] {
        let sizes = paths.map { path -> Int in
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : 0
        }
        return paths.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }
}
