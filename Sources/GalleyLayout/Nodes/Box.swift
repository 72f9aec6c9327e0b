/// Material of fixed width in a line: shaped text or empty space (an indent).
public struct Box: Sendable, Equatable {
    /// The width the box takes in the line.
    public var width: Double
    /// The glyphs to draw, if any.
    public var run: GlyphRun?
    /// How the glyphs are painted.
    public var style: TextStyle
    /// How far the box may hang into the margin when it ends a justified line (hanging punctuation).
    public var protrusionRight: Double
    /// How far the box may hang into the margin when it starts a justified line.
    public var protrusionLeft: Double
    /// The bidirectional embedding level of its text (UAX #9): even left to right, odd right to left.
    public var level: UInt8 = 0

    /// An empty box of `width`, as used in tests and for indents.
    public init(width: Double) {
        self.width = width
        run = nil
        style = TextStyle()
        protrusionRight = 0
        protrusionLeft = 0
    }

    /// A box drawing `run` in `style`.
    public init(run: GlyphRun, style: TextStyle, protrusionLeft: Double = 0, protrusionRight: Double = 0) {
        width = run.width
        self.run = run
        self.style = style
        self.protrusionLeft = protrusionLeft
        self.protrusionRight = protrusionRight
    }
}
