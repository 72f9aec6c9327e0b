/// A frame item at a position on its page.
public struct PositionedItem: Codable, Sendable, Equatable {
    /// Where the item is anchored.
    public var origin: Point
    /// What is drawn.
    public var item: FrameItem

    /// Creates a positioned item.
    public init(_ origin: Point, _ item: FrameItem) {
        self.origin = origin
        self.item = item
    }
}
