import Foundation
@testable import GalleyLayout

/// Hand-built horizontal lists and an independent re-measurement of the lines a breaker chose.
///
/// Nothing here calls into the breakers' own measuring code (`NodeMeasure`): widths, legal breakpoints
/// and demerits are recomputed from the node list following Knuth and Plass (1981), so that the
/// tests check the breakers against the definitions rather than against themselves.
enum Nodes {
    static func box(_ width: Double) -> Node { .box(Box(width: width)) }
    static func glue(_ width: Double, _ stretch: Double, _ shrink: Double) -> Node {
        .glue(Glue(width: width, stretch: stretch, shrink: shrink))
    }
    static func penalty(_ cost: Double, width: Double = 0, flagged: Bool = false) -> Node {
        .penalty(Penalty(width: width, cost: cost, flagged: flagged))
    }
    /// A discretionary hyphen: a hyphen of `width` before the break, nothing after it or when unbroken.
    static func hyphen(width: Double = 1, penalty: Double = 50) -> Node {
        .discretionary(Discretionary(preBreak: [Box(width: width)], penalty: penalty))
    }
    /// The end of every paragraph: `penalty(inf) glue(0, fill) penalty(-inf)`.
    static let finish: [Node] = [penalty(Penalty.infinity), glue(0, Glue.fill, 0), penalty(-Penalty.infinity)]

    /// Words given as lists of syllable widths, separated by `space`; syllables are joined by discretionary hyphens.
    static func paragraph(_ words: [[Double]], space: Node = glue(2, 1, 1)) -> [Node] {
        var nodes: [Node] = []
        for (wordIndex, syllables) in words.enumerated() {
            if wordIndex > 0 { nodes.append(space) }
            for (index, width) in syllables.enumerated() {
                if index > 0 { nodes.append(hyphen()) }
                nodes.append(box(width))
            }
        }
        return nodes + finish
    }

    /// Monospace text: every character 1 wide, spaces glue(2, 1, 1), explicit hyphens a flagged penalty of 50.
    static func monospace(_ text: String) -> [Node] {
        var nodes: [Node] = []
        for (index, word) in text.split(separator: " ").enumerated() {
            if index > 0 { nodes.append(glue(2, 1, 1)) }
            let pieces = word.split(separator: "-", omittingEmptySubsequences: false)
            for (pieceIndex, piece) in pieces.enumerated() {
                let isLast = pieceIndex == pieces.count - 1
                nodes.append(box(Double(piece.count + (isLast ? 0 : 1))))
                if !isLast { nodes.append(penalty(50, flagged: true)) }
            }
        }
        return nodes + finish
    }
}

/// A line as the definitions say it is set: its natural width, stretch and shrink.
struct MeasuredLine: Equatable {
    var start: Int
    var end: Int
    var natural: Double
    var stretch: Double
    var shrink: Double
    var boxes: Int
    var hyphenated: Bool

    func ratio(_ target: Double) -> Double { LineCheck.ratio(natural: natural, stretch: stretch, shrink: shrink, target: target) }
    /// Wider than `target` even with all its glue shrunk.
    func isOverfull(_ target: Double) -> Bool { natural - shrink > target + 1e-9 }
}

enum LineCheck {
    /// The paper's adjustment ratio.
    static func ratio(natural: Double, stretch: Double, shrink: Double, target: Double) -> Double {
        if natural < target { return stretch > 0 ? (target - natural) / stretch : .infinity }
        if natural > target { return shrink > 0 ? (target - natural) / shrink : -.infinity }
        return 0
    }

    /// Whether a line may legally end at `index` (glue after a box, a penalty under 10 000, a discretionary).
    static func isLegalBreak(_ nodes: [Node], _ index: Int, hyphenate: Bool = true) -> Bool {
        switch nodes[index] {
        case .glue:
            guard index > 0 else { return false }
            switch nodes[index - 1] {
            case .box, .discretionary: return true
            default: return false
            }
        case .penalty(let penalty): return penalty.cost < Penalty.infinity
        case .discretionary: return hyphenate
        case .box, .kern: return false
        }
    }

