import Foundation

/// A task executor with threads of its own, for the in-process HTTP servers the tests start: under
/// `withTaskExecutorPreference` their request handlers run here instead of on Swift's cooperative pool, where
/// hundreds of other tests' jobs queue (some setting pages for seconds without a suspension point) and a request could
/// wait past a client's 30-second limit.
public final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    /// An executor running jobs on `threads` threads named after `name`; it lives as long as the process.
    public init(threads: Int, name: String) {
        for index in 0..<max(1, threads) {
            let thread = Thread { self.work() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Queues `job` for the next free thread.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
