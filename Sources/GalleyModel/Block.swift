/// A block-level element of an article's body.
public enum Block: Codable, Sendable, Equatable {
    /// A section heading of level 2 or 3 (level 1 is the article's title).
    case heading(level: Int, content: [Inline])
    /// A paragraph of running text.
    case paragraph([Inline])
    /// A quotation set off from the text, with an optional attribution.
    case quote(content: [Block], attribution: String?)
    /// A pull quote: a short passage set large between rules to catch the eye, with an optional attribution.
    case pullQuote(content: [Inline], attribution: String?)
    /// A list; `ordered` numbers its items, each item holds blocks.
    case list(ordered: Bool, items: [[Block]])
    /// A boxed note inside the body, with an optional label.
    case note(label: String?, content: [Block])
    /// A horizontal rule between parts of the text.
    case rule
    /// An image with its caption and credit.
    case figure(Figure)
    /// A table of text cells.
    case table(Table)
    /// Preformatted text (code, verse kept as typed), with an optional language name.
    case preformatted(String, language: String?)
}

extension Block {
    /// The block's text with all markup removed, paragraphs separated by newlines.
    public var plainText: String {
        switch self {
        case .heading(_, let content), .paragraph(let content): return content.plainText
        case .quote(let content, let attribution):
            return (content.map(\.plainText) + (attribution.map { [$0] } ?? [])).joined(separator: "\n")
        case .pullQuote(let content, let attribution):
            return ([content.plainText] + (attribution.map { [$0] } ?? [])).joined(separator: "\n")
        case .list(_, let items): return items.flatMap { $0.map(\.plainText) }.joined(separator: "\n")
        case .note(let label, let content): return ((label.map { [$0] } ?? []) + content.map(\.plainText)).joined(separator: "\n")
        case .rule: return ""
        case .figure(let figure):
            return ([figure.caption?.plainText, figure.credit].compactMap { $0 }).joined(separator: "\n")
        case .table(let table):
            return (table.header + table.rows).map { row in row.map(\.content.plainText).joined(separator: " ") }.joined(separator: "\n")
        case .preformatted(let text, _): return text
        }
    }
}
