/// A span of text inside a block.
public indirect enum Inline: Codable, Sendable, Equatable {
    /// Plain text.
    case text(String)
    /// Emphasised (italic) content.
    case emphasis([Inline])
    /// Strong (bold) content.
    case strong([Inline])
    /// A hyperlink around its content.
    case link(url: String, content: [Inline])
    /// Code or other verbatim text.
    case code(String)
    /// A forced line break inside the block.
    case lineBreak
    /// Content in another language than the article's, for hyphenation.
    case language(tag: String, content: [Inline])
    /// Raised, smaller content (ordinals, exponents).
    case superscript([Inline])
    /// Lowered, smaller content (chemical formulas).
    case `subscript`([Inline])
    /// Struck-through content.
    case strikethrough([Inline])
    /// A call to the footnote with this id in `Article.footnotes`.
    case footnoteReference(String)

    /// The inline's text with all markup removed.
    public var plainText: String {
        switch self {
        case .text(let string), .code(let string): return string
        case .emphasis(let content), .strong(let content), .link(_, let content), .language(_, let content),
             .superscript(let content), .subscript(let content), .strikethrough(let content):
            return content.plainText
        case .lineBreak: return "\n"
        case .footnoteReference: return ""
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated text of these inlines with all markup removed.
    public var plainText: String { map(\.plainText).joined() }
}
