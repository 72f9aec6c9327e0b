import Foundation
import GalleyDiagnostics
import GalleyIngest
import GalleyModel

/// Exports an archive: reads every article, skips those whose PDFs are up to date, renders the rest on
/// worker threads, and writes the manifest.
///
/// A run has two passes. The first reads and hashes every file (cheap) and keeps a few hundred bytes per
/// article, so that clashing output names are caught before anything is written and the progress bar
/// knows its total. The second reads each article to render again, lays it out and writes its PDF, and
/// keeps only its manifest entry: no article, layout or PDF outlives its turn, so memory stays flat.
public final class ArticleExporter: Sendable {
    private let configuration: ExportConfiguration
    private let observer: any ExportObserver
    private let cancellation: ExportCancellation

    /// Prepares a run of `configuration`, reporting to `observer`; `cancellation` stops it between articles.
    public init(configuration: ExportConfiguration, observer: any ExportObserver, cancellation: ExportCancellation = ExportCancellation()) {
        self.configuration = configuration
        self.observer = observer
        self.cancellation = cancellation
    }

    /// What the first pass learns of an article.
    struct PlannedArticle: Sendable {
        var file: Int
        var index: Int
        var source: String
        var sourceDigest: String
        var id: String
        var title: String
        var language: String
        var output: String
        var contentHash: String
        var warnings: [String]
    }

    /// What both passes share: the files, standard input's bytes, and the results so far.
    private struct Shared: Sendable {
        var files: [ArticleInputs.File]
        var standardInput: Data?
        var format: String?
    }

    private struct Results {
        var planned: [PlannedArticle] = []
        var entries: [ManifestEntry] = []
        var summary = ExportSummary()
    }

    /// Runs the export; throws `ExportError` only when nothing sensible can be done (manifest, fonts, renderer).
    public func run() throws -> ExportSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let outputDirectory = configuration.outputDirectory
        StaleTemporaryFiles.remove(in: outputDirectory)
        if configuration.manifest.deletingLastPathComponent().standardizedFileURL != outputDirectory.standardizedFileURL {
            StaleTemporaryFiles.remove(in: configuration.manifest.deletingLastPathComponent())
        }
        let previous: ExportManifest
        do {
            previous = try ExportManifest.load(configuration.manifest)
        } catch {
            throw ExportError("\(error) (fix or delete it, or name another with --manifest)")
        }
        let hasher: ContentHasher
        do {
            hasher = try ContentHasher(sheet: configuration.sheet, lineBreaker: configuration.lineBreaker,
                                       fontsDirectory: configuration.resources.fonts)
        } catch {
            throw ExportError("\(configuration.resources.fonts.path): cannot read the fonts (\(error))")
        }

        let inputs = ArticleInputs(configuration.inputs, format: configuration.format,
                                   excludedFolders: [outputDirectory], excludedFiles: [configuration.manifest])
        let shared = Shared(files: inputs.files,
                            standardInput: inputs.files.contains { $0.path == "-" } ? FileHandle.standardInput.readDataToEndOfFile() : nil,
                            format: configuration.format)
        let results = Locked(Results())
        for problem in inputs.problems {
            fail(ArticleOutcome(status: .failed, source: problem.file, message: problem.description), into: results)
        }

        // First pass: read, hash and name every article.
        observer.scanning(files: shared.files.count)
        let shard = configuration.shard
        WorkerPool.run(threads: configuration.jobs, count: shared.files.count, shouldStop: { [cancellation] in cancellation.isCancelled },
                       makeState: { _ in () }) { [self] _, item in
            scan(item, shared: shared, shard: shard, hasher: hasher, results: results)
        }

        let (todo, skipped) = plan(previous: previous, results: results)
        observer.planned(total: results.withLock { $0.summary.failed } + todo.count + skipped.count, toRender: todo.count)
        for entry in skipped {
            results.withLock { $0.entries.append(entry); $0.summary.skipped += 1 }
            observer.finished(ArticleOutcome(status: .skipped, source: entry.source, id: entry.id, output: entry.output,
                                             pages: entry.pages, bytes: entry.bytes))
        }

        // Second pass: render what is out of date.
        let renderStart = clock.now
        let setupFailure = Locked<String?>(nil)
        let started = Locked(0)
        let makeRenderer = configuration.makeRenderer
        WorkerPool.run(threads: configuration.jobs, count: todo.count,
                       shouldStop: { [cancellation] in cancellation.isCancelled || setupFailure.withLock { $0 != nil } },
                       makeState: { _ in
                           do {
                               return try makeRenderer()
                           } catch {
                               setupFailure.withLock { $0 = $0 ?? String(describing: error) }
                               return nil
                           }
                       }) { [self] renderer, item in
            started.withLock { $0 += 1 }
            render(todo[item], renderer: renderer, shared: shared, results: results)
        }
        let renderEnd = clock.now
        if let failure = setupFailure.withLock({ $0 }) {
            throw ExportError("cannot set up a renderer: \(failure)")
        }

