import Foundation
import GalleyFetch
import GalleyFiles
import GalleyStyle

/// Worker processes that set posted articles for a service, one article at a time each, behind a bounded queue.
///
/// Each worker is served by a thread of its own, because asking a worker blocks until it answers; callers wait
/// without blocking (`submit` is async). An article that crashes its worker or runs past the time allowed fails
/// alone: its worker is replaced and the service goes on. When the queue is full, `submit` fails at once with
/// `.busy`, so that a flood of requests costs memory for at most `queueLength` articles.
public final class DocumentWorkers: @unchecked Sendable {
    /// What the workers are started with.
    public struct Configuration: Sendable {
        /// The `galley` executable whose `export-worker` command the workers run.
        public var executable: String
        /// The layouts articles may be set in, by name.
        public var layouts: [String: StyleSheet]
        /// The default layout's name.
        public var defaultLayout: String
        /// Where the fonts and layouts are.
        public var resources: GalleyResources
        /// The line breaker's name, or nil for each layout's own.
        public var lineBreaker: String?
        /// The limits articles are held to; `articleSeconds` is the time one render may take.
        public var limits: Limits
        /// How many articles are set at once (one worker process each).
        public var jobs: Int
        /// How many articles may wait for a worker before new ones are refused.
        public var queueLength: Int
        /// How remote figure images are fetched, or nil to set them as their alt text.
        public var images: ImageFetchSettings?

        /// A configuration with every field given.
        public init(executable: String, layouts: [String: StyleSheet], defaultLayout: String, resources: GalleyResources,
                    lineBreaker: String? = nil, limits: Limits, jobs: Int, queueLength: Int, images: ImageFetchSettings? = nil) {
            self.executable = executable
            self.layouts = layouts
            self.defaultLayout = defaultLayout
            self.resources = resources
            self.lineBreaker = lineBreaker
            self.limits = limits
            self.jobs = jobs
            self.queueLength = queueLength
            self.images = images
        }
    }

    /// One waiting article and the caller waiting for it.
    private final class Ticket: @unchecked Sendable {
        let job: DocumentJob
        let continuation: CheckedContinuation<DocumentResult, any Error>
        /// Set when the caller went away (a client that disconnected): the article is then not set at all.
        var abandoned = false

        init(job: DocumentJob, continuation: CheckedContinuation<DocumentResult, any Error>) {
            self.job = job
            self.continuation = continuation
        }
    }

    private let configuration: Configuration
    /// One worker process per thread; each is used by its thread only, once `start` has returned.
    private let workers: [WorkerProcess]
    private let lock = NSLock()
    private var waiting: [Ticket] = []
    private var head = 0
    private var working = 0
    private var stopping = false
    private let ready = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    private let started = DispatchGroup()
    private let startProblems = Locked<[String]>([])

    /// Starts `configuration.jobs` threads; each starts its worker process on its first article.
    public init(configuration: Configuration) {
        self.configuration = configuration
        let setup = WorkerSetup(sheet: configuration.layouts[configuration.defaultLayout] ?? configuration.layouts.values.first!,
                                resourcesRoot: configuration.resources.root.path, lineBreaker: configuration.lineBreaker, format: nil,
                                outputDirectory: FileManager.default.temporaryDirectory.path, shard: nil, keepLayouts: false,
                                limits: configuration.limits, images: configuration.images, layouts: configuration.layouts)
        workers = (0..<max(1, configuration.jobs)).map { _ in WorkerProcess(executable: configuration.executable, setup: setup) }
        for index in workers.indices {
            finished.enter()
            started.enter()
            let thread = Thread { [self] in
                defer { finished.leave() }
                // Each worker is started by the thread that serves it, and by no other: the kernel kills a worker
                // when the thread that spawned it ends (it dies with its parent, PR_SET_PDEATHSIG), so a worker
                // spawned by a passing thread would be killed once that thread went idle.
                do {
                    try workers[index].prepare()
                } catch {
                    startProblems.withLock { $0.append("\(error)") }
                }
                started.leave()
                serve(workers[index])
            }
            thread.name = "galley-document-worker-\(index)"
            thread.stackSize = 512 << 10
            thread.start()
        }
    }

