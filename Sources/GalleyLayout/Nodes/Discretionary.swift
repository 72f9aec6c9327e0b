/// A place where a word may be split, with what to set before and after the split and when unsplit.
public struct Discretionary: Sendable, Equatable {
    /// Set at the end of the line when broken here (usually a hyphen).
    public var preBreak: [Box]
    /// Set at the start of the next line when broken here.
    public var postBreak: [Box]
    /// Set when the line does not break here.
    public var noBreak: [Box]
    /// The cost of breaking here.
    public var penalty: Double

    /// Creates a discretionary break.
    public init(preBreak: [Box], postBreak: [Box] = [], noBreak: [Box] = [], penalty: Double) {
        self.preBreak = preBreak
        self.postBreak = postBreak
        self.noBreak = noBreak
        self.penalty = penalty
    }

    /// The width added to a line that breaks here.
    public var preBreakWidth: Double { preBreak.reduce(0) { $0 + $1.width } }
    /// The width at the start of the line after the break.
    public var postBreakWidth: Double { postBreak.reduce(0) { $0 + $1.width } }
    /// The width taken when there is no break here.
    public var noBreakWidth: Double { noBreak.reduce(0) { $0 + $1.width } }
}
