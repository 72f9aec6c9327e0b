import Crypto
import Foundation

/// One of `count` deterministic shares of an archive, chosen by a stable hash of the article id, so that
/// machines can split an export with no coordinator.
///
/// Shards are 0-based (`0/4` … `3/4`), matching Kubernetes' `JOB_COMPLETION_INDEX`. An article belongs to
/// shard `k` of `n` when the first 8 bytes of SHA-256 of its id (UTF-8), read as a big-endian unsigned
/// integer, are `k` modulo `n`; the rule never changes between versions, because manifests from
/// different machines and runs must agree.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// This shard's 0-based index, less than `count`.
    public var index: Int
    /// How many shards the archive is split into.
    public var count: Int

    /// Creates shard `index` of `count`; nil unless `0 <= index < count`.
    public init?(index: Int, count: Int) {
        guard count > 0, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `i/n` (0-based `i`), as `--shard` takes it.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let count = Int(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(index: index, count: count)
    }

    /// The 0-based shard an article with `id` belongs to when the archive is split `count` ways.
    public static func index(of id: String, count: Int) -> Int {
        let digest = SHA256.hash(data: Data(id.utf8))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(count))
    }

    /// Whether the article with `id` is this shard's to export.
    public func contains(id: String) -> Bool {
        Self.index(of: id, count: count) == index
    }

    /// `i/n`.
    public var description: String { "\(index)/\(count)" }
}
