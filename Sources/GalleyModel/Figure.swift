/// An image placed in the text, with what is printed around it.
public struct Figure: Codable, Sendable, Equatable {
    /// The image's path relative to the article's folder, or a URL (which is never fetched).
    public var source: String
    /// Text describing the image, printed in its place when it cannot be shown.
    public var alt: String
    /// The caption under the image.
    public var caption: [Inline]?
    /// Who made the image.
    public var credit: String?

    /// Creates a figure.
    public init(source: String, alt: String = "", caption: [Inline]? = nil, credit: String? = nil) {
        self.source = source
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }
}
