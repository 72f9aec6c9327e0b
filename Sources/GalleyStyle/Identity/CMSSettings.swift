/// The content management systems `galley.yaml` gives access to; only WordPress so far.
public struct CMSSettings: Codable, Sendable, Equatable {
    /// The WordPress site serve and publish use when the command line names none.
    public var wordpress: WordPressAccess?

    /// Creates CMS settings.
    public init(wordpress: WordPressAccess? = nil) {
        self.wordpress = wordpress
    }
}
