import GalleyModel
import GalleyStyle

/// Sets the lines a breaker chose: places boxes, spreads glue by the ratio, reorders mixed-direction text for
/// display, and merges glyphs into runs.
public struct LineAssembler: Sendable {
    /// Creates an assembler.
    public init() {}

    /// The lines of `nodes` broken at `breaks`, aligned as `alignment` says within `widths`, in a paragraph of
    /// `direction` (whose level the line's bidi reordering starts from); a justified line's glyphs take the share of
    /// its slack that `expansion` allows.
    public func assemble(_ nodes: [Node], breaks: [LineBreak], widths: LineWidths, alignment: Alignment,
                         hangingPunctuation: Bool, direction: TextDirection = .leftToRight,
                         expansion: GlyphExpansion = .off) -> [SetLine] {
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
                                 hangs: hangingPunctuation && alignment == .justify && direction == .leftToRight, isLast: isLast,
                                 baseLevel: direction == .rightToLeft ? 1 : 0, expansion: alignment == .justify ? expansion : .off))
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
                         hangs: Bool, isLast: Bool, baseLevel: UInt8, expansion: GlyphExpansion) -> SetLine {
        var natural = 0.0, stretch = 0.0, shrink = 0.0
        // The width of the boxes that draw glyphs: what expansion widens or narrows.
        var expandable = 0.0
        var maxLevel = baseLevel
        line.forEach { node in
            natural += node.width
            switch node {
            case .glue(let glue):
                stretch += glue.stretch
                shrink += glue.shrink
                maxLevel = max(maxLevel, glue.level)
            case .box(let box):
                maxLevel = max(maxLevel, box.level)
                if box.run != nil { expandable += box.width }
            case .discretionary(let discretionary):
                for box in discretionary.noBreak {
                    maxLevel = max(maxLevel, box.level)
                    if box.run != nil { expandable += box.width }
                }
            default:
                break
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
        // The glyphs take what they can of the slack first, in whole steps; the spaces are set to what is left.
        let amount = expansion.amount(slack: target - natural, expandable: expandable, hasFill: stretch >= Glue.fill, shrink: shrink)
        let scale = 1 + amount
        natural += amount * expandable
        var ratio = NodeMeasure.ratio(width: natural, stretch: stretch, shrink: shrink, target: target)
        if alignment != .justify { ratio = min(ratio, 0) }
        if !ratio.isFinite { ratio = ratio > 0 ? 0 : -1 }
        let overfull = ratio < -1 - 1e-9 || (ratio <= -1 && natural - shrink > target + 0.01)
        ratio = max(ratio, -1)

        var x = 0.0
        var runs: [(x: Double, run: GlyphRun, style: TextStyle)] = []
        // The run words are being joined to, kept out of `runs` until the next one starts: read through the array,
        // every test of its style or position copied the whole element (its run and style retained and released).
        var open: (x: Double, run: GlyphRun, style: TextStyle)?
        var links: [(x: Double, width: Double, url: String)] = []
        var footnotes: [String] = []
        // The width of glue just placed that draws nothing (the stretch between Chinese characters): the run before
        // it may take it into its last glyph's advance and go on, so that a line of CJK text is one run, not one
        // run per character.
        var blankGlue = 0.0
        // `run` drawn `factor` times as wide (the line's glyph expansion): joined to the run before it with its
        // glyphs scaled as they are copied, rather than scaled into a run of their own first.
        func add(_ run: GlyphRun, expandedBy factor: Double = 1, style: TextStyle, at position: Double, width: Double) {
            if maxLevel == 0, let note = style.footnote, footnotes.last != note { footnotes.append(note) }
            if open != nil, open!.style == style, open!.run.canMerge(with: run, expandedBy: factor),
               abs(open!.x + open!.run.width + blankGlue - position) < 0.0001 {
                // In place: copying the run's glyphs out and back for every character made a line of Chinese
                // quadratic in its length.
                if blankGlue != 0 { open!.run.widenLastGlyph(by: blankGlue) }
                open!.run.appendOnRight(run, expandedBy: factor)
            } else {
                if let finished = open { runs.append(finished) }
                open = (position, run.expanded(by: factor), style)
            }
            blankGlue = 0
            if let url = style.link {
                if let index = links.indices.last, links[index].url == url, abs(links[index].x + links[index].width - position) < 0.0001 {
                    links[index].width += width
                } else {
                    links.append((position, width, url))
                }
            }
        }
        func place(_ node: Node) {
            switch node {
            case .box(let box):
                if let run = box.run {
                    add(run, expandedBy: scale, style: box.style, at: x, width: box.width * scale)
                    x += box.width * scale
                } else {
                    blankGlue = -.infinity
                    x += box.width
                }
            case .glue(let glue):
                let width = glue.width + (ratio > 0 ? ratio * glue.stretch : ratio * glue.shrink)
                if var space = glue.space, width > 0, let glyph = space.glyphs.first, space.glyphs.count == 1 {
                    // Draw the space with its set width so copied text keeps the word space.
                    var stretched = glyph
                    stretched.advance = width
                    space.glyphs = [stretched]
                    // A space inside right-to-left text joins the runs around it.
                    if glue.level % 2 == 1 { space.isRightToLeft = true }
                    // Drawn at the line's scale too, so that it joins the words around it in one run.
                    if scale != 1 { space.horizontalScale *= scale }
                    add(space, style: glue.style, at: x, width: width)
                } else if width > 0 {
                    blankGlue += width
                }
                x += width
            case .kern(let width):
                blankGlue = -.infinity
                x += width
            case .discretionary(let discretionary):
                for box in discretionary.noBreak {
                    let factor = box.run == nil ? 1 : scale
                    if let run = box.run { add(run, expandedBy: factor, style: box.style, at: x, width: box.width * factor) }
                    x += box.width * factor
                }
            case .penalty:
                break
            }
        }
        if maxLevel == 0 {
            line.forEach { place($0) }
        } else {
            // Mixed directions: the line's material in reading order, then placed left to right in display order.
            var material: [Node] = []
            line.forEach { node in
                switch node {
                case .discretionary(let discretionary): material += discretionary.noBreak.map(Node.box)
                case .penalty: break
                default: material.append(node)
                }
                if case .box(let box) = node, box.run != nil, let note = box.style.footnote, footnotes.last != note { footnotes.append(note) }
            }
            let levels = material.map { node -> UInt8 in
                switch node {
                case .box(let box): return box.level
                case .glue(let glue): return glue.level
                default: return baseLevel
                }
            }
            for index in Self.visualOrder(levels) { place(material[index]) }
        }
        if let finished = open { runs.append(finished) }
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

    /// The display order of a line's items from their embedding levels (UAX #9, rule L2): from the highest level
    /// down to the lowest odd one, every run of items at that level or above is reversed.
    public static func visualOrder(_ levels: [UInt8]) -> [Int] {
        var order = Array(levels.indices)
        guard let highest = levels.max(), let lowestOdd = levels.filter({ $0 % 2 == 1 }).min() else { return order }
        var level = highest
        while level >= lowestOdd {
            var start = 0
            while start < order.count {
                guard levels[order[start]] >= level else {
                    start += 1
                    continue
                }
                var end = start
                while end < order.count, levels[order[end]] >= level { end += 1 }
                order[start..<end].reverse()
                start = end
            }
            level -= 1
        }
        return order
    }
}
