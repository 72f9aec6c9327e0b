/// Vertical metrics and the space of a font at a size.
public struct FontMetrics: Sendable, Equatable {
    /// Height above the baseline.
    public var ascent: Double
    /// Depth below the baseline (positive).
    public var descent: Double
    /// The height of capital letters.
    public var capHeight: Double
    /// The shaped word space.
    public var space: GlyphRun

    /// Creates metrics.
    public init(ascent: Double, descent: Double, capHeight: Double, space: GlyphRun) {
        self.ascent = ascent
        self.descent = descent
        self.capHeight = capHeight
        self.space = space
    }
}
