import CLibXML2
import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyModel

/// Turns the elements of an HTML article into body blocks and footnotes, noting what it could not map.
///
/// Deep nesting is flattened past the nesting-depth limit, because each level is a call frame.
final class HTMLBodyConverter {
    /// How the HTML was produced, which changes how loose text is read.
    struct Options {
        /// WordPress's stored post content: blank lines separate paragraphs and single newlines break lines (`wpautop`).
        var autoParagraphs = false
        /// Whether `nav`, `header`, `footer` and `aside` are page chrome to drop rather than content.
        var dropPageChrome = false
        /// How deeply elements may nest before deeper ones are flattened into plain paragraphs.
        var nestingLimit = Limits().nestingDepth
    }

    /// Warnings name this file; their lines are those of the HTML text.
    let file: String
    private let options: Options
    private var footnotes: HTMLFootnotes?
    private var hidden: Set<xmlNodePtr> = []
    private var pendingFigures: [Figure] = []
    private var unknownElements: [(name: String, line: Int?, count: Int)] = []
    private var otherWarnings: [Diagnostic] = []
    private var flattened = false

    /// Elements whose content is never text of the article.
    static let ignoredElements: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base", "colgroup", "col", "source",
        "track", "param", "button", "input", "select", "textarea", "wbr",
    ]
    /// Containers whose children are read as if they stood in their place.
    static let containerElements: Set<String> = [
        "div", "section", "article", "main", "header", "footer", "aside", "nav", "center", "hgroup", "body", "html",
    ]
    /// Elements that start a block of their own.
    static let blockElements: Set<String> = containerElements.union([
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "hr", "table", "figure", "figcaption",
        "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd", "address", "details", "summary", "form",
        "fieldset", "menu",
    ])
    /// Inline elements without a meaning the model keeps; their text stands as it is.
    static let transparentInlineElements: Set<String> = [
        "span", "font", "abbr", "acronym", "time", "small", "big", "u", "ins", "mark", "bdi", "bdo", "data", "nobr",
    ]
    private static let pageChrome: Set<String> = ["nav", "header", "footer", "aside"]

    /// Creates a converter whose warnings name `file`.
    init(file: String, options: Options = Options()) {
        self.file = file
        self.options = options
    }

    /// Everything the converter noticed, unknown elements first by where they first appeared.
    var warnings: [Diagnostic] {
        let unknown = unknownElements.map { entry in
            let times = entry.count > 1 ? " (\(entry.count) times; first here)" : ""
            return Diagnostic(.warning, file: file, line: entry.line,
                              message: "unknown HTML element <\(entry.name)>\(times): its text was kept without its markup")
        }
        return unknown + otherWarnings
    }

    /// The footnotes found by `body(of:root:hiding:)`, in the order they are referenced.
    private(set) var footnoteList: [Footnote] = []

    /// The blocks of `container`; footnotes are looked for in the whole document under `root`, and `hiding` is skipped.
    func body(of container: xmlNodePtr, root: xmlNodePtr, hiding: Set<xmlNodePtr> = []) -> [Block] {
        let found = HTMLFootnotes(root: root, container: container)
        footnotes = found
        hidden = hiding.union(found.hidden)
        var body = blocks(of: container.childNodes, depth: 0)
        body += takeFigures()
        footnoteList = found.notes.map { note in
            hidden.remove(note.node)
            defer { hidden.insert(note.node) }
            let content = note.node.elementName == "p" ? blocks(of: [note.node], depth: 0) : blocks(of: note.node.childNodes, depth: 0)
            return Footnote(id: note.id, content: content + takeFigures())
        }
        return body
    }

    /// The blocks of the children of `element`, for notes and other parts read apart from the body.
    func blocks(inside element: xmlNodePtr, skipping: Set<xmlNodePtr> = []) -> [Block] {
        let saved = hidden
        hidden.formUnion(skipping)
        defer { hidden = saved }
        return blocks(of: element.childNodes, depth: 0) + takeFigures()
    }

    /// The inline content of `element`, whitespace collapsed; images inside are dropped.
    func inlineContent(of element: xmlNodePtr) -> [Inline] {
        let result = InlineNormalizer.collapsingWhitespace(inlines(of: element.childNodes, depth: 0))
        _ = takeFigures()
        return result
    }

    // MARK: Blocks

    private func blocks(of nodes: some Sequence<xmlNodePtr>, depth: Int) -> [Block] {
        if depth > options.nestingLimit { return flattened(nodes) }
        var result: [Block] = []
        var run: [Inline] = []
        func flush() {
            let paragraph = InlineNormalizer.collapsingWhitespace(run)
            if !InlineNormalizer.isBlank(paragraph) { result.append(.paragraph(paragraph)) }
            run = []
            result += takeFigures()
        }
        for node in nodes where !hidden.contains(node) {
            if node.isText {
                for (index, piece) in looseText(node.characters).enumerated() {
                    if index > 0 { flush() }
                    run += piece
                }
                continue
            }
            guard let name = node.elementName, !Self.ignoredElements.contains(name) else { continue }
            if options.dropPageChrome && Self.pageChrome.contains(name) { continue }
            if isBlock(node, name: name) {
                flush()
                result += block(node, name: name, depth: depth + 1)
                result += takeFigures()
            } else {
                run += inline(node, name: name, depth: depth + 1)
            }
        }
        flush()
        return result
    }

    private func isBlock(_ node: xmlNodePtr, name: String) -> Bool {
        if Self.blockElements.contains(name) { return true }
        // Any other element holding blocks (`<span><p>…</p></span>`, a card link around a `<div>`) is read as a
        // container so its paragraphs survive; its own inline meaning is lost, which is the lesser harm.
        return node.childElements.contains { Self.blockElements.contains($0.elementName ?? "") }
    }

    private static let inlineNames: Set<String> = [
        "a", "em", "i", "cite", "dfn", "var", "strong", "b", "sup", "sub", "code", "kbd", "samp", "tt", "br", "s", "del",
        "strike", "img",
    ]

    /// Text between blocks as paragraph pieces: with `autoParagraphs`, blank lines end paragraphs and newlines break lines.
    private func looseText(_ text: String) -> [[Inline]] {
        guard options.autoParagraphs else { return [[.text(text)]] }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var pieces: [[Inline]] = [[]]
        var afterParagraphEnd = false
        for (index, line) in lines.enumerated() {
            if index > 0, index < lines.count - 1, line.allSatisfy(\.isWhitespace) {
                if !afterParagraphEnd { pieces.append([]) }
                afterParagraphEnd = true
                continue
            }
            if index > 0, !afterParagraphEnd { pieces[pieces.count - 1].append(.lineBreak) }
            afterParagraphEnd = false
            pieces[pieces.count - 1].append(.text(line))
        }
        return pieces
    }

    private func brokenLines(_ text: String) -> [Inline] {
        guard options.autoParagraphs, text.contains("\n") else { return [.text(text)] }
        var result: [Inline] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if index > 0 { result.append(.lineBreak) }
            result.append(.text(line))
        }
        return result
    }

    private func block(_ node: xmlNodePtr, name: String, depth: Int) -> [Block] {
        switch name {
        case "p", "li", "dd", "dt", "td", "th", "tr", "thead", "tbody", "tfoot", "caption":
            // Parts met outside their list or table (or inside a <dl>, already reported) read as plain blocks.
            return blocks(of: node.childNodes, depth: depth)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let content = InlineNormalizer.collapsingWhitespace(inlines(of: node.childNodes, depth: depth))
            guard !InlineNormalizer.isBlank(content) else { return [] }
            let level = name == "h1" || name == "h2" ? 2 : 3
            if name == "h1" {
                otherWarnings.append(Diagnostic(.warning, file: file, line: node.line,
                                                message: "a level-1 heading inside the text became a level-2 heading (level 1 is the title)"))
            }
            return [.heading(level: level, content: content)]
        case "blockquote":
            let attributionNode = node.childElements.last { ["cite", "footer"].contains($0.elementName ?? "") }
            let attribution = attributionNode.map { $0.textContent.collapsingHTMLWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            if let attributionNode { hidden.insert(attributionNode) }
            let content = blocks(of: node.childNodes, depth: depth)
            guard !content.isEmpty || attribution != nil else { return [] }
            if Self.isPullQuote(node), let pulled = Self.pullQuote(content, attribution: attribution) { return [pulled] }
            return [.quote(content: content, attribution: attribution)]
        case "ul", "ol", "menu":
            return list(node, ordered: name == "ol", depth: depth)
        case "pre":
            var text = node.textContent.replacingOccurrences(of: "\r\n", with: "\n")
            if text.hasPrefix("\n") { text.removeFirst() }
            while text.hasSuffix("\n") { text.removeLast() }
            guard !text.isEmpty else { return [] }
            let codeChild = node.childElements.first { $0.elementName == "code" }
            let language = ([node] + (codeChild.map { [$0] } ?? [])).lazy.compactMap(Self.codeLanguage).first
            return [.preformatted(text, language: language)]
        case "hr":
            return [.rule]
        case "table":
            return table(node, depth: depth)
        case "figure":
            return figure(node, depth: depth)
        case "figcaption":
            let content = InlineNormalizer.collapsingWhitespace(inlines(of: node.childNodes, depth: depth))
            return InlineNormalizer.isBlank(content) ? [] : [.paragraph(content)]
        default:
            let known = Self.containerElements.contains(name) || Self.inlineNames.contains(name)
                || Self.transparentInlineElements.contains(name)
            if !known { noteUnknown(node, name: name) }
            return blocks(of: node.childNodes, depth: depth)
        }
    }

    private static func codeLanguage(_ node: xmlNodePtr) -> String? {
        for token in node.classes {
            for prefix in ["language-", "lang-"] where token.hasPrefix(prefix) && token.count > prefix.count {
                return String(token.dropFirst(prefix.count))
            }
        }
        return nil
    }

    private func list(_ node: xmlNodePtr, ordered: Bool, depth: Int) -> [Block] {
        var items: [[Block]] = []
        var stray: [xmlNodePtr] = []
        func closeStray() {
            if !stray.isEmpty {
                let item = blocks(of: stray, depth: depth + 1)
                if !item.isEmpty { items.append(item) }
            }
            stray = []
        }
        for child in node.childNodes where !hidden.contains(child) {
            if child.elementName == "li" {
                closeStray()
                let item = blocks(of: child.childNodes, depth: depth + 1)
                if !item.isEmpty { items.append(item) }
            } else if child.isElement || (child.isText && !child.characters.allSatisfy(\.isWhitespace)) {
                // Content straight inside a list (invalid HTML, but CMSs write it) becomes an item of its own.
                stray.append(child)
            }
        }
        closeStray()
        return items.isEmpty ? [] : [.list(ordered: ordered, items: items)]
    }

    private func figure(_ node: xmlNodePtr, depth: Int) -> [Block] {
        let captionNode = node.childElements.first { $0.elementName == "figcaption" }
        let caption = captionNode.map { InlineNormalizer.collapsingWhitespace(inlines(of: $0.childNodes, depth: depth)) }
            .flatMap { InlineNormalizer.isBlank($0) ? nil : $0 }
        let images = node.descendants.filter { $0.elementName == "img" && !hidden.contains($0) }
        if let captionNode { hidden.insert(captionNode) }
        defer { if let captionNode { hidden.remove(captionNode) } }
        guard !images.isEmpty else {
            // WordPress wraps tables, quotes and embeds in <figure>; the caption then belongs to the table.
            var content = blocks(of: node.childNodes, depth: depth)
            // WordPress's Pullquote block: <figure class="wp-block-pullquote"><blockquote><p>…</p><cite>…</cite></blockquote>.
            if Self.isPullQuote(node), content.count == 1, case .quote(let quoted, let attribution) = content[0],
               let pulled = Self.pullQuote(quoted, attribution: attribution) {
                return [pulled]
            }
            if let caption {
                if case .table(var table)? = content.last, table.caption == nil {
                    table.caption = caption
                    content[content.count - 1] = .table(table)
                } else {
                    content.append(.paragraph(caption))
                }
            }
            return content
        }
        let figures = images.compactMap(figure(from:))
        return figures.enumerated().map { index, figure in
            var figure = figure
            if index == figures.count - 1 { figure.caption = caption }
            return .figure(figure)
        }
    }

    /// Whether an element is marked as a pull quote: WordPress's `wp-block-pullquote`, or a `pullquote` or `pull-quote` class.
    static func isPullQuote(_ node: xmlNodePtr) -> Bool {
        let classes = (node.attribute("class") ?? "").split(whereSeparator: \.isWhitespace)
        return classes.contains { ["wp-block-pullquote", "pullquote", "pull-quote"].contains($0.lowercased()) }
    }

    /// A pull quote of the paragraphs of `content`, one line break between them; nil when it holds anything but
    /// paragraphs (a pull quote of lists or figures is read as an ordinary quote).
    static func pullQuote(_ content: [Block], attribution: String?) -> Block? {
        var inlines: [Inline] = []
        for block in content {
            guard case .paragraph(let text) = block else { return nil }
            if !inlines.isEmpty { inlines.append(.lineBreak) }
            inlines += text
        }
        guard !inlines.isEmpty else { return nil }
        return .pullQuote(content: inlines, attribution: attribution)
    }

    private func figure(from image: xmlNodePtr) -> Figure? {
        // Lazy-loading plugins put a placeholder in src and the real image in data-src.
        let source = ["data-src", "data-lazy-src", "src"].lazy.compactMap { image.attribute($0) }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
        guard let source else {
            otherWarnings.append(Diagnostic(.warning, file: file, line: image.line, message: "an image without a src was left out"))
            return nil
        }
        return Figure(source: source, alt: (image.attribute("alt") ?? "").collapsingHTMLWhitespace())
    }

    private func takeFigures() -> [Block] {
        defer { pendingFigures = [] }
        return pendingFigures.map(Block.figure)
    }

    // MARK: Tables

    private func table(_ node: xmlNodePtr, depth: Int) -> [Block] {
        var header: [[TableCell]] = []
        var rows: [[TableCell]] = []
        var caption: [Inline]?
        var firstRow: xmlNodePtr?
        var firstRowIsHeader = false
        func add(_ row: xmlNodePtr, isHeader: Bool) {
            let cells = row.childElements.filter { ["td", "th"].contains($0.elementName ?? "") }
            guard !cells.isEmpty else { return }
            let converted = cells.map { TableCell(cellContent($0, depth: depth)) }
            if firstRow == nil {
                firstRow = row
                firstRowIsHeader = cells.allSatisfy { $0.elementName == "th" }
            }
            if isHeader { header.append(converted) } else { rows.append(converted) }
        }
        for child in node.childElements where !hidden.contains(child) {
            switch child.elementName {
            case "caption":
                let content = InlineNormalizer.collapsingWhitespace(inlines(of: child.childNodes, depth: depth))
                caption = InlineNormalizer.isBlank(content) ? nil : content
            case "thead", "tbody", "tfoot":
                for row in child.childElements where row.elementName == "tr" && !hidden.contains(row) {
                    add(row, isHeader: child.elementName == "thead")
                }
            case "tr":
                add(child, isHeader: false)
            default:
                continue
            }
        }
        if header.isEmpty, firstRowIsHeader, !rows.isEmpty { header.append(rows.removeFirst()) }
        guard !(header.isEmpty && rows.isEmpty) else { return [] }
        let alignments = firstRow.map(Self.alignments(of:)) ?? []
        return [.table(Table(header: header, rows: rows, alignments: alignments, caption: caption))]
    }

    /// A cell's paragraphs joined by line breaks; a cell holds inline content only in the model.
    private func cellContent(_ cell: xmlNodePtr, depth: Int) -> [Inline] {
        var result: [Inline] = []
        for block in blocks(of: cell.childNodes, depth: depth + 1) {
            let inlines: [Inline]
            switch block {
            case .paragraph(let content), .heading(_, let content): inlines = content
            case .figure(let figure):
                pendingFigures.append(figure)
                continue
            default: inlines = [.text(block.plainText)]
            }
            if !result.isEmpty { result.append(.lineBreak) }
            result += inlines
        }
        return InlineNormalizer.merged(result)
    }

    /// Column alignments from the first row's `align` attributes or `text-align` styles; empty when none is set.
    private static func alignments(of row: xmlNodePtr) -> [Table.ColumnAlignment] {
        let cells = row.childElements.filter { ["td", "th"].contains($0.elementName ?? "") }
        let found: [Table.ColumnAlignment?] = cells.map { cell in
            var value = cell.attribute("align")?.lowercased()
            if value == nil, let style = cell.attribute("style")?.lowercased() {
                value = CSSDeclarations.value(of: "text-align", in: style)
            }
            switch value {
            case "left"?: return .left
            case "center"?: return .center
            case "right"?: return .right
            default: return nil
            }
        }
        guard found.contains(where: { $0 != nil }) else { return [] }
        return found.map { $0 ?? .left }
    }

    // MARK: Inlines

    private func inlines(of nodes: some Sequence<xmlNodePtr>, depth: Int) -> [Inline] {
        var result: [Inline] = []
        for node in nodes where !hidden.contains(node) {
            if node.isText {
                result += brokenLines(node.characters)
            } else if let name = node.elementName, !Self.ignoredElements.contains(name) {
                result += inline(node, name: name, depth: depth + 1)
            }
        }
        return result
    }

    private func inline(_ node: xmlNodePtr, name: String, depth: Int) -> [Inline] {
        if depth > options.nestingLimit {
            noteFlattened(node)
            return [.text(node.textContent)]
        }
        if let id = footnotes?.references[node] { return [.footnoteReference(id)] }
        func children() -> [Inline] { inlines(of: node.childNodes, depth: depth) }
        switch name {
        case "em", "i", "cite", "dfn", "var": return [.emphasis(children())]
        case "strong", "b": return [.strong(children())]
        case "sup": return [.superscript(children())]
        case "sub": return [.subscript(children())]
        case "s", "del", "strike": return [.strikethrough(children())]
        case "code", "kbd", "samp", "tt": return [.code(node.textContent)]
        case "br": return [.lineBreak]
        case "a":
            let href = (node.attribute("href") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !href.isEmpty, href != "#", !href.lowercased().hasPrefix("javascript:") else { return children() }
            return [.link(url: href.replacingOccurrences(of: " ", with: "%20"), content: children())]
        case "img":
            if let figure = figure(from: node) { pendingFigures.append(figure) }
            return []
        case "span":
            if let lang = node.attribute("lang"), ArticleFieldRules.isLanguageTag(lang) {
                return [.language(tag: lang, content: children())]
            }
            return children()
        default:
            if Self.transparentInlineElements.contains(name) { return children() }
            if Self.blockElements.contains(name) {
                // A block inside inline content (invalid, but browsers show it): keep its words apart from the next ones.
                return [.text(" ")] + children() + [.text(" ")]
            }
            noteUnknown(node, name: name)
            return children()
        }
    }

    // MARK: Limits and warnings

    /// Content nested past the limit, as paragraphs of plain text, read without recursion.
    private func flattened(_ nodes: some Sequence<xmlNodePtr>) -> [Block] {
        var paragraphs: [String] = []
        var current = ""
        func endParagraph() {
            let text = current.collapsingHTMLWhitespace()
            if !text.isEmpty { paragraphs.append(text) }
            current = ""
        }
        for top in nodes where !hidden.contains(top) {
            noteFlattened(top)
            for node in [top] + Array(top.descendants) {
                if node.isText {
                    current += node.characters
                } else if let name = node.elementName, Self.blockElements.contains(name) || name == "br" {
                    endParagraph()
                }
            }
        }
        endParagraph()
        return paragraphs.map { .paragraph([.text($0)]) }
    }

    private func noteFlattened(_ node: xmlNodePtr) {
        guard !flattened else { return }
        flattened = true
        otherWarnings.append(Diagnostic(.warning, file: file, line: node.line,
                                        message: "the HTML nests more than \(options.nestingLimit) levels deep here (the nesting-depth limit); the deeper content was flattened into plain paragraphs"))
    }

    private func noteUnknown(_ node: xmlNodePtr, name: String) {
        if let index = unknownElements.firstIndex(where: { $0.name == name }) {
            unknownElements[index].count += 1
        } else {
            unknownElements.append((name, node.line, 1))
        }
    }
}

extension String {
    /// The string with HTML whitespace runs made single spaces and the ends trimmed (no-break spaces kept).
    func collapsingHTMLWhitespace() -> String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{0C}" })
            .joined(separator: " ")
    }
}
