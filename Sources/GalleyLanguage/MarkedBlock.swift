/// A block whose content a `LanguageAnnotator` wrapped in a language span.
public struct MarkedBlock: Sendable, Equatable {
    /// Where the block is in the article, by field names and indices (`body[3]`, `body[2].items[0][1]`,
    /// `footnotes[0].content[1]`, `deck`).
    public var path: String
    /// The BCP 47 tag the block was marked with.
    public var tag: String

    /// Creates a record of one marked block.
    public init(path: String, tag: String) {
        self.path = path
        self.tag = tag
    }
}
