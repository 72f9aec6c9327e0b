import Foundation

/// Where `GET /v1/posts/{id}` finds a post: a CMS site's REST API (WordPress's, through `GalleyWordPress`).
public protocol PostSource: Sendable {
    /// The post `id` as the site's REST API gives it, with its embedded media (`?_embed`), in a format Galley reads.
    func post(id: Int) async throws -> Data
    /// The site, for messages.
    var siteName: String { get }
    /// Attaches `pdf` to post `post` in the site's media library, replacing Galley's earlier PDF of it, and returns the
    /// attachment's id; nil when this source cannot (no credentials).
    func attach(_ pdf: Data, fileName: String, post: Int, title: String) async throws -> Int?
}

/// Why a post could not be fetched: the site has no such post, or the site could not be asked.
public struct PostSourceError: Error, CustomStringConvertible, Sendable {
    /// Whether the site answered that there is no such post.
    public var notFound: Bool
    /// What happened, naming the address asked.
    public var description: String

    /// An error; `notFound` when the site said the post does not exist.
    public init(notFound: Bool, _ description: String) {
        self.notFound = notFound
        self.description = description
    }
}
