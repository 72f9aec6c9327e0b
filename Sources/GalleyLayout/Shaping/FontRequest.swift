/// What the layout asks the shaper for: family, face and size.
public struct FontRequest: Sendable, Equatable, Hashable {
    /// The family name, such as "Noto Serif".
    public var family: String
    /// Whether the bold face is wanted.
    public var bold: Bool
    /// Whether the italic face is wanted.
    public var italic: Bool
    /// The size in points.
    public var size: Double

    /// Creates a request.
    public init(family: String, bold: Bool = false, italic: Bool = false, size: Double) {
        self.family = family
        self.bold = bold
        self.italic = italic
        self.size = size
    }
}
