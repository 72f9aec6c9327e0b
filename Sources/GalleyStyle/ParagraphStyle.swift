/// The typographic settings of one kind of text block.
public struct ParagraphStyle: Codable, Sendable, Equatable {
    /// The font family, which must be among the bundled fonts.
    public var font: String
    /// Whether the text is set in the bold face.
    public var bold: Bool
    /// Whether the text is set in the italic face.
    public var italic: Bool
    /// The type size.
    public var size: Length
    /// The distance between baselines.
    public var leading: Length
    /// How lines are aligned.
    public var align: Alignment
    /// The indent of a paragraph's first line.
    public var firstLineIndent: Length
    /// Space above the block; dropped at the top of a page.
    public var spaceBefore: Length
    /// Space below the block.
    public var spaceAfter: Length
    /// Extra indent on the left of every line.
    public var leftIndent: Length
    /// Extra indent on the right of every line.
    public var rightIndent: Length
    /// The text colour as `#rrggbb`.
    public var color: String
    /// Whether the text is set in capitals.
    public var uppercase: Bool
    /// Extra space between letters, in thousandths of an em.
    public var tracking: Double
    /// Whether words may be hyphenated at line ends.
    public var hyphenate: Bool
}
