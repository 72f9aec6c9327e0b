import GalleyDiagnostics
import GalleyModel

/// One body block as written in JSON.
struct BlockElement: Decodable {
    static let types = ["heading", "paragraph", "quote", "pullquote", "list", "note", "rule", "figure", "table", "preformatted"]
    var block: Block

    init(from decoder: any Decoder) throws {
        let container: KeyedDecodingContainer<AnyKey>
        do {
            container = try decoder.container(keyedBy: AnyKey.self)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a block object with a \"type\""))
        }
        let type = try container.decode(String.self, forKey: AnyKey("type"))
        func inlines() throws -> [Inline] {
            try container.decode(InlineContent.self, forKey: AnyKey("content")).inlines
        }
        func blocks() throws -> [Block] {
            try container.decodeEach(BlockElement.self, forKey: "blocks").map(\.block)
        }
        switch type {
        case "paragraph":
            try decoder.rejectUnknownFields(allowed: ["type", "content"])
            block = .paragraph(try inlines())
        case "heading":
            try decoder.rejectUnknownFields(allowed: ["type", "level", "content"])
            let level = try container.decode(Int.self, forKey: AnyKey("level"))
            guard level == 2 || level == 3 else {
                throw container.invalid("level", "heading level \(level) is not supported (expected 2 or 3; level 1 is the article's title)")
            }
            block = .heading(level: level, content: try inlines())
        case "quote":
            try decoder.rejectUnknownFields(allowed: ["type", "blocks", "attribution"])
            block = .quote(content: try blocks(), attribution: try container.decodeIfPresent(String.self, forKey: AnyKey("attribution")))
        case "pullquote":
            try decoder.rejectUnknownFields(allowed: ["type", "content", "attribution"])
            block = .pullQuote(content: try inlines(), attribution: try container.decodeIfPresent(String.self, forKey: AnyKey("attribution")))
        case "list":
            try decoder.rejectUnknownFields(allowed: ["type", "ordered", "items"])
            let ordered = try container.decodeIfPresent(Bool.self, forKey: AnyKey("ordered")) ?? false
            let items = try container.decodeEach(ListItemElement.self, forKey: "items").map(\.blocks)
            block = .list(ordered: ordered, items: items)
        case "note":
            try decoder.rejectUnknownFields(allowed: ["type", "label", "blocks"])
            block = .note(label: try container.decodeIfPresent(String.self, forKey: AnyKey("label")), content: try blocks())
        case "rule":
            try decoder.rejectUnknownFields(allowed: ["type"])
            block = .rule
        case "figure":
            try decoder.rejectUnknownFields(allowed: ["type", "src", "alt", "caption", "credit"])
            let source = try container.decode(String.self, forKey: AnyKey("src"))
            guard !source.isEmpty else { throw container.invalid("src", "the image path is empty") }
            block = .figure(Figure(source: source, alt: try container.decodeIfPresent(String.self, forKey: AnyKey("alt")) ?? "",
                                   caption: try container.decodeIfPresent(InlineContent.self, forKey: AnyKey("caption"))?.inlines,
                                   credit: try container.decodeIfPresent(String.self, forKey: AnyKey("credit"))))
        case "table":
            try decoder.rejectUnknownFields(allowed: ["type", "header", "rows", "align", "caption"])
            let header = try container.decodeIfPresent([[InlineContent]].self, forKey: AnyKey("header")) ?? []
            let rows = try container.decode([[InlineContent]].self, forKey: AnyKey("rows"))
            let alignments = try container.decodeIfPresent([Table.ColumnAlignment].self, forKey: AnyKey("align")) ?? []
            block = .table(Table(header: header.map { $0.map { TableCell($0.inlines) } }, rows: rows.map { $0.map { TableCell($0.inlines) } },
                                 alignments: alignments,
                                 caption: try container.decodeIfPresent(InlineContent.self, forKey: AnyKey("caption"))?.inlines))
        case "preformatted":
            try decoder.rejectUnknownFields(allowed: ["type", "text", "language"])
            block = .preformatted(try container.decode(String.self, forKey: AnyKey("text")),
                                  language: try container.decodeIfPresent(String.self, forKey: AnyKey("language")))
        default:
            throw container.invalid("type", "unknown block type \(QuotedValue.quote(type)) (expected one of \(Self.types.joined(separator: ", ")))")
        }
    }
}

/// A list item: inline content, or `{"blocks": [...]}`.
struct ListItemElement: Decodable {
    var blocks: [Block]

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            try decoder.rejectUnknownFields(allowed: ["blocks"])
            blocks = try container.decodeEach(BlockElement.self, forKey: "blocks").map(\.block)
        } else {
            blocks = [.paragraph(try InlineContent(from: decoder).inlines)]
        }
    }
}
