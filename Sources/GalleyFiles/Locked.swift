import Foundation

/// A value guarded by a lock, for the little state threads share (an export's queue position, results, counters;
/// the fetch threads' images).
///
/// `@unchecked Sendable` because the compiler cannot see that every access goes through `lock`;
/// the value is never handed out except inside `withLock`, so no two threads touch it at once.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Guards `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value while holding the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
