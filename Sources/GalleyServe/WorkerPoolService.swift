import Foundation
import GalleyExport
import ServiceLifecycle

/// The worker processes as a service of the service group: on graceful shutdown (SIGTERM, SIGINT) it waits for the
/// articles in flight to finish before the workers stop, so no client that was answered is cut short.
struct WorkerPoolService: Service {
    let workers: DocumentWorkers

    func run() async throws {
        // Hummingbird stops accepting connections and finishes the requests in flight first; this service is shut
        // down after the server, so by then every request that reached a worker has its answer.
        try? await gracefulShutdown()
        let workers = self.workers
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                workers.shutdown()
                done.resume()
            }
        }
    }
}
