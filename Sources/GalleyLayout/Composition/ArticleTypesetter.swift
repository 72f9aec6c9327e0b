import Foundation
import GalleyModel
import GalleyStyle

/// Typesets one article with one design: the layout stage's entry point.
///
/// Not thread-safe: it owns a shaper and caches. Give each worker thread its own.
public final class ArticleTypesetter {
    /// The design in use.
    public let sheet: StyleSheet
    let builder: NodeListBuilder
    let paragraphs: ParagraphSetter
    /// The structure tree of the article being set, shared with the paragraph setter (links, note calls, spans).
    let structure = StructureBuilder()
    /// The direction of the article being set, which orders table columns and places short rules.
    var direction: TextDirection = .leftToRight
    /// The name and version written into the PDF's Creator field.
    public var creator = "Galley"
    /// The publisher's logo, which running lines draw where the layout says (`galley.yaml`'s `logo`, probed).
    public var logo: ImageReference?
    /// The most pages an article's text may fill; past them no page is made and the quality report says so.
    public var maxPages = Int.max
    /// The width blocks are set to: the text block's for what spans it, a column's for the body.
    var measure: Double

    /// Creates a typesetter; `lineBreaker` overrides the design's choice when given.
    public init(sheet: StyleSheet, shaper: any TextShaper, hyphenator: any Hyphenator, lineBreaker: (any LineBreaker)? = nil) {
        self.sheet = sheet
        measure = sheet.textWidth
        // Narrow columns break lines with their own parameters (`columns.lineBreaking`); the title block over them too.
        var body = sheet
        body.lineBreaking = sheet.bodyLineBreaking
        builder = NodeListBuilder(shaper: shaper, hyphenator: hyphenator, parameters: body.lineBreaking)
        paragraphs = ParagraphSetter(sheet: body, builder: builder, structure: structure, lineBreaker: lineBreaker ?? (sheet.lineBreaking.algorithm == "knuth-plass"
            ? KnuthPlassLineBreaker() : FirstFitLineBreaker()))
    }

    /// The shapes this typesetter shares with those of other threads, if any (see `SharedShapes`).
    public var sharedShapes: SharedShapes? {
        get { builder.sharedShapes }
        set { builder.sharedShapes = newValue }
    }

    /// Lays out `article` into finished pages with running heads and feet.
    public func typeset(_ article: Article, images: [String: ImageReference] = [:]) -> PagedDocument {
        decorate(layout(article, images: images), of: article)
    }

    /// Places a laid-out article on its sheets and adds running heads and feet.
    public func decorate(_ body: ArticleLayout, of article: Article) -> PagedDocument {
        var fonts = Set(body.quality.fonts)
        let decorator = PageDecorator(sheet: sheet, article: article, builder: builder, logo: logo)
        var pages: [Page] = []
        var structure = body.structure
        // A running line's link (the article's address in the foot) is furniture, but a link annotation must be in
        // the structure tree: every page's belongs to one `Link` read at the end of the article, named by its target.
        var furnitureLinks: [String: Int32] = [:]
        for (index, items) in body.pages.enumerated() {
            let origin = Point(x: decorator.textLeft(pageIndex: index), y: sheet.page.margins.top.points)
            var page = Page(size: Size(width: sheet.page.size.width.points, height: sheet.page.size.height.points))
            page.items = items.map { $0.moved(origin.x, origin.y) }
            page.items += decorator.decorations(pageIndex: index, pageCount: body.pages.count, fonts: &fonts).map { item in
                guard case .link(_, let url) = item.item, let article = structure.firstIndex(where: { $0.role == .article }) else { return item }
                var linked = item
                if let node = furnitureLinks[url] {
                    linked.node = node
                } else {
                    structure.append(StructureNode(.link, parent: Int32(article), order: .max, alt: url))
                    linked.node = Int32(structure.count - 1)
                    furnitureLinks[url] = linked.node
                }
                return linked
            }
            pages.append(page)
        }
        var quality = body.quality
        quality.fonts = fonts.sorted()
        return PagedDocument(pages: pages, outline: body.outline, metadata: body.metadata, quality: quality, structure: structure)
    }

