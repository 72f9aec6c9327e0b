/// The labels for an article's language, and whether Galley actually has words in that language.
public struct ResolvedLabels: Sendable, Equatable {
    /// The words to print.
    public var labels: Labels
    /// The built-in or layout entry used (`zh-Hant`, `fr`), or nil when none exists and English was used.
    public var entry: String?

    /// Creates a resolution.
    public init(labels: Labels, entry: String?) {
        self.labels = labels
        self.entry = entry
    }
}
