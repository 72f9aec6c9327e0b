import Foundation

/// The bytes all request bodies being read may hold together: a body takes its bytes as they arrive and gives them
/// back when it has been read, and one that would pass the budget is refused (503), so many clients sending large
/// bodies at once cost a bounded amount of memory, while a slow client, holding only what it sent, blocks no one.
final class BodyBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var free: Int
    /// The whole budget, for messages.
    let total: Int

    /// A budget of `bytes`.
    init(bytes: Int) {
        free = bytes
        total = bytes
    }

    /// Takes `bytes`, or answers false when they are not free.
    func take(_ bytes: Int) -> Bool {
        lock.withLock {
            guard free >= bytes else { return false }
            free -= bytes
            return true
        }
    }

    /// Gives back `bytes` taken before.
    func giveBack(_ bytes: Int) {
        lock.withLock { free += bytes }
    }
}
