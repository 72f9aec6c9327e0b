/// How a run of glyphs is painted and what it links to.
public struct TextStyle: Codable, Sendable, Equatable, Hashable {
    /// The fill colour.
    public var color: Color
    /// The link target (`https://…`), if the text is a link.
    public var link: String?
    /// The id of the footnote this text calls, so the page builder keeps the note with its line.
    public var footnote: String?
    /// The language of a passage marked as written in another one than the text around it.
    public var language: String?

    /// Creates a style.
    public init(color: Color = .black, link: String? = nil) {
        self.color = color
        self.link = link
    }
}