    /// Lays out `article`'s text block pages, without running heads, feet or margins.
    public func layout(_ article: Article, images: [String: ImageReference] = [:]) -> ArticleLayout {
        direction = LanguageTag(article.language).direction
        var quality = QualityReport()
        var fonts = Set<String>()
        structure.reset()
        // The article's section may have an accent colour of its own (kicker, title rule, drop cap, pull quotes).
        let accented = sheet.accented(forSection: article.kicker ?? article.topics.first)
        var composer = ArticleComposer(sheet: accented, article: article, structure: structure)
        composer.images = images
        let blocks = composer.blocks()
        let columns = sheet.bodyColumns
        // Over several columns the title block (and the rule under it) spans them all; the rest is set in them.
        let spanCount = columns.count > 1 ? blocks.prefix(while: { $0.role == .titleBlock || $0.role == .decoration }).count : 0
        var listState = ListState()
        measure = sheet.textWidth
        let span = verticalList(Array(blocks[..<spanCount]), noteLines: [:], state: &listState, quality: &quality, fonts: &fonts)
        measure = columns.width(in: sheet.textWidth)
        defer { measure = sheet.textWidth }
        var noteLines: [String: (note: Int32, lines: [VerticalBox])] = [:]
        if sheet.notes.placement == .footnotes {
            // In id order, so that the structure tree's nodes come in the same order whatever the dictionary's.
            for (id, (note, flows)) in composer.footnoteBlocks().sorted(by: { $0.value.note < $1.value.note }) {
                noteLines[id] = (note, flows.flatMap { flow in
                    set(flow, paragraphIndex: -1, quality: &quality, fonts: &fonts).map { line in
                        var note = line
                        note.kind = .note
                        return note
                    }
                })
            }
        }
        // A note called in the spanning title block (a deck's) goes with the first lines of the columns.
        listState.pendingCalls = span.flatMap { node -> [String] in
            if case .box(let box) = node { return box.footnoteCalls }
            return []
        }
        var body = Array(blocks[spanCount...])
        // The drop cap goes on the first paragraph of body text: not a heading, list item, quote, figure or table.
        if let dropCap = accented.dropCap,
           let first = body.firstIndex(where: { $0.role == .text && $0.marker == nil && $0.figure == nil && $0.table == nil && $0.rule == nil }),
           body[first].paragraph.leftIndent == 0, body[first].node >= 0 {
            body[first].dropCap = dropCap
        }
        let list = verticalList(body, noteLines: noteLines, state: &listState, quality: &quality, fonts: &fonts)
        let notes = sheet.notes
        var pageBuilder = PageBuilder(pageHeight: sheet.textHeight, noteSeparation: notes.separation.points,
                                      noteRule: (min(notes.ruleWidth.points, measure), notes.ruleThickness.points, Color(hex: sheet.styles.footnote.color)))
        let pageLimit = maxPages == .max ? Int.max : maxPages + 1
        let spanPages = span.isEmpty ? [] : pageBuilder.build(span, maxPages: pageLimit)
        let grid = columns.baselineGrid ? Self.grid(of: sheet) : nil
        pageBuilder.grid = grid
        // The columns start under the title block when at least a quarter of the page is left there; on a grid, at a
        // grid line, so that the first page's columns share the grid of the pages after it.
        var columnsTop: Double?
        if let last = spanPages.last {
            var top = (last.map { $0.y + $0.box.height }.max() ?? 0) + blocks[spanCount - 1].spaceAfter
            if let grid { top = grid.roundedUp(top) }
            if sheet.textHeight - top >= sheet.textHeight / 4 {
                columnsTop = top
                pageBuilder.firstFrameHeights = Array(repeating: sheet.textHeight - top, count: columns.count)
            }
        }
        pageBuilder.framesPerPage = columns.count
        pageBuilder.figurePlacement = sheet.figurePlacement
        let (frames, pageFloats) = pageBuilder.buildBalanced(list, columns: columns.count,
                                                             maxPages: pageLimit == .max ? .max : pageLimit * columns.count)
        var (placements, pageOfFrame) = ColumnPages(columns: columns, textWidth: sheet.textWidth, rightToLeft: direction.isRightToLeft)
            .assemble(spanPages: spanPages, frames: frames, columnsTop: columnsTop, floats: pageFloats,
                      floatSpace: { [pageBuilder] in pageBuilder.reserved(on: $0, pageFloats) })
        if placements.count > maxPages {
            quality.pageLimitExceeded = true
            placements.removeLast(placements.count - maxPages)
        }
        PageStatistics.count(spanPages + frames, pageOfFrame: Array(spanPages.indices) + pageOfFrame, into: &quality)
        if let grid { quality.offGridLines = Self.linesOffGrid(frames, grid: grid) }

        var pages: [[PositionedItem]] = []
        var outline: [OutlineEntry] = []
        for (index, placed) in placements.enumerated() {
            var items: [PositionedItem] = []
            for (x, y, box) in placed {
                for anchor in box.anchors {
                    items.append(PositionedItem(Point(x: x, y: y), .destination(anchor.destination)))
                    var entry = anchor
                    entry.page = index
                    outline.append(entry)
                }
                items += box.items.map { $0.moved(x, y) }
            }
            pages.append(items)
        }
        quality.fonts = fonts.sorted()
        let metadata = DocumentMetadata(
            title: article.title, author: article.authors.joined(separator: ", "),
            subject: article.deck?.plainText ?? article.kicker ?? "", keywords: article.topics.joined(separator: ", "),
            creator: creator, creationDate: article.date.map { "\($0)T00:00:00Z" }, language: article.language)
        return ArticleLayout(pages: pages, outline: outline, metadata: metadata, quality: quality, structure: structure.nodes)
    }

