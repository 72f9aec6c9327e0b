/// The greedy breaker browsers and WeasyPrint use: each line takes as much as fits.
public struct FirstFitLineBreaker: LineBreaker {
    /// Whether discretionary hyphens are used when a word does not fit.
    public var hyphenate: Bool

    /// Creates a first-fit breaker.
    public init(hyphenate: Bool = true) {
        self.hyphenate = hyphenate
    }

    /// Fills each line up to the last break at which its spaces need not shrink beyond their limit.
    public func breakLines(_ nodes: [Node], widths: LineWidths, parameters: BreakParameters) -> [LineBreak] {
        let measure = NodeMeasure(nodes, expansion: parameters.expansion)
        var breaks: [LineBreak] = []
        var start = 0
        var previousBreak: Int?
        var candidate: LineBreak?
        var index = 0
        while index < nodes.count {
            guard measure.isBreakpoint(index, hyphenate: hyphenate) else {
                index += 1
                continue
            }
            let target = widths.width(ofLine: breaks.count)
            let ratio = measure.ratio(from: start, to: index, previousBreak: previousBreak, target: target)
            let (cost, flagged) = measure.breakCost(index)
            let here = LineBreak(position: index, ratio: ratio, hyphenated: flagged)
            if ratio < -1, let fitting = candidate {
                breaks.append(fitting)
                previousBreak = fitting.position
                start = measure.lineStart(after: fitting.position)
                candidate = nil
                index = start
                continue
            }
            if cost <= -Penalty.infinity || ratio < -1 {
                breaks.append(here)
                previousBreak = index
                start = measure.lineStart(after: index)
                candidate = nil
                index = start
                continue
            }
            candidate = here
            index += 1
        }
        if let last = candidate, breaks.last?.position != last.position { breaks.append(last) }
        return breaks
    }
}
