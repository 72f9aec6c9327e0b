/// A frame item at a position on its page.
public struct PositionedItem: Codable, Sendable, Equatable {
    /// Where the item is anchored.
    public var origin: Point
    /// What is drawn.
    public var item: FrameItem
    /// The structure element the item's content belongs to (an index into the document's structure), or -1 for
    /// page furniture (running heads, folios, rules), which a tagged PDF marks as an artifact.
    public var node: Int32 = -1

    /// Creates a positioned item.
    public init(_ origin: Point, _ item: FrameItem, node: Int32 = -1) {
        self.origin = origin
        self.item = item
        self.node = node
    }

    /// The same item moved by `dx`, `dy`, still belonging to its structure element.
    public func moved(_ dx: Double, _ dy: Double) -> PositionedItem {
        PositionedItem(Point(x: origin.x + dx, y: origin.y + dy), item, node: node)
    }
}
