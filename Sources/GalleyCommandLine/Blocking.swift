import Foundation

/// Runs async work from the synchronous commands: the root command stays a `ParsableCommand`, because `export`'s
/// signal handling and worker processes expect a main thread that is not an async context.
public enum Blocking {
    /// Runs `operation` on the cooperative pool and waits for it on this thread.
    public static func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.set(.success(try await operation())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    /// The result, handed from the task to the waiting thread under a lock.
    private final class Box<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<T, any Error>?

        func set(_ value: Result<T, any Error>) {
            lock.withLock { result = value }
        }

        func get() throws -> T {
            try lock.withLock { result! }.get()
        }
    }
}
