/// One line of a set paragraph: glyph runs and links positioned from the line's left end, on its baseline.
public struct SetLine: Sendable, Equatable {
    /// Glyph runs with their x offsets.
    public var runs: [(x: Double, run: GlyphRun, style: TextStyle)]
    /// Link areas with their horizontal extent.
    public var links: [(x: Double, width: Double, url: String)]
    /// The measure the line was set to.
    public var measure: Double
    /// The width the content takes.
    public var contentWidth: Double
    /// The adjustment ratio used.
    public var ratio: Double
    /// Whether it ends with a hyphen.
    public var hyphenated: Bool
    /// Whether the content is wider than the measure even at full shrink.
    public var overfull: Bool
    /// Ids of the footnotes called in this line, in order.
    public var footnotes: [String] = []

    /// Creates a line.
    public init(runs: [(x: Double, run: GlyphRun, style: TextStyle)], links: [(x: Double, width: Double, url: String)],
                measure: Double, contentWidth: Double, ratio: Double, hyphenated: Bool, overfull: Bool) {
        self.runs = runs
        self.links = links
        self.measure = measure
        self.contentWidth = contentWidth
        self.ratio = ratio
        self.hyphenated = hyphenated
        self.overfull = overfull
    }

    /// Compares lines by their content and geometry.
    public static func == (lhs: SetLine, rhs: SetLine) -> Bool {
        lhs.measure == rhs.measure && lhs.contentWidth == rhs.contentWidth && lhs.ratio == rhs.ratio
            && lhs.runs.map(\.x) == rhs.runs.map(\.x) && lhs.runs.map(\.run) == rhs.runs.map(\.run)
    }
}
