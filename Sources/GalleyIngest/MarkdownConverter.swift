import CCmarkGFM
import Foundation
import GalleyDiagnostics
import GalleyModel

/// Turns cmark-gfm's node tree into article blocks and footnotes, noting what it could not map.
final class MarkdownConverter {
    /// Warnings name this file.
    let file: String
    /// A line to report for everything, for Markdown taken from one front-matter value.
    private let fixedLine: Int?
    private(set) var warnings: [Diagnostic] = []
    /// The footnotes met so far; cmark numbers them by first reference and puts them at the end in that order.
    private(set) var footnotes: [Footnote] = []
    private var pendingFigures: [Figure] = []
    private var flattened = false
    private var rawHTMLLines = Set<Int>()
    /// How deeply lists, quotes and inline markup may nest before deeper levels are flattened (each is a call frame).
    private let nestingLimit: Int

    /// Creates a converter whose warnings name `file`, at `fixedLine` when given, flattening past `nestingLimit` levels.
    init(file: String, fixedLine: Int? = nil, nestingLimit: Int) {
        self.file = file
        self.fixedLine = fixedLine
        self.nestingLimit = nestingLimit
    }

    /// The blocks of the children of `node` (a document, quote or list item).
    func blocks(ofChildren node: OpaquePointer, depth: Int = 0) -> [Block] {
        let children = CMarkDocument.children(of: node)
        if depth > nestingLimit { return flatten(children) }
        var result: [Block] = []
        for child in children {
            result += block(child, depth: depth + 1)
            result += takeFigures()
        }
        return result
    }

    /// The inline content of `node` with split text merged; images inside become figures for the caller to take.
    ///
    /// Whitespace is collapsed as in HTML, since dropped images and tags leave doubled or dangling spaces.
    func inlineContent(of node: OpaquePointer) -> [Inline] {
        InlineNormalizer.collapsingWhitespace(inlines(ofChildren: node, depth: 0))
    }

    /// The figures met in inline content since the last call.
    func takeFigures() -> [Block] {
        defer { pendingFigures = [] }
        return pendingFigures.map(Block.figure)
    }

    private func line(of node: OpaquePointer) -> Int? {
        if let fixedLine { return fixedLine }
        let line = Int(cmark_node_get_start_line(node))
        return line > 0 ? line : nil
    }

