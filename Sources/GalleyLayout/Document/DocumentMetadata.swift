/// What the PDF's information dictionary says about the document.
public struct DocumentMetadata: Codable, Sendable, Equatable {
    /// The document title.
    public var title: String
    /// The authors, comma-separated.
    public var author: String
    /// A one-line description.
    public var subject: String
    /// Keywords, comma-separated.
    public var keywords: String
    /// The producing program and version.
    public var creator: String
    /// The creation date as ISO 8601 (`2025-06-22T00:00:00Z`), never the clock, so output is reproducible.
    public var creationDate: String?
    /// The language tag of the text.
    public var language: String

    /// Creates metadata.
    public init(title: String, author: String, subject: String, keywords: String, creator: String,
                creationDate: String?, language: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.creationDate = creationDate
        self.language = language
    }
}
