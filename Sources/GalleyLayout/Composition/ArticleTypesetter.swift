import Foundation
import GalleyModel
import GalleyStyle

/// Typesets one article with one design: the layout stage's entry point.
///
/// Not thread-safe: it owns a shaper and caches. Give each worker thread its own.
public final class ArticleTypesetter {
    /// The design in use.
    public let sheet: StyleSheet
    private let builder: NodeListBuilder
    private let lineBreaker: any LineBreaker
    private let assembler = LineAssembler()
    /// The name and version written into the PDF's Creator field.
    public var creator = "Galley"

    /// Creates a typesetter; `lineBreaker` overrides the design's choice when given.
    public init(sheet: StyleSheet, shaper: any TextShaper, hyphenator: any Hyphenator, lineBreaker: (any LineBreaker)? = nil) {
        self.sheet = sheet
        builder = NodeListBuilder(shaper: shaper, hyphenator: hyphenator, parameters: sheet.lineBreaking)
        self.lineBreaker = lineBreaker ?? (sheet.lineBreaking.algorithm == "knuth-plass"
            ? KnuthPlassLineBreaker() : FirstFitLineBreaker())
    }

    /// Lays out `article` into finished pages.
    public func typeset(_ article: Article) -> PagedDocument {
        var quality = QualityReport()
        var fonts = Set<String>()
        let composer = ArticleComposer(sheet: sheet, article: article)
        let blocks = composer.blocks()
        var noteLines: [String: [VerticalBox]] = [:]
        if sheet.notes.placement == .footnotes {
            for (id, flows) in composer.footnoteBlocks() {
                noteLines[id] = flows.flatMap { flow in
                    set(flow, paragraphIndex: -1, quality: &quality, fonts: &fonts).map { line in
                        var note = line
                        note.kind = .note
                        return note
                    }
                }
            }
        }
        let list = verticalList(blocks, noteLines: noteLines, quality: &quality, fonts: &fonts)
        let notes = sheet.notes
        let pageBuilder = PageBuilder(pageHeight: sheet.textHeight, noteSeparation: notes.separation.points,
                                  noteRule: (notes.ruleWidth.points, notes.ruleThickness.points, Color(hex: sheet.styles.footnote.color)))
        let placements = pageBuilder.build(list)
        PageStatistics.count(placements, into: &quality)

        let decorator = PageDecorator(sheet: sheet, article: article, builder: builder)
        var pages: [Page] = []
        var outline: [OutlineEntry] = []
        for (index, placed) in placements.enumerated() {
            let left = decorator.textLeft(pageIndex: index)
            let top = sheet.page.margins.top.points
            var page = Page(size: Size(width: sheet.page.size.width.points, height: sheet.page.size.height.points))
            for (y, box) in placed {
                for anchor in box.anchors {
                    page.items.append(PositionedItem(Point(x: left, y: top + y), .destination(anchor.destination)))
                    var entry = anchor
                    entry.page = index
                    outline.append(entry)
                }
                for item in box.items {
                    page.items.append(PositionedItem(Point(x: left + item.origin.x, y: top + y + item.origin.y), item.item))
                }
            }
            page.items += decorator.decorations(pageIndex: index, pageCount: placements.count, fonts: &fonts)
            pages.append(page)
        }
        quality.fonts = fonts.sorted()
        let metadata = DocumentMetadata(
            title: article.title, author: article.authors.joined(separator: ", "),
            subject: article.deck?.plainText ?? article.kicker ?? "", keywords: article.topics.joined(separator: ", "),
            creator: creator, creationDate: article.date.map { "\($0)T00:00:00Z" }, language: article.language)
        return PagedDocument(pages: pages, outline: outline, metadata: metadata, quality: quality)
    }