    /// The grid of `sheet`'s body: a line every leading, the first where a body line's baseline sits in its box.
    static func grid(of sheet: StyleSheet) -> BaselineGrid {
        let body = sheet.styles.body
        return BaselineGrid(step: body.leading.points,
                            firstBaseline: ParagraphSetter.baselineOffset(leading: body.leading.points, size: body.size.points))
    }

    /// The lines of body text in `frames` (paragraph lines set at the grid's step) whose baselines are off `grid`
    /// (frames start on a grid line; see `layout`).
    static func linesOffGrid(_ frames: [[PageBuilder.Placement]], grid: BaselineGrid) -> Int {
        frames.reduce(0) { count, frame in
            count + frame.filter { placed in
                guard case .line = placed.box.kind, grid.isStep(placed.box.height), let baseline = placed.box.firstBaseline else { return false }
                return !grid.holds(baseline: placed.y + baseline)
            }.count
        }
    }

    /// What one vertical list leaves to the next, when an article is set as two (the title block across the
    /// columns, then the columns): block numbers and destination names go on, and notes called before wait.
    private struct ListState {
        var nextParagraph = 0
        var destinationCount = 0
        var pendingCalls: [String] = []
    }

    /// Sets every block's lines and strings them into one vertical list with spacing and break penalties.
    private func verticalList(_ blocks: [FlowBlock], noteLines: [String: (note: Int32, lines: [VerticalBox])], state: inout ListState,
                              quality: inout QualityReport, fonts: inout Set<String>) -> [VerticalNode] {
        var list: [VerticalNode] = []
        var notesPlaced = Set<String>()
        var previousSpaceAfter = 0.0
        var keepLines = 0
        var previousRole: FlowBlock.Role?
        let rules = sheet.pagination
        for flow in blocks {
            let paragraphIndex = state.nextParagraph
            state.nextParagraph += 1
            var boxes = set(flow, paragraphIndex: paragraphIndex, quality: &quality, fonts: &fonts)
            guard !boxes.isEmpty else { continue }
            if !state.pendingCalls.isEmpty {
                boxes[0].footnoteCalls = state.pendingCalls + boxes[0].footnoteCalls
                state.pendingCalls = []
            }
            for index in boxes.indices {
                for id in boxes[index].footnoteCalls where notesPlaced.insert(id).inserted {
                    if let (note, lines) = noteLines[id] {
                        boxes[index].notes.append(lines)
                        structure.placeNote(note, after: flow.blockNode >= 0 ? flow.blockNode : flow.node)
                    }
                }
            }
            if let outline = flow.outline {
                state.destinationCount += 1
                let name = outline.level == 0 ? "title" : "section-\(state.destinationCount - 1)"
                boxes[0].anchors.append(OutlineEntry(title: outline.title, level: outline.level, destination: name, page: 0))
            }
            if !list.isEmpty {
                // The parts of a pull quote stay together; a break may come before its first rule.
                let keep = keepLines > 0 || flow.role == .titleBlock || flow.role == .decoration
                    || flow.role == .pullQuote && previousRole == .pullQuote
                list.append(.penalty(keep ? Penalty.infinity : 0))
                let space = max(previousSpaceAfter, flow.spaceBefore)
                if space > 0 { list.append(.space(space)) }
            }
            for (lineIndex, box) in boxes.enumerated() {
                if lineIndex > 0 {
                    let count = boxes.count
                    let headerRows = flow.table?.header.count ?? 0
                    // The lines beside a drop cap stay together, with the cap.
                    let forbidden = flow.role != .text || keepLines > lineIndex
                        || lineIndex < max(rules.orphans + headerRows, flow.dropCap?.lines ?? 0) || count - lineIndex < rules.widows
                    list.append(.penalty(forbidden ? Penalty.infinity : 0))
                }
                list.append(.box(box))
            }
            switch flow.role {
            case .heading: keepLines = rules.keepWithHeading
            case .titleBlock: keepLines = 1
            default: keepLines = flow.keepsFirstLineWithNext && boxes.count == 1 ? 1 : 0
            }
            previousSpaceAfter = flow.spaceAfter
            previousRole = flow.role
        }
        return list
    }

