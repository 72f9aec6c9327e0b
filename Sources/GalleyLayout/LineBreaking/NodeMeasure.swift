/// Prefix sums and per-node break facts over a node list, so that any line's width, stretch and shrink, and
/// any break's cost, cost O(1) and never copy a node (a node's boxes hold glyph runs, and copies retain them).
struct NodeMeasure {
    let nodes: [Node]
    private var width: [Double]
    private var stretch: [Double]
    private var shrink: [Double]
    /// The width of the boxes that draw glyphs, which expansion widens and narrows.
    private var expandable: [Double]
    let expansion: GlyphExpansion
    /// What breaking at each node adds to the line it ends (a penalty's width, a hyphen's).
    private var breakWidths: [Double]
    /// What breaking at each node puts at the start of the next line (the part of a word after its hyphen).
    private var carriedWidths: [Double]
    /// The cost of breaking at each node, and whether that break hyphenates.
    private var costs: [Double]
    private var flags: [Bool]
    /// Whether each node may be a break: 1 always, 2 only when hyphenating, 0 never.
    private var breakKinds: [UInt8]
    /// The first node of the next line after a break at each node.
    private var starts: [Int]

    /// Prefix sums over `nodes`; with `expansion` on, a line's ratio is what its glue does once its glyphs have
    /// taken what they can of its slack, as the assembler will set it.
    init(_ nodes: [Node], expansion: GlyphExpansion = .off) {
        self.expansion = expansion
        self.nodes = nodes
        let count = nodes.count
        width = [0]
        stretch = [0]
        shrink = [0]
        expandable = [0]
        width.reserveCapacity(count + 1)
        stretch.reserveCapacity(count + 1)
        shrink.reserveCapacity(count + 1)
        breakWidths = Array(repeating: 0, count: count)
        carriedWidths = Array(repeating: 0, count: count)
        costs = Array(repeating: 0, count: count)
        flags = Array(repeating: false, count: count)
        breakKinds = Array(repeating: 0, count: count)
        // Knuth–Plass asks for the start after a break once per candidate line; it is worked out once per node here.
        starts = (0..<count).map { Self.lineStart(in: nodes, after: $0) }
        var previousIsMaterial = false
        for index in 0..<count {
            var grow = 0.0, give = 0.0
            var nodeWidth = 0.0
            var glyphs = 0.0
            var isMaterial = false
            switch nodes[index] {
            case .box(let box):
                nodeWidth = box.width
                isMaterial = true
                if box.run != nil { glyphs = box.width }
            case .glue(let glue):
                nodeWidth = glue.width
                grow = glue.stretch
                give = glue.shrink
                if previousIsMaterial { breakKinds[index] = 1 }
            case .penalty(let penalty):
                breakWidths[index] = penalty.width
                costs[index] = penalty.cost
                flags[index] = penalty.flagged
                if penalty.cost < Penalty.infinity { breakKinds[index] = 1 }
            case .discretionary(let discretionary):
                nodeWidth = discretionary.noBreakWidth
                breakWidths[index] = discretionary.preBreakWidth
                carriedWidths[index] = discretionary.postBreakWidth
                costs[index] = discretionary.penalty
                flags[index] = true
                breakKinds[index] = 2
                isMaterial = true
                glyphs = discretionary.noBreakWidth
            case .kern(let kern):
                nodeWidth = kern
            }
            previousIsMaterial = isMaterial
            width.append(width[index] + nodeWidth)
            stretch.append(stretch[index] + grow)
            shrink.append(shrink[index] + give)
            if expansion.isOn { expandable.append(expandable[index] + glyphs) }
        }
    }

    /// Whether the line may break at `index` (TeX's rules: glue after a box, finite penalties, discretionaries).
    func isBreakpoint(_ index: Int, hyphenate: Bool) -> Bool {
        let kind = breakKinds[index]
        return kind == 1 || (kind == 2 && hyphenate)
    }

    /// The first node of a line after a break at `index`.
    func lineStart(after index: Int) -> Int {
        starts[index]
    }

    /// The first node of a line after a break at `index` in `nodes`: glue, penalties and kerns after a break are
    /// dropped, and a hyphen's next line starts right after it (the one rule, shared with the line assembler).
    static func lineStart(in nodes: [Node], after index: Int) -> Int {
        var start = index + 1
        if case .discretionary = nodes[index] { return start }
        while start < nodes.count {
            switch nodes[start] {
            case .glue, .penalty, .kern: start += 1
            default: return start
            }
        }
        return start
    }

    /// Width, stretch and shrink of the line from `start` to the break at `end`, as set if it breaks there.
    func line(from start: Int, to end: Int, previousBreak: Int?) -> (width: Double, stretch: Double, shrink: Double) {
        guard start <= end else { return (breakWidths[end], 0, 0) }
        var natural = width[end] - width[start] + breakWidths[end]
        if let previous = previousBreak { natural += carriedWidths[previous] }
        return (natural, stretch[end] - stretch[start], shrink[end] - shrink[start])
    }

    /// The ratio of the line from `start` to the break at `end` set to `target`, after its glyphs' expansion.
    func ratio(from start: Int, to end: Int, previousBreak: Int?, target: Double, extraStretch: Double = 0) -> Double {
        let line = line(from: start, to: end, previousBreak: previousBreak)
        let glyphs = expansion.isOn && start <= end ? expandable[end] - expandable[start] : 0
        return Self.ratio(width: line.width, stretch: line.stretch + extraStretch, shrink: line.shrink, target: target,
                          expandable: glyphs, expansion: expansion)
    }

    /// The ratio of a line's glue once its glyphs, `expandable` wide, have taken what `expansion` lets them of the
    /// slack: the glyphs go first, so that the spaces stay as near their natural width as they can.
    ///
    /// A line ending in fill glue (a paragraph's last) has room to spare and is not widened.
    static func ratio(width natural: Double, stretch: Double, shrink: Double, target: Double, expandable: Double,
                      expansion: GlyphExpansion) -> Double {
        let widened = natural + expansion.absorbed(slack: target - natural, expandable: expandable, hasFill: stretch >= Glue.fill)
        return ratio(width: widened, stretch: stretch, shrink: shrink, target: target)
    }

    /// The cost of breaking at `index` and whether it hyphenates.
    func breakCost(_ index: Int) -> (cost: Double, flagged: Bool) {
        (costs[index], flags[index])
    }

    /// The adjustment ratio that sets a line of these measures to `target`.
    static func ratio(width natural: Double, stretch: Double, shrink: Double, target: Double) -> Double {
        if natural < target {
            return stretch > 0 ? (target - natural) / stretch : .infinity
        }
        if natural > target {
            return shrink > 0 ? (target - natural) / shrink : -.infinity
        }
        return 0
    }
}
