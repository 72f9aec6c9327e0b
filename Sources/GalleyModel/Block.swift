/// A block-level element of an article's body.
public enum Block: Codable, Sendable, Equatable {
    /// A section heading of level 2 or 3 (level 1 is the article's title).
    case heading(level: Int, content: [Inline])
    /// A paragraph of running text.
    case paragraph([Inline])
    /// A quotation set off from the text, with an optional attribution.
    case quote(content: [Block], attribution: String?)
    /// A list; `ordered` numbers its items, each item holds blocks.
    case list(ordered: Bool, items: [[Block]])
    /// A boxed note inside the body, with an optional label.
    case note(label: String?, content: [Block])
    /// A horizontal rule between parts of the text.
    case rule
}

extension Block {
    /// The block's text with all markup removed, paragraphs separated by newlines.
    public var plainText: String {
        switch self {
        case .heading(_, let content), .paragraph(let content): return content.plainText
        case .quote(let content, let attribution):
            return (content.map(\.plainText) + (attribution.map { [$0] } ?? [])).joined(separator: "\n")
        case .list(_, let items): return items.flatMap { $0.map(\.plainText) }.joined(separator: "\n")
        case .note(let label, let content): return ((label.map { [$0] } ?? []) + content.map(\.plainText)).joined(separator: "\n")
        case .rule: return ""
        }
    }
}
