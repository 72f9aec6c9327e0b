import Foundation
import GalleyModel

/// Turns blocks and inline content into Galley JSON values, in the forms `BlockElement` and `InlineContent` read back
/// to the same model values.
struct BodyJSONEncoder {
    /// The footnote ids a reference may name; references to any other id are left out, because the reader rejects
    /// a body that calls a note the article lacks. Nil keeps every reference (outside the body the reader checks none).
    var footnoteIDs: Set<String>?

    func blocks(_ blocks: [Block]) -> JSONValue {
        .array(blocks.compactMap(block))
    }

    /// The block's object, or nil for a figure without an image address, which no reader accepts (the Markdown and
    /// HTML readers leave such images out too).
    func block(_ block: Block) -> JSONValue? {
        switch block {
        case .heading(let level, let content):
            // Only levels 2 and 3 exist in the format; the Markdown reader maps deeper levels to 3 the same way.
            return .object([("type", .string("heading")), ("level", .integer(level <= 2 ? 2 : 3)), ("content", inlines(content))])
        case .paragraph(let content):
            return .object([("type", .string("paragraph")), ("content", inlines(content))])
        case .quote(let content, let attribution):
            var members: [(key: String, value: JSONValue)] = [("type", .string("quote")), ("blocks", blocks(content))]
            if let attribution { members.append(("attribution", .string(attribution))) }
            return .object(members)
        case .pullQuote(let content, let attribution):
            var members: [(key: String, value: JSONValue)] = [("type", .string("pullquote")), ("content", inlines(content))]
            if let attribution { members.append(("attribution", .string(attribution))) }
            return .object(members)
        case .list(let ordered, let items):
            return .object([("type", .string("list")), ("ordered", .bool(ordered)), ("items", .array(items.map(listItem)))])
        case .note(let label, let content):
            var members: [(key: String, value: JSONValue)] = [("type", .string("note"))]
            if let label { members.append(("label", .string(label))) }
            members.append(("blocks", blocks(content)))
            return .object(members)
        case .rule:
            return .object([("type", .string("rule"))])
        case .figure(let figure):
            return self.figure(figure)
        case .table(let table):
            return self.table(table)
        case .preformatted(let text, let language):
            var members: [(key: String, value: JSONValue)] = [("type", .string("preformatted")), ("text", .string(text))]
            if let language { members.append(("language", .string(language))) }
            return .object(members)
        }
    }

    /// An item of one paragraph is written as its inline content, the short form people write; any other item
    /// (none, several blocks, a nested list) as `{"blocks": …}`, since inline content always reads back as one paragraph.
    private func listItem(_ item: [Block]) -> JSONValue {
        if item.count == 1, case .paragraph(let content) = item[0] { return inlines(content) }
        return .object([("blocks", blocks(item))])
    }

    private func figure(_ figure: Figure) -> JSONValue? {
        guard !figure.source.isEmpty else { return nil }
        var members: [(key: String, value: JSONValue)] = [("type", .string("figure")), ("src", .string(figure.source))]
        // An absent alt reads back as the empty string, so the empty string need not be written.
        if !figure.alt.isEmpty { members.append(("alt", .string(figure.alt))) }
        if let caption = figure.caption { members.append(("caption", inlines(caption))) }
        if let credit = figure.credit { members.append(("credit", .string(credit))) }
        return .object(members)
    }

    private func table(_ table: Table) -> JSONValue {
        func rows(_ rows: [[TableCell]]) -> JSONValue {
            .array(rows.map { row in .array(row.map { inlines($0.content) }) })
        }
        var members: [(key: String, value: JSONValue)] = [("type", .string("table"))]
        if !table.header.isEmpty { members.append(("header", rows(table.header))) }
        members.append(("rows", rows(table.rows)))
        if !table.alignments.isEmpty { members.append(("align", .array(table.alignments.map { .string($0.rawValue) }))) }
        if let caption = table.caption { members.append(("caption", inlines(caption))) }
        return .object(members)
    }

    /// Inline content: a lone text run as a plain string, anything else as an array. Adjacent text runs stay
    /// separate strings, because the JSON reader keeps them separate.
    func inlines(_ inlines: [Inline]) -> JSONValue {
        let elements = inlines.flatMap(self.elements)
        if elements.count == 1, case .string = elements[0] { return elements[0] }
        return .array(elements)
    }

    /// The array elements that write `inline`: usually one; none for a reference to a missing footnote; the
    /// content's own elements for a link without an address, which cannot be written while its words can (the
    /// Markdown reader keeps only the words of such a link too).
    private func elements(_ inline: Inline) -> [JSONValue] {
        func marked(_ type: String, _ content: [Inline]) -> [JSONValue] {
            [.object([("type", .string(type)), ("content", inlines(content))])]
        }
        switch inline {
        case .text(let text): return [.string(text)]
        case .emphasis(let content): return marked("emphasis", content)
        case .strong(let content): return marked("strong", content)
        case .link(let url, let content):
            let href = Self.href(url)
            guard !href.isEmpty else { return content.flatMap(elements) }
            return [.object([("type", .string("link")), ("href", .string(href)), ("content", inlines(content))])]
        case .code(let text): return [.object([("type", .string("code")), ("text", .string(text))])]
        case .lineBreak: return [.object([("type", .string("break"))])]
        case .language(let tag, let content):
            return [.object([("type", .string("span")), ("lang", .string(tag)), ("content", inlines(content))])]
        case .superscript(let content): return marked("superscript", content)
        case .subscript(let content): return marked("subscript", content)
        case .strikethrough(let content): return marked("strikethrough", content)
        case .footnoteReference(let id):
            if let footnoteIDs, !footnoteIDs.contains(id) { return [] }
            return [.object([("type", .string("footnote")), ("ref", .string(id))])]
        }
    }

    /// `url` without whitespace at its ends and with whitespace inside percent-encoded, as the reader requires of an
    /// address; it still points where it did (the HTML reader trims and encodes spaces the same way).
    static func href(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.contains(where: \.isWhitespace) else { return trimmed }
        var result = ""
        for character in trimmed {
            guard character.isWhitespace else { result.append(character); continue }
            for byte in String(character).utf8 { result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
        }
        return result
    }
}
