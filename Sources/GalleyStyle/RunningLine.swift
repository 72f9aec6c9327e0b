/// A line repeated on every page above or below the text block.
///
/// Templates may use `{publication}`, `{title}`, `{authors}`, `{source}`, `{page}`, `{pages}` and `{folio}` (the language's "Page n / N").
public struct RunningLine: Codable, Sendable, Equatable {
    /// The template set flush left.
    public var left: String
    /// The template set flush right.
    public var right: String
    /// The baseline's distance from the text block (above it for heads, below it for feet).
    public var offset: Length
    /// The thickness of a rule between the line and the text block; 0 for none.
    public var rule: Length
    /// Whether the first page carries this line.
    public var onFirstPage: Bool
}