    /// The lines of one block as vertical boxes.
    func set(_ flow: FlowBlock, paragraphIndex: Int, quality: inout QualityReport, fonts: inout Set<String>) -> [VerticalBox] {
        if let rule = flow.rule {
            let width = measure * rule.width
            // A short rule starts where lines start: on the right in a right-to-left article.
            let x = direction.isRightToLeft ? measure - width : 0
            // A rule between blocks is decoration: drawn as an artifact, outside the structure.
            return [VerticalBox(height: rule.thickness, items: [PositionedItem(Point(x: x, y: 0), .rule(Size(width: width, height: rule.thickness), color: rule.color))], kind: .other)]
        }
        if let figure = flow.figure {
            if spansColumns(figure.image) {
                // Set across the text block, for the top of a page over all its columns (`PageBuilder`).
                let column = measure
                measure = sheet.textWidth
                defer { measure = column }
                var box = setFigure(figure, caption: flow, quality: &quality, fonts: &fonts)
                box.spansColumns = true
                return [box]
            }
            return [setFigure(figure, caption: flow, quality: &quality, fonts: &fonts)]
        }
        if let table = flow.table {
            return setTable(table, caption: flow, paragraphIndex: paragraphIndex, quality: &quality, fonts: &fonts)
        }
        return paragraphs.set(flow, paragraphIndex: paragraphIndex, width: measure, quality: &quality, fonts: &fonts)
    }

    /// Whether a figure of `image` is set across the columns: the layout asks for it, the body is in columns, and the
    /// image at its natural size is more than a fifth wider than a column.
    private func spansColumns(_ image: ImageReference?) -> Bool {
        let columns = sheet.bodyColumns
        guard columns.count > 1, columns.spanFigures, measure < sheet.textWidth, let image, image.pixelWidth > 0 else { return false }
        return Self.naturalWidth(of: image) > 1.2 * measure
    }

    /// The width an image is shown at when room allows: 150 pixels per inch, an SVG at its CSS size.
    static func naturalWidth(of image: ImageReference) -> Double {
        image.format == .svg ? image.pixelWidth * 0.75 : image.pixelWidth * 72 / 150
    }

