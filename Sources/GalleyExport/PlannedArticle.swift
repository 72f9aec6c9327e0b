import Foundation

/// What an export's first pass learns of an article: where it is, what it will be called, and its content hash.
///
/// Kept small (no title, no warnings: the second pass reads the article again) because a run writes one per article
/// to its plan and sends it to a worker.
struct PlannedArticle: Sendable, Codable {
    /// The index of its file among the run's inputs.
    var file: Int
    /// Its position among the file's articles.
    var index: Int
    /// The file as messages and the manifest name it (and, but for standard input, its path).
    var source: String
    /// The SHA-256 of the file's bytes, so that a file edited mid-run is caught.
    var sourceDigest: HexDigest
    /// The article's id.
    var id: String
    /// The PDF's file name.
    var output: String
    /// The hash of everything the PDF is made from.
    var contentHash: HexDigest
}
