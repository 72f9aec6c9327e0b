/// An opening drop cap: the first letter of an article's first paragraph set as tall as its first `lines` lines,
/// which run beside it.
public struct DropCapSettings: Codable, Sendable, Equatable {
    /// How many lines the letter spans, 2 to 4: its foot on the last one's baseline, its top at the first's cap height.
    public var lines: Int
    /// The letter's colour (`#rrggbb`); the body's when not given.
    public var color: String?

    /// A drop cap `lines` lines tall.
    public init(lines: Int, color: String? = nil) {
        self.lines = lines
        self.color = color
    }
}
