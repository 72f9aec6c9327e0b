import Foundation
import GalleyRender

/// One article a service asks a worker process to set: its bytes, how to read them and which layout to set them in.
public struct DocumentJob: Codable, Sendable {
    /// The article file's bytes.
    public var article: Data
    /// How messages name the article (`<request>`, `post 42`).
    public var name: String
    /// The input format (`--from` names); nil reads Galley's JSON or a WordPress REST post, by its shape.
    public var format: String?
    /// The article to set when the bytes hold several (a WordPress export); nil takes the only one.
    public var articleID: String?
    /// The layout's name, one of those the service loaded.
    public var layout: String
    /// Also draw page 1 as a PNG this many pixels wide.
    public var thumbnailWidth: Int?
    /// Where PDFs are kept by content hash: an unchanged article is answered from here without being set again.
    public var cacheDirectory: String?

    /// A job for the article in `article`, named `name` in messages.
    public init(article: Data, name: String, format: String? = nil, articleID: String? = nil, layout: String,
                thumbnailWidth: Int? = nil, cacheDirectory: String? = nil) {
        self.article = article
        self.name = name
        self.format = format
        self.articleID = articleID
        self.layout = layout
        self.thumbnailWidth = thumbnailWidth
        self.cacheDirectory = cacheDirectory
    }
}

extension DocumentJob {
    /// The widest page image a job may ask for, in pixels.
    public static var maximumImageWidth: Int { PageImageRenderer.maximumWidth }
}
