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
    /// How far the space between two Chinese or Japanese characters may stretch in a justified line, as a fraction
    /// of the type size (CJK text is justified between characters, having no spaces); 0.1 when not given.
    public var interCharacterStretch: Double?
    /// The space set between a Chinese or Japanese character and a Latin letter or digit beside it, as a fraction of
    /// the type size (the "xkanjiskip" of Japanese TeX); 0.25 when not given.
    public var ideographicLatinSpace: Double?
    /// How far the line breaker may widen or narrow a justified line's glyphs to even out its spaces, as a fraction of
    /// their width (pdfTeX's font expansion); 0.02 is ±2 %. Off when not given.
    public var glyphExpansion: Double?
    /// The steps the expansion is taken in, as a fraction of the glyphs' width; 0.005 when not given.
    public var glyphExpansionStep: Double?

    /// `interCharacterStretch` or its default.
    public var resolvedInterCharacterStretch: Double { interCharacterStretch ?? 0.1 }
    /// `ideographicLatinSpace` or its default.
    public var resolvedIdeographicLatinSpace: Double { ideographicLatinSpace ?? 0.25 }
    /// `glyphExpansion` or 0 (off).
    public var resolvedGlyphExpansion: Double { glyphExpansion ?? 0 }
    /// `glyphExpansionStep` or its default.
    public var resolvedGlyphExpansionStep: Double { glyphExpansionStep ?? 0.005 }
}