        var summary = results.withLock { $0.summary }
        let entries = results.withLock { $0.entries }
        summary.interrupted = cancellation.isCancelled
        summary.notStarted = todo.count - started.withLock { $0 }
        var merged = previous.merging(ExportManifest(articles: entries))
        if let shard = configuration.shard {
            // A shard's manifest holds only its own ids, so one seeded with a merged manifest (after the shard
            // count changed) sheds the others' entries, and merging shard manifests never meets a stale duplicate.
            merged.articles.removeAll { !shard.contains(id: $0.id) }
        }
        do {
            try merged.write(to: configuration.manifest)
            summary.manifest = configuration.manifest.path
        } catch {
            summary.failed += 1
            summary.failures.append("\(configuration.manifest.path): cannot write the manifest (\(error))")
        }
        summary.renderSeconds = ExportProgress.seconds(renderEnd - renderStart)
        summary.seconds = ExportProgress.seconds(clock.now - start)
        summary.peakResidentKiB = PeakMemory.selfKiB()
        observer.completed(summary)
        return summary
    }

    /// The exit status a signal-stopped run should end with: 128 + the signal, as shells expect.
    public var interruptedExitStatus: Int32 {
        cancellation.signal.map { $0 > 0 ? 128 + $0 : 130 } ?? 130
    }

    // MARK: First pass

    private func scan(_ item: Int, shared: Shared, shard: Shard?, hasher: ContentHasher, results: Locked<Results>) {
        let file = shared.files[item]
        let display = file.path == "-" ? "<stdin>" : file.path
        do {
            let data = try Self.contents(of: file, shared: shared)
            let digest = ContentHasher.sha256(data)
            let reads = try Self.articles(in: data, file: file, shared: shared)
            guard !reads.isEmpty else { throw Diagnostic(file: display, message: "the file holds no article") }
            let folder = file.path == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                : URL(fileURLWithPath: file.path).deletingLastPathComponent()
            for (index, read) in reads.enumerated() {
                let article = read.article
                if let shard, !shard.contains(id: article.id) {
                    results.withLock { $0.summary.otherShards += 1 }
                    continue
                }
                guard Self.isUsableInFileName(article.id) else {
                    fail(ArticleOutcome(status: .failed, source: display, id: article.id,
                                        message: Diagnostic(file: display, path: "id", message: "\"\(article.id)\" cannot be part of a file name").description),
                         into: results)
                    continue
                }
                let planned = PlannedArticle(file: item, index: index, source: display, sourceDigest: digest, id: article.id,
                                             title: article.title, language: article.language,
                                             output: Slug.fileName(title: article.title, id: article.id),
                                             contentHash: hasher.hash(of: article, index: index, sourceDigest: digest, folder: folder),
                                             warnings: read.warnings.map(\.description))
                results.withLock { $0.planned.append(planned) }
            }
        } catch {
            fail(ArticleOutcome(status: .failed, source: display, message: String(describing: error)), into: results)
        }
    }

    /// Orders the first pass's articles, fails every article whose output name or id another one shares,
    /// and splits the rest into those to render and those already up to date.
    private func plan(previous: ExportManifest, results: Locked<Results>) -> (todo: [PlannedArticle], skipped: [ManifestEntry]) {
        let planned = results.withLock { $0.planned }.sorted { ($0.file, $0.index) < ($1.file, $1.index) }
        results.withLock { $0.planned = [] }
        // Lower-cased, because two names differing only in case are one file on macOS and Windows shares.
        let byOutput = Dictionary(grouping: planned.indices) { planned[$0].output.lowercased() }
        let byID = Dictionary(grouping: planned.indices) { planned[$0].id }
        var clashing = Set<Int>()
        for index in planned.indices {
            let article = planned[index]
            let sameOutput = byOutput[article.output.lowercased()]!.filter { $0 != index }
            let sameID = byID[article.id]!.filter { $0 != index && !sameOutput.contains($0) }
            guard !sameOutput.isEmpty || !sameID.isEmpty else { continue }
            clashing.insert(index)
            var reasons: [String] = []
            if !sameOutput.isEmpty {
                let others = sameOutput.map { "\(planned[$0].source) (id \(planned[$0].id))" }.joined(separator: ", ")
                reasons.append("its output file \(article.output) is also the output of \(others)")
            }
            if !sameID.isEmpty {
                reasons.append("its id \(article.id) is also the id of an article in " + sameID.map { planned[$0].source }.joined(separator: ", "))
            }
            let message = Diagnostic(file: article.source, path: "id",
                                     message: reasons.joined(separator: "; ") + "; neither is written").description
            fail(ArticleOutcome(status: .failed, source: article.source, id: article.id, output: article.output, message: message),
                 into: results)
        }

        let known = Dictionary(previous.articles.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        var todo: [PlannedArticle] = []
        var skipped: [ManifestEntry] = []
        for (index, article) in planned.enumerated() where !clashing.contains(index) {
            if !configuration.force, var entry = known[article.id], entry.contentHash == article.contentHash,
               entry.output == article.output, fileSize(entry.output) == entry.bytes {
                entry.status = .skipped
                entry.source = article.source
                skipped.append(entry)
            } else {
                todo.append(article)
            }
        }
        return (todo, skipped)
    }

    private func fileSize(_ name: String) -> Int? {
        let path = configuration.outputDirectory.appendingPathComponent(name).path
        return (try? FileManager.default.attributesOfItem(atPath: path))?[.size].flatMap { ($0 as? NSNumber)?.intValue }
    }

    // MARK: Second pass

    private func render(_ article: PlannedArticle, renderer: ArticleRenderer, shared: Shared, results: Locked<Results>) {
        let clock = ContinuousClock()
        let start = clock.now
        let file = shared.files[article.file]
        do {
            let data = try Self.contents(of: file, shared: shared)
            // The hash in the manifest must describe the bytes rendered, so a file edited mid-run is not trusted.
            guard ContentHasher.sha256(data) == article.sourceDigest else {
                throw Diagnostic(file: article.source, message: "changed while the export was running; export it again")
            }
            let reads = try Self.articles(in: data, file: file, shared: shared)
            guard article.index < reads.count, reads[article.index].article.id == article.id else {
                throw Diagnostic(file: article.source, message: "changed while the export was running; export it again")
            }
            // The source path lets the renderer find the article's images in its folder.
            let rendered = try renderer.render(reads[article.index].article, source: file.path == "-" ? nil : file.path)
            let pdf = rendered.pdf
            try AtomicFile.write(pdf, to: configuration.outputDirectory.appendingPathComponent(article.output))
            configuration.layoutCache?.store(rendered.layout, hash: article.contentHash)
            // Every stage's warnings: the reader's from the first pass, then figures, fonts, labels and language.
            let warnings = article.warnings + rendered.warnings.map(\.description)
            var entry = ManifestEntry(id: article.id, source: article.source, output: article.output, bytes: pdf.count,
                                      pages: rendered.document.pages.count, sha256: ContentHasher.sha256(pdf), title: article.title,
                                      language: rendered.typeset.article.language, warnings: warnings,
                                      contentHash: article.contentHash, status: .rebuilt,
                                      labels: configuration.sheet.labels(for: rendered.typeset.article.language).labels)
            entry.languageDetected = rendered.typeset.detectedLanguage != nil ? true : nil
            results.withLock {
                $0.entries.append(entry)
                $0.summary.rebuilt += 1
                $0.summary.pages += entry.pages
                $0.summary.bytes += entry.bytes
            }
            observer.finished(ArticleOutcome(status: .rebuilt, source: article.source, id: article.id, output: article.output,
                                             pages: entry.pages, bytes: entry.bytes, seconds: ExportProgress.seconds(clock.now - start)))
        } catch {
            let text = error is Diagnostic ? String(describing: error) : "\(article.source): \(error)"
            fail(ArticleOutcome(status: .failed, source: article.source, id: article.id, output: article.output,
                                seconds: ExportProgress.seconds(clock.now - start), message: text), into: results)
        }
    }

    // MARK: Shared

    private func fail(_ outcome: ArticleOutcome, into results: Locked<Results>) {
        results.withLock {
            $0.summary.failed += 1
            $0.summary.failures.append(outcome.message ?? outcome.source)
        }
        observer.finished(outcome)
    }

    private static func contents(of file: ArticleInputs.File, shared: Shared) throws -> Data {
        if file.path == "-" { return shared.standardInput ?? Data() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
            throw Diagnostic(file: file.path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw Diagnostic(file: file.path, message: "is a folder, not an article file") }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Diagnostic(file: file.path, message: "cannot be read (permission denied?)")
        }
        return data
    }

    private static func articles(in data: Data, file: ArticleInputs.File, shared: Shared) throws -> [ReadResult] {
        let reader = try ArticleSource.reader(for: file.path, format: shared.format ?? (file.path == "-" ? "json" : nil))
        return try reader.articles(from: data, file: file.path == "-" ? "<stdin>" : file.path)
    }

    /// Whether `id` can end a file name: not empty, no path separators or NUL, not `.` or `..`.
    static func isUsableInFileName(_ id: String) -> Bool {
        !id.isEmpty && id != "." && id != ".." && !id.contains("/") && !id.contains("\0") && id.utf8.count <= 200
    }
}
