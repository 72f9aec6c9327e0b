/// A standard structure type of tagged PDF (ISO 32000-1, 14.8.4), named as the PDF writes it.
public enum StructureRole: String, Codable, Sendable, Equatable {
    case document = "Document"
    case article = "Art"
    case section = "Sect"
    case division = "Div"
    case heading1 = "H1"
    case heading2 = "H2"
    case heading3 = "H3"
    case heading4 = "H4"
    case heading5 = "H5"
    case heading6 = "H6"
    case paragraph = "P"
    case list = "L"
    case listItem = "LI"
    case label = "Lbl"
    case listBody = "LBody"
    case blockQuote = "BlockQuote"
    case figure = "Figure"
    case caption = "Caption"
    case table = "Table"
    case tableRow = "TR"
    case tableHeaderCell = "TH"
    case tableCell = "TD"
    case note = "Note"
    case reference = "Reference"
    case link = "Link"
    case span = "Span"
    case code = "Code"
    case tableOfContents = "TOC"
    case tableOfContentsItem = "TOCI"

    /// The heading element for outline level `level` (1 for the title, 2 for a section, …), capped at H6.
    public static func heading(level: Int) -> StructureRole {
        [.heading1, .heading2, .heading3, .heading4, .heading5, .heading6][max(0, min(5, level - 1))]
    }

    /// The heading level of an `H1`…`H6` element, or nil for any other.
    public var headingLevel: Int? {
        switch self {
        case .heading1: 1
        case .heading2: 2
        case .heading3: 3
        case .heading4: 4
        case .heading5: 5
        case .heading6: 6
        default: nil
        }
    }
}
