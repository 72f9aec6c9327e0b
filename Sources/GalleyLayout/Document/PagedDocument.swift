/// The layout's finished product: pages of positioned items, an outline and metadata.
///
/// It is plain data (`Codable`), so renderers are pure functions of it and layouts can be cached.
public struct PagedDocument: Codable, Sendable, Equatable {
    /// The pages in order.
    public var pages: [Page]
    /// The bookmarks in document order.
    public var outline: [OutlineEntry]
    /// Document information.
    public var metadata: DocumentMetadata
    /// What the typesetter measured, for preflight.
    public var quality: QualityReport
    /// The logical structure the pages' content belongs to (see `StructureNode`); empty for an untagged document.
    public var structure: [StructureNode] = []

    /// Creates a document.
    public init(pages: [Page], outline: [OutlineEntry], metadata: DocumentMetadata, quality: QualityReport,
                structure: [StructureNode] = []) {
        self.structure = structure
        self.pages = pages
        self.outline = outline
        self.metadata = metadata
        self.quality = quality
    }
}
