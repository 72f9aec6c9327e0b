/// Typographic measurements taken while setting a document, the basis of `galley check`.
public struct QualityReport: Codable, Sendable, Equatable {
    /// Lines of justified text set.
    public var justifiedLines: Int = 0
    /// Lines wider than their measure.
    public var overfullLines: Int = 0
    /// Lines stretched beyond the tolerance.
    public var looseLines: Int = 0
    /// The largest absolute adjustment ratio of a justified line (not counting last lines).
    public var maxAbsoluteRatio: Double = 0
    /// The sum of absolute ratios, for the mean.
    public var sumAbsoluteRatio: Double = 0
    /// Lines ending in a hyphen.
    public var hyphenatedLines: Int = 0
    /// The longest run of consecutive hyphenated lines.
    public var longestHyphenRun: Int = 0
    /// Single paragraph lines left at the top of a page.
    public var widows: Int = 0
    /// Single paragraph lines left at the foot of a page.
    public var orphans: Int = 0
    /// Headings at the foot of a page with none of their text.
    public var strandedHeadings: Int = 0
    /// Glyphs missing from the fonts.
    public var missingGlyphs: Int = 0
    /// The PostScript names of the faces used.
    public var fonts: [String] = []

    /// Creates an empty report.
    public init() {}

    /// The mean absolute adjustment ratio of justified lines.
    public var meanAbsoluteRatio: Double { justifiedLines == 0 ? 0 : sumAbsoluteRatio / Double(justifiedLines) }
}
