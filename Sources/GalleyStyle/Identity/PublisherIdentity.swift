/// Who publishes the articles: the values running lines name (`{publication}`, `{site}`, `{colophon}`) and the logo.
///
/// It comes from `galley.yaml`, never from a layout, so that one design serves any publisher; it travels inside the
/// `StyleSheet` because everything that sets or hashes a PDF (workers, the content hash) already receives the sheet.
public struct PublisherIdentity: Codable, Sendable, Equatable {
    /// The publication's name, for `{publication}`.
    public var publication: String?
    /// The publisher's web address, for `{site}`.
    public var site: String?
    /// The colophon or footer text, for `{colophon}`.
    public var colophon: String?
    /// The logo's absolute path (PNG or SVG), drawn where a running line's `logo` says.
    public var logo: String?

    /// Creates an identity; every part is optional.
    public init(publication: String? = nil, site: String? = nil, colophon: String? = nil, logo: String? = nil) {
        self.publication = publication
        self.site = site
        self.colophon = colophon
        self.logo = logo
    }
}
