import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyStyle

/// The work an export does per file and per article, the same in a worker thread and in a worker process: each
/// call returns a value saying what happened, and nothing else in the run is touched.
final class ExportTask {
    private let setup: WorkerSetup
    private let hasher: ContentHasher
    private let layoutCache: LayoutCache?
    private let makePipeline: () throws -> ArticlePipeline
    private var pipeline: ArticlePipeline?
    /// The fetch phase, shared by both passes: the scan hashes the fetched bytes, the render draws them.
    private let remoteImages: RemoteImages?

    /// A task for `setup`; `makePipeline` is called on first use, on the thread that uses the task.
    init(setup: WorkerSetup, makePipeline: @escaping () throws -> ArticlePipeline) throws {
        self.setup = setup
        let resources = GalleyResources(root: URL(fileURLWithPath: setup.resourcesRoot))
        do {
            hasher = try ContentHasher(sheet: setup.sheet, lineBreaker: setup.lineBreaker, fontsDirectory: resources.fonts)
        } catch {
            throw ExportError("\(resources.fonts.path): cannot read the fonts (\(error))")
        }
        layoutCache = setup.keepLayouts ? LayoutCache(outputDirectory: URL(fileURLWithPath: setup.outputDirectory)) : nil
        self.makePipeline = makePipeline
        remoteImages = setup.images.map { RemoteImages(settings: $0, limits: setup.limits) }
    }

    /// Reads every article of a file, hashes it and names its PDF.
    func scan(file: Int, path: String, standardInput: Data?) -> ScanResult {
        let display = path == "-" ? "<stdin>" : path
        var result = ScanResult()
        do {
            let data = try standardInput ?? ArticleSource.contents(of: path, limits: setup.limits)
            let digest = ContentHasher.sha256(data)
            guard let sourceDigest = HexDigest(hex: digest) else { throw ExportError("\(display): its digest could not be computed") }
            let articles = try ArticlePipeline.read(path, data: data, format: setup.format, limits: setup.limits)
            guard !articles.isEmpty else { throw Diagnostic(file: display, message: "the file holds no article") }
            let folder = path == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                : URL(fileURLWithPath: path).deletingLastPathComponent()
            let shard = setup.shard.flatMap(Shard.init)
            let mine = articles.filter { sourced in shard.map { $0.contains(id: sourced.article.id) } ?? true }
            result.otherShards = articles.count - mine.count
            // Remote images are fetched (or revalidated) here, so that their bytes decide whether a PDF is up to date;
            // the render pass then finds them checked during this run and asks no server again. All of a file's
            // images are fetched together, within half the time the parent waits for this scan (article-seconds), so
            // a slow server can delay the scan of a WordPress export with hundreds of posts but never fail it: an
            // image not checked in time is hashed from its cached copy, or as failed (and then rebuilt).
            let budget = Date().addingTimeInterval(Double(setup.limits.articleSeconds) / 2)
            let remote = remoteImages?.fetch(forAll: mine.map(\.article), budget: budget)
            for (position, sourced) in mine.enumerated() {
                let article = sourced.article
                do {
                    let output = try sourced.outputName()
                    let hash = hasher.hash(of: article, index: sourced.index, sourceDigest: digest, folder: folder, remote: remote?[position])
                    guard let contentHash = HexDigest(hex: hash) else {
                        throw ExportError("\(display): its content hash could not be computed")
                    }
                    result.planned.append(PlannedArticle(
                        file: file, index: sourced.index, source: display, sourceDigest: sourceDigest, id: article.id, output: output,
                        contentHash: contentHash))
                } catch {
                    result.failures.append(ArticleOutcome(status: .failed, source: display, id: article.id, message: "\(error)"))
                }
            }
        } catch {
            result.failures.append(ArticleOutcome(status: .failed, source: display, message: "\(error)"))
        }
        return result
    }

    /// Sets one planned article, writes its PDF, and returns its manifest entry, or why it failed.
    func render(_ article: PlannedArticle, path: String, standardInput: Data?) -> RenderResult {
        let clock = ContinuousClock()
        let start = clock.now
        func failed(_ message: String) -> RenderResult {
            RenderResult(entry: nil, outcome: ArticleOutcome(status: .failed, source: article.source, id: article.id, output: article.output,
                                                             seconds: ExportProgress.seconds(clock.now - start), message: message))
        }
        do {
            let data = try standardInput ?? ArticleSource.contents(of: path, limits: setup.limits)
            // The hash in the manifest must describe the bytes rendered, so a file edited mid-run is not trusted.
            let changed = Diagnostic(file: article.source, message: "changed while the export was running; export it again")
            guard HexDigest(hex: ContentHasher.sha256(data)) == article.sourceDigest else { throw changed }
            let articles = try ArticlePipeline.read(path, data: data, format: setup.format, limits: setup.limits)
            guard article.index < articles.count, articles[article.index].article.id == article.id else { throw changed }
            var pipeline = try self.pipeline ?? makePipeline()
            pipeline.remoteImages = remoteImages
            self.pipeline = pipeline
            let rendered = try pipeline.render(articles[article.index])
            try ArticlePipeline.write(rendered, to: URL(fileURLWithPath: setup.outputDirectory).appendingPathComponent(article.output).path)
            layoutCache?.store(rendered.layout, hash: article.contentHash.description)
            let warnings = rendered.warnings.map(\.description)
            let language = rendered.typeset.article.language
            var entry = ManifestEntry(id: article.id, source: article.source, output: article.output, bytes: rendered.pdf.count,
                                      pages: rendered.document.pages.count, sha256: ContentHasher.sha256(rendered.pdf),
                                      title: rendered.typeset.article.title, language: language, warnings: warnings,
                                      contentHash: article.contentHash.description, status: .rebuilt, labels: setup.sheet.labels(for: language).labels)
            entry.languageDetected = rendered.typeset.detectedLanguage != nil ? true : nil
            let source = rendered.typeset.article
            entry.permalink = source.permalink
            entry.slug = source.slug
            entry.date = source.date
            entry.postType = source.postType
            let outcome = ArticleOutcome(status: .rebuilt, source: article.source, id: article.id, output: article.output,
                                         pages: rendered.document.pages.count, bytes: rendered.pdf.count, seconds: ExportProgress.seconds(clock.now - start),
                                         warnings: warnings)
            return RenderResult(entry: entry, outcome: outcome)
        } catch let error as ExportError {
            return failed(error.description)
        } catch {
            return failed(error is Diagnostic ? "\(error)" : "\(article.source): \(error)")
        }
    }
}
