/// A language CLD2 found in a text.
public struct DetectedLanguage: Sendable, Equatable {
    /// The language as a BCP 47 tag (`fr`, `he`, `zh-Hant`).
    public var tag: String
    /// The share of the text in this language, 0 to 100, as CLD2 counts it (by bytes of UTF-8 letters).
    public var percent: Int
    /// Whether CLD2 trusts its answer: enough text, scored clearly ahead of the next language.
    public var reliable: Bool

    /// Creates a detection result.
    public init(tag: String, percent: Int, reliable: Bool) {
        self.tag = tag
        self.percent = percent
        self.reliable = reliable
    }
}
