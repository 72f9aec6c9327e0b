/// An entry of the PDF's bookmarks: a title pointing at a named destination.
public struct OutlineEntry: Codable, Sendable, Equatable {
    /// The text shown in the viewer's outline.
    public var title: String
    /// The nesting depth, 0 for top level.
    public var level: Int
    /// The named destination it opens.
    public var destination: String
    /// The 0-based page the destination is on.
    public var page: Int

    /// Creates an entry.
    public init(title: String, level: Int, destination: String, page: Int) {
        self.title = title
        self.level = level
        self.destination = destination
        self.page = page
    }
}
