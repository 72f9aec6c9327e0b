import Foundation
import GalleyExport
import GalleyWordPress

/// Posts of a WordPress site, read through its REST API with their embedded media (`GalleyWordPress`), and, when the
/// service has an application password, PDFs attached to them in the site's media library.
public struct WordPressPostSource: PostSource {
    private let site: WordPressSite
    private let canPublish: Bool

    /// The site's address.
    public var siteName: String { site.url.absoluteString }

    /// A source for the site at `site`; with `user` and `password`, it reads private posts too and can attach PDFs.
    public init(site address: String, user: String?, password: String?) throws {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw PostSourceError(notFound: false, "--wordpress \(address) is not an http(s) address of a site")
        }
        // Without a password, public posts are read as any visitor reads them.
        site = WordPressSite(url: url, user: user ?? "", password: password ?? "")
        canPublish = user != nil && password != nil
    }

    /// The post's REST JSON with `_embed`.
    public func post(id: Int) async throws -> Data {
        do {
            return try await site.post(id: id)
        } catch let error as WordPressError {
            throw PostSourceError(notFound: error.status == 404, error.description)
        }
    }

    /// Attaches `pdf` to post `post`, replacing Galley's earlier PDF of it; nil without a password.
    public func attach(_ pdf: Data, fileName: String, post: Int, title: String) async throws -> Int? {
        guard canPublish else { return nil }
        let outcome = try await WordPressPublisher(site: site).publish(pdf, fileName: fileName, post: post, title: title,
                                                                        sha256: ContentHasher.sha256(pdf))
        return outcome.attachment.id
    }
}
