import GalleyStyle

/// Sets the lines a breaker chose: places boxes, spreads glue by the ratio, merges glyphs into runs.
public struct LineAssembler: Sendable {
    /// Creates an assembler.
    public init() {}

    /// The lines of `nodes` broken at `breaks`, aligned as `alignment` says within `widths`.
    public func assemble(_ nodes: [Node], breaks: [LineBreak], widths: LineWidths, alignment: Alignment,
                         hangingPunctuation: Bool) -> [SetLine] {
        var lines: [SetLine] = []
        var start = 0
        var carried: [Box] = []
        for (lineIndex, lineBreak) in breaks.enumerated() {
            var material: [Node] = carried.map { .box($0) }
            if start < lineBreak.position { material += nodes[start..<lineBreak.position] }
            var hyphenated = false
            switch nodes[lineBreak.position] {
            case .discretionary(let discretionary):
                material += discretionary.preBreak.map { .box($0) }
                carried = discretionary.postBreak
                hyphenated = true
            case .penalty(let penalty):
                carried = []
                hyphenated = penalty.flagged
            default:
                carried = []
            }
            let isLast = lineIndex == breaks.count - 1
            let measure = widths.width(ofLine: lineIndex)
            lines.append(setLine(material, measure: measure, alignment: alignment, hyphenated: hyphenated,
                                 hangs: hangingPunctuation && alignment == .justify, isLast: isLast))
            start = NodeMeasure.lineStart(in: nodes, after: lineBreak.position)
        }
        return lines
    }

    private func setLine(_ material: [Node], measure: Double, alignment: Alignment, hyphenated: Bool,
                         hangs: Bool, isLast: Bool) -> SetLine {
        // Drop glue at the line's end: it is where the line broke.
        var items = material
        while let last = items.last {
            if case .glue(let glue) = last, glue.stretch < Glue.fill { items.removeLast(); continue }
            if case .penalty = last { items.removeLast(); continue }
            break
        }
        var natural = 0.0, stretch = 0.0, shrink = 0.0
        for node in items {
            natural += node.width
            if case .glue(let glue) = node {
                stretch += glue.stretch
                shrink += glue.shrink
            }
        }
        var shift = 0.0
        var target = measure
        if hangs {
            if case .box(let first)? = items.first(where: { if case .box(let b) = $0 { return b.run != nil }; return false }) {
                shift = -first.protrusionLeft
                target += first.protrusionLeft
            }
            if case .box(let last)? = items.last {
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
        for node in items {
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
        var line = SetLine(runs: runs, links: links, measure: measure, contentWidth: x, ratio: ratio,
                           hyphenated: hyphenated, overfull: overfull)
        line.footnotes = footnotes
        return line
    }
}
