import Foundation
import GalleyFiles

/// The bytes of one stream made on another thread, with the integer entries its dictionary takes from them (a
/// TrueType program's `/Length1`).
struct DeferredStream: Sendable {
    /// The stream's data, not yet compressed.
    var bytes: [UInt8]
    /// Dictionary entries that depend on the bytes.
    var integers: [(key: String, value: Int)] = []
}

/// Streams whose bytes are being made and compressed on threads of their own while the store goes on: the font
/// programs of a document, which harfbuzz subsets while the structure tree and the file's other objects are written.
///
/// Each stream is made by `make` and compressed alone, so the bytes never depend on the threads; the store writes
/// these streams after every other object, in order, so where they land in the file does not either.
final class DeferredStreams: @unchecked Sendable {
    private typealias Made = Result<[(data: Data, integers: [(key: String, value: Int)])], any Error>
    private let made: ThreadValue<Made>?
    // Read and written only by the thread that owns the store.
    private var resolved: Made?

    /// Starts making one stream for each index of `order` on up to `threads` threads, in that order (the costliest
    /// first).
    ///
    /// With one thread (an article of a batch export, whose other cores run other articles) they are made here, now:
    /// a thread of their own only added its start to every article. They are still written last, so the file is
    /// the same either way.
    init(startingWith order: [Int], threads: Int, level: Int32, _ make: @escaping @Sendable (Int) throws -> DeferredStream) {
        let work: @Sendable () -> Made = {
            Result {
                try ParallelMap.map(startingWith: order, threads: threads) { index -> (data: Data, integers: [(key: String, value: Int)]) in
                    let stream = try make(index)
                    return (Data(Flate.deflate(stream.bytes, level: level)), stream.integers)
                }
            }
        }
        if threads > 1 {
            made = ThreadValue(work)
        } else {
            made = nil
            resolved = work()
        }
    }

    /// The compressed data and entries of stream `index`, waiting for them the first time; throws what making any of
    /// the streams threw.
    func stream(_ index: Int) throws -> (data: Data, integers: [(key: String, value: Int)]) {
        if resolved == nil { resolved = made?.wait() }
        return try resolved!.get()[index]
    }
}
