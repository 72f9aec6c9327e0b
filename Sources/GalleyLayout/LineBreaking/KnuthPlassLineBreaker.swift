/// Total-fit line breaking after Knuth and Plass, "Breaking Paragraphs into Lines" (1981).
///
/// Every feasible breakpoint is an active node; each line's demerits combine its badness, the
/// penalty of its break, and the fitness of its neighbours, and the paragraph takes the path of least
/// total demerits. Like TeX it runs up to three passes: without hyphenation under `pretolerance`, with
/// hyphenation under `tolerance`, and an emergency pass with extra stretch that also keeps the best
/// overfull candidate, so a paragraph is always set.
public struct KnuthPlassLineBreaker: LineBreaker {
    /// Creates the breaker.
    public init() {}

    /// A chain of breaks ending in one feasible breakpoint (the paper's "active node").
    private final class Candidate {
        let position: Int
        let line: Int
        let fitness: Int
        let totalDemerits: Double
        let ratio: Double
        let flagged: Bool
        let previous: Candidate?
        /// How many hyphenated lines in a row end here.
        let hyphenRun: Int

        init(position: Int, line: Int, fitness: Int, totalDemerits: Double, ratio: Double, flagged: Bool, previous: Candidate?) {
            self.position = position
            self.line = line
            self.fitness = fitness
            self.totalDemerits = totalDemerits
            self.ratio = ratio
            self.flagged = flagged
            self.previous = previous
            hyphenRun = flagged ? (previous?.hyphenRun ?? 0) + 1 : 0
        }
    }

    /// Runs the passes in TeX's order and returns the first that sets the paragraph.
    public func breakLines(_ nodes: [Node], widths: LineWidths, parameters: BreakParameters) -> [LineBreak] {
        guard !nodes.isEmpty else { return [] }
        let measure = NodeMeasure(nodes, expansion: parameters.expansion)
        if parameters.pretolerance >= 0,
           let breaks = run(measure, widths: widths, parameters: parameters, tolerance: parameters.pretolerance,
                            hyphenate: false, extraStretch: 0, emergency: false) {
            return breaks
        }
        if let breaks = run(measure, widths: widths, parameters: parameters, tolerance: parameters.tolerance,
                            hyphenate: true, extraStretch: 0, emergency: false) {
            return breaks
        }
        return run(measure, widths: widths, parameters: parameters, tolerance: max(parameters.tolerance, 10_000),
                   hyphenate: true, extraStretch: parameters.emergencyStretch, emergency: true) ?? []
    }

    /// Only TeX's first pass: no hyphenation, `pretolerance` as the limit; nil when it cannot set the paragraph.
    ///
    /// Run on a list built without hyphenation points, it spares looking words up in the dictionary for
    /// the many paragraphs that set well without hyphens.
    public func firstPass(_ nodes: [Node], widths: LineWidths, parameters: BreakParameters) -> [LineBreak]? {
        guard !nodes.isEmpty, parameters.pretolerance >= 0 else { return nil }
        return run(NodeMeasure(nodes, expansion: parameters.expansion), widths: widths, parameters: parameters, tolerance: parameters.pretolerance,
                   hyphenate: false, extraStretch: 0, emergency: false)
    }

    /// The paper's fitness classes: 0 tight, 1 decent, 2 loose, 3 very loose.
    static func fitnessClass(_ ratio: Double) -> Int {
        if ratio < -0.5 { return 0 }
        if ratio <= 0.5 { return 1 }
        if ratio <= 1 { return 2 }
        return 3
    }

    /// The paper's badness: 100 |r|³, capped at 10 000 (TeX's "infinitely bad").
    static func badness(_ ratio: Double) -> Double {
        guard ratio.isFinite else { return 10_000 }
        return min(100 * abs(ratio * ratio * ratio), 10_000)
    }

