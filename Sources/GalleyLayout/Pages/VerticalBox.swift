/// A line or other unbreakable piece of a page's main column.
public struct VerticalBox: Sendable, Equatable {
    /// What kind of material the box holds, for the page builder's statistics.
    public enum Kind: Sendable, Equatable {
        /// Line `index` of `count` lines of paragraph `paragraph`.
        case line(paragraph: Int, index: Int, count: Int)
        /// A line of a heading.
        case heading
        /// A rule or other decoration.
        case other
    }

    /// The height the box takes.
    public var height: Double
    /// Items positioned from the box's top-left corner at the text block's left edge.
    public var items: [PositionedItem]
    /// What the box is.
    public var kind: Kind
    /// Outline entries anchored at this box's top (their `page` is filled in by the page builder).
    public var anchors: [OutlineEntry]

    /// Creates a box.
    public init(height: Double, items: [PositionedItem], kind: Kind, anchors: [OutlineEntry] = []) {
        self.height = height
        self.items = items
        self.kind = kind
        self.anchors = anchors
    }
}