    /// Waits until every worker process is set up (fonts and layouts loaded), so that the first requests do not pay
    /// for it and a service that cannot set articles fails before it listens.
    public func start() throws {
        started.wait()
        if let first = startProblems.withLock({ $0.first }) { throw ExportError(first) }
    }

    /// Articles waiting for a worker.
    public var queued: Int { lock.withLock { waiting.count - head } }
    /// Articles being set now.
    public var inFlight: Int { lock.withLock { working } }

    /// The document for `job`; throws `DocumentFailure` (`.busy` when the queue is full).
    public func submit(_ job: DocumentJob) async throws -> DocumentResult {
        let box = Locked<Ticket?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ticket = Ticket(job: job, continuation: continuation)
                let refusal: DocumentFailure? = lock.withLock {
                    if stopping { return DocumentFailure(.busy, "the service is shutting down") }
                    // A free worker takes an article at once; only articles beyond the workers wait in the queue.
                    if waiting.count - head + working >= max(1, configuration.jobs) + configuration.queueLength {
                        return DocumentFailure(.busy, "every worker is busy and \(configuration.queueLength) articles are waiting")
                    }
                    waiting.append(ticket)
                    return nil
                }
                if let refusal {
                    continuation.resume(throwing: refusal)
                    return
                }
                box.withLock { $0 = ticket }
                ready.signal()
            }
        } onCancel: {
            box.withLock { ticket in ticket.map { ticket in self.lock.withLock { ticket.abandoned = true } } }
        }
    }

    /// Lets the articles waiting and in flight finish, then stops every worker; later submissions are refused.
    public func shutdown() {
        lock.withLock { stopping = true }
        for _ in 0..<max(1, configuration.jobs) { ready.signal() }
        finished.wait()
    }

    private func next() -> Ticket? {
        while true {
            ready.wait()
            let taken: (Ticket?, Bool) = lock.withLock {
                guard head < waiting.count else { return (nil, stopping) }
                let ticket = waiting[head]
                head += 1
                // The queue is an array read from `head`; drop the read part now and then, not on every take.
                if head > 64, head * 2 > waiting.count {
                    waiting.removeFirst(head)
                    head = 0
                }
                if !ticket.abandoned { working += 1 }
                return (ticket, false)
            }
            if let ticket = taken.0 {
                if ticket.abandoned {
                    ticket.continuation.resume(throwing: CancellationError())
                    continue
                }
                return ticket
            }
            if taken.1 { return nil }
        }
    }

    private func serve(_ worker: WorkerProcess) {
        while let ticket = next() {
            let outcome = ask(worker, ticket.job)
            lock.withLock { working -= 1 }
            ticket.continuation.resume(with: outcome)
        }
        // Another thread may still be waiting on the semaphore for the stop signal it was sent.
    }

    private func ask(_ worker: WorkerProcess, _ job: DocumentJob) -> Result<DocumentResult, any Error> {
        do {
            switch try worker.ask(.document(job)) {
            case .reply(.document(let reply)):
                if let result = reply.result { return .success(result) }
                return .failure(reply.failure ?? DocumentFailure(.internalError, "the worker answered nothing"))
            case .reply:
                return .failure(DocumentFailure(.internalError, "the worker answered another request"))
            case .died(let how):
                return .failure(DocumentFailure(.internalError, "\(job.name): \(how); the article was not set, and the worker was restarted"))
            case .timedOut(let seconds):
                return .failure(DocumentFailure(.timeout, "\(job.name): setting it took longer than \(seconds) s (the article-seconds limit), so it was stopped"))
            }
        } catch {
            return .failure(DocumentFailure(.internalError, "\(error)"))
        }
    }
}

