import Foundation

/// An item of a site's media library, as the REST API describes it (`/wp/v2/media`).
public struct WordPressMedia: Sendable, Equatable, Decodable {
    /// The attachment id.
    public var id: Int
    /// The post it is attached to, if any.
    public var post: Int?
    /// The file's URL.
    public var sourceURL: URL?
    /// The file's MIME type (`application/pdf`).
    public var mimeType: String
    /// The title as stored (or as rendered, when the answer had no raw form).
    public var title: String
    /// The description as stored (with `context=edit`), or as rendered.
    public var description: String

    /// Creates a media item.
    public init(id: Int, post: Int?, sourceURL: URL?, mimeType: String, title: String, description: String) {
        self.id = id
        self.post = post
        self.sourceURL = sourceURL
        self.mimeType = mimeType
        self.title = title
        self.description = description
    }

    /// The file name at the end of the file's URL (`power-station_a12.pdf`).
    public var fileName: String? {
        sourceURL?.lastPathComponent
    }

    private enum CodingKeys: String, CodingKey {
        case id, post, title, description
        case sourceURL = "source_url"
        case mimeType = "mime_type"
    }

    /// WordPress's `{"raw": …, "rendered": …}` text fields; `raw` only with `context=edit`.
    private struct Text: Decodable {
        var raw: String?
        var rendered: String?
    }

    /// Reads the REST API's JSON for a media item.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        post = try container.decodeIfPresent(Int.self, forKey: .post)
        sourceURL = try container.decodeIfPresent(String.self, forKey: .sourceURL).flatMap(URL.init(string:))
        mimeType = try container.decodeIfPresent(String.self, forKey: .mimeType) ?? ""
        let title = try container.decodeIfPresent(Text.self, forKey: .title)
        self.title = title?.raw ?? title?.rendered ?? ""
        let description = try container.decodeIfPresent(Text.self, forKey: .description)
        self.description = description?.raw ?? description?.rendered ?? ""
    }
}
