import GalleyModel

/// A page design: everything about how articles look, loaded from `Layouts/*.yaml`.
public struct StyleSheet: Codable, Sendable, Equatable {
    /// The publisher's name, site, colophon and logo from `galley.yaml`; nil when there is none. Never set by a layout.
    public var identity: PublisherIdentity?
    /// The sheet and margins.
    public var page: PageSpec
    /// Font stacks by name; a paragraph style's `font` names a stack or a single family.
    public var fonts: [String: FontStack]
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
    /// Changes to the built-in printed words, by language tag (`fr`, `zh-Hant`).
    public var labels: [String: LabelOverrides]
    /// How the PDF file is written.
    public var pdf: PDFSettings
    /// What becomes of images too large to embed as they are.
    public var images: ImageSettings
    /// The body's columns; nil sets it in one column as wide as the text block.
    public var columns: ColumnSettings?
    /// An opening drop cap on the article's first paragraph; nil for none.
    public var dropCap: DropCapSettings?
    /// Accent colours by section (`#rrggbb`, keyed by the section's name as an article's kicker gives it, compared
    /// without regard to case): an article of a listed section has its kicker, the rule under its title block, its
    /// drop cap and its pull quotes in that colour.
    public var sectionColors: [String: String]?
    /// Where figures float; nil for where they fall, or on top of the next column or page when they do not fit.
    public var figures: FigureSettings?

    /// The places a figure may take, in the layout's order of preference.
    public var figurePlacement: [FigurePlacement] { figures?.placement ?? FigureSettings.defaultPlacement }

    /// The body's columns, one when the layout names none.
    public var bodyColumns: ColumnSettings { columns ?? ColumnSettings(count: 1, gutter: 0) }

    /// The line-breaking parameters of the body: the layout's, with its columns' overrides when it has several.
    public var bodyLineBreaking: LineBreakingParameters {
        guard let columns, columns.count > 1, let overrides = columns.lineBreaking else { return lineBreaking }
        return overrides.applied(to: lineBreaking)
    }

    /// The labels for `language` (a BCP 47 tag): the built-in words of the tag, its Chinese variant or its primary
    /// subtag, with the layout's overrides of the primary subtag and then of the tag applied; English when Galley
    /// has no words for the language.
    public func labels(for language: String) -> ResolvedLabels {
        let tag = LanguageTag(language)
        let candidates = [language, tag.hanVariant, tag.primary].compactMap { $0 }
        let builtIn = candidates.first { BuiltInLabels.all[$0] != nil }
        let overridden = candidates.first { labels[$0] != nil }
        var result = BuiltInLabels.all[builtIn ?? "en"]!
        for key in [tag.primary, language] {
            if let overrides = labels[key] { result = overrides.applied(to: result) }
        }
        return ResolvedLabels(labels: result, entry: builtIn ?? overridden)
    }

    /// The width of the text block.
    public var textWidth: Double { page.size.width.points - page.margins.inner.points - page.margins.outer.points }
    /// The height of the text block.
    public var textHeight: Double { page.size.height.points - page.margins.top.points - page.margins.bottom.points }
}
