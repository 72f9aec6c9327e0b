import Foundation

/// Runs blocking work (child processes waited for) on a Dispatch thread instead of Swift's cooperative pool: on a
/// 2-core machine that pool has two threads, and a test holding them for minutes starves the in-process HTTP servers
/// of other suites running beside it (their clients then time out).
public enum OffCooperativePool {
    /// `body`'s result, computed on a global Dispatch queue.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
