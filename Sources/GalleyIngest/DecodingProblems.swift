import Foundation
import GalleyFiles

/// The decoding errors of one article file, gathered so that all of them are reported in one run.
///
/// It travels in the decoder's `userInfo`; the `Decodable` elements record an error and go on with the next field
/// or element instead of stopping the whole file at the first.
final class DecodingProblems: Sendable {
    /// The `userInfo` key the collector is kept under.
    static let key = CodingUserInfoKey(rawValue: "galley.decodingProblems")!

    /// How many errors are kept; past it they are only counted (the errors-per-file limit).
    let limit: Int
    private let state = Locked((kept: [DecodingError](), dropped: 0))

    /// A collector keeping at most `limit` errors.
    init(limit: Int) {
        self.limit = limit
    }

    /// Keeps `error`, or counts it when `limit` are kept already.
    func record(_ error: DecodingError) {
        state.withLock { state in
            if state.kept.count < limit { state.kept.append(error) } else { state.dropped += 1 }
        }
    }

    /// The errors kept, in the order they were found, and how many more were found.
    var recorded: (kept: [DecodingError], dropped: Int) {
        state.withLock { $0 }
    }

    /// Whether any error was found.
    var isEmpty: Bool {
        state.withLock { $0.kept.isEmpty }
    }
}
