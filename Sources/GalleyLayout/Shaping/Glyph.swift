/// One positioned glyph of a shaped run.
public struct Glyph: Codable, Sendable, Equatable, Hashable {
    /// The glyph's index in its font.
    public var id: UInt32
    /// How far the pen moves after this glyph, in points.
    public var advance: Double
    /// Horizontal displacement from the pen position.
    public var xOffset: Double
    /// Vertical displacement from the baseline (positive is down).
    public var yOffset: Double
    /// The UTF-8 byte offset in the run's text where this glyph's cluster starts.
    public var cluster: Int

    /// Creates a glyph.
    public init(id: UInt32, advance: Double, xOffset: Double = 0, yOffset: Double = 0, cluster: Int) {
        self.id = id
        self.advance = advance
        self.xOffset = xOffset
        self.yOffset = yOffset
        self.cluster = cluster
    }

    /// Reads `[id, advance, cluster]` or `[id, advance, cluster, xOffset, yOffset]`.
    public init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        id = try fields.decode(UInt32.self)
        advance = try fields.decode(Double.self)
        cluster = try fields.decode(Int.self)
        xOffset = fields.isAtEnd ? 0 : try fields.decode(Double.self)
        yOffset = fields.isAtEnd ? 0 : try fields.decode(Double.self)
    }

    /// Writes a glyph as a short array: cached layouts hold tens of thousands of them.
    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(id)
        try fields.encode(advance)
        try fields.encode(cluster)
        if xOffset != 0 || yOffset != 0 {
            try fields.encode(xOffset)
            try fields.encode(yOffset)
        }
    }
}
