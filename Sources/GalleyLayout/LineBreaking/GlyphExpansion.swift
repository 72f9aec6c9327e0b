/// How far a justified line's glyphs may be widened or narrowed to even out its spaces, and in what steps
/// (pdfTeX's font expansion, which microtype turns on as `expansion`).
///
/// A line's slack goes to its letters first, up to the limit, and only the rest to its spaces: the breaker weighs a
/// line by what its spaces are left to do, and the assembler takes the letters' share in whole steps. Steps keep the
/// number of distinct widths on a page small, and the result the same on every machine.
public struct GlyphExpansion: Sendable, Equatable {
    /// The largest widening or narrowing, as a fraction of the glyphs' width (0 turns expansion off).
    public var limit: Double
    /// The step the expansion is taken in, as a fraction of the glyphs' width.
    public var step: Double

    /// Expansion of at most `limit` in steps of `step`.
    public init(limit: Double = 0, step: Double = 0.005) {
        self.limit = max(0, limit)
        self.step = step > 0 ? step : 0.005
    }

    /// No expansion.
    public static let off = GlyphExpansion()

    /// Whether any expansion is allowed.
    public var isOn: Bool { limit > 0 }

    /// The width the glyphs of a line take of its `slack` (target minus natural width), `expandable` being their
    /// width, before rounding to steps: as much as the limit allows; none for a line with fill glue left to fill.
    public func absorbed(slack: Double, expandable: Double, hasFill: Bool) -> Double {
        guard isOn, expandable > 0, slack.isFinite, !(hasFill && slack > 0) else { return 0 }
        let capacity = expandable * limit
        return min(max(slack, -capacity), capacity)
    }

    /// The expansion, as a fraction of the glyphs' width, for a line of glyphs `expandable` wide with `slack`, whose
    /// glue can give `shrink`: the step nearest what `absorbed` gives, unless that leaves the glue more to take in than
    /// it can shrink (a line of Chinese has no shrinking glue), when it is the step short of it; never beyond the limit.
    public func amount(slack: Double, expandable: Double, hasFill: Bool, shrink: Double) -> Double {
        let share = absorbed(slack: slack, expandable: expandable, hasFill: hasFill)
        guard share != 0 else { return 0 }
        let exact = share / expandable / step
        let bound = (limit / step + 1e-9).rounded(.down)
        let below = max((exact - 1e-9).rounded(.down), -bound), above = min((exact + 1e-9).rounded(.up), bound)
        let nearest = exact - below <= above - exact ? below : above
        // What the glue is left with after `steps`: negative is shrinking it.
        func fits(_ steps: Double) -> Bool { slack - steps * step * expandable >= -shrink - 1e-9 }
        if fits(nearest) { return nearest * step }
        let other = nearest == below ? above : below
        return (fits(other) ? other : below) * step
    }
}