    /// A figure as one floating box: the image scaled to the column (at most 60 % of the page high), then its caption.
    private func setFigure(_ figure: (image: ImageReference?, alt: [StyledText]), caption: FlowBlock, quality: inout QualityReport,
                           fonts: inout Set<String>) -> VerticalBox {
        let width = measure
        var items: [PositionedItem] = []
        var height: Double
        var shownWidth = width
        if let image = figure.image, image.pixelWidth > 0, image.pixelHeight > 0 {
            // Never enlarge a raster image beyond 150 pixels per inch, nor an SVG beyond its CSS size.
            let natural = Self.naturalWidth(of: image)
            let shown = min(width, natural)
            var size = Size(width: shown, height: shown * image.pixelHeight / image.pixelWidth)
            let limit = sheet.textHeight * 0.6
            if size.height > limit { size = Size(width: limit * image.pixelWidth / image.pixelHeight, height: limit) }
            items.append(PositionedItem(Point(x: (width - size.width) / 2, y: 0), .image(image, size), node: caption.blockNode))
            height = size.height
            shownWidth = size.width
        } else {
            // The image cannot be shown: a framed box keeps its place and says what it was.
            var alt = caption
            alt.figure = nil
            // The alt text drawn in the frame is the figure's content; the frame itself is decoration.
            alt.node = caption.blockNode
            alt.paragraph.runs = figure.alt
            alt.paragraph.alignment = .center
            alt.paragraph.leftIndent = 12
            alt.paragraph.rightIndent = 12
            let lines = set(alt, paragraphIndex: -1, quality: &quality, fonts: &fonts)
            height = max(54, Double(lines.count) * alt.paragraph.leading + 16)
            let grey = Color(hex: "#999999")
            for (x, y, w, h) in [(0.0, 0.0, width, 0.5), (0, height - 0.5, width, 0.5), (0, 0, 0.5, height), (width - 0.5, 0, 0.5, height)] {
                items.append(PositionedItem(Point(x: x, y: y), .rule(Size(width: w, height: h), color: grey)))
            }
            items += stack(lines, at: max(6, (height - Double(lines.count) * alt.paragraph.leading) / 2)).items
        }
        if !caption.paragraph.runs.isEmpty {
            var text = caption
            text.figure = nil
            // The caption spans the image's width (at least half the column), under the image.
            let captionWidth = max(shownWidth, width / 2)
            text.paragraph.leftIndent = (width - captionWidth) / 2
            text.paragraph.rightIndent = (width - captionWidth) / 2
            let placed = stack(set(text, paragraphIndex: -1, quality: &quality, fonts: &fonts), at: height + caption.spaceBefore / 2)
            items += placed.items
            height = placed.y
        }
        var box = VerticalBox(height: height + caption.spaceAfter, items: items, kind: .float)
        box.spaceBelow = caption.spaceAfter
        return box
    }