    private func block(_ node: OpaquePointer, depth: Int) -> [Block] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            let content = inlineContent(of: node)
            return InlineNormalizer.isBlank(content) ? [] : [.paragraph(content)]
        case CMARK_NODE_HEADING:
            let content = inlineContent(of: node)
            guard !InlineNormalizer.isBlank(content) else { return [] }
            let level = Int(cmark_node_get_heading_level(node))
            if level == 1 {
                warnings.append(Diagnostic(.warning, file: file, line: line(of: node),
                                           message: "a level-1 heading (#) inside the text became a level-2 heading (level 1 is the title)"))
            }
            return [.heading(level: level <= 2 ? 2 : 3, content: content)]
        case CMARK_NODE_BLOCK_QUOTE:
            return [.quote(content: blocks(ofChildren: node, depth: depth), attribution: nil)]
        case CMARK_NODE_LIST:
            let items = CMarkDocument.children(of: node).map { blocks(ofChildren: $0, depth: depth + 1) }.filter { !$0.isEmpty }
            return items.isEmpty ? [] : [.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, items: items)]
        case CMARK_NODE_CODE_BLOCK:
            var text = CMarkDocument.literal(of: node)
            if text.hasSuffix("\n") { text.removeLast() }
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let language = info.split(separator: " ").first.map(String.init)
            return [.preformatted(text, language: language)]
        case CMARK_NODE_HTML_BLOCK:
            let html = CMarkDocument.literal(of: node)
            let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
            // A comment is how Markdown authors hide text; dropping it needs no warning.
            if trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") { return [] }
            noteRawHTML(at: line(of: node))
            let text = HTMLFragment(html: html, nestingLimit: nestingLimit).plainText
            return text.isEmpty ? [] : [.paragraph([.text(text)])]
        case CMARK_NODE_THEMATIC_BREAK:
            return [.rule]
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            let content = blocks(ofChildren: node, depth: depth)
            footnotes.append(Footnote(id: String(footnotes.count + 1), content: content))
            return []
        default:
            if CMarkDocument.typeName(of: node) == "table" { return [table(node, depth: depth)] }
            return blocks(ofChildren: node, depth: depth)
        }
    }

    private func table(_ node: OpaquePointer, depth: Int) -> Block {
        var header: [[TableCell]] = []
        var rows: [[TableCell]] = []
        for row in CMarkDocument.children(of: node) {
            let cells = CMarkDocument.children(of: row).map { TableCell(InlineNormalizer.collapsingWhitespace(inlines(ofChildren: $0, depth: depth))) }
            if CMarkDocument.typeName(of: row) == "table_header" { header.append(cells) } else { rows.append(cells) }
        }
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.ColumnAlignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node), columns > 0 {
            let found = (0..<columns).map { raw[$0] }
            if found.contains(where: { $0 != 0 }) {
                alignments = found.map { $0 == UInt8(ascii: "c") ? .center : ($0 == UInt8(ascii: "r") ? .right : .left) }
            }
        }
        return .table(Table(header: header, rows: rows, alignments: alignments))
    }

    private func inlines(ofChildren node: OpaquePointer, depth: Int) -> [Inline] {
        let children = CMarkDocument.children(of: node)
        if depth > nestingLimit {
            noteFlattened(at: line(of: node))
            var text = ""
            for child in children { text += Self.plainText(of: child) }
            return [.text(text)]
        }
        return children.flatMap { inline($0, depth: depth + 1) }
    }

    private func inline(_ node: OpaquePointer, depth: Int) -> [Inline] {
        func children() -> [Inline] { inlines(ofChildren: node, depth: depth) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return [.text(CMarkDocument.literal(of: node))]
        case CMARK_NODE_SOFTBREAK: return [.text(" ")]
        case CMARK_NODE_LINEBREAK: return [.lineBreak]
        case CMARK_NODE_CODE: return [.code(CMarkDocument.literal(of: node))]
        case CMARK_NODE_EMPH: return [.emphasis(children())]
        case CMARK_NODE_STRONG: return [.strong(children())]
        case CMARK_NODE_FOOTNOTE_REFERENCE: return [.footnoteReference(CMarkDocument.literal(of: node))]
        case CMARK_NODE_LINK:
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            return url.isEmpty ? children() : [.link(url: url, content: children())]
        case CMARK_NODE_IMAGE:
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let alt = InlineNormalizer.merged(children()).plainText
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            if url.isEmpty {
                warnings.append(Diagnostic(.warning, file: file, line: line(of: node), message: "an image without an address was left out"))
            } else {
                pendingFigures.append(Figure(source: url, alt: alt, caption: title.isEmpty ? nil : [.text(title)]))
            }
            return []
        case CMARK_NODE_HTML_INLINE:
            let html = CMarkDocument.literal(of: node)
            if html.range(of: #"^<br\s*/?>$"#, options: [.regularExpression, .caseInsensitive]) != nil { return [.lineBreak] }
            if !html.hasPrefix("<!--") { noteRawHTML(at: line(of: node)) }
            return []
        default:
            if CMarkDocument.typeName(of: node) == "strikethrough" { return [.strikethrough(children())] }
            return children()
        }
    }

    /// Blocks nested past the limit, as paragraphs of plain text read with cmark's iterator.
    private func flatten(_ nodes: [OpaquePointer]) -> [Block] {
        var paragraphs: [String] = []
        var current = ""
        func endParagraph() {
            let text = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { paragraphs.append(text) }
            current = ""
        }
        for node in nodes {
            noteFlattened(at: line(of: node))
            CMarkDocument.walk(node) { child, entering in
                guard entering else { return }
                let type = cmark_node_get_type(child)
                if type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK) {
                    endParagraph()
                    if type == CMARK_NODE_CODE_BLOCK { current += CMarkDocument.literal(of: child) }
                } else {
                    current += Self.leafText(child)
                }
            }
        }
        endParagraph()
        return paragraphs.map { .paragraph([.text($0)]) }
    }

    /// The text of an inline subtree without markup, read with cmark's iterator.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        CMarkDocument.walk(node) { child, entering in
            if entering { text += leafText(child) }
        }
        return text
    }

    private static func leafText(_ node: OpaquePointer) -> String {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: return CMarkDocument.literal(of: node)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return " "
        default: return ""
        }
    }

    private func noteFlattened(at line: Int?) {
        guard !flattened else { return }
        flattened = true
        warnings.append(Diagnostic(.warning, file: file, line: line,
                                   message: "the Markdown nests more than \(nestingLimit) levels deep here (the nesting-depth limit); the deeper content was flattened into plain paragraphs"))
    }

    private func noteRawHTML(at line: Int?) {
        if let line, !rawHTMLLines.insert(line).inserted { return }
        warnings.append(Diagnostic(.warning, file: file, line: line, message: "raw HTML: its tags were dropped and its text kept"))
    }
}
