import Foundation

/// A set article as a service hands it out: the PDF (and page 1 as a PNG when asked), and what the CMS shows.
public struct DocumentResult: Codable, Sendable {
    /// The article's id.
    public var id: String
    /// The article's title.
    public var title: String
    /// The article's language tag.
    public var language: String
    /// The file name the CMS attaches the PDF as (`slug_a<id>.pdf`).
    public var fileName: String
    /// The PDF's page count.
    public var pages: Int
    /// The label the CMS shows beside the attachment, in the article's language (`PDF - 906.7 KiB`).
    public var label: String
    /// The hash of everything the PDF is made from (as `galley export` computes it), lower-case hex.
    public var contentHash: String
    /// The PDF file's bytes.
    public var pdf: Data
    /// Page 1 as a PNG, when the job asked for it.
    public var thumbnail: Data?
    /// True when the PDF came from the cache, not from setting the article again.
    public var cached: Bool
    /// Every warning of every stage, one sentence each.
    public var warnings: [String]
}

/// Why a document could not be made, as the service answers it.
public struct DocumentFailure: Error, Codable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Codable, Sendable {
        /// The article (or the request for it) is at fault: a client error.
        case input
        /// Setting it took longer than allowed.
        case timeout
        /// Galley or a library failed (a crash, a worker that could not start): a server error.
        case internalError
        /// Every worker is busy and the queue is full: the client should retry later.
        case busy
    }

    /// What went wrong.
    public var kind: Kind
    /// The located sentence the command line would print.
    public var message: String

    /// A failure of `kind` saying `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
