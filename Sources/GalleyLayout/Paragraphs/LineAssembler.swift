import GalleyStyle

/// Sets the lines a breaker chose: places boxes, spreads glue by the ratio, merges glyphs into runs.
public struct LineAssembler: Sendable {
    /// Creates an assembler.
    public init() {}

    /// The lines of `nodes` broken at `breaks`, aligned as `alignment` says within `widths`.
    public func assemble(_ nodes: [Node], breaks: [LineBreak], widths: LineWidths, alignment: Alignment,
                         hangingPunctuation: Bool) -> [SetLine] {
        var lines: [SetLine] = []
        lines.reserveCapacity(breaks.count)
        var start = 0
        var carried: [Box] = []
        for (lineIndex, lineBreak) in breaks.enumerated() {
            var ending: [Box] = []
            var hyphenated = false
            var nextCarried: [Box] = []
            switch nodes[lineBreak.position] {
            case .discretionary(let discretionary):
                ending = discretionary.preBreak
                nextCarried = discretionary.postBreak
                hyphenated = true
            case .penalty(let penalty):
                hyphenated = penalty.flagged
            default:
                break
            }
            let line = LineMaterial(nodes: nodes, carried: carried, range: start..<max(start, lineBreak.position), ending: ending)
            let isLast = lineIndex == breaks.count - 1
            let measure = widths.width(ofLine: lineIndex)
            lines.append(setLine(line, measure: measure, alignment: alignment, hyphenated: hyphenated,
                                 hangs: hangingPunctuation && alignment == .justify, isLast: isLast))
            carried = nextCarried
            start = NodeMeasure.lineStart(in: nodes, after: lineBreak.position)
        }
        return lines
    }

    /// One line's material read in place: boxes carried over from a hyphen, a range of the paragraph's nodes and
    /// the hyphen's boxes, without copying the nodes into an array of their own.
    private struct LineMaterial {
        let nodes: [Node]
        let carried: [Box]
        let range: Range<Int>
        let ending: [Box]

        init(nodes: [Node], carried: [Box], range: Range<Int>, ending: [Box]) {
            self.nodes = nodes
            self.carried = carried
            self.ending = ending
            // Glue and penalties at the line's end are where it broke: they are not set.
            var end = range.upperBound
            while ending.isEmpty, end > range.lowerBound, Self.isDroppedAtLineEnd(nodes[end - 1]) { end -= 1 }
            self.range = range.lowerBound..<end
        }

        private static func isDroppedAtLineEnd(_ node: Node) -> Bool {
            switch node {
            case .glue(let glue): return glue.stretch < Glue.fill
            case .penalty: return true
            default: return false
            }
        }

        func forEach(_ body: (Node) -> Void) {
            for box in carried { body(.box(box)) }
            for index in range { body(nodes[index]) }
            for box in ending { body(.box(box)) }
        }

        /// The first box that draws glyphs.
        var firstTextBox: Box? {
            if let box = carried.first(where: { $0.run != nil }) { return box }
            for index in range { if case .box(let box) = nodes[index], box.run != nil { return box } }
            return ending.first { $0.run != nil }
        }

        /// The last box, if the line ends with one.
        var lastBox: Box? {
            if let box = ending.last { return box }
            if let index = range.last {
                if case .box(let box) = nodes[index] { return box }
                return nil
            }
            return carried.last
        }
    }

    private func setLine(_ line: LineMaterial, measure: Double, alignment: Alignment, hyphenated: Bool,
                         hangs: Bool, isLast: Bool) -> SetLine {
        var natural = 0.0, stretch = 0.0, shrink = 0.0
        line.forEach { node in
            natural += node.width
            if case .glue(let glue) = node {
                stretch += glue.stretch
                shrink += glue.shrink
            }
        }
        var shift = 0.0
        var target = measure
        if hangs {
            if let first = line.firstTextBox {
                shift = -first.protrusionLeft
                target += first.protrusionLeft
            }
            if let last = line.lastBox {
                target += last.protrusionRight
            }
        }
        var ratio = NodeMeasure.ratio(width: natural, stretch: stretch, shrink: shrink, target: target)
        if alignment != .justify { ratio = min(ratio, 0) }
        if !ratio.isFinite { ratio = ratio > 0 ? 0 : -1 }
        let overfull = ratio < -1 - 1e-9 || (ratio <= -1 && natural - shrink > target + 0.01)
        ratio = max(ratio, -1)

        var x = 0.0
        var runs: [(x: Double, run: GlyphRun, style: TextStyle)] = []
        var links: [(x: Double, width: Double, url: String)] = []
        var footnotes: [String] = []
        func add(_ run: GlyphRun, style: TextStyle, at position: Double, width: Double) {
            if let note = style.footnote, footnotes.last != note { footnotes.append(note) }
            if let index = runs.indices.last, runs[index].style == style, runs[index].run.canMerge(with: run),
               abs(runs[index].x + runs[index].run.width - position) < 0.0001 {
                runs[index].run.append(run)
            } else {
                runs.append((position, run, style))
            }
            if let url = style.link {
                if let index = links.indices.last, links[index].url == url, abs(links[index].x + links[index].width - position) < 0.0001 {
                    links[index].width += width
                } else {
                    links.append((position, width, url))
                }
            }
        }
        line.forEach { node in
            switch node {
            case .box(let box):
                if let run = box.run { add(run, style: box.style, at: x, width: box.width) }
                x += box.width
            case .glue(let glue):
                let width = glue.width + (ratio > 0 ? ratio * glue.stretch : ratio * glue.shrink)
                if var space = glue.space, width > 0, let glyph = space.glyphs.first, space.glyphs.count == 1 {
                    // Draw the space with its set width so copied text keeps the word space.
                    var stretched = glyph
                    stretched.advance = width
                    space.glyphs = [stretched]
                    add(space, style: glue.style, at: x, width: width)
                }
                x += width
            case .kern(let width):
                x += width
            case .discretionary(let discretionary):
                for box in discretionary.noBreak {
                    if let run = box.run { add(run, style: box.style, at: x, width: box.width) }
                    x += box.width
                }
            case .penalty:
                break
            }
        }
        var offset = shift
        switch alignment {
        case .right: offset += max(0, measure - x)
        case .center: offset += max(0, (measure - x) / 2)
        default: break
        }
        if offset != 0 {
            runs = runs.map { ($0.x + offset, $0.run, $0.style) }
            links = links.map { ($0.x + offset, $0.width, $0.url) }
        }
        var set = SetLine(runs: runs, links: links, measure: measure, contentWidth: x, ratio: ratio,
                          hyphenated: hyphenated, overfull: overfull)
        set.footnotes = footnotes
        return set
    }
}
