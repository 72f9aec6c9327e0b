import Foundation

/// Runs numbered work items on a fixed number of threads, each thread with state of its own.
///
/// Threads rather than tasks, because a renderer owns a Pango font map that must stay on the thread
/// that made it: `makeState` runs on the worker thread and its result never leaves it, so the state
/// need not be `Sendable`. Threads rather than Dispatch's global queue, because work that blocks (a download, a
/// worker process) would hold that queue's few threads, and every other user of the queue would wait behind it.
public enum WorkerPool {
    /// Runs `body` for every item in `0..<count` on up to `threads` threads and returns when all are done.
    ///
    /// Threads take the next item as they become free (slow articles do not hold up a fixed share);
    /// once `shouldStop` answers true no thread starts another item. A thread whose `makeState`
    /// returns nil takes no items.
    public static func run<State>(threads: Int, count: Int, shouldStop: @escaping @Sendable () -> Bool,
                           makeState: @escaping @Sendable (_ worker: Int) -> State?,
                           body: @escaping @Sendable (inout State, _ item: Int) -> Void) {
        guard count > 0 else { return }
        let queue = Queue(count: count)
        let group = start(max(1, min(threads, count)), firstWorker: 0, queue: queue, shouldStop: shouldStop, makeState: makeState, body: body)
        group.wait()
    }

    /// Runs `body` for every item as `run` does, with the calling thread as one of the `threads`, working with
    /// `callerState`: no thread is started for `threads` 1, and the caller's state (a renderer and its fonts) is warm
    /// with the items it took when the call returns.
    public static func run<State>(threads: Int, count: Int, shouldStop: @escaping @Sendable () -> Bool, callerState: inout State,
                           makeState: @escaping @Sendable (_ worker: Int) -> State?,
                           body: @escaping @Sendable (inout State, _ item: Int) -> Void) {
        guard count > 0 else { return }
        let queue = Queue(count: count)
        let group = start(max(1, min(threads, count)) - 1, firstWorker: 1, queue: queue, shouldStop: shouldStop, makeState: makeState,
                          body: body)
        while !shouldStop(), let item = queue.take() { body(&callerState, item) }
        group.wait()
    }

    /// The items not yet taken.
    private final class Queue: Sendable {
        let next = Locked(0)
        let count: Int

        init(count: Int) {
            self.count = count
        }

        func take() -> Int? {
            next.withLock { value -> Int? in
                guard value < count else { return nil }
                value += 1
                return value - 1
            }
        }
    }

    /// Starts `threads` threads numbered from `firstWorker`, each taking items until none are left.
    private static func start<State>(_ threads: Int, firstWorker: Int, queue: Queue, shouldStop: @escaping @Sendable () -> Bool,
                                     makeState: @escaping @Sendable (_ worker: Int) -> State?,
                                     body: @escaping @Sendable (inout State, _ item: Int) -> Void) -> DispatchGroup {
        let group = DispatchGroup()
        for worker in firstWorker..<(firstWorker + max(0, threads)) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                guard var state = makeState(worker) else { return }
                while !shouldStop(), let item = queue.take() { body(&state, item) }
            }
            // Layout recurses through nested blocks; give workers the main thread's usual stack.
            thread.stackSize = 8 << 20
            thread.name = "galley-worker-\(worker)"
            thread.start()
        }
        return group
    }
}
