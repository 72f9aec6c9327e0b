import GalleyStyle

/// A paragraph of the main column with the spacing and keeping rules around it.
struct FlowBlock {
    enum Role: Equatable {
        case text
        case heading
        case titleBlock
        case decoration
        /// A part of a pull quote (its rules, text and attribution), which is never broken.
        case pullQuote
    }

    var paragraph: ParagraphSpec
    var role: Role
    var spaceBefore: Double
    var spaceAfter: Double
    /// A label hung in the left indent of the first line (list bullets and numbers).
    var marker: [StyledText]?
    /// Whether a page may not break right after this block's first line (the first item of a list or quote).
    var keepsFirstLineWithNext = false
    /// The outline entry this block starts, if any.
    var outline: (title: String, level: Int)?
    /// An image (or, when it cannot be shown, its alt text) set above the paragraph, which is then its caption.
    var figure: (image: ImageReference?, alt: [StyledText])?
    /// A table set in place of the paragraph (which is then its caption): cells' runs and column alignments.
    var table: (header: [[[StyledText]]], rows: [[[StyledText]]], alignments: [Alignment])?
    /// The structure element the block's text belongs to (a `P`, a heading, a `Caption`); -1 for decoration.
    var node: Int32 = -1
    /// The structure element of the marker (a list item's or a note's `Lbl`).
    var markerNode: Int32 = -1
    /// A figure's or table's own element (`Figure`, `Table`), when `node` is its caption.
    var blockNode: Int32 = -1
    /// A table's row elements (header rows first) and each row's cell elements.
    var tableNodes: [(row: Int32, cells: [Int32])] = []
    /// The layout's drop cap, on the article's first paragraph of body text only.
    var dropCap: DropCapSettings?
    /// A rule drawn instead of text (`paragraph` is then empty): width fraction and thickness.
    var rule: (width: Double, thickness: Double, color: Color)?
}