    /// A table's rows as vertical boxes, header rows first, the caption after.
    private func setTable(_ table: (header: [[[StyledText]]], rows: [[[StyledText]]], alignments: [Alignment]), caption: FlowBlock,
                          paragraphIndex: Int, quality: inout QualityReport, fonts: inout Set<String>) -> [VerticalBox] {
        let settings = sheet.tables
        let columns = table.alignments.count
        guard columns > 0 else { return [] }
        let setter = TableSetter(sheet: sheet, builder: builder)
        let widths = setter.columnWidths(table.header + table.rows, columns: columns, total: measure)
        let padding = settings.cellPadding.points
        let ruleColor = Color(hex: settings.ruleColor)
        let tableNodes = caption.tableNodes
        func row(_ cells: [[StyledText]], rowIndex: Int, isHeader: Bool, style: ParagraphStyle) -> VerticalBox {
            var items: [PositionedItem] = []
            var height = 0.0
            var x = 0.0
            for column in 0..<columns {
                defer { x += widths[column] }
                guard column < cells.count, !cells[column].isEmpty else { continue }
                var cell = FlowBlock(paragraph: ParagraphSpec(runs: cells[column], leading: style.leading.points, alignment: table.alignments[column],
                                                              fontSize: style.size.points),
                                     role: .text, spaceBefore: 0, spaceAfter: 0)
                cell.node = rowIndex < tableNodes.count && column < tableNodes[rowIndex].cells.count ? tableNodes[rowIndex].cells[column] : -1
                cell.table = nil
                cell.paragraph.alignmentIsPhysical = true
                // A right-to-left article's table reads from the right: its first column is the rightmost.
                let cellX = direction.isRightToLeft ? measure - x - widths[column] : x
                let lines = paragraphs.set(cell, paragraphIndex: -1, width: widths[column] - 2 * padding, quality: &quality, fonts: &fonts)
                let placed = stack(lines, at: padding, x: cellX + padding)
                items += placed.items
                height = max(height, placed.y + padding)
            }
            height = max(height, style.leading.points + 2 * padding)
            let thickness = isHeader ? settings.headerRuleThickness.points : settings.ruleThickness.points
            if thickness > 0 {
                items.append(PositionedItem(Point(x: 0, y: height - thickness), .rule(Size(width: measure, height: thickness), color: ruleColor)))
            }
            return VerticalBox(height: height, items: items, kind: .other)
        }
        var header = table.header.enumerated().map { row($1, rowIndex: $0, isHeader: true, style: sheet.styles.tableHeader) }
        if !header.isEmpty, settings.headerRuleThickness.points > 0 {
            header[0].items.append(PositionedItem(Point(x: 0, y: 0), .rule(Size(width: measure, height: settings.headerRuleThickness.points), color: ruleColor)))
        }
        var boxes = header
        // Header rows repeated atop a continuation page are furniture: the table's structure has its header once.
        let repeated = header.map { row in
            var copy = row
            copy.items = row.items.map { var item = $0; item.node = -1; return item }
            return copy
        }
        for (index, cells) in table.rows.enumerated() {
            var box = row(cells, rowIndex: table.header.count + index, isHeader: false, style: sheet.styles.tableCell)
            box.kind = .line(paragraph: paragraphIndex, index: header.count + index, count: header.count + table.rows.count)
            box.repeatedHeader = repeated
            boxes.append(box)
        }
        if !caption.paragraph.runs.isEmpty {
            var text = caption
            text.table = nil
            boxes += set(text, paragraphIndex: -1, quality: &quality, fonts: &fonts)
        }
        return floated(boxes, spaceAfter: caption.spaceAfter).map { [$0] } ?? boxes
    }

    /// A short table as one floating box, as a figure, in a layout that says where figures float: at most a third of
    /// the text block high, it moves whole to the foot of its column or the top of the next rather than break. Nil for
    /// a layout that leaves figures where they fall, or a longer table, which breaks across columns row by row.
    private func floated(_ rows: [VerticalBox], spaceAfter: Double) -> VerticalBox? {
        let (items, height) = stack(rows, at: 0)
        guard sheet.figures != nil, rows.count > 1, height <= sheet.textHeight / 3, rows.filter({ $0.lineNote != nil }).count <= 1 else { return nil }
        // As a figure's, the space after the table goes with it, so that text under it on top of a column keeps it.
        var box = VerticalBox(height: height + spaceAfter, items: items, kind: .float, anchors: rows.flatMap(\.anchors))
        box.spaceBelow = spaceAfter
        box.notes = rows.flatMap(\.notes)
        box.footnoteCalls = rows.flatMap(\.footnoteCalls)
        box.lineNote = rows.compactMap(\.lineNote).first
        return box
    }

    /// Stacks set lines from `y` (shifted right by `x`), returning their items and the `y` below them.
    func stack(_ boxes: [VerticalBox], at y: Double, x: Double = 0) -> (items: [PositionedItem], y: Double) {
        var items: [PositionedItem] = []
        var current = y
        for box in boxes {
            items += box.items.map { $0.moved(x, current) }
            current += box.height
        }
        return (items, current)
    }
}
