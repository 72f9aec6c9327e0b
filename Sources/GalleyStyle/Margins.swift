/// The distances from the sheet's edges to the text block.
public struct Margins: Codable, Sendable, Equatable {
    /// From the top edge.
    public var top: Length
    /// From the bottom edge.
    public var bottom: Length
    /// From the binding edge (left on right-hand pages).
    public var inner: Length
    /// From the outer edge.
    public var outer: Length
}
