/// The line-breaking parameters a narrow column sets differently from the layout's `lineBreaking`; a field left out
/// keeps the layout's value.
public struct LineBreakingOverrides: Codable, Sendable, Equatable {
    /// Replaces `lineBreaking.pretolerance`.
    public var pretolerance: Double?
    /// Replaces `lineBreaking.tolerance`.
    public var tolerance: Double?
    /// Replaces `lineBreaking.hyphenPenalty`.
    public var hyphenPenalty: Double?
    /// Replaces `lineBreaking.linePenalty`.
    public var linePenalty: Double?
    /// Replaces `lineBreaking.spaceStretch`.
    public var spaceStretch: Double?
    /// Replaces `lineBreaking.spaceShrink`.
    public var spaceShrink: Double?
    /// Replaces `lineBreaking.minimumWordLength`.
    public var minimumWordLength: Int?

    /// Overrides as given; nil fields keep the layout's values.
    public init(pretolerance: Double? = nil, tolerance: Double? = nil, hyphenPenalty: Double? = nil, linePenalty: Double? = nil,
                spaceStretch: Double? = nil, spaceShrink: Double? = nil, minimumWordLength: Int? = nil) {
        self.pretolerance = pretolerance
        self.tolerance = tolerance
        self.hyphenPenalty = hyphenPenalty
        self.linePenalty = linePenalty
        self.spaceStretch = spaceStretch
        self.spaceShrink = spaceShrink
        self.minimumWordLength = minimumWordLength
    }

    /// `parameters` with every field these overrides set replaced.
    public func applied(to parameters: LineBreakingParameters) -> LineBreakingParameters {
        var result = parameters
        if let pretolerance { result.pretolerance = pretolerance }
        if let tolerance { result.tolerance = tolerance }
        if let hyphenPenalty { result.hyphenPenalty = hyphenPenalty }
        if let linePenalty { result.linePenalty = linePenalty }
        if let spaceStretch { result.spaceStretch = spaceStretch }
        if let spaceShrink { result.spaceShrink = spaceShrink }
        if let minimumWordLength { result.minimumWordLength = minimumWordLength }
        return result
    }
}
