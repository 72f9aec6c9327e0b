/// The parameters of the line breaker, named as in Knuth and Plass's paper.
public struct LineBreakingParameters: Codable, Sendable, Equatable {
    /// `first-fit` or `knuth-plass`.
    public var algorithm: String
    /// The largest acceptable badness (100·|ratio|³) before hyphenation is tried.
    public var pretolerance: Double
    /// The largest acceptable badness with hyphenation.
    public var tolerance: Double
    /// The penalty for breaking at a hyphen.
    public var hyphenPenalty: Double
    /// Added to every line's demerits.
    public var linePenalty: Double
    /// Demerits for two consecutive hyphenated lines.
    public var doubleHyphenDemerits: Double
    /// Demerits for a hyphen on the second-to-last line.
    public var finalHyphenDemerits: Double
    /// Demerits for adjacent lines of incompatible fitness classes.
    public var adjacentFitnessDemerits: Double
    /// Stretch of a justified line's space, as a fraction of the space's width.
    public var spaceStretch: Double
    /// Shrink of a justified line's space, as a fraction of the space's width.
    public var spaceShrink: Double
    /// The shortest word that may be hyphenated.
    public var minimumWordLength: Int
    /// Whether punctuation at a justified line's ends hangs into the margin.
    public var hangingPunctuation: Bool
}
