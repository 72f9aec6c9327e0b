/// An article's text-block pages before running heads, feet and margins are added.
///
/// The same layout becomes the article's own PDF or its pages in an issue bundle, so the
/// lines and breaks are the same in both. `Codable`, so layouts can be cached between runs.
public struct ArticleLayout: Codable, Sendable, Equatable {
    /// Each page's items, positioned from the text block's top-left corner.
    public var pages: [[PositionedItem]]
    /// Outline entries; `page` counts from the article's first page.
    public var outline: [OutlineEntry]
    /// The article's document information.
    public var metadata: DocumentMetadata
    /// What the typesetter measured.
    public var quality: QualityReport
    /// The article's logical structure, which the items' `node`s index: an `Art` and what it holds, under a
    /// `Document` at index 0.
    public var structure: [StructureNode] = []

    /// Creates a layout.
    public init(pages: [[PositionedItem]], outline: [OutlineEntry], metadata: DocumentMetadata, quality: QualityReport,
                structure: [StructureNode] = []) {
        self.structure = structure
        self.pages = pages
        self.outline = outline
        self.metadata = metadata
        self.quality = quality
    }
}
