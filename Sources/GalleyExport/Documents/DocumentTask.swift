import Foundation
import GalleyDiagnostics
import GalleyFetch
import GalleyFiles
import GalleyIngest
import GalleyStyle

/// What a worker process does for a service: read one posted article, answer it from the content-hash cache when
/// nothing it is made from changed, else set it in the layout asked for and keep the result in the cache.
///
/// A worker keeps one pipeline per layout it has been asked for (each owns a font map), made on first use.
final class DocumentTask {
    private let layouts: [String: StyleSheet]
    private let resources: GalleyResources
    private let lineBreaker: String?
    private let limits: Limits
    /// Fetches the article's remote images before it is hashed and set, or nil to set them as their alt text.
    private let remoteImages: RemoteImages?
    private var pipelines: [String: ArticlePipeline] = [:]
    private var hashers: [String: ContentHasher] = [:]

    /// A task setting articles in any of `layouts` (by name) with fonts from `resources`.
    init(layouts: [String: StyleSheet], resources: GalleyResources, lineBreaker: String?, limits: Limits, images: ImageFetchSettings?) {
        self.layouts = layouts
        remoteImages = images.map { RemoteImages(settings: $0, limits: limits) }
        self.resources = resources
        self.lineBreaker = lineBreaker
        self.limits = limits
    }

    /// The document for `job`, or why it cannot be made.
    func run(_ job: DocumentJob) -> Result<DocumentResult, DocumentFailure> {
        do {
            return .success(try make(job))
        } catch let failure as DocumentFailure {
            return .failure(failure)
        } catch let error as Diagnostic {
            return .failure(DocumentFailure(.input, Self.named(error.description, job.name)))
        } catch {
            return .failure(DocumentFailure(.internalError, Self.named("\(job.name): \(error)", job.name)))
        }
    }

    private func make(_ job: DocumentJob) throws -> DocumentResult {
        guard let sheet = layouts[job.layout] else {
            let known = layouts.keys.sorted().joined(separator: ", ")
            throw DocumentFailure(.input, "layout \"\(job.layout)\" is not one this service has (\(known))")
        }
        guard job.article.count <= limits.fileBytes else {
            throw DocumentFailure(.input, "\(job.name): \(ByteCount.words(job.article.count)) is over the file-bytes limit of \(ByteCount.words(limits.fileBytes))")
        }
        let reader: any ArticleReader = job.format == nil || job.format == "json"
            ? (job.format == nil ? JSONOrWordPressReader(limits: limits) : try ArticleSource.reader(for: "-", format: "json", limits: limits))
            : try ArticleSource.reader(for: job.name, format: job.format, limits: limits)
        let read = try reader.articles(from: job.article, file: job.name)
        let chosen: Int
        if let wanted = job.articleID {
            guard let index = read.firstIndex(where: { $0.article.id == wanted }) else {
                throw DocumentFailure(.input, "\(job.name): holds no article with id \"\(wanted)\"")
            }
            chosen = index
        } else {
            guard read.count == 1 else {
                let ids = read.prefix(5).map(\.article.id).joined(separator: ", ") + (read.count > 5 ? ", …" : "")
                throw DocumentFailure(.input, read.isEmpty ? "\(job.name): holds no article"
                    : "\(job.name): holds \(read.count) articles (\(ids)); choose one with ?id=")
            }
            chosen = 0
        }
        let sourced = SourcedArticle(article: read[chosen].article, warnings: read[chosen].warnings, source: nil, index: chosen)
        let fileName = try ArticleNaming.fileName(for: sourced.article, file: job.name)
        let hasher = try hasher(for: job.layout, sheet: sheet)
        // Posted articles have no folder; their figures are remote or printed as alt text, so no folder is read.
        // Remote images are fetched (or revalidated) first: their bytes are part of the hash, so a changed image on the
        // site makes a new PDF.
        let remote = remoteImages?.fetch(for: sourced.article)
        let hash = hasher.hash(of: sourced.article, index: chosen, sourceDigest: ContentHasher.sha256(job.article),
                               folder: URL(fileURLWithPath: "/nonexistent-galley-folder"), remote: remote)
        let cache = job.cacheDirectory.map { DocumentCache(directory: URL(fileURLWithPath: $0)) }
        if let cache, var hit = cache.load(hash: hash) {
            if let width = job.thumbnailWidth {
                if let png = cache.thumbnail(hash: hash, width: width) {
                    hit.thumbnail = png
                } else {
                    // The PDF is cached but not this width of thumbnail: set the article again for its page 1.
                    let rendered = try pipeline(for: job.layout, sheet: sheet).render(sourced, remote: remote)
                    hit.thumbnail = try pipeline(for: job.layout, sheet: sheet).renderer.thumbnail(rendered.document, width: width)
                    cache.storeThumbnail(hit.thumbnail!, hash: hash, width: width)
                }
            }
            return hit
        }
        let pipeline = try pipeline(for: job.layout, sheet: sheet)
        let rendered = try pipeline.render(sourced, remote: remote)
        let language = rendered.typeset.article.language
        var result = DocumentResult(
            id: sourced.article.id, title: rendered.typeset.article.title, language: language, fileName: fileName,
            pages: rendered.document.pages.count, label: ManifestEntry.label(bytes: rendered.pdf.count, labels: sheet.labels(for: language).labels),
            contentHash: hash, pdf: rendered.pdf, thumbnail: nil, cached: false,
            warnings: rendered.warnings.map { Self.named($0.description, job.name) })
        if let width = job.thumbnailWidth {
            result.thumbnail = try pipeline.renderer.thumbnail(rendered.document, width: width)
        }
        if let cache {
            cache.store(result)
            if let png = result.thumbnail, let width = job.thumbnailWidth { cache.storeThumbnail(png, hash: hash, width: width) }
        }
        return result
    }

    private func pipeline(for name: String, sheet: StyleSheet) throws -> ArticlePipeline {
        if let pipeline = pipelines[name] { return pipeline }
        let renderer = try ArticleRenderer(sheet: sheet, resources: resources, lineBreaker: try LineBreakerName.breaker(lineBreaker), limits: limits)
        let pipeline = ArticlePipeline(renderer: renderer)
        pipelines[name] = pipeline
        return pipeline
    }

    private func hasher(for name: String, sheet: StyleSheet) throws -> ContentHasher {
        if let hasher = hashers[name] { return hasher }
        let hasher = try ContentHasher(sheet: sheet, lineBreaker: lineBreaker, fontsDirectory: resources.fonts)
        hashers[name] = hasher
        return hasher
    }

    /// Readers name an article with no file `<stdin>`; a service's client knows it by the name the job gave.
    static func named(_ message: String, _ name: String) -> String {
        message.hasPrefix("<stdin>") ? name + message.dropFirst("<stdin>".count) : message
    }
}
