import CProcessControl
import Foundation
import GalleyStyle

/// The loop an export's worker process runs (`galley export-worker`): read a setup line, then answer requests, one
/// line each, until the parent closes standard input.
///
/// Articles are set in worker processes so that one that crashes Galley or a library (a trap, a segmentation
/// fault) or hangs costs only its worker: the parent records it as failed, starts another worker and goes on.
public enum ExportWorkerService {
    /// Runs the worker on standard input and output; returns the exit status.
    public static func run() -> Int32 {
        // Die with the parent, even if it is killed; leave Ctrl-C to the parent, which lets work in flight finish.
        _ = galley_die_with_parent()
        signal(SIGINT, SIG_IGN)
        // Replies go on a private copy of standard output; anything a library prints goes to standard error.
        let replies = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        let channel = LineChannel(input: STDIN_FILENO, output: replies)
        let task: ExportTask
        var documents: DocumentTask?
        do {
            let setup = try channel.receive(WorkerSetup.self)
            let resources = GalleyResources(root: URL(fileURLWithPath: setup.resourcesRoot))
            let breaker = try LineBreakerName.breaker(setup.lineBreaker)
            task = try ExportTask(setup: setup) {
                ArticlePipeline(renderer: try ArticleRenderer(sheet: setup.sheet, resources: resources, lineBreaker: breaker, limits: setup.limits),
                                format: setup.format)
            }
            if let layouts = setup.layouts {
                documents = DocumentTask(layouts: layouts, resources: resources, lineBreaker: setup.lineBreaker, limits: setup.limits,
                                         images: setup.images)
            }
            try channel.send(WorkerGreeting(problem: nil))
        } catch {
            try? channel.send(WorkerGreeting(problem: "\(error)"))
            return 2
        }
        while true {
            let request: WorkerRequest
            do {
                request = try channel.receive(WorkerRequest.self)
            } catch {
                return 0
            }
            let reply: WorkerReply
            switch request {
            case .scan(let file, let path, let standardInput):
                reply = .scanned(task.scan(file: file, path: path, standardInput: standardInput))
            case .render(let article, let path, let standardInput):
                FaultInjection.apply(to: article.id)
                reply = .rendered(task.render(article, path: path, standardInput: standardInput))
            case .document(let job):
                FaultInjection.apply(to: job.articleID ?? job.name)
                switch documents?.run(job) {
                case .success(let result)?: reply = .document(DocumentReply(result: result))
                case .failure(let failure)?: reply = .document(DocumentReply(failure: failure))
                case nil: reply = .document(DocumentReply(failure: DocumentFailure(.internalError, "this worker was not set up for documents")))
                }
            }
            do {
                try channel.send(reply)
            } catch {
                return 0
            }
        }
    }
}

/// A worker's first line: nil when it is ready, else why it could not set up.
struct WorkerGreeting: Codable, Sendable {
    var problem: String?
}

/// Faults the tests inject into worker processes, to prove that an article that crashes, traps or hangs Galley
/// fails alone: `GALLEY_FAULT_INJECTION=crash:<id>,hang:<id>,trap:<id>,slow:<id>` in a worker's environment (`slow` takes six
/// seconds, for tests of work in flight).
enum FaultInjection {
    /// Crashes, traps or hangs if the environment asks for it for the article `id`.
    static func apply(to id: String) {
        guard let plan = ProcessInfo.processInfo.environment["GALLEY_FAULT_INJECTION"] else { return }
        for item in plan.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[1] == id else { continue }
            switch parts[0] {
            case "crash": kill(getpid(), SIGSEGV)
            case "trap": fatalError("injected trap for article \(id)")
            case "hang": while true { sleep(60) }
            case "slow": sleep(6)
            default: break
            }
        }
    }
}