    private func run(_ measure: NodeMeasure, widths: LineWidths, parameters: BreakParameters, tolerance: Double,
                     hyphenate: Bool, extraStretch: Double, emergency: Bool) -> [LineBreak]? {
        let nodes = measure.nodes
        var active: [Candidate] = [Candidate(position: -1, line: 0, fitness: 1, totalDemerits: 0, ratio: 0, flagged: false, previous: nil)]
        var lastResort: Candidate?
        // The best chain per fitness class and per count of hyphenated lines it ends with, since the
        // hyphen limit makes that count part of a chain's state; both buffers are reused at every breakpoint.
        var best: [Candidate?] = Array(repeating: nil, count: 4 * (parameters.hyphenLimit + 1))
        var survivors: [Candidate] = []

        for index in nodes.indices where measure.isBreakpoint(index, hyphenate: hyphenate) {
            let (cost, flagged) = measure.breakCost(index)
            let forced = cost <= -Penalty.infinity
            for slot in best.indices { best[slot] = nil }
            survivors.removeAll(keepingCapacity: true)

            for candidate in active {
                let start = candidate.position < 0 ? 0 : measure.lineStart(after: candidate.position)
                let previousBreak = candidate.position < 0 ? nil : candidate.position
                let line = measure.line(from: start, to: index, previousBreak: previousBreak)
                let target = widths.width(ofLine: candidate.line)
                let ratio = measure.ratio(from: start, to: index, previousBreak: previousBreak, target: target, extraStretch: extraStretch)

                // A line that is overfull even when shrunk can only get worse: the candidate retires.
                if ratio < -1 || forced {
                    if ratio < -1 {
                        if emergency, lastResort == nil || candidate.totalDemerits < lastResort!.totalDemerits {
                            lastResort = candidate
                        }
                    } else {
                        survivors.append(candidate)
                    }
                } else {
                    survivors.append(candidate)
                }
                // Tolerances are badness limits, as in TeX: 200 admits ratios up to about 1.26.
                guard ratio >= -1, Self.badness(ratio) <= tolerance else { continue }
                consider(candidate, index: index, ratio: ratio, cost: cost, flagged: flagged, forced: forced,
                         line: line, target: target, parameters: parameters, emergency: emergency, into: &best)
            }

            if forced { active.removeAll(keepingCapacity: true) } else { swap(&active, &survivors) }
            if forced {
                // The first of the least demerits, in slot order (no array of the additions is made per breakpoint).
                var leader: Candidate?
                for case let addition? in best where leader == nil || addition.totalDemerits < leader!.totalDemerits { leader = addition }
                if let winner = leader {
                    if index == nodes.count - 1 || nodes[(index + 1)...].allSatisfy({ if case .penalty = $0 { return true }; if case .glue = $0 { return true }; return false }) {
                        return Self.breaks(from: winner)
                    }
                    active = [winner]
                    continue
                }
                guard emergency, let rescue = lastResort ?? survivors.min(by: { $0.totalDemerits < $1.totalDemerits }) else { return nil }
                // Nothing fits: keep the overfull line rather than fail, and go on from here.
                let start = rescue.position < 0 ? 0 : measure.lineStart(after: rescue.position)
                let ratio = measure.ratio(from: start, to: index, previousBreak: rescue.position < 0 ? nil : rescue.position,
                                          target: widths.width(ofLine: rescue.line))
                let forcedNode = Candidate(position: index, line: rescue.line + 1, fitness: 1,
                                           totalDemerits: rescue.totalDemerits + 1_000_000, ratio: ratio, flagged: flagged, previous: rescue)
                if index == nodes.count - 1 { return Self.breaks(from: forcedNode) }
                active = [forcedNode]
                lastResort = nil
                continue
            }
            for case let addition? in best { active.append(addition) }
            if active.isEmpty {
                guard emergency, let rescue = lastResort else { return nil }
                // Every chain overflowed: break the best one here, overfull, and carry on.
                let start = rescue.position < 0 ? 0 : measure.lineStart(after: rescue.position)
                let ratio = measure.ratio(from: start, to: index, previousBreak: rescue.position < 0 ? nil : rescue.position,
                                          target: widths.width(ofLine: rescue.line))
                active = [Candidate(position: index, line: rescue.line + 1, fitness: 1, totalDemerits: rescue.totalDemerits + 1_000_000,
                                    ratio: ratio, flagged: flagged, previous: rescue)]
                lastResort = nil
            }
        }
        return nil
    }

    /// Scores the line from `candidate` to `index` and keeps it if it is the best of its fitness class.
    private func consider(_ candidate: Candidate, index: Int, ratio: Double, cost: Double, flagged: Bool, forced: Bool,
                          line: (width: Double, stretch: Double, shrink: Double), target: Double,
                          parameters: BreakParameters, emergency: Bool, into best: inout [Candidate?]) {
        // Like InDesign's hyphen limit: no more than `hyphenLimit` hyphenated lines in a row. In the last pass it
        // is only a heavy cost: a long address or compound with hyphens may need more lines than that, and a
        // ladder of hyphens is better than a line running off the page.
        let overLimit = flagged && candidate.hyphenRun >= parameters.hyphenLimit
        if overLimit, !emergency { return }
        let badness = Self.badness(ratio)
        var demerits = (parameters.linePenalty + badness) * (parameters.linePenalty + badness)
        if overLimit { demerits += 100 * parameters.doubleHyphenDemerits }
        if cost >= 0 {
            demerits += cost * cost
        } else if cost > -Penalty.infinity {
            demerits -= cost * cost
        }
        if flagged && candidate.flagged { demerits += parameters.doubleHyphenDemerits }
        if forced && candidate.flagged { demerits += parameters.finalHyphenDemerits }
        let fitness = Self.fitnessClass(ratio)
        if abs(fitness - candidate.fitness) > 1 { demerits += parameters.adjacentFitnessDemerits }
        if forced, parameters.shortLastLineDemerits > 0, line.width < target * parameters.shortLastLine {
            demerits += parameters.shortLastLineDemerits
        }
        let total = candidate.totalDemerits + demerits
        let run = flagged ? candidate.hyphenRun + 1 : 0
        let slot = fitness * (parameters.hyphenLimit + 1) + min(run, parameters.hyphenLimit)
        if best[slot] == nil || total < best[slot]!.totalDemerits {
            best[slot] = Candidate(position: index, line: candidate.line + 1, fitness: fitness, totalDemerits: total,
                                      ratio: ratio, flagged: flagged, previous: candidate)
        }
    }

    private static func breaks(from last: Candidate) -> [LineBreak] {
        var result: [LineBreak] = []
        var node: Candidate? = last
        while let current = node, current.position >= 0 {
            result.append(LineBreak(position: current.position, ratio: current.ratio, hyphenated: current.flagged))
            node = current.previous
        }
        return result.reversed()
    }
}
