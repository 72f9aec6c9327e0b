/// Where a line ends and how much its spaces were stretched (ratio > 0) or shrunk (ratio < 0).
public struct LineBreak: Sendable, Equatable {
    /// The index of the node the line breaks at.
    public var position: Int
    /// The adjustment ratio: the fraction of the line's stretch (or shrink) used.
    public var ratio: Double
    /// Whether the line ends with a hyphen from a discretionary break or a flagged penalty.
    public var hyphenated: Bool

    /// Creates a break.
    public init(position: Int, ratio: Double, hyphenated: Bool) {
        self.position = position
        self.ratio = ratio
        self.hyphenated = hyphenated
    }
}
