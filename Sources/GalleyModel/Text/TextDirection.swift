/// The direction in which a paragraph's lines are read.
public enum TextDirection: String, Codable, Sendable, Equatable, Hashable {
    /// Left to right, as Latin, Cyrillic, Greek, Indic, Thai and CJK text.
    case leftToRight
    /// Right to left, as Arabic and Hebrew text.
    case rightToLeft

    /// Whether this is right to left.
    public var isRightToLeft: Bool { self == .rightToLeft }
}
