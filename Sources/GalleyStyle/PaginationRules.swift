/// The rules the page builder keeps when it breaks text into pages.
public struct PaginationRules: Codable, Sendable, Equatable {
    /// The fewest lines of a paragraph left at the foot of a page.
    public var orphans: Int
    /// The fewest lines of a paragraph carried to the top of a page.
    public var widows: Int
    /// The lines after a heading that must stay on its page.
    public var keepWithHeading: Int
}
