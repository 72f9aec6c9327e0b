import Foundation

/// A file carried inside a PDF as its source (PDF/A-3 associated file with `/AFRelationship /Source`).
public struct EmbeddedSource: Sendable, Equatable {
    /// The file's name, as the PDF's file specification gives it.
    public var fileName: String
    /// The file's MIME type, such as `application/json`.
    public var mimeType: String
    /// The file's bytes.
    public var data: Data
    /// What the file is, in words (the file specification's `/Desc`).
    public var description: String

    /// Creates an embedded file.
    public init(fileName: String, mimeType: String, data: Data, description: String) {
        self.fileName = fileName
        self.mimeType = mimeType
        self.data = data
        self.description = description
    }
}
