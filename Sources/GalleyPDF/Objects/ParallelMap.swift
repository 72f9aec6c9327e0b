import Foundation

/// Runs independent pieces of a file's work (a page's content, a stream to compress) on several threads and gives
/// their results in order, so the bytes written never depend on how many threads there were or which finished first.
enum ParallelMap {
    /// `work(i)` for every `i` in `0..<count`, in order, computed on up to `threads` threads (the calling one
    /// included); the first error, in index order, is thrown after all have run.
    static func map<T: Sendable>(count: Int, threads: Int, _ work: @Sendable (Int) throws -> T) throws -> [T] {
        if count == 0 { return [] }
        let threads = max(1, min(threads, count))
        if threads == 1 { return try (0..<count).map(work) }
        let slots = Slots<T>(count: count)
        // concurrentPerform runs the calling thread's share itself and returns when every iteration has: CPU work
        // only, nothing here waits on anything but memory.
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = slots.claim() {
                let result = Result { try work(index) }
                slots.put(result, at: index)
            }
        }
        return try slots.results().map { try $0.get() }
    }

    /// The results, filled in by whichever thread took each index; indices are handed out one at a time.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var values: [Result<T, any Error>?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < values.count else { return nil }
            next += 1
            return next - 1
        }

        func put(_ result: Result<T, any Error>, at index: Int) {
            lock.lock()
            values[index] = result
            lock.unlock()
        }

        func results() -> [Result<T, any Error>] {
            lock.lock()
            defer { lock.unlock() }
            return values.map { $0! }
        }
    }
}
