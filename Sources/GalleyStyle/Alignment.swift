/// How the lines of a paragraph sit between its margins.
public enum Alignment: String, Codable, Sendable, CaseIterable {
    /// Both edges straight; the last line flush left.
    case justify
    /// Ragged right.
    case left
    /// Ragged left.
    case right
    /// Centred lines.
    case center
}
