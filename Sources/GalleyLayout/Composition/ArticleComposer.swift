import Foundation
import GalleyModel
import GalleyStyle

/// Decides what the main column holds and in which style: title block, body, and end matter.
struct ArticleComposer {
    let sheet: StyleSheet
    let article: Article
    /// Images found for figure sources; a figure whose source is missing here shows its alt text.
    var images: [String: ImageReference] = [:]
    /// Each footnote's number by its id, worked out once: made again for every paragraph, it made an article with
    /// 5,000 footnotes quadratic (16 s).
    private let footnoteNumbers: [String: Int]
    /// The tree the blocks' structure elements go into.
    let structure: StructureBuilder
    /// The article's `Art` element, under which everything it holds is tagged.
    let articleNode: Int32

    init(sheet: StyleSheet, article: Article, images: [String: ImageReference] = [:], structure: StructureBuilder = StructureBuilder(),
         under parent: Int32 = 0) {
        self.sheet = sheet
        self.article = article
        self.images = images
        self.structure = structure
        articleNode = structure.add(.article, under: parent, language: article.language, title: article.title)
        footnoteNumbers = Dictionary(article.footnotes.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
    }

    private var labels: Labels { sheet.labels(for: article.language).labels }

    func blocks() -> [FlowBlock] {
        var result: [FlowBlock] = []
        result += titleBlock()
        var previousWasHeading = true
        for block in article.body {
            result += compose(block, depth: 0, parent: articleNode, previousWasHeading: &previousWasHeading)
        }
        result += endMatter()
        return result
    }

    /// Each footnote's paragraphs in the footnote style, its number hung in the indent, and the footnote's `Note`
    /// element (read at the end of the article until the page builder places the note after its call).
    func footnoteBlocks() -> [String: (note: Int32, blocks: [FlowBlock])] {
        var result: [String: (note: Int32, blocks: [FlowBlock])] = [:]
        for (index, note) in article.footnotes.enumerated() where result[note.id] == nil {
            let node = structure.add(.note, under: articleNode, identifier: "note-\(note.id)")
            result[note.id] = (node, noteParagraphs(note, number: index + 1, parent: node))
        }
        return result
    }

    private func noteParagraphs(_ note: Footnote, number: Int, parent: Int32) -> [FlowBlock] {
        let style = sheet.styles.footnote
        var inner = true
        let label = structure.add(.label, under: parent)
        var blocks = note.content.flatMap { compose($0, depth: 0, parent: parent, previousWasHeading: &inner) }.map { restyled($0, as: style) }
        if blocks.isEmpty { blocks = [block([.text("")], style: style, parent: parent)] }
        blocks[0].marker = flattener(style).runs("\(number)")
        blocks[0].markerNode = label
        return blocks
    }

    /// Endnotes: every footnote after the text, under the language's "Notes" heading.
    private func endnotes() -> [FlowBlock] {
        guard sheet.notes.placement == .endnotes, !article.footnotes.isEmpty else { return [] }
        var result = [block([.text(labels.notes)], style: sheet.styles.noteLabel, role: .heading, parent: articleNode,
                            tag: heading(level: 2))]
        for (index, note) in article.footnotes.enumerated() {
            let node = structure.add(.note, under: articleNode, identifier: "note-\(note.id)")
            result += noteParagraphs(note, number: index + 1, parent: node)
        }
        return result
    }

    // MARK: Styles

    private func resolved(_ style: ParagraphStyle) -> ResolvedStyle { ResolvedStyle(style) }

    private func flattener(_ style: ParagraphStyle) -> InlineFlattener {
        var flattener = InlineFlattener(base: resolved(style), language: article.language, codeFamily: sheet.styles.code.font)
        flattener.footnoteNumbers = footnoteNumbers
        flattener.pageAddress = article.sourceURL
        return flattener
    }

    private func paragraph(_ runs: [StyledText], style: ParagraphStyle, indent: Double = 0, extraLeft: Double = 0) -> ParagraphSpec {
        ParagraphSpec(runs: runs, leading: style.leading.points, alignment: style.align, firstLineIndent: indent,
                      leftIndent: style.leftIndent.points + extraLeft, rightIndent: style.rightIndent.points,
                      fontSize: style.size.points)
    }

    /// A block of text in `style`, tagged as a `tag` element (a `P` unless said) under `parent`.
    private func block(_ inlines: [Inline], style: ParagraphStyle, role: FlowBlock.Role = .text, indent: Double = 0,
                       extraLeft: Double = 0, outline: (String, Int)? = nil, parent: Int32, tag: StructureRole = .paragraph) -> FlowBlock {
        var flow = FlowBlock(paragraph: paragraph(flattener(style).runs(inlines), style: style, indent: indent, extraLeft: extraLeft),
                             role: role, spaceBefore: style.spaceBefore.points, spaceAfter: style.spaceAfter.points,
                             outline: outline.map { (title: $0.0, level: $0.1) })
        flow.node = structure.add(tag, under: parent, language: languageIfOther(of: flow.paragraph.runs, parent: parent))
        return flow
    }

    /// The language of a block's text when it is not that of the element around it (a quotation the reader marked,
    /// or one Galley found), for its `/Lang`.
    private func languageIfOther(of runs: [StyledText], parent: Int32) -> String? {
        guard let language = runs.first(where: { $0.text?.isEmpty == false })?.language else { return nil }
        return structure.language(at: parent) == language ? nil : language
    }

    /// The heading element for an article heading of `level` (2 for a section), never more than one level below
    /// the last heading: tags may not skip a level, though an article's markup may.
    private func heading(level: Int) -> StructureRole {
        let tagged = min(level, structure.headingLevel + 1)
        structure.headingLevel = tagged
        return .heading(level: tagged)
    }

    private func rule(thickness: Double, color: String, width: Double = 1, before: Double, after: Double) -> FlowBlock {
        FlowBlock(paragraph: ParagraphSpec(runs: [], leading: thickness, alignment: .left, fontSize: thickness),
                  role: .decoration, spaceBefore: before, spaceAfter: after,
                  rule: (width: width, thickness: thickness, color: Color(hex: color)))
    }

    // MARK: Title block

    private func titleBlock() -> [FlowBlock] {
        let styles = sheet.styles
        var result: [FlowBlock] = []
        let parent = articleNode
        if let kicker = article.kicker ?? article.topics.first {
            result.append(block([.text(kicker)], style: styles.kicker, role: .titleBlock, parent: parent))
        }
        structure.headingLevel = 0
        result.append(block([.text(article.title)], style: styles.title, role: .titleBlock, outline: (article.title, 0), parent: parent,
                            tag: heading(level: 1)))
        if !article.authors.isEmpty {
            let byline = Labels.fill(labels.byline, ["authors": labels.list(article.authors)])
            result.append(block([.text(byline)], style: styles.byline, role: .titleBlock, parent: parent))
        }
        if let date = article.date.flatMap(ArticleDate.init(iso:)) {
            result.append(block([.text(DateText.long(date, language: article.language))], style: styles.dateline, role: .titleBlock,
                                parent: parent))
        }
        if let deck = article.deck {
            result.append(block(deck, style: styles.deck, role: .titleBlock, parent: parent))
        }
        result.append(rule(thickness: 0.6, color: styles.kicker.color, before: 0, after: 14))
        return result
    }

    // MARK: Body

    /// Quotes, lists and notes nested deeper than this are set as the plain blocks they hold: the readers allow
    /// 200 levels (the nesting-depth limit), each level here costs tens of kilobytes of stack in a debug build, and
    /// past a few levels nesting no longer shows on the page anyway.
    static let maxNesting = 24
    /// List items stop moving right past this depth, so the measure stays positive however deep lists go.
    static let maxListIndentDepth = 8

    private func compose(_ element: Block, depth: Int, nesting: Int = 0, parent: Int32, previousWasHeading: inout Bool) -> [FlowBlock] {
        if nesting > Self.maxNesting, element.nestedBlocks != nil {
            return Self.leaves(of: [element]).flatMap {
                compose($0, depth: depth, nesting: nesting, parent: parent, previousWasHeading: &previousWasHeading)
            }
        }
        let styles = sheet.styles
        switch element {
        case .heading(let level, let content):
            previousWasHeading = true
            let style = level == 2 ? styles.heading2 : styles.heading3
            return [block(content, style: style, role: .heading, outline: (content.plainText, level - 1), parent: parent,
                          tag: heading(level: level))]
        case .paragraph(let content):
            let indent = previousWasHeading && !sheet.indentAfterHeading ? 0 : styles.body.firstLineIndent.points
            previousWasHeading = false
            return [block(content, style: styles.body, indent: indent, parent: parent)]
        case .quote(let content, let attribution):
            return quote(content: content, attribution: attribution, depth: depth, nesting: nesting, parent: parent,
                         previousWasHeading: &previousWasHeading)
        case .pullQuote(let content, let attribution):
            previousWasHeading = true
            return pullQuote(content, attribution: attribution, parent: parent)
        case .list(let ordered, let items):
            return list(ordered: ordered, items: items, depth: depth, nesting: nesting, parent: parent, previousWasHeading: &previousWasHeading)
        case .note(let label, let content):
            return note(label: label, content: content, depth: depth, nesting: nesting, parent: parent, previousWasHeading: &previousWasHeading)
        case .rule:
            previousWasHeading = true
            return [rule(thickness: 0.5, color: styles.body.color, width: 0.3, before: 10, after: 10)]
        case .figure(let figure):
            return self.figure(figure, parent: parent, previousWasHeading: &previousWasHeading)
        case .table(let table):
            return self.table(table, parent: parent, previousWasHeading: &previousWasHeading)
        case .preformatted(let text, _):
            previousWasHeading = false
            // Kept as typed: every line break stays; a line too long for the measure wraps at its spaces.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Inline.text(String($0)) }
            var flow = block(Array(lines.map { [$0] }.joined(separator: [.lineBreak])), style: styles.code, parent: parent)
            flow.paragraph.runs = flow.paragraph.runs.map { var run = $0; run.isVerbatim = true; return run }
            return [flow]
        }
    }

    // Each kind of block that holds others is set by a function of its own: the recursion then goes through small
    // call frames (in a debug build one frame of a single switch over every case took 87 KB, and 100 nested quotes
    // overflowed the stack).

    private func quote(content: [Block], attribution: String?, depth: Int, nesting: Int, parent: Int32,
                       previousWasHeading: inout Bool) -> [FlowBlock] {
        let styles = sheet.styles
        var result: [FlowBlock] = []
        var inner = true
        let node = structure.add(.blockQuote, under: parent)
        for child in content {
            result += compose(child, depth: depth, nesting: nesting + 1, parent: node, previousWasHeading: &inner)
                .map { restyled($0, as: styles.quote) }
        }
        if let attribution {
            result.append(block([.text("— " + attribution)], style: styles.attribution, parent: node))
        }
        spaceAround(&result, before: styles.quote.spaceBefore.points, after: styles.quote.spaceAfter.points)
        if !result.isEmpty { result[0].keepsFirstLineWithNext = true }
        previousWasHeading = false
        return result
    }

    /// A pull quote: its text in the pull-quote style between two rules in the kicker's colour, with its attribution,
    /// all kept in one column (`FlowBlock.Role.pullQuote`); the paragraph after it starts without an indent.
    private func pullQuote(_ content: [Inline], attribution: String?, parent: Int32) -> [FlowBlock] {
        let styles = sheet.styles
        let style = styles.pullQuote ?? styles.quote
        let node = structure.add(.blockQuote, under: parent)
        var parts = [block(content, style: style, role: .pullQuote, parent: node)]
        if let attribution {
            parts.append(block([.text("— " + attribution)], style: styles.attribution, role: .pullQuote, parent: node))
        }
        // The rules set the space around the text.
        for index in parts.indices { (parts[index].spaceBefore, parts[index].spaceAfter) = (0, 0) }
        var top = rule(thickness: 1, color: styles.kicker.color, before: style.spaceBefore.points, after: 0.5 * style.size.points)
        var bottom = rule(thickness: 1, color: styles.kicker.color, before: 0.5 * style.size.points, after: style.spaceAfter.points)
        top.role = .pullQuote
        bottom.role = .pullQuote
        return [top] + parts + [bottom]
    }

    private func list(ordered: Bool, items: [[Block]], depth: Int, nesting: Int, parent: Int32, previousWasHeading: inout Bool) -> [FlowBlock] {
        let styles = sheet.styles
        var result: [FlowBlock] = []
        // Numbers of two digits or more need more room than the indent gives one: a figure's width (about 0.56
        // em in Noto Serif) per extra digit, so that "10." stays inside the text block.
        let digits = ordered ? String(items.count).count : 1
        let extra = Double(min(depth, Self.maxListIndentDepth)) * styles.listItem.leftIndent.points + Double(digits - 1) * 0.56 * styles.listItem.size.points
        let listNode = structure.add(.list, under: parent)
        for (number, item) in items.enumerated() {
            let marker = ordered ? "\(number + 1)." : (depth % 2 == 0 ? "•" : "–")
            let itemNode = structure.add(.listItem, under: listNode)
            let label = structure.add(.label, under: itemNode)
            let body = structure.add(.listBody, under: itemNode)
            var first = true
            for child in item {
                if case .list = child {
                    result += compose(child, depth: depth + 1, nesting: nesting + 1, parent: body, previousWasHeading: &previousWasHeading)
                    continue
                }
                var inner = true
                var children = compose(child, depth: depth, nesting: nesting + 1, parent: body, previousWasHeading: &inner)
                    .map { restyled($0, as: styles.listItem) }
                children = children.map { var moved = $0; moved.paragraph.leftIndent += extra; return moved }
                if first, !children.isEmpty {
                    children[0].marker = flattener(styles.listItem).runs(marker)
                    children[0].markerNode = label
                    first = false
                }
                result += children
            }
        }
        if !result.isEmpty { result[0].keepsFirstLineWithNext = true }
        previousWasHeading = false
        return result
    }

    private func note(label: String?, content: [Block], depth: Int, nesting: Int, parent: Int32, previousWasHeading: inout Bool) -> [FlowBlock] {
        let styles = sheet.styles
        var result: [FlowBlock] = []
        // An aside in the article (an editor's note, a box): a division of its own, its label a paragraph rather
        // than a heading, so that it does not enter the article's heading levels.
        let node = structure.add(.division, under: parent)
        if let label { result.append(block([.text(label)], style: styles.noteLabel, role: .heading, parent: node)) }
        var inner = true
        for child in content {
            result += compose(child, depth: depth, nesting: nesting + 1, parent: node, previousWasHeading: &inner)
                .map { restyled($0, as: styles.note) }
        }
        previousWasHeading = false
        return result
    }

    private func figure(_ figure: Figure, parent: Int32, previousWasHeading: inout Bool) -> [FlowBlock] {
        let styles = sheet.styles
        previousWasHeading = false
        var caption: [Inline] = figure.caption ?? []
        if let credit = figure.credit { caption += [.text(caption.isEmpty ? "" : " "), .emphasis([.text(credit)])] }
        // The caption is read after the figure, beside it: a reader speaks a Figure's alternate text in place of
        // everything inside it, so a caption inside would never be heard.
        let figureNode = structure.add(.figure, under: parent, alt: Self.alternateText(of: figure))
        var flow = block(caption, style: styles.caption, parent: parent, tag: .caption)
        flow.blockNode = figureNode
        flow.figure = (images[figure.source], flattener(styles.caption).runs(figure.alt.isEmpty ? figure.source : figure.alt))
        return [flow]
    }

    /// What a figure shows in words: its alt text, else its caption, else nothing (`galley check` warns about that).
    static func alternateText(of figure: Figure) -> String? {
        let alt = figure.alt.trimmingCharacters(in: .whitespacesAndNewlines)
        if !alt.isEmpty { return alt }
        let caption = (figure.caption ?? []).plainText.trimmingCharacters(in: .whitespacesAndNewlines)
        return caption.isEmpty ? nil : caption
    }

    private func table(_ table: Table, parent: Int32, previousWasHeading: inout Bool) -> [FlowBlock] {
        let styles = sheet.styles
        previousWasHeading = false
        let header = table.header.map { row in row.map { flattener(styles.tableHeader).runs($0.content) } }
        let rows = table.rows.map { row in row.map { flattener(styles.tableCell).runs($0.content) } }
        let columns = (table.header + table.rows).map(\.count).max() ?? 0
        let alignments: [Alignment] = (0..<columns).map { column in
            guard column < table.alignments.count else { return .left }
            switch table.alignments[column] {
            case .left: return .left
            case .center: return .center
            case .right: return .right
            }
        }
        let tableNode = structure.add(.table, under: parent)
        // Header cells head their columns; rows are read top to bottom, the caption last (a table's caption is
        // its first or last child).
        var tableNodes: [(row: Int32, cells: [Int32])] = []
        for (index, row) in (header + rows).enumerated() {
            let rowNode = structure.add(.tableRow, under: tableNode)
            let isHeader = index < header.count
            let cells = row.indices.map { _ in
                structure.add(isHeader ? .tableHeaderCell : .tableCell, under: rowNode, scope: isHeader ? .column : nil)
            }
            tableNodes.append((rowNode, cells))
        }
        var flow = block(table.caption ?? [], style: styles.caption, parent: tableNode, tag: .caption)
        flow.blockNode = tableNode
        flow.tableNodes = tableNodes
        flow.table = (header, rows, alignments)
        flow.spaceBefore = styles.tableHeader.spaceBefore.points
        flow.spaceAfter = styles.tableHeader.spaceAfter.points
        return [flow]
    }
    /// The blocks under `blocks` that hold no others, in reading order, found with a stack rather than recursion.
    static func leaves(of blocks: [Block]) -> [Block] {
        var result: [Block] = []
        var pending = Array(blocks.reversed())
        while let block = pending.popLast() {
            if let children = block.nestedBlocks {
                pending += children.reversed()
            } else {
                result.append(block)
            }
        }
        return result
    }

    /// Re-sets a body paragraph in another style (quotes, list items, notes), keeping its runs' markup.
    private func restyled(_ flow: FlowBlock, as style: ParagraphStyle) -> FlowBlock {
        guard flow.role == .text, flow.rule == nil else { return flow }
        var result = flow
        let base = ResolvedStyle(sheet.styles.body)
        let target = ResolvedStyle(style)
        result.paragraph.runs = flow.paragraph.runs.map { run in
            var changed = run
            changed.font.size = target.font.size
            if run.font.family == base.font.family { changed.font.family = target.font.family }
            if run.font.italic == base.font.italic { changed.font.italic = target.font.italic } else { changed.font.italic = !target.font.italic }
            if !run.font.bold { changed.font.bold = target.font.bold }
            if run.style.color == base.color { changed.style.color = target.color }
            changed.hyphenate = run.hyphenate && style.hyphenate
            return changed
        }
        result.paragraph.leading = style.leading.points
        result.paragraph.alignment = style.align
        result.paragraph.leftIndent = style.leftIndent.points
        result.paragraph.rightIndent = style.rightIndent.points
        result.paragraph.fontSize = style.size.points
        result.paragraph.firstLineIndent = flow.paragraph.firstLineIndent > 0 ? style.firstLineIndent.points : 0
        result.spaceBefore = style.spaceBefore.points
        result.spaceAfter = style.spaceAfter.points
        return result
    }

    private func spaceAround(_ blocks: inout [FlowBlock], before: Double, after: Double) {
        guard !blocks.isEmpty else { return }
        for index in blocks.indices {
            blocks[index].spaceBefore = index == 0 ? before : 0
            blocks[index].spaceAfter = index == blocks.count - 1 ? after : 0
        }
    }

    // MARK: End matter

    private func endMatter() -> [FlowBlock] {
        let styles = sheet.styles
        var result: [FlowBlock] = []
        if let signOff = article.signOff {
            result.append(block([.text(signOff)], style: styles.signOff, parent: articleNode))
        }
        if let translation = article.translation {
            // The template holds the language's own word order and punctuation ("Translated by X from Y").
            let template = translation.from == nil ? labels.translated : labels.translatedFrom
            var credit: [Inline] = [.text(Labels.fill(template, ["translator": translation.translator, "source": translation.from ?? ""]))]
            if let url = translation.sourceURL {
                credit += [.lineBreak, .link(url: url, content: [.text(url)])]
            }
            result.append(block(credit, style: styles.credit, parent: articleNode))
        }
        result += endnotes()
        for note in article.notes {
            let section = structure.add(.section, under: articleNode)
            result.append(block([.text(note.label)], style: styles.noteLabel, role: .heading, parent: section, tag: heading(level: 2)))
            var inner = true
            for child in note.content {
                result += compose(child, depth: 0, parent: section, previousWasHeading: &inner).map { restyled($0, as: styles.note) }
            }
        }
        if !article.related.isEmpty {
            let section = structure.add(.section, under: articleNode)
            result.append(block([.text(labels.related)], style: styles.relatedHeading, role: .heading, parent: section,
                                tag: heading(level: 2)))
            for group in article.related {
                result.append(block([.text(group.topic)], style: styles.relatedTopic, role: .heading, parent: section,
                                    tag: heading(level: 3)))
                let list = structure.add(.list, under: section)
                for item in group.articles {
                    let content: [Inline] = item.url.map { [.link(url: $0, content: [.text(item.title)])] } ?? [.text(item.title)]
                    let listItem = structure.add(.listItem, under: list)
                    result.append(block(content, style: styles.relatedItem, parent: structure.add(.listBody, under: listItem)))
                }
            }
        }
        if let footer = article.publisherFooter {
            result.append(rule(thickness: 0.4, color: styles.publisherFooter.color, before: styles.publisherFooter.spaceBefore.points, after: 4))
            var footerStyle = styles.publisherFooter
            footerStyle.spaceBefore = 0
            result.append(block([.text(footer)], style: footerStyle, parent: articleNode))
        }
        return result
    }
}


private extension Block {
    /// The blocks a quote, list or note holds (a list's items one after another), or nil for any other block.
    var nestedBlocks: [Block]? {
        switch self {
        case .quote(let content, let attribution):
            return content + (attribution.map { [.paragraph([.text("— " + $0)])] } ?? [])
        case .list(_, let items): return items.flatMap { $0 }
        case .note(let label, let content): return (label.map { [.paragraph([.text($0)])] } ?? []) + content
        default: return nil
        }
    }
}
