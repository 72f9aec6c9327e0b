import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyIngest
import GalleyModel

/// Exports an archive: reads every article, skips those whose PDFs are up to date, sets the rest in worker
/// processes (or threads), and keeps the manifest.
///
/// A run has two passes. The first reads and hashes every file (cheap) and keeps a small plan per article, so that
/// clashing output names are caught before anything is written and the progress bar knows its total. The second
/// reads each article to render again, lays it out and writes its PDF. Both passes run in workers, so an article
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

    /// What both passes share: the files, standard input's bytes, and the setup workers are given.
    private struct Shared: Sendable {
        var files: [ArticleInputs.File]
        var standardInput: Data?
        var setup: WorkerSetup
    }

    private struct Results {
        var planned: [PlannedArticle] = []
        var summary = ExportSummary()
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
        let inputs = ArticleInputs(configuration.inputs, format: configuration.format,
                                   excludedFolders: [outputDirectory], excludedFiles: [configuration.manifest])
        let standardInput: Data?
        do {
            standardInput = inputs.files.contains { $0.path == "-" } ? try StandardInput.read(limit: configuration.limits.fileBytes) : nil
        } catch {
            throw ExportError("\(error)")
        }
        let setup = WorkerSetup(sheet: configuration.sheet, resourcesRoot: configuration.resources.root.path,
                                lineBreaker: configuration.lineBreaker, format: configuration.format,
                                outputDirectory: outputDirectory.path, shard: configuration.shard?.description,
                                keepLayouts: configuration.layoutCache != nil, limits: configuration.limits)
        let shared = Shared(files: inputs.files, standardInput: standardInput, setup: setup)
        let results = Locked(Results())
        for problem in inputs.problems {
            fail(ArticleOutcome(status: .failed, source: problem.file, message: problem.description), into: results)
        }
        let setupFailure = Locked<String?>(nil)
        let shouldStop: @Sendable () -> Bool = { [cancellation] in cancellation.isCancelled || setupFailure.withLock { $0 != nil } }

        // First pass: read, hash and name every article.
        observer.scanning(files: shared.files.count)
        WorkerPool.run(threads: configuration.jobs, count: shared.files.count, shouldStop: shouldStop,
                       makeState: { [self] _ in makeWorker(setup: setup, failure: setupFailure) }) { [self] worker, item in
            let file = shared.files[item]
            let scanned = worker.scan(file: item, path: file.path, standardInput: file.path == "-" ? shared.standardInput : nil,
                                      failure: setupFailure)
            // The worker's copy of the file name is one string per article; the run's own is one per file.
            let display = file.path == "-" ? "<stdin>" : file.path
            results.withLock {
                $0.planned += scanned.planned.map { article in
                    var article = article
                    article.source = display
                    return article
                }
                $0.summary.otherShards += scanned.otherShards
            }
            scanned.failures.forEach { fail($0, into: results) }
        }
        if let failure = setupFailure.withLock({ $0 }) { throw ExportError(failure) }

        let (planned, todo, skipped) = plan(store: store, results: results)
        observer.planned(total: results.withLock { $0.summary.failed } + todo.count + skipped.count, toRender: todo.count)
        for planned in skipped.lazy.map({ planned[$0] }) {
            results.withLock { $0.summary.skipped += 1 }
            let known = store.withLock { $0.previous(planned.id) }
            observer.finished(ArticleOutcome(status: .skipped, source: planned.source, id: planned.id, output: planned.output,
                                             bytes: known?.bytes ?? 0))
        }

        // Second pass: render what is out of date.
        let renderStart = clock.now
        let started = Locked(0)
        WorkerPool.run(threads: configuration.jobs, count: todo.count, shouldStop: shouldStop,
                       makeState: { [self] _ in makeWorker(setup: setup, failure: setupFailure) }) { [self] worker, item in
            started.withLock { $0 += 1 }
            let article = planned[todo[item]]
            let file = shared.files[article.file]
            let result = worker.render(article, path: file.path, standardInput: file.path == "-" ? shared.standardInput : nil,
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

    /// Orders the first pass's articles, fails every article whose output name or id another one shares,
    /// and splits the rest into those to render and those already up to date.
    ///
    /// The articles are returned once, in order, with the positions of those to render and those to skip: an
    /// archive's plan is held once, not copied into each list.
    private func plan(store: Locked<ManifestStore>, results: Locked<Results>) -> (planned: [PlannedArticle], todo: [Int], skipped: [Int]) {
        var planned: [PlannedArticle] = []
        results.withLock { swap(&planned, &$0.planned) }
        planned.sort { ($0.file, $0.index) < ($1.file, $1.index) }
        // Names differing only in case clash, because they are one file on macOS and Windows shares. Each name maps to
        // the first article that has it; only the (rare) others are kept in lists, so the plan costs no array per name.
        var firstByOutput: [CaseInsensitiveName: Int] = [:]
        var firstByID: [String: Int] = [:]
        var othersByOutput: [Int: [Int]] = [:]
        var othersByID: [Int: [Int]] = [:]
        firstByOutput.reserveCapacity(planned.count)
        firstByID.reserveCapacity(planned.count)
        for index in planned.indices {
            if let first = firstByOutput[CaseInsensitiveName(planned[index].output)] {
                othersByOutput[first, default: []].append(index)
            } else {
                firstByOutput[CaseInsensitiveName(planned[index].output)] = index
            }
            if let first = firstByID[planned[index].id] {
                othersByID[first, default: []].append(index)
            } else {
                firstByID[planned[index].id] = index
            }
        }
        func group(_ index: Int, first: Int?, others: [Int: [Int]]) -> [Int] {
            guard let first, let more = others[first] else { return [] }
            return ([first] + more).filter { $0 != index }
        }
        var clashing = Set<Int>()
        for index in planned.indices {
            let article = planned[index]
            let sameOutput = group(index, first: firstByOutput[CaseInsensitiveName(article.output)], others: othersByOutput)
            let sameID = group(index, first: firstByID[article.id], others: othersByID).filter { !sameOutput.contains($0) }
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

        var todo: [Int] = []
        var skipped: [Int] = []
        for (index, article) in planned.enumerated() where !clashing.contains(index) {
            let known = store.withLock { $0.previous(article.id) }
            if !configuration.force, let known, known.contentHash == article.contentHash, known.output == article.output,
               fileSize(known.output) == known.bytes {
                store.withLock { $0.markSkipped(article.id, source: article.source) }
                skipped.append(index)
            } else {
                todo.append(index)
            }
        }
        return (planned, todo, skipped)
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
                case .reply(.rendered): return ScanResult(failures: [ArticleOutcome(status: .failed, source: display, message: "\(display): the worker answered out of turn")])
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
                case .reply(.scanned): return failed("\(article.source): the worker answered out of turn")
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
            fail(result.outcome, into: results)
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
            $0.summary.pages += entry.pages
            $0.summary.bytes += entry.bytes
        }
        observer.finished(result.outcome)
    }

    private func fail(_ outcome: ArticleOutcome, into results: Locked<Results>) {
        results.withLock {
            $0.summary.failed += 1
            $0.summary.failures.append(outcome.message ?? outcome.source)
        }
        observer.finished(outcome)
    }
}
