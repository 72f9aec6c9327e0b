/// A line or other unbreakable piece of a page's main column.
public struct VerticalBox: Sendable, Equatable {
    /// What kind of material the box holds, for the page builder's statistics.
    public enum Kind: Sendable, Equatable {
        /// Line `index` of `count` lines of paragraph `paragraph`.
        case line(paragraph: Int, index: Int, count: Int)
        /// A line of a heading.
        case heading
        /// A rule or other decoration.
        case other
        /// A line of a footnote, placed at the foot of the page.
        case note
        /// A figure, which may float to the next page while text continues.
        case float
    }

    /// The height the box takes.
    public var height: Double
    /// Items positioned from the box's top-left corner at the text block's left edge.
    public var items: [PositionedItem]
    /// What the box is.
    public var kind: Kind
    /// Outline entries anchored at this box's top (their `page` is filled in by the page builder).
    public var anchors: [OutlineEntry]
    /// Ids of the footnotes this line calls.
    public var footnoteCalls: [String] = []
    /// The lines of footnotes first referenced in this box, one array per note.
    public var notes: [[VerticalBox]] = []
    /// Boxes repeated at the top of a page that starts with this box (a table's header rows).
    public var repeatedHeader: [VerticalBox] = []
    /// The index in the quality report's `lineNotes` of a problem with this line, so its page can be filled in.
    public var lineNote: Int?
    /// Whether the box is a figure set across the page's columns, which the page builder places at the top of a page.
    public var spansColumns = false
    /// The empty space at the foot of the box, part of its height (a figure's space after its caption), which a box
    /// set at the foot of a column leaves out so that its last line ends level with the column.
    public var spaceBelow = 0.0

    /// The baseline of the box's first line of text, from its top; nil for a box that draws no text.
    public var firstBaseline: Double? {
        for item in items { if case .glyphs = item.item { return item.origin.y } }
        return nil
    }

    /// Creates a box.
    public init(height: Double, items: [PositionedItem], kind: Kind, anchors: [OutlineEntry] = []) {
        self.height = height
        self.items = items
        self.kind = kind
        self.anchors = anchors
    }
}
