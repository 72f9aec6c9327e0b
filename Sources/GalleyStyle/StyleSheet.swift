/// A page design: everything about how articles look, loaded from `Layouts/*.yaml`.
public struct StyleSheet: Codable, Sendable, Equatable {
    /// The publication's name, printed in running heads.
    public var publication: String
    /// The sheet and margins.
    public var page: PageSpec
    /// The paragraph styles.
    public var styles: Styles
    /// The running head above the text block.
    public var header: RunningLine
    /// The running foot below the text block.
    public var footer: RunningLine
    /// Whether the first paragraph after a heading keeps its first-line indent.
    public var indentAfterHeading: Bool
    /// Line-breaking parameters.
    public var lineBreaking: LineBreakingParameters
    /// Page-breaking rules.
    public var pagination: PaginationRules
    /// Footnotes or endnotes, and the footnote rule.
    public var notes: NoteSettings
    /// Table rules and padding.
    public var tables: TableSettings
    /// Printed words by language tag; `en` is the fallback.
    public var labels: [String: Labels]
    /// How the PDF file is written.
    public var pdf: PDFSettings

    /// The labels for `language` (a BCP 47 tag), falling back to its primary subtag and then to English.
    public func labels(for language: String) -> Labels {
        let primary = language.split(separator: "-").first.map(String.init) ?? language
        return labels[language] ?? labels[primary] ?? labels["en"] ?? labels.sorted { $0.key < $1.key }.first!.value
    }

    /// The width of the text block.
    public var textWidth: Double { page.size.width.points - page.margins.inner.points - page.margins.outer.points }
    /// The height of the text block.
    public var textHeight: Double { page.size.height.points - page.margins.top.points - page.margins.bottom.points }
}
