import Foundation

/// What became of one article (or of one unreadable file) in an export run.
public struct ArticleOutcome: Sendable, Equatable, Codable {
    /// How the article ended.
    public enum Status: String, Sendable, Codable {
        /// Laid out and written.
        case rebuilt
        /// Its PDF was up to date.
        case skipped
        /// It could not be read, laid out or written; `message` says why.
        case failed
    }

    /// How the article ended.
    public var status: Status
    /// The file it came from.
    public var source: String
    /// Its id, once known.
    public var id: String?
    /// The PDF's file name in the output folder, once known.
    public var output: String?
    /// Pages in the PDF (0 for failures).
    public var pages: Int = 0
    /// Bytes in the PDF (0 for failures).
    public var bytes: Int = 0
    /// Seconds spent on the article in this run.
    public var seconds: Double = 0
    /// For failures, the diagnostic (`file:line: path: message`).
    public var message: String?
    /// Warnings of every stage, each a sentence naming the file (also in the manifest entry).
    public var warnings: [String] = []

    /// Creates an outcome.
    public init(status: Status, source: String, id: String? = nil, output: String? = nil, pages: Int = 0, bytes: Int = 0,
                seconds: Double = 0, message: String? = nil, warnings: [String] = []) {
        self.status = status
        self.source = source
        self.id = id
        self.output = output
        self.pages = pages
        self.bytes = bytes
        self.seconds = seconds
        self.message = message
        self.warnings = warnings
    }
}
