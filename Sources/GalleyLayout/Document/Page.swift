/// One finished page: its size and everything on it, absolutely positioned.
public struct Page: Codable, Sendable, Equatable {
    /// The sheet size.
    public var size: Size
    /// The page's items in drawing order.
    public var items: [PositionedItem]

    /// Creates a page.
    public init(size: Size, items: [PositionedItem] = []) {
        self.size = size
        self.items = items
    }
}
