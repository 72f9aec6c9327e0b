/// How figures float: the places a figure may take, in order of preference. A figure never stands above the text
/// that comes before it, so a figure met at the top of a column stays there whatever the order.
public struct FigureSettings: Codable, Sendable, Equatable {
    /// The places tried for a figure met part-way down a column, first the preferred one.
    public var placement: [FigurePlacement]

    /// Settings preferring `placement` in that order.
    public init(placement: [FigurePlacement] = FigureSettings.defaultPlacement) {
        self.placement = placement
    }

    /// Where a figure goes when the layout says nothing: where it falls, or on top of the next column or page.
    public static let defaultPlacement: [FigurePlacement] = [.here, .top]
}
