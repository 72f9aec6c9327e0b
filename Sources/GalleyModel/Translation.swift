/// The credit line of a translated article.
public struct Translation: Codable, Sendable, Equatable {
    /// Who translated it, e.g. "International Viewpoint".
    public var translator: String
    /// The publication the original appeared in.
    public var from: String?
    /// The address of the original.
    public var sourceURL: String?

    /// Creates a translation credit.
    public init(translator: String, from: String? = nil, sourceURL: String? = nil) {
        self.translator = translator
        self.from = from
        self.sourceURL = sourceURL
    }
}
