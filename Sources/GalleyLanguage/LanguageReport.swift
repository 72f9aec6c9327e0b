/// What a `LanguageAnnotator` found in one article and changed in it.
public struct LanguageReport: Sendable, Equatable {
    /// The language detected for an article whose source did not declare one; nil when the source declared it, or
    /// when the article has no letters to detect from (its language then stays English).
    public var detectedLanguage: String?
    /// The blocks wrapped in a language span, in document order.
    public var markedBlocks: [MarkedBlock]

    /// Creates a report.
    public init(detectedLanguage: String? = nil, markedBlocks: [MarkedBlock] = []) {
        self.detectedLanguage = detectedLanguage
        self.markedBlocks = markedBlocks
    }
}
