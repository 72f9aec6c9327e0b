import Foundation
import GalleyFiles

/// Runs independent pieces of a file's work (a page's content, a stream to compress) on several threads and gives
/// their results in order, so the bytes written never depend on how many threads there were or which finished first.
enum ParallelMap {
    /// `work(i)` for every `i` in `0..<count`, in order, computed on up to `threads` threads (`WorkerPool`'s); the
    /// first error, in index order, is thrown after all have run.
    static func map<T: Sendable>(count: Int, threads: Int, _ work: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        // One thread is the caller's own: no thread is started for an article's export.
        if threads <= 1 || count <= 1 { return try (0..<count).map(work) }
        let results = Locked([Result<T, any Error>?](repeating: nil, count: count))
        // `work` is escaping: WorkerPool returns once every item has run, but its threads may still hold the closure
        // for a moment after.
        // The caller works as one of the threads: one fewer to start.
        var unit: Void = ()
        WorkerPool.run(threads: threads, count: count, shouldStop: { false }, callerState: &unit, makeState: { _ in () }, body: { _, index in
            let result = Result { try work(index) }
            results.withLock { $0[index] = result }
        })
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    /// `work(i)` for every index of `order`, started in `order` (the costliest first, so that no thread is left with
    /// a large piece at the end) and given by index, whatever the order was.
    static func map<T: Sendable>(startingWith order: [Int], threads: Int, _ work: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        let results = try map(count: order.count, threads: threads) { try work(order[$0]) }
        var byIndex = results
        for (position, index) in order.enumerated() { byIndex[index] = results[position] }
        return byIndex
    }
}
