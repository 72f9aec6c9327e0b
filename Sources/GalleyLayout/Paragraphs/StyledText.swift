/// A run of paragraph text in one font and style, the input of node-list building.
public struct StyledText: Sendable, Equatable {
    /// The text, or `nil` for a forced line break.
    public var text: String?
    /// The font it is set in.
    public var font: FontRequest
    /// Colour and link.
    public var style: TextStyle
    /// The language, for shaping and hyphenation.
    public var language: String
    /// Whether its words may be hyphenated.
    public var hyphenate: Bool
    /// Extra letter spacing in thousandths of an em.
    public var tracking: Double
    /// How far the text is raised above the baseline, in points (negative lowers it).
    public var rise: Double = 0
    /// Verbatim text (code): a token too long for the line may break after any punctuation, without a hyphen.
    public var isVerbatim = false

    /// Creates a run of text.
    public init(_ text: String, font: FontRequest, style: TextStyle, language: String, hyphenate: Bool, tracking: Double = 0) {
        self.text = text
        self.font = font
        self.style = style
        self.language = language
        self.hyphenate = hyphenate
        self.tracking = tracking
    }

    /// A forced line break in the surrounding style.
    public static func lineBreak(font: FontRequest, style: TextStyle, language: String) -> StyledText {
        var run = StyledText("", font: font, style: style, language: language, hyphenate: false)
        run.text = nil
        return run
    }
}
