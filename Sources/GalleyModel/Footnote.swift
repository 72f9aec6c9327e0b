/// A note referenced from the text by `Inline.footnoteReference(id)`.
public struct Footnote: Codable, Sendable, Equatable {
    /// The id the references use.
    public var id: String
    /// The note's text.
    public var content: [Block]

    /// Creates a footnote.
    public init(id: String, content: [Block]) {
        self.id = id
        self.content = content
    }
}
