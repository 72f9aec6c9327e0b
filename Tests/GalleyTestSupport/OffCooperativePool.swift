import Foundation

/// Runs blocking work (child processes waited for) on a thread of its own instead of Swift's cooperative pool: on a
/// 2-core machine that pool has two threads, and a test holding them for minutes starves the in-process HTTP servers
/// of other suites running beside it (their clients then time out). Not on Dispatch's global queue either: its
/// threads are as few, so a dozen tests waiting there queued the next wait (and a signal it was to send) behind them.
public enum OffCooperativePool {
    /// `body`'s result, computed on a new thread.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
