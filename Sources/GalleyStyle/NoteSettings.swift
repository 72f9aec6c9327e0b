/// Where notes go and how the footnote area is set off from the text.
public struct NoteSettings: Codable, Sendable, Equatable {
    /// Where notes are printed.
    public enum Placement: String, Codable, Sendable {
        /// At the foot of the page that calls them.
        case footnotes
        /// Together after the text, under a heading.
        case endnotes
    }

    /// Footnotes or endnotes.
    public var placement: Placement
    /// The length of the rule above footnotes.
    public var ruleWidth: Length
    /// The thickness of that rule.
    public var ruleThickness: Length
    /// The space between the text and the footnotes (the rule sits in its middle).
    public var separation: Length
}
