/// The sheet and where the text block sits on it.
public struct PageSpec: Codable, Sendable, Equatable {
    /// The sheet size.
    public var size: PageSize
    /// The margins around the text block.
    public var margins: Margins
}
