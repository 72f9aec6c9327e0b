import GalleyModel
import GalleyStyle

/// Sets one paragraph: its direction, node list, line breaks and lines, and the quality figures of those lines.
///
/// The typesetter's other setters (figures, tables, issue pages) all come here for their text.
struct ParagraphSetter {
    let sheet: StyleSheet
    let builder: NodeListBuilder
    /// Where links, footnote calls and passages in another language get their own elements inside the paragraph's.
    let structure: StructureBuilder
    let lineBreaker: any LineBreaker
    private let assembler = LineAssembler()

    init(sheet: StyleSheet, builder: NodeListBuilder, structure: StructureBuilder, lineBreaker: any LineBreaker) {
        self.sheet = sheet
        self.builder = builder
        self.structure = structure
        self.lineBreaker = lineBreaker
    }

    /// The lines of `flow`'s paragraph as vertical boxes, with the marker (bullet, number) hung in the indent at the
    /// start of its first line; `width` is the width the indents are taken from (a table cell's), the text block's
    /// when not given.
    func set(_ flow: FlowBlock, paragraphIndex: Int, width: Double? = nil, quality: inout QualityReport,
             fonts: inout Set<String>) -> [VerticalBox] {
        var paragraph = ParagraphDirection.resolve(flow.paragraph, language: flow.paragraph.runs.first?.language ?? "en")
        let blockWidth = width ?? sheet.textWidth
        let measure = blockWidth - paragraph.leftIndent - paragraph.rightIndent
        var widths = LineWidths(measure)
        // A drop cap takes its letter out of the text and narrows the lines beside it.
        let dropCap = flow.dropCap.flatMap { DropCap.make($0, paragraph: paragraph, builder: builder, measure: measure) }
        if let dropCap {
            paragraph = dropCap.paragraph
            widths = LineWidths(Array(repeating: measure - dropCap.indent, count: dropCap.lines) + [measure])
        }
        var parameters = BreakParameters(sheet.lineBreaking, emergencyStretch: 1.5 * paragraph.fontSize)
        // Only a justified line's glyphs are widened or narrowed; a ragged line is set at its natural width.
        if paragraph.alignment != .justify { parameters.expansion = .off }
        var nodes: [Node]
        var breaks: [LineBreak]
        if let optimal = lineBreaker as? KnuthPlassLineBreaker, case let plain = builder.nodes(for: paragraph, hyphenate: false),
           let found = optimal.firstPass(plain, widths: widths, parameters: parameters) {
            // Set without hyphens under the pretolerance, as TeX does: no dictionary lookups needed.
            (nodes, breaks) = (plain, found)
        } else {
            nodes = builder.nodes(for: paragraph)
            if lineBreaker is KnuthPlassLineBreaker { parameters.pretolerance = -1 }
            breaks = lineBreaker.breakLines(nodes, widths: widths, parameters: parameters)
        }
        var lines = assembler.assemble(nodes, breaks: breaks, widths: widths, alignment: paragraph.alignment,
                                       hangingPunctuation: sheet.lineBreaking.hangingPunctuation, direction: paragraph.direction,
                                       expansion: parameters.expansion)
        if lines.contains(where: \.overfull) {
            // A word wider than the line: cut it between characters rather than let it run off the page.
            let cut = EmergencyBreaks.cut(nodes, wider: measure)
            if cut.count > 0 {
                parameters.pretolerance = -1
                let emergency = lineBreaker.breakLines(cut.nodes, widths: widths, parameters: parameters)
                lines = assembler.assemble(cut.nodes, breaks: emergency, widths: widths, alignment: paragraph.alignment,
                                           hangingPunctuation: sheet.lineBreaking.hangingPunctuation, direction: paragraph.direction,
                                           expansion: parameters.expansion)
                quality.brokenWords += cut.count
                if let first = cut.first, quality.firstBrokenWord == nil { quality.firstBrokenWord = String(first.prefix(40)) }
            }
        }
        if let dropCap, lines.count < dropCap.lines {
            // Too short to stand beside the cap: set as a plain paragraph.
            var plain = flow
            plain.dropCap = nil
            return set(plain, paragraphIndex: paragraphIndex, width: width, quality: &quality, fonts: &fonts)
        }
        let baseline = Self.baselineOffset(leading: paragraph.leading, size: paragraph.fontSize)
        var boxes: [VerticalBox] = []
        var hyphenRun = 0
        var inline = InlineElements(structure: structure, block: flow.node)
        for (index, line) in lines.enumerated() {
            var items: [PositionedItem] = []
            if index == 0, let dropCap {
                // First in the line's items, so that the letter comes first in the text a reader copies.
                items += dropCap.items(left: paragraph.leftIndent, baseline: baseline, node: flow.node)
                for run in dropCap.runs { fonts.insert(run.face.postScriptName) }
            }
            let shift = dropCap.map { index < $0.lines ? $0.indent : 0 } ?? 0
            for run in line.runs {
                items.append(PositionedItem(Point(x: paragraph.leftIndent + shift + run.x, y: baseline), .glyphs(run.run, color: run.style.color),
                                            node: inline.node(for: run.style)))
                fonts.insert(run.run.face.postScriptName)
                quality.count(missingIn: run.run)
            }
            for link in line.links {
                items.append(PositionedItem(Point(x: paragraph.leftIndent + shift + link.x, y: baseline - paragraph.fontSize * 0.9),
                                            .link(Size(width: link.width, height: paragraph.fontSize * 1.2), url: link.url),
                                            node: inline.linkNode(for: link.url)))
            }
            if index == 0, let marker = flow.marker {
                items += markerItems(marker, paragraph: paragraph, blockWidth: blockWidth, baseline: baseline, quality: &quality,
                                     fonts: &fonts).map { var item = $0; item.node = flow.markerNode; return item }
            }
            let isLast = index == lines.count - 1
            var note: Int?
            if paragraph.alignment == .justify && !isLast {
                quality.justifiedLines += 1
                quality.sumAbsoluteRatio += abs(line.ratio)
                quality.maxAbsoluteRatio = max(quality.maxAbsoluteRatio, abs(line.ratio))
                if KnuthPlassLineBreaker.badness(line.ratio) > sheet.lineBreaking.tolerance {
                    quality.looseLines += 1
                    note = quality.note(.looseLine, ratio: line.ratio, text: Self.firstWords(of: line))
                }
            }
            if line.overfull {
                quality.overfullLines += 1
                note = quality.note(.overfullLine, ratio: line.ratio, text: Self.firstWords(of: line))
            }
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
            box.lineNote = note
            boxes.append(box)
        }
        return boxes
    }

