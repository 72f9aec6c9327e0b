/// A table: header rows repeated on every page it spans, then body rows.
public struct Table: Codable, Sendable, Equatable {
    /// How a column's cells are aligned.
    public enum ColumnAlignment: String, Codable, Sendable {
        /// Flush left.
        case left
        /// Centred.
        case center
        /// Flush right (numbers).
        case right
    }

    /// Header rows.
    public var header: [[TableCell]]
    /// Body rows.
    public var rows: [[TableCell]]
    /// Per-column alignment; missing columns are left-aligned.
    public var alignments: [ColumnAlignment]
    /// The table's caption.
    public var caption: [Inline]?

    /// Creates a table.
    public init(header: [[TableCell]] = [], rows: [[TableCell]], alignments: [ColumnAlignment] = [], caption: [Inline]? = nil) {
        self.header = header
        self.rows = rows
        self.alignments = alignments
        self.caption = caption
    }
}

/// One cell of a table.
public struct TableCell: Codable, Sendable, Equatable {
    /// The cell's text.
    public var content: [Inline]

    /// Creates a cell.
    public init(_ content: [Inline]) {
        self.content = content
    }
}
