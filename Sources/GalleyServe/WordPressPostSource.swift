import Foundation
import GalleyFiles

/// Posts of a WordPress site, read through its REST API with their embedded media.
public struct WordPressPostSource: PostSource {
    /// The site's address.
    public let siteName: String

    /// A source reading posts from the WordPress site at `site`.
    public init(site: String, limits: Limits) throws {
        siteName = site
    }

    /// The post's REST JSON.
    public func post(id: Int) async throws -> Data {
        throw PostSourceError(notFound: false, "reading posts from \(siteName) is not built yet")
    }
}
