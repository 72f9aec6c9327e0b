import GalleyDiagnostics
import GalleyModel

/// Checks that footnote ids are unique and that every reference has its note.
enum FootnoteCheck {
    static func validate(_ article: Article, container: KeyedDecodingContainer<AnyKey>) throws {
        var seen = Set<String>()
        for (index, note) in article.footnotes.enumerated() {
            guard seen.insert(note.id).inserted else {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [AnyKey("footnotes"), AnyKey(intValue: index)!, AnyKey("id")],
                                                        debugDescription: "footnote id \(QuotedValue.quote(note.id)) is used twice"))
            }
        }
        for (index, block) in article.body.enumerated() {
            for reference in references(in: block) where !seen.contains(reference) {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [AnyKey("blocks"), AnyKey(intValue: index)!],
                                                        debugDescription: "refers to footnote \(QuotedValue.quote(reference)), which is not in \"footnotes\""))
            }
        }
    }

    static func references(in block: Block) -> [String] {
        switch block {
        case .heading(_, let content), .paragraph(let content), .pullQuote(let content, _): return references(in: content)
        case .quote(let content, _), .note(_, let content): return content.flatMap(references(in:))
        case .list(_, let items): return items.flatMap { $0.flatMap(references(in:)) }
        case .figure(let figure): return references(in: figure.caption ?? [])
        case .table(let table): return (table.header + table.rows).flatMap { $0.flatMap { references(in: $0.content) } }
        case .rule, .preformatted: return []
        }
    }

    static func references(in inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case .footnoteReference(let id): return [id]
            case .emphasis(let content), .strong(let content), .link(_, let content), .language(_, let content),
                 .superscript(let content), .subscript(let content), .strikethrough(let content):
                return references(in: content)
            case .text, .code, .lineBreak: return []
            }
        }
    }
}
