import GalleyModel
import GalleyStyle

/// A paragraph ready to set: its runs and the resolved settings of its style.
public struct ParagraphSpec: Sendable, Equatable {
    /// The text runs in order.
    public var runs: [StyledText]
    /// Baseline-to-baseline distance.
    public var leading: Double
    /// How lines are aligned.
    public var alignment: Alignment
    /// Indent of the first line.
    public var firstLineIndent: Double
    /// Indent of every line from the left of the text block.
    public var leftIndent: Double
    /// Indent of every line from the right of the text block.
    public var rightIndent: Double
    /// The size of the paragraph's main font, which places the baseline in the line.
    public var fontSize: Double
    /// The paragraph's direction: right to left, its lines start on the right and mixed text is ordered as UAX #9 says.
    public var direction: TextDirection = .leftToRight
    /// Whether `alignment` means the page's left and right (an article's own table columns, as HTML's `align`)
    /// rather than a line's start and end (a layout's styles), which a right-to-left paragraph mirrors.
    public var alignmentIsPhysical = false

    /// Creates a paragraph.
    public init(runs: [StyledText], leading: Double, alignment: Alignment, firstLineIndent: Double = 0,
                leftIndent: Double = 0, rightIndent: Double = 0, fontSize: Double) {
        self.runs = runs
        self.leading = leading
        self.alignment = alignment
        self.firstLineIndent = firstLineIndent
        self.leftIndent = leftIndent
        self.rightIndent = rightIndent
        self.fontSize = fontSize
    }
}
