import Foundation

/// Recent answers for posts, kept in memory so a post asked for again and again is answered without asking the site
/// or a worker: trusted for `freshSeconds`, forgotten at once when the site says the post changed (the webhook),
/// and evicted oldest first past `byteBudget`.
///
/// Requests for the same post while it is being made wait for that one making instead of starting their own.
actor PostCatalog {
    struct Entry {
        var facts: DocumentFacts
        var body: Data
        var made: ContinuousClock.Instant
    }

    private let freshSeconds: Int
    private let byteBudget: Int
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var bytes = 0
    private var making: [String: Task<Entry, any Error>] = [:]
    private let clock = ContinuousClock()

    init(freshSeconds: Int, byteBudget: Int) {
        self.freshSeconds = freshSeconds
        self.byteBudget = byteBudget
    }

    /// The entry for `key`: kept and fresh, or made by `make` (once, however many ask at the same time).
    func entry(_ key: String, make: @escaping @Sendable () async throws -> (DocumentFacts, Data)) async throws -> (Entry, fromMemory: Bool) {
        if let entry = entries[key], entry.made.duration(to: clock.now) < .seconds(freshSeconds) {
            return (entry, true)
        }
        if let task = making[key] { return (try await task.value, true) }
        let task = Task { () throws -> Entry in
            let (facts, body) = try await make()
            return Entry(facts: facts, body: body, made: ContinuousClock.now)
        }
        making[key] = task
        defer { making[key] = nil }
        let entry = try await task.value
        keep(key, entry)
        return (entry, false)
    }

    /// Forgets every entry of post `id` (its PDF and its page images), so the next request asks the site again.
    func forget(post id: Int) {
        for key in entries.keys where key.hasPrefix("\(id).") { remove(key) }
    }

    private func keep(_ key: String, _ entry: Entry) {
        remove(key)
        guard entry.body.count <= byteBudget else { return }
        entries[key] = entry
        order.append(key)
        bytes += entry.body.count
        while bytes > byteBudget, let oldest = order.first { remove(oldest) }
    }

    private func remove(_ key: String) {
        guard let old = entries.removeValue(forKey: key) else { return }
        bytes -= old.body.count
        order.removeAll { $0 == key }
    }
}
