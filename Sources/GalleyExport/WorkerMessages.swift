import Foundation
import GalleyFetch
import GalleyFiles
import GalleyStyle

/// What an export's worker process is told once, before any article: everything it needs to read, hash and set
/// articles exactly as the parent would.
struct WorkerSetup: Codable, Sendable {
    var sheet: StyleSheet
    var resourcesRoot: String
    var lineBreaker: String?
    var format: String?
    var outputDirectory: String
    var shard: String?
    var keepLayouts: Bool
    var limits: Limits
    /// How remote figure images are fetched, or nil not to fetch them; its `checkedSince` is the parent's start, so
    /// every worker trusts what another checked during this run.
    var images: ImageFetchSettings?
    /// The layouts a service's worker may be asked for, by name (nil for an export's, which has one).
    var layouts: [String: StyleSheet]? = nil
}

/// One piece of work for a worker: read and plan a file, or set one planned article.
enum WorkerRequest: Codable, Sendable {
    /// Read, hash and name every article of the input file `file` at `path` (with standard input's bytes for `-`).
    case scan(file: Int, path: String, standardInput: Data?)
    /// Set `article` from the file at `path`, write its PDF and say how it went.
    case render(article: PlannedArticle, path: String, standardInput: Data?)
    /// Set one posted article for a service (`galley serve`).
    case document(DocumentJob)
}

/// What a worker answers.
enum WorkerReply: Codable, Sendable {
    /// A file's articles, planned, and the ones that could not be.
    case scanned(ScanResult)
    /// One article set (with its manifest entry) or failed.
    case rendered(RenderResult)
    /// A service's document, or why it could not be made.
    case document(DocumentReply)
}

/// A service's document or its failure: the two halves of a `Result`, which is not `Codable`.
struct DocumentReply: Codable, Sendable {
    var result: DocumentResult?
    var failure: DocumentFailure?
}

/// The first pass's result for one file.
struct ScanResult: Codable, Sendable {
    var planned: [PlannedArticle] = []
    var failures: [ArticleOutcome] = []
    var otherShards = 0
}

/// The second pass's result for one article.
struct RenderResult: Codable, Sendable {
    var entry: ManifestEntry?
    var outcome: ArticleOutcome
}
