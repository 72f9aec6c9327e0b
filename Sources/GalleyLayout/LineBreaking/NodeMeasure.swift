/// Prefix sums over a node list, so that any line's width, stretch and shrink cost O(1).
struct NodeMeasure {
    let nodes: [Node]
    private var width: [Double]
    private var stretch: [Double]
    private var shrink: [Double]

    init(_ nodes: [Node]) {
        self.nodes = nodes
        width = [0]
        stretch = [0]
        shrink = [0]
        width.reserveCapacity(nodes.count + 1)
        for node in nodes {
            var grow = 0.0, give = 0.0
            if case .glue(let glue) = node {
                grow = glue.stretch
                give = glue.shrink
            }
            width.append(width.last! + node.width)
            stretch.append(stretch.last! + grow)
            shrink.append(shrink.last! + give)
        }
    }

    /// Whether the line may break at `index` (TeX's rules: glue after a box, finite penalties, discretionaries).
    func isBreakpoint(_ index: Int, hyphenate: Bool) -> Bool {
        switch nodes[index] {
        case .glue:
            guard index > 0 else { return false }
            if case .box = nodes[index - 1] { return true }
            if case .discretionary = nodes[index - 1] { return true }
            return false
        case .penalty(let penalty): return penalty.cost < Penalty.infinity
        case .discretionary: return hyphenate
        default: return false
        }
    }

    /// The first node of a line after a break at `index`: glue, penalties and kerns are dropped there.
    func lineStart(after index: Int) -> Int {
        Self.lineStart(in: nodes, after: index)
    }

    /// The first node of a line after a break at `index` in `nodes` (shared with the line assembler).
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
        guard start <= end else { return (breakWidth(end), 0, 0) }
        var natural = width[end] - width[start] + breakWidth(end)
        if let previous = previousBreak, case .discretionary(let discretionary) = nodes[previous] {
            natural += discretionary.postBreakWidth
        }
        return (natural, stretch[end] - stretch[start], shrink[end] - shrink[start])
    }

    /// What a break at `index` adds to its line.
    func breakWidth(_ index: Int) -> Double {
        switch nodes[index] {
        case .penalty(let penalty): return penalty.width
        case .discretionary(let discretionary): return discretionary.preBreakWidth
        default: return 0
        }
    }

    /// The cost of breaking at `index` and whether it hyphenates.
    func breakCost(_ index: Int) -> (cost: Double, flagged: Bool) {
        switch nodes[index] {
        case .penalty(let penalty): return (penalty.cost, penalty.flagged)
        case .discretionary(let discretionary): return (discretionary.penalty, true)
        default: return (0, false)
        }
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
