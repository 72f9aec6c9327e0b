import Foundation

/// A value made on a thread of its own while the caller does other work, then waited for by that one caller.
///
/// For work that is slow only once per process and needs nothing the caller is using: an article's slug, which for
/// a Chinese or Japanese title first builds ICU's Han transliterator, is made while the article is set.
public final class ThreadValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once on the thread before `done` is signalled, and read only after waiting for it.
    private var made: Value?

    /// Starts making the value with `work`.
    public init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            made = work()
            done.signal()
        }
        // ICU and the layout recurse; the main thread's usual stack, as `WorkerPool` gives its threads.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, waiting for the thread to finish it; call once.
    public func wait() -> Value {
        done.wait()
        return made!
    }
}
