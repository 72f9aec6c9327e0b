/// Finds the places where a word may be hyphenated.
public protocol Hyphenator: AnyObject {
    /// Offsets, in Unicode scalars from the word's start, after which a hyphen may be inserted.
    func hyphenationPoints(in word: String, language: String) -> [Int]
}

/// A hyphenator that never hyphenates, for ragged text and tests.
public final class NoHyphenation: Hyphenator {
    /// Creates the null hyphenator.
    public init() {}

    /// Returns no points.
    public func hyphenationPoints(in word: String, language: String) -> [Int] { [] }
}
