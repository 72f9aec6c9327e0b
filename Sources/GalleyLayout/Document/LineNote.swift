/// A line with a problem, and where it is, for `galley check` to point at.
public struct LineNote: Codable, Sendable, Equatable {
    /// What is wrong with the line.
    public enum Kind: String, Codable, Sendable {
        /// Stretched beyond the layout's tolerance.
        case looseLine
        /// Wider than its measure even with its spaces shrunk.
        case overfullLine
    }

    /// What is wrong.
    public var kind: Kind
    /// The line's adjustment ratio.
    public var ratio: Double
    /// The line's first words.
    public var text: String
    /// The 1-based page the line is on, once pages are made.
    public var page: Int?

    /// Creates a note.
    public init(kind: Kind, ratio: Double, text: String, page: Int? = nil) {
        self.kind = kind
        self.ratio = ratio
        self.text = text
        self.page = page
    }
}
