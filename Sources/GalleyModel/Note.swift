/// A labelled note printed after the body, such as a P.S.
public struct Note: Codable, Sendable, Equatable {
    /// The label printed before the note ("P.S.").
    public var label: String
    /// The note's paragraphs.
    public var content: [Block]

    /// Creates a note.
    public init(label: String, content: [Block]) {
        self.label = label
        self.content = content
    }
}