    /// Sets every block's lines and strings them into one vertical list with spacing and break penalties.
    private func verticalList(_ blocks: [FlowBlock], noteLines: [String: [VerticalBox]], quality: inout QualityReport,
                              fonts: inout Set<String>) -> [VerticalNode] {
        var list: [VerticalNode] = []
        var notesPlaced = Set<String>()
        var previousSpaceAfter = 0.0
        var keepLines = 0
        let rules = sheet.pagination
        var destinationCount = 0
        for (paragraphIndex, flow) in blocks.enumerated() {
            var boxes = set(flow, paragraphIndex: paragraphIndex, quality: &quality, fonts: &fonts)
            guard !boxes.isEmpty else { continue }
            for index in boxes.indices {
                for id in boxes[index].footnoteCalls where notesPlaced.insert(id).inserted {
                    if let lines = noteLines[id] { boxes[index].notes.append(lines) }
                }
            }
            if let outline = flow.outline {
                destinationCount += 1
                let name = outline.level == 0 ? "title" : "section-\(destinationCount - 1)"
                boxes[0].anchors.append(OutlineEntry(title: outline.title, level: outline.level, destination: name, page: 0))
            }
            if !list.isEmpty {
                let keep = keepLines > 0 || flow.role == .titleBlock || flow.role == .decoration
                list.append(.penalty(keep ? Penalty.infinity : 0))
                let space = max(previousSpaceAfter, flow.spaceBefore)
                if space > 0 { list.append(.space(space)) }
            }
            for (lineIndex, box) in boxes.enumerated() {
                if lineIndex > 0 {
                    let count = boxes.count
                    let forbidden = flow.role != .text || keepLines > lineIndex
                        || lineIndex < rules.orphans || count - lineIndex < rules.widows
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
        }
        return list
    }

    /// The lines of one block as vertical boxes.
    private func set(_ flow: FlowBlock, paragraphIndex: Int, quality: inout QualityReport, fonts: inout Set<String>) -> [VerticalBox] {
        if let rule = flow.rule {
            let width = sheet.textWidth * rule.width
            return [VerticalBox(height: rule.thickness, items: [PositionedItem(Point(x: 0, y: 0), .rule(Size(width: width, height: rule.thickness), color: rule.color))], kind: .other)]
        }
        let paragraph = flow.paragraph
        let measure = sheet.textWidth - paragraph.leftIndent - paragraph.rightIndent
        let nodes = builder.nodes(for: paragraph)
        let widths = LineWidths(measure)
        let parameters = BreakParameters(sheet.lineBreaking, emergencyStretch: 1.5 * paragraph.fontSize)
        let breaks = lineBreaker.breakLines(nodes, widths: widths, parameters: parameters)
        let lines = assembler.assemble(nodes, breaks: breaks, widths: widths, alignment: paragraph.alignment,
                                       hangingPunctuation: sheet.lineBreaking.hangingPunctuation)
        let baseline = Self.baselineOffset(leading: paragraph.leading, size: paragraph.fontSize)
        var boxes: [VerticalBox] = []
        var hyphenRun = 0
        for (index, line) in lines.enumerated() {
            var items: [PositionedItem] = []
            for run in line.runs {
                items.append(PositionedItem(Point(x: paragraph.leftIndent + run.x, y: baseline), .glyphs(run.run, color: run.style.color)))
                fonts.insert(run.run.face.postScriptName)
                quality.missingGlyphs += run.run.missingGlyphs
            }
            for link in line.links {
                items.append(PositionedItem(Point(x: paragraph.leftIndent + link.x, y: baseline - paragraph.fontSize * 0.9),
                                            .link(Size(width: link.width, height: paragraph.fontSize * 1.2), url: link.url)))
            }
            if index == 0, let marker = flow.marker {
                let markerRuns = marker.flatMap { builder.shape($0.text ?? "", font: $0.font, language: $0.language) }
                let width = markerRuns.reduce(0) { $0 + $1.width }
                var x = paragraph.leftIndent - width - paragraph.fontSize * 0.5
                for run in markerRuns {
                    items.append(PositionedItem(Point(x: x, y: baseline), .glyphs(run, color: marker[0].style.color)))
                    x += run.width
                }
            }
            let isLast = index == lines.count - 1
            if paragraph.alignment == .justify && !isLast {
                quality.justifiedLines += 1
                quality.sumAbsoluteRatio += abs(line.ratio)
                quality.maxAbsoluteRatio = max(quality.maxAbsoluteRatio, abs(line.ratio))
                if KnuthPlassLineBreaker.badness(line.ratio) > sheet.lineBreaking.tolerance { quality.looseLines += 1 }
            }
            if line.overfull { quality.overfullLines += 1 }
            if line.hyphenated {
                quality.hyphenatedLines += 1
                hyphenRun += 1
                quality.longestHyphenRun = max(quality.longestHyphenRun, hyphenRun)
            } else {
                hyphenRun = 0
            }
            let kind: VerticalBox.Kind = flow.role == .heading ? .heading : .line(paragraph: paragraphIndex, index: index, count: lines.count)
            var box = VerticalBox(height: paragraph.leading, items: items, kind: kind)
            box.footnoteCalls = line.footnotes
            boxes.append(box)
        }
        return boxes
    }

    /// Where the baseline sits in a line box: text centred on the leading, with the x-height region balanced.
    static func baselineOffset(leading: Double, size: Double) -> Double {
        (leading - size) / 2 + size * 0.8
    }
}
