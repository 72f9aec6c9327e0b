import Synchronization

/// Shaped texts shared by the node list builders of several threads that set with the same fonts and stacks (an
/// issue's articles): a word one thread has shaped is not shaped again by another.
///
/// Each builder keeps its own tables and asks this one only for what they lack. The table is cut into shards by the
/// text's hash, each behind a lock of its own: the threads of an issue meet the same new words at the same moments
/// (the largest articles start together), and one lock made them wait on each other more than shaping cost. Shaping
/// the same text with the same settings gives the same runs on every thread (a bundle's bytes do not depend on its
/// jobs), so which thread shaped a word first never shows in the output.
public final class SharedShapes: Sendable {
    private struct Key: Hashable {
        var text: TextKey
        var settings: NodeListBuilder.ShapeSettings
    }

    /// One shard's table behind its lock (a class: a lock cannot be copied into an array).
    private final class Shard: Sendable {
        let table = Mutex<[Key: [GlyphRun]]>([:])
    }

    private let shards: [Shard]
    /// Entries a shard holds before it starts again: a bound on memory however varied the texts (about 40,000 in all).
    static let limitPerShard = 2_500
    private static let shardCount = 16

    /// Creates an empty table.
    public init() {
        shards = (0..<Self.shardCount).map { _ in Shard() }
    }

    /// The runs of `text` under `settings`, if some thread has shaped them.
    func runs(_ text: TextKey, settings: NodeListBuilder.ShapeSettings) -> [GlyphRun]? {
        let key = Key(text: text, settings: settings)
        return shards[Self.shard(of: text)].table.withLock { $0[key] }
    }

    /// Keeps the runs of `text` under `settings` for the other threads.
    func keep(_ runs: [GlyphRun], for text: TextKey, settings: NodeListBuilder.ShapeSettings) {
        let key = Key(text: text, settings: settings)
        shards[Self.shard(of: text)].table.withLock { table in
            if table.count >= Self.limitPerShard { table.removeAll() }
            table[key] = runs
        }
    }

    private static func shard(of text: TextKey) -> Int {
        Int(UInt(bitPattern: text.hashValue) % UInt(shardCount))
    }
}
