/// Stretchable, shrinkable space between boxes; a line may break at glue that follows a box.
public struct Glue: Sendable, Equatable {
    /// The natural width.
    public var width: Double
    /// How much the glue may grow.
    public var stretch: Double
    /// How much the glue may shrink.
    public var shrink: Double
    /// The shaped space drawn in its place, so that copied text has its spaces.
    public var space: GlyphRun?
    /// The style of the text around it, used when the space is drawn.
    public var style: TextStyle
    /// The bidirectional embedding level of the space (UAX #9), which decides where it goes when a line is reordered.
    public var level: UInt8 = 0

    /// Stretch that absorbs any amount, used to end paragraphs and ragged lines.
    public static let fill: Double = 100_000

    /// Creates glue.
    public init(width: Double, stretch: Double, shrink: Double, space: GlyphRun? = nil, style: TextStyle = TextStyle()) {
        self.width = width
        self.stretch = stretch
        self.shrink = shrink
        self.space = space
        self.style = style
    }
}
