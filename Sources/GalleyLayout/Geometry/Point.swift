/// A position on a page in points, origin at the top-left corner, y growing downwards.
public struct Point: Codable, Sendable, Equatable, Hashable {
    /// Distance from the left edge.
    public var x: Double
    /// Distance from the top edge.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