    /// A list bullet or note number, hung half an em before the start of the first line: on the left of a
    /// left-to-right paragraph, on the right of a right-to-left one.
    private func markerItems(_ marker: [StyledText], paragraph: ParagraphSpec, blockWidth: Double, baseline: Double,
                             quality: inout QualityReport, fonts: inout Set<String>) -> [PositionedItem] {
        let line = builder.line(marker, direction: paragraph.direction)
        let gap = paragraph.fontSize * 0.5
        let start = paragraph.direction == .rightToLeft
            ? blockWidth - paragraph.rightIndent + gap
            : paragraph.leftIndent - line.contentWidth - gap
        return line.runs.map { run in
            fonts.insert(run.run.face.postScriptName)
            quality.count(missingIn: run.run)
            return PositionedItem(Point(x: start + run.x, y: baseline), .glyphs(run.run, color: run.style.color))
        }
    }

    /// The first words of a set line, in reading order, to say where a problem is.
    static func firstWords(of line: SetLine) -> String {
        let text = line.runs.sorted { $0.x < $1.x }.map(\.run.text).joined()
        let words = text.split(separator: " ").prefix(5).joined(separator: " ")
        return words.count > 40 ? String(words.prefix(40)) + "…" : words
    }

    /// Where the baseline sits in a line box: text centred on the leading, with the x-height region balanced.
    static func baselineOffset(leading: Double, size: Double) -> Double {
        (leading - size) / 2 + size * 0.8
    }
}
