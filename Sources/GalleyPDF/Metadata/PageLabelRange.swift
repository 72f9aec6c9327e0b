/// A run of pages numbered alike (`/PageLabels`): from `firstPage` until the next range begins.
public struct PageLabelRange: Sendable, Equatable {
    /// How the numbers of a range are written.
    public enum Style: String, Sendable, Equatable {
        /// 1, 2, 3
        case decimal = "D"
        /// i, ii, iii
        case lowerRoman = "r"
        /// I, II, III
        case upperRoman = "R"
        /// a, b, … z, aa
        case lowerLetters = "a"
        /// A, B, … Z, AA
        case upperLetters = "A"
    }

    /// The zero-based index of the range's first page.
    public var firstPage: Int
    /// The numbering style, or nil for labels that are the prefix alone.
    public var style: Style?
    /// Text put before each number.
    public var prefix: String
    /// The number of the range's first page.
    public var firstNumber: Int

    /// Creates a range starting at page index `firstPage`.
    public init(firstPage: Int, style: Style? = .decimal, prefix: String = "", firstNumber: Int = 1) {
        self.firstPage = firstPage
        self.style = style
        self.prefix = prefix
        self.firstNumber = firstNumber
    }
}
