/// A possible break with a cost; `infinity` forbids it, `-infinity` forces it.
public struct Penalty: Sendable, Equatable {
    /// Width added to the line if it breaks here (e.g. a hyphen).
    public var width: Double
    /// The cost of breaking here.
    public var cost: Double
    /// Whether breaking here makes a hyphenated line.
    public var flagged: Bool

    /// The cost that forbids a break.
    public static let infinity: Double = 10_000

    /// Creates a penalty.
    public init(width: Double = 0, cost: Double, flagged: Bool = false) {
        self.width = width
        self.cost = cost
        self.flagged = flagged
    }
}