    /// The line from `start` to a break at `end`, with `carried` width from a discretionary's post-break material.
    static func line(_ nodes: [Node], from start: Int, to end: Int, carried: Double = 0) -> MeasuredLine {
        var line = MeasuredLine(start: start, end: end, natural: carried, stretch: 0, shrink: 0, boxes: 0, hyphenated: false)
        if start < end {
            for node in nodes[start..<end] {
                switch node {
                case .box(let box):
                    line.natural += box.width
                    line.boxes += 1
                case .glue(let glue):
                    line.natural += glue.width
                    line.stretch += glue.stretch
                    line.shrink += glue.shrink
                case .kern(let width): line.natural += width
                case .discretionary(let discretionary): line.natural += discretionary.noBreak.reduce(0) { $0 + $1.width }
                case .penalty: break
                }
            }
        }
        switch nodes[end] {
        case .penalty(let penalty):
            line.natural += penalty.width
            line.hyphenated = penalty.flagged
        case .discretionary(let discretionary):
            line.natural += discretionary.preBreak.reduce(0) { $0 + $1.width }
            line.hyphenated = true
        default: break
        }
        return line
    }

    /// Where the line after a break at `end` starts: glue, penalties and kerns after a break are discarded.
    static func start(after end: Int, in nodes: [Node]) -> Int {
        var next = end + 1
        if case .discretionary = nodes[end] { return next }
        while next < nodes.count {
            switch nodes[next] {
            case .glue, .penalty, .kern: next += 1
            case .box, .discretionary: return next
            }
        }
        return next
    }

    /// Re-measures every line of `nodes` broken at `breaks`.
    static func lines(_ nodes: [Node], breaks: [Int]) -> [MeasuredLine] {
        var result: [MeasuredLine] = []
        var start = 0
        var carried = 0.0
        for end in breaks {
            result.append(line(nodes, from: start, to: end, carried: carried))
            if case .discretionary(let discretionary) = nodes[end] {
                carried = discretionary.postBreak.reduce(0) { $0 + $1.width }
            } else {
                carried = 0
            }
            start = Self.start(after: end, in: nodes)
        }
        return result
    }

    static func fitness(_ ratio: Double) -> Int {
        if ratio < -0.5 { return 0 }
        if ratio <= 0.5 { return 1 }
        if ratio <= 1 { return 2 }
        return 3
    }

    static func badness(_ ratio: Double) -> Double {
        ratio.isFinite ? min(100 * abs(ratio) * abs(ratio) * abs(ratio), 10_000) : 10_000
    }

    /// What the demerits of the next line depend on: the previous line's fitness and hyphenation.
    struct ChainState: Hashable {
        var fitness = 1
        var hyphenated = false
        var hyphenRun = 0
    }

    /// The demerits of `line` set to `target` after a chain in `state`, by the formulas of Knuth and
    /// Plass, with the state after it; `nil` when the line is infeasible: ratio below -1, badness above
    /// `tolerance` (a badness limit, as in TeX), or a hyphenated line beyond `parameters.hyphenLimit` in a row.
    static func step(_ nodes: [Node], line: MeasuredLine, target: Double, tolerance: Double,
                     parameters: BreakParameters, after state: ChainState) -> (demerits: Double, state: ChainState)? {
        let ratio = line.ratio(target)
        guard ratio >= -1, badness(ratio) <= tolerance else { return nil }
        var next = ChainState(fitness: fitness(ratio), hyphenated: line.hyphenated, hyphenRun: 0)
        if line.hyphenated {
            guard state.hyphenRun < parameters.hyphenLimit else { return nil }
            next.hyphenRun = state.hyphenRun + 1
        }
        let cost: Double
        switch nodes[line.end] {
        case .penalty(let penalty): cost = penalty.cost
        case .discretionary(let discretionary): cost = discretionary.penalty
        default: cost = 0
        }
        let forced = cost <= -Penalty.infinity
        var demerits = (parameters.linePenalty + badness(ratio)) * (parameters.linePenalty + badness(ratio))
        if cost >= 0 { demerits += cost * cost } else if !forced { demerits -= cost * cost }
        if line.hyphenated && state.hyphenated { demerits += parameters.doubleHyphenDemerits }
        if forced && state.hyphenated { demerits += parameters.finalHyphenDemerits }
        if abs(next.fitness - state.fitness) > 1 { demerits += parameters.adjacentFitnessDemerits }
        if forced, parameters.shortLastLineDemerits > 0, line.natural < target * parameters.shortLastLine {
            demerits += parameters.shortLastLineDemerits
        }
        return (demerits, next)
    }

    /// The total demerits of a set of breaks, or `nil` when some line is infeasible.
    static func demerits(_ nodes: [Node], breaks: [Int], widths: LineWidths, tolerance: Double,
                         parameters: BreakParameters) -> Double? {
        var total = 0.0
        var state = ChainState()
        for (index, line) in lines(nodes, breaks: breaks).enumerated() {
            guard let (demerits, next) = step(nodes, line: line, target: widths.width(ofLine: index), tolerance: tolerance,
                                              parameters: parameters, after: state) else { return nil }
            total += demerits
            state = next
        }
        return total
    }

