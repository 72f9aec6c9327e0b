import GalleyModel

/// Finds what the Unicode algorithms say about a paragraph's text: bidirectional levels (UAX #9) and the places a
/// line may break (UAX #14, with dictionaries for scripts written without spaces).
///
/// Both take the whole paragraph, since neither can be decided word by word: a comma between two English words in
/// an Arabic paragraph reads left to right, and a Thai word ends where the dictionary says.
public protocol TextAnalyzer: AnyObject {
    /// One embedding level per Unicode scalar of `text`, in a paragraph of `direction`.
    func embeddingLevels(of text: String, direction: TextDirection) -> [UInt8]
    /// For each Unicode scalar of `text`, whether a line may break just before it.
    func lineBreakOpportunities(in text: String, language: String) -> [Bool]
}
