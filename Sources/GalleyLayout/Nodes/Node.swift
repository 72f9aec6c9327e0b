/// An element of a paragraph's horizontal list, in the vocabulary of TeX and Knuth–Plass.
public enum Node: Sendable, Equatable {
    /// Fixed-width material.
    case box(Box)
    /// Variable space; a break point when it follows a box.
    case glue(Glue)
    /// A break point with a cost.
    case penalty(Penalty)
    /// A hyphenation point.
    case discretionary(Discretionary)
    /// A fixed adjustment of space that never breaks.
    case kern(Double)

    /// The width the node takes when the line does not break at it.
    public var width: Double {
        switch self {
        case .box(let box): return box.width
        case .glue(let glue): return glue.width
        case .penalty: return 0
        case .discretionary(let discretionary): return discretionary.noBreakWidth
        case .kern(let width): return width
        }
    }

    /// SILE-style compact form for dumps: `H12.5`, `G3.3+1.7-1.1`, `P50f`, `D`, `K1`.
    public var compactDescription: String {
        func number(_ value: Double) -> String { LayoutFormat.number(value) }
        switch self {
        case .box(let box): return "H" + number(box.width)
        case .glue(let glue): return "G\(number(glue.width))+\(number(glue.stretch))-\(number(glue.shrink))"
        case .penalty(let penalty): return "P\(number(penalty.cost))\(penalty.flagged ? "f" : "")"
        case .discretionary(let discretionary): return "D\(number(discretionary.preBreakWidth))"
        case .kern(let width): return "K" + number(width)
        }
    }
}