    /// The least total demerits for lines all `width` wide, by dynamic programming over
    /// (breakpoint, state of the chain ending there); for paragraphs too long to search exhaustively.
    static func optimalDemerits(_ nodes: [Node], width: Double, tolerance: Double, hyphenate: Bool,
                                parameters: BreakParameters) -> Double? {
        optimalBreaks(nodes, width: width, tolerance: tolerance, hyphenate: hyphenate, parameters: parameters)?.demerits
    }

    /// The breaks of least total demerits for lines all `width` wide, by dynamic programming.
    static func optimalBreaks(_ nodes: [Node], width: Double, tolerance: Double, hyphenate: Bool,
                              parameters: BreakParameters) -> (breaks: [Int], demerits: Double)? {
        struct Key: Hashable { var position: Int; var state: ChainState }
        let last = nodes.count - 1
        let points = [-1] + (0..<last).filter { isLegalBreak(nodes, $0, hyphenate: hyphenate) } + [last]
        func isForced(_ index: Int) -> Bool {
            if index >= 0, case .penalty(let penalty) = nodes[index] { return penalty.cost <= -Penalty.infinity }
            return false
        }
        var best: [Int: [ChainState: Double]] = [-1: [ChainState(): 0]]
        var parent: [Key: Key] = [:]
        for (j, end) in points.enumerated().dropFirst() {
            var here: [ChainState: Double] = [:]
            for i in stride(from: j - 1, through: 0, by: -1) {
                let from = points[i]
                let start = from < 0 ? 0 : start(after: from, in: nodes)
                var carried = 0.0
                if from >= 0, case .discretionary(let discretionary) = nodes[from] {
                    carried = discretionary.postBreak.reduce(0) { $0 + $1.width }
                }
                let line = line(nodes, from: start, to: end, carried: carried)
                if line.ratio(width) < -1 { break }  // starting earlier only makes the line wider
                for (state, total) in best[from] ?? [:] {
                    guard let (demerits, next) = step(nodes, line: line, target: width, tolerance: tolerance,
                                                      parameters: parameters, after: state) else { continue }
                    if here[next].map({ total + demerits < $0 }) ?? true {
                        here[next] = total + demerits
                        parent[Key(position: end, state: next)] = Key(position: from, state: state)
                    }
                }
                if isForced(from) { break }  // no line may run across a forced break
            }
            best[end] = here
        }
        guard let (state, total) = best[last]?.min(by: { $0.value < $1.value }) else { return nil }
        var breaks: [Int] = []
        var key: Key? = Key(position: last, state: state)
        while let current = key, current.position >= 0 {
            breaks.append(current.position)
            key = parent[current]
        }
        return (breaks.reversed(), total)
    }

    /// The least total demerits over every legal set of breaks (exhaustive search; small lists only).
    static func optimum(_ nodes: [Node], widths: LineWidths, tolerance: Double, hyphenate: Bool,
                        parameters: BreakParameters) -> (breaks: [Int], demerits: Double)? {
        let last = nodes.count - 1
        var optional: [Int] = []
        var forced: [Int] = []
        for index in 0..<last where isLegalBreak(nodes, index, hyphenate: hyphenate) {
            if case .penalty(let penalty) = nodes[index], penalty.cost <= -Penalty.infinity { forced.append(index) } else { optional.append(index) }
        }
        precondition(optional.count <= 18, "too many breakpoints for an exhaustive search")
        var best: (breaks: [Int], demerits: Double)?
        for mask in 0..<(1 << optional.count) {
            var breaks = forced
            for (bit, index) in optional.enumerated() where mask & (1 << bit) != 0 { breaks.append(index) }
            breaks.sort()
            breaks.append(last)
            guard let total = demerits(nodes, breaks: breaks, widths: widths, tolerance: tolerance, parameters: parameters) else { continue }
            if best == nil || total < best!.demerits - 1e-9 { best = (breaks, total) }
        }
        return best
    }

    /// Sum of squared adjustment ratios over all lines.
    static func sumOfSquaredRatios(_ nodes: [Node], breaks: [Int], widths: LineWidths) -> Double {
        lines(nodes, breaks: breaks).enumerated().reduce(0) { sum, item in
            let ratio = item.element.ratio(widths.width(ofLine: item.offset))
            return sum + ratio * ratio
        }
    }
}
