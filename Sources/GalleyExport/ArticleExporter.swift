import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyIngest
import GalleyModel

/// Exports an archive: reads every article, skips those whose PDFs are up to date, sets the rest in worker
/// processes (or threads), and keeps the manifest.
///
/// A run has two passes. The first reads and hashes every file (cheap) and writes a small plan per article to disk,
/// keeping only a hash of its id and output name, so that clashing ids and output names are caught before anything
/// is written and the progress bar knows its total. The second reads each article to render again, lays it out and
/// writes its PDF. Nothing is held per article but those two hashes: the file list, the plan and the lists to render
/// and to skip are scratch files, and the previous manifest is searched on disk. Both passes run in workers, so an article
/// that crashes or hangs a reader or the renderer fails alone. Each finished article is appended to the manifest's
/// journal at once, so a run that is killed loses nothing already written; a lock keeps a second export off the
/// same manifest.
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

    /// What both passes share: which input is standard input, its bytes, and the setup workers are given.
    private struct Shared: Sendable {
        /// The position of `-` among the inputs, if it is one of them.
        var standardInputFile: Int?
        var standardInput: Data?
        var setup: WorkerSetup

        /// The path to read a planned article from (its source, but `-` for standard input's `<stdin>`).
        func path(of article: PlannedArticle) -> String {
            article.file == standardInputFile ? "-" : article.source
        }
    }

    private struct Results {
        var summary = ExportSummary()
    }

    /// The first pass's plan as it grows: the articles themselves on disk, and one hash of each id and each
    /// (case-folded) output name in memory, which is all clash detection needs until a hash repeats.
    private struct Plan {
        var articles: RecordSpill<PlannedArticle>
        var idHashes: [Int] = []
        var outputHashes: [Int] = []
    }

    /// An article found up to date, reported once the plan is complete.
    private struct Skipped: Codable {
        var source: String
        var id: String
        var output: String
        var bytes: Int
    }

    /// Runs the export; throws `ExportError` only when nothing sensible can be done (manifest, fonts, renderer, lock).
    public func run() throws -> ExportSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let outputDirectory = configuration.outputDirectory
        let lock = try ExportLock(manifest: configuration.manifest)
        defer { withExtendedLifetime(lock) {} }
        StaleTemporaryFiles.remove(in: outputDirectory)
        if configuration.manifest.deletingLastPathComponent().standardizedFileURL != outputDirectory.standardizedFileURL {
            StaleTemporaryFiles.remove(in: configuration.manifest.deletingLastPathComponent())
        }
        let store: Locked<ManifestStore>
        do {
            store = Locked(try ManifestStore(url: configuration.manifest))
        } catch {
            throw ExportError("\(error) (fix or delete it, or name another with --manifest)")
        }
        func spill<Record>(_ name: String) throws -> RecordSpill<Record> {
            do {
                return try RecordSpill(in: outputDirectory, name: name)
            } catch {
                throw ExportError("cannot keep the export's plan in \(outputDirectory.path): \(error)")
            }
        }
        // The folder walk goes to disk as it is made: the run never holds the list of files.
        let inputs: RecordSpill<ArticleInputs.File> = try spill("inputs")
        var standardInputFile: Int?
        let problems: [Diagnostic]
        do {
            problems = try ArticleInputs.forEach(configuration.inputs, format: configuration.format,
                                                 excludedFolders: [outputDirectory], excludedFiles: [configuration.manifest]) { file in
                if file.path == "-" { standardInputFile = inputs.count }
                try inputs.append(file)
            }
        } catch {
            throw ExportError("cannot keep the list of input files: \(error)")
        }
        let standardInput: Data?
        do {
            standardInput = standardInputFile != nil ? try StandardInput.read(limit: configuration.limits.fileBytes) : nil
        } catch {
            throw ExportError("\(error)")
        }
        let setup = WorkerSetup(sheet: configuration.sheet, resourcesRoot: configuration.resources.root.path,
                                lineBreaker: configuration.lineBreaker, format: configuration.format,
                                outputDirectory: outputDirectory.path, shard: configuration.shard?.description,
                                keepLayouts: configuration.layoutCache != nil, limits: configuration.limits,
                                images: configuration.images.map { images in
                                    // What any worker checked with a server during this run is not asked about again.
                                    var images = images
                                    images.checkedSince = images.checkedSince ?? Date()
                                    return images
                                })
        let shared = Shared(standardInputFile: standardInputFile, standardInput: standardInput, setup: setup)
        let results = Locked(Results())
        for problem in problems {
            // A name that is not there is no article: reported, but given no manifest entry.
            fail(ArticleOutcome(status: .failed, source: problem.file, message: problem.description), into: results)
        }
        let setupFailure = Locked<String?>(nil)
        let shouldStop: @Sendable () -> Bool = { [cancellation] in cancellation.isCancelled || setupFailure.withLock { $0 != nil } }

        // First pass: read, hash and name every article.
        observer.scanning(files: inputs.count)
        let plan = Locked(Plan(articles: try spill("plan")))
        let files = Locked((list: inputs, next: 0))
        WorkerPool.run(threads: configuration.jobs, count: inputs.count, shouldStop: shouldStop,
                       makeState: { [self] _ in makeWorker(setup: setup, failure: setupFailure) }) { [self] worker, _ in
            let item: Int
            let file: ArticleInputs.File
            do {
                // The pool's items are taken in order, so the file read back is the next one in order too.
                guard let next = try files.withLock({ files -> (Int, ArticleInputs.File)? in
                    guard let file = try files.list.next() else { return nil }
                    files.next += 1
                    return (files.next - 1, file)
                }) else { return }
                item = next.0
                file = next.1
            } catch {
                setupFailure.withLock { $0 = $0 ?? "cannot read the list of input files back: \(error)" }
                return
            }
            let scanned = worker.scan(file: item, path: file.path, standardInput: file.path == "-" ? shared.standardInput : nil,
                                      failure: setupFailure)
            // The worker's copy of the file name is one string per article; the run's own is one per file.
            let display = file.path == "-" ? "<stdin>" : file.path
            do {
                try plan.withLock { plan in
                    for var article in scanned.planned {
                        article.source = display
                        try plan.articles.append(article)
                        plan.idHashes.append(article.id.hashValue)
                        plan.outputHashes.append(CaseInsensitiveName(article.output).hashValue)
                    }
                }
            } catch {
                setupFailure.withLock { $0 = $0 ?? "cannot keep the export's plan: \(error)" }
            }
            results.withLock { $0.summary.otherShards += scanned.otherShards }
            scanned.failures.forEach { fail($0, into: results, store: store) }
        }
        if let failure = setupFailure.withLock({ $0 }) { throw ExportError(failure) }

        let todo: RecordSpill<PlannedArticle> = try spill("todo")
        let skipped: RecordSpill<Skipped> = try spill("skipped")
        do {
            try self.plan(plan.withLock { plan in defer { plan.idHashes = []; plan.outputHashes = [] }; return plan }, store: store, results: results, todo: todo, skipped: skipped)
        } catch {
            throw ExportError("\(error)")
        }
        observer.planned(total: results.withLock { $0.summary.failed } + todo.count + skipped.count, toRender: todo.count)
        while let article = try? skipped.next() {
            results.withLock { $0.summary.skipped += 1 }
            observer.finished(ArticleOutcome(status: .skipped, source: article.source, id: article.id, output: article.output,
                                             bytes: article.bytes))
        }

        // Second pass: render what is out of date, taking the plan's articles from disk in order.
        let renderStart = clock.now
        let started = Locked(0)
        let queue = Locked(todo)
        WorkerPool.run(threads: configuration.jobs, count: todo.count, shouldStop: shouldStop,
                       makeState: { [self] _ in makeWorker(setup: setup, failure: setupFailure) }) { [self] worker, _ in
            started.withLock { $0 += 1 }
            let article: PlannedArticle
            do {
                guard let next = try queue.withLock({ try $0.next() }) else { return }
                article = next
            } catch {
                setupFailure.withLock { $0 = $0 ?? "cannot read the export's plan back: \(error)" }
                return
            }
            let path = shared.path(of: article)
            let result = worker.render(article, path: path, standardInput: path == "-" ? shared.standardInput : nil,
                                       failure: setupFailure)
            finish(result, store: store, results: results)
        }
        let renderEnd = clock.now
        if let failure = setupFailure.withLock({ $0 }) { throw ExportError("cannot set up a renderer: \(failure)") }

        var summary = results.withLock { $0.summary }
        summary.interrupted = cancellation.isCancelled
        summary.notStarted = todo.count - started.withLock { $0 }
        let shard = configuration.shard
        do {
            // A shard's manifest holds only its own ids, so one seeded with a merged manifest (after the shard
            // count changed) sheds the others' entries, and merging shard manifests never meets a stale duplicate.
            try store.withLock { try $0.finish { id in shard.map { $0.contains(id: id) } ?? true } }
            summary.manifest = configuration.manifest.path
        } catch {
            summary.failed += 1
            summary.failures.append("\(error)")
        }
        summary.renderSeconds = ExportProgress.seconds(renderEnd - renderStart)
        summary.seconds = ExportProgress.seconds(clock.now - start)
        summary.parentPeakResidentKiB = PeakMemory.selfKiB()
        summary.peakResidentKiB = summary.parentPeakResidentKiB + (configuration.workerExecutable != nil ? PeakMemory.childrenKiB() : 0)
        observer.completed(summary)
        return summary
    }

    /// The exit status a signal-stopped run should end with: 128 + the signal, as shells expect.
    public var interruptedExitStatus: Int32 {
        cancellation.signal.map { $0 > 0 ? 128 + $0 : 130 } ?? 130
    }

    // MARK: Planning

    /// Fails every article whose output name or id another one shares, and splits the rest into those to render
    /// (`todo`) and those already up to date (`skipped`, and journalled as such).
    ///
    /// Only articles whose id or output-name hash repeats are held in memory, to be compared by name as before:
    /// nearly always the few that really clash.
    private func plan(_ plan: Plan, store: Locked<ManifestStore>, results: Locked<Results>,
                      todo: RecordSpill<PlannedArticle>, skipped: RecordSpill<Skipped>) throws {
        let repeatedIDs = Self.repeated(plan.idHashes)
        let repeatedOutputs = Self.repeated(plan.outputHashes)
        var suspects: [PlannedArticle] = []
        while let article = try plan.articles.next() {
            if repeatedIDs.contains(article.id.hashValue) || repeatedOutputs.contains(CaseInsensitiveName(article.output).hashValue) {
                suspects.append(article)
            } else {
                try decide(article, store: store, todo: todo, skipped: skipped)
            }
        }
        for article in clashes(among: suspects, store: store, results: results) {
            try decide(article, store: store, todo: todo, skipped: skipped)
        }
    }

    /// The values that occur more than once in `hashes`.
    private static func repeated(_ hashes: [Int]) -> Set<Int> {
        var set = Set<Int>()
        var sorted = hashes
        sorted.sort()
        for index in sorted.indices.dropFirst() where sorted[index] == sorted[index - 1] { set.insert(sorted[index]) }
        return set
    }

    /// Fails the articles of `suspects` that share an output name (whatever its case) or an id, and returns the others.
    private func clashes(among suspects: [PlannedArticle], store: Locked<ManifestStore>, results: Locked<Results>) -> [PlannedArticle] {
        // Reported in the order of the inputs, as before the plan was streamed.
        let planned = suspects.sorted { ($0.file, $0.index) < ($1.file, $1.index) }
        // Names differing only in case clash, because they are one file on macOS and Windows shares.
        let byOutput = Dictionary(grouping: planned.indices) { CaseInsensitiveName(planned[$0].output) }
        let byID = Dictionary(grouping: planned.indices) { planned[$0].id }
        var others: [PlannedArticle] = []
        for index in planned.indices {
            let article = planned[index]
            let sameOutput = byOutput[CaseInsensitiveName(article.output), default: []].filter { $0 != index }
            let sameID = byID[article.id, default: []].filter { $0 != index && !sameOutput.contains($0) }
            guard !sameOutput.isEmpty || !sameID.isEmpty else {
                others.append(article)
                continue
            }
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
                 into: results, store: store)
        }
        return others
    }

    /// Adds `article` to `skipped` (journalling its entry) when its PDF is up to date, else to `todo`.
    private func decide(_ article: PlannedArticle, store: Locked<ManifestStore>, todo: RecordSpill<PlannedArticle>,
                        skipped: RecordSpill<Skipped>) throws {
        let known = store.withLock { $0.previous(article.id) }
        if !configuration.force, let known, known.status != .failed, known.contentHash == article.contentHash,
           known.output == article.output, let bytes = known.bytes, fileSize(article.output) == bytes {
            try store.withLock { try $0.markSkipped(known, source: article.source) }
            try skipped.append(Skipped(source: article.source, id: article.id, output: article.output, bytes: bytes))
        } else {
            try todo.append(article)
        }
    }

    private func fileSize(_ name: String) -> Int? {
        let path = configuration.outputDirectory.appendingPathComponent(name).path
        guard case .regular(let size)? = try? FileKind.of(path) else { return nil }
        return size
    }

    // MARK: Workers

    /// Sets articles for one pool thread: a worker process when the configuration names the executable, else a task
    /// on the thread itself.
    private enum Worker {
        case process(WorkerProcess)
        case thread(ExportTask)

        func scan(file: Int, path: String, standardInput: Data?, failure: Locked<String?>) -> ScanResult {
            switch self {
            case .thread(let task):
                return task.scan(file: file, path: path, standardInput: standardInput)
            case .process(let process):
                let display = path == "-" ? "<stdin>" : path
                switch Self.ask(process, .scan(file: file, path: path, standardInput: standardInput), failure: failure) {
                case .reply(.scanned(let result)): return result
                case .reply(.rendered), .reply(.document): return ScanResult(failures: [ArticleOutcome(status: .failed, source: display, message: "\(display): the worker answered out of turn")])
                case .died(let how): return ScanResult(failures: [ArticleOutcome(status: .failed, source: display, message: "\(display): \(how) while reading this file; the export goes on")])
                case .timedOut(let seconds): return ScanResult(failures: [ArticleOutcome(status: .failed, source: display, message: Self.tooSlow(display, seconds, "reading"))])
                case nil: return ScanResult()
                }
            }
        }

        func render(_ article: PlannedArticle, path: String, standardInput: Data?, failure: Locked<String?>) -> RenderResult {
            switch self {
            case .thread(let task):
                return task.render(article, path: path, standardInput: standardInput)
            case .process(let process):
                func failed(_ message: String) -> RenderResult {
                    RenderResult(entry: nil, outcome: ArticleOutcome(status: .failed, source: article.source, id: article.id,
                                                                     output: article.output, message: message))
                }
                switch Self.ask(process, .render(article: article, path: path, standardInput: standardInput), failure: failure) {
                case .reply(.rendered(let result)): return result
                case .reply(.scanned), .reply(.document): return failed("\(article.source): the worker answered out of turn")
                case .died(let how): return failed("\(article.source): \(how) while setting article \(article.id); the export goes on")
                case .timedOut(let seconds): return failed(Self.tooSlow(article.source, seconds, "setting article \(article.id)"))
                case nil: return failed("\(article.source): no worker could be started")
                }
            }
        }

        private static func ask(_ process: WorkerProcess, _ request: WorkerRequest, failure: Locked<String?>) -> WorkerProcess.Answer? {
            do {
                return try process.ask(request)
            } catch {
                failure.withLock { $0 = $0 ?? "\(error)" }
                return nil
            }
        }

        private static func tooSlow(_ file: String, _ seconds: Int, _ what: String) -> String {
            "\(file): \(what) took more than \(seconds) s (limit article-seconds), so its worker was stopped; the export goes on"
        }
    }

    private func makeWorker(setup: WorkerSetup, failure: Locked<String?>) -> Worker? {
        if let executable = configuration.workerExecutable {
            return .process(WorkerProcess(executable: executable, setup: setup))
        }
        let makeRenderer = configuration.makeRenderer
        do {
            return .thread(try ExportTask(setup: setup) { ArticlePipeline(renderer: try makeRenderer(), format: setup.format) })
        } catch {
            failure.withLock { $0 = $0 ?? "\(error)" }
            return nil
        }
    }

    // MARK: Results

    private func finish(_ result: RenderResult, store: Locked<ManifestStore>, results: Locked<Results>) {
        guard let entry = result.entry else {
            fail(result.outcome, into: results, store: store)
            return
        }
        do {
            try store.withLock { try $0.record(entry) }
        } catch {
            var outcome = result.outcome
            outcome.status = .failed
            outcome.message = "\(error)"
            fail(outcome, into: results)
            return
        }
        results.withLock {
            $0.summary.rebuilt += 1
            $0.summary.pages += entry.pages ?? 0
            $0.summary.bytes += entry.bytes ?? 0
        }
        observer.finished(result.outcome)
    }

    /// Counts and reports a failure; with `store`, also journals it as a failed manifest entry, keeping (as
    /// `previous`) the PDF an earlier run made of the article if it is still whole in the output folder.
    private func fail(_ outcome: ArticleOutcome, into results: Locked<Results>, store: Locked<ManifestStore>? = nil) {
        results.withLock {
            $0.summary.failed += 1
            $0.summary.failures.append(outcome.message ?? outcome.source)
        }
        if let store {
            let id = outcome.id.flatMap { $0.isEmpty ? nil : $0 } ?? ArticleNaming.id(fromFileName: outcome.source)
            do {
                try store.withLock { store in
                    var previous = try store.previous(id).flatMap { try store.entry($0).pdf }
                    if let pdf = previous, fileSize(pdf.output) != pdf.bytes { previous = nil }
                    try store.record(.failed(id: id, source: outcome.source, error: outcome.message ?? outcome.source, previous: previous))
                }
            } catch {
                results.withLock { $0.summary.failures.append("\(error)") }
            }
        }
        observer.finished(outcome)
    }
}
