import GalleyStyle

/// The numbers that steer a line breaker, in the units of Knuth and Plass's paper.
public struct BreakParameters: Sendable, Equatable {
    /// The largest acceptable badness on the first pass, which does not hyphenate; negative skips that pass.
    public var pretolerance: Double
    /// The largest acceptable badness on the second pass, which hyphenates.
    public var tolerance: Double
    /// Added to each line's badness before squaring (TeX's `\linepenalty`).
    public var linePenalty: Double
    /// Demerits for two hyphenated lines in a row.
    public var doubleHyphenDemerits: Double
    /// Demerits for a hyphen on the second-to-last line.
    public var finalHyphenDemerits: Double
    /// Demerits for lines of fitness classes more than one apart.
    public var adjacentFitnessDemerits: Double
    /// Extra stretch per line allowed on the emergency pass (TeX's `\emergencystretch`).
    public var emergencyStretch: Double
    /// Demerits for a last line shorter than `shortLastLine` of the measure.
    public var shortLastLineDemerits: Double
    /// The fraction of the measure under which a last line counts as short.
    public var shortLastLine: Double
    /// The most hyphenated lines allowed in a row.
    public var hyphenLimit: Int
    /// How far text boxes may widen or narrow, counted as stretch and shrink beside the glue's.
    public var expansion: GlyphExpansion = .off

    /// Creates parameters; the defaults are TeX's plain format values.
    public init(pretolerance: Double = 100, tolerance: Double = 200, linePenalty: Double = 10,
                doubleHyphenDemerits: Double = 10_000, finalHyphenDemerits: Double = 5_000,
                adjacentFitnessDemerits: Double = 10_000, emergencyStretch: Double = 0,
                shortLastLineDemerits: Double = 0, shortLastLine: Double = 0, hyphenLimit: Int = 2) {
        self.pretolerance = pretolerance
        self.tolerance = tolerance
        self.linePenalty = linePenalty
        self.doubleHyphenDemerits = doubleHyphenDemerits
        self.finalHyphenDemerits = finalHyphenDemerits
        self.adjacentFitnessDemerits = adjacentFitnessDemerits
        self.emergencyStretch = emergencyStretch
        self.shortLastLineDemerits = shortLastLineDemerits
        self.shortLastLine = shortLastLine
        self.hyphenLimit = hyphenLimit
    }

    /// The parameters a layout file sets, with an emergency stretch of `emergencyStretch` points.
    public init(_ layout: LineBreakingParameters, emergencyStretch: Double) {
        self.init(pretolerance: layout.pretolerance, tolerance: layout.tolerance, linePenalty: layout.linePenalty,
                  doubleHyphenDemerits: layout.doubleHyphenDemerits, finalHyphenDemerits: layout.finalHyphenDemerits,
                  adjacentFitnessDemerits: layout.adjacentFitnessDemerits, emergencyStretch: emergencyStretch,
                  shortLastLineDemerits: 2_000, shortLastLine: 0.12)
        expansion = GlyphExpansion(limit: layout.resolvedGlyphExpansion, step: layout.resolvedGlyphExpansionStep)
    }
}
