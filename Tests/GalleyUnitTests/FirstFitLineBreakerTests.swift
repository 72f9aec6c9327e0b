import Testing
@testable import GalleyLayout

/// Checks the greedy breaker: each line takes as much as fits with its spaces shrunk at most fully.
@Suite struct FirstFitLineBreakerTests {
    static let parameters = BreakParameters()

    /// Ten words of 3 with spaces glue(2, 1, 1) on a measure of 15: "3 3 3" is 13 wide (ratio +1),
    /// "3 3 3 3" is 18 with shrink 3, exactly 15 when shrunk (ratio -1), so it fits; a fifth word would
    /// need 23 - 4 = 19. Lines of four, four and two words.
    @Test func takesAsMuchAsFitsWithFullShrink() {
        let nodes = Nodes.paragraph(Array(repeating: [3], count: 10))
        let breaks = FirstFitLineBreaker(hyphenate: false).breakLines(nodes, widths: LineWidths(15), parameters: Self.parameters)
        // Word k sits at index 2k, the space after it at 2k + 1.
        #expect(breaks.map(\.position) == [7, 15, nodes.count - 1])
        #expect(breaks.prefix(2).allSatisfy { abs($0.ratio + 1) < 1e-9 })
    }

    @Test func followsTheMeasureOfEachLine() {
        // Line 1 is 9 wide: "3 3" is 8 (ratio +1), three words need 13 - 2 = 11 > 9. Later lines are 15
        // wide and take four words, as above. Word k is at index 2k, the space after it at 2k + 1.
        let nodes = Nodes.paragraph(Array(repeating: [3], count: 8))
        let breaks = FirstFitLineBreaker(hyphenate: false).breakLines(nodes, widths: LineWidths([9, 15]), parameters: Self.parameters)
        #expect(breaks.map(\.position) == [3, 11, nodes.count - 1])
    }

    @Test func forcedBreakInTheMiddleIsHonoured() {
        let nodes: [Node] = [Nodes.box(3), Nodes.glue(2, 1, 1), Nodes.box(3), Nodes.glue(0, Glue.fill, 0),
                             Nodes.penalty(-Penalty.infinity), Nodes.box(3), Nodes.glue(2, 1, 1), Nodes.box(3)] + Nodes.finish
        let breaks = FirstFitLineBreaker().breakLines(nodes, widths: LineWidths(40), parameters: Self.parameters)
        #expect(breaks.map(\.position) == [4, 10])
    }

    /// Words 5, 30, 5 on a measure of 20: "5" alone (no space to stretch), then the 30 box alone,
    /// overfull, then "5".
    @Test func boxWiderThanTheMeasureGoesOnAnOverfullLineOfItsOwn() {
        let nodes = Nodes.paragraph([[5], [30], [5]])
        let breaks = FirstFitLineBreaker().breakLines(nodes, widths: LineWidths(20), parameters: Self.parameters)
        #expect(breaks.map(\.position) == [1, 3, nodes.count - 1])
        let lines = LineCheck.lines(nodes, breaks: breaks.map(\.position))
        #expect(lines.map { $0.isOverfull(20) } == [false, true, false])
        #expect(lines.reduce(0) { $0 + $1.boxes } == 3)
    }

    /// `ab cd efg-hi` on 10: "ab cd efg-" fits at ratio -1 only if the discretionary may be used.
    @Test func usesDiscretionariesOnlyWhenHyphenating() {
        let nodes = Nodes.paragraph([[2], [2], [3, 2]])
        let hyphenating = FirstFitLineBreaker(hyphenate: true).breakLines(nodes, widths: LineWidths(10), parameters: Self.parameters)
        #expect(hyphenating.map(\.position) == [5, 9])
        #expect(hyphenating.map(\.hyphenated) == [true, false])
        let plain = FirstFitLineBreaker(hyphenate: false).breakLines(nodes, widths: LineWidths(10), parameters: Self.parameters)
        #expect(plain.map(\.position) == [3, 9])
        #expect(plain.allSatisfy { !$0.hyphenated })
    }

    @Test func reportedRatiosMatchTheLinesAsMeasured() {
        let nodes = Nodes.monospace(KnuthPlassLineBreakerTests.frogKing)
        for measure in [30.0, 45.0, 70.0] {
            let breaks = FirstFitLineBreaker().breakLines(nodes, widths: LineWidths(measure), parameters: Self.parameters)
            let lines = LineCheck.lines(nodes, breaks: breaks.map(\.position))
            #expect(breaks.last?.position == nodes.count - 1)
            for (index, line) in lines.enumerated() {
                #expect(!line.isOverfull(measure))
                #expect(abs(line.ratio(measure) - breaks[index].ratio) < 1e-9)
                #expect(line.hyphenated == breaks[index].hyphenated)
            }
            // Greedy: no line could have taken the next line's first word as well and still fit.
            for index in lines.indices.dropLast() {
                let extended = LineCheck.line(nodes, from: lines[index].start, to: nextBreak(after: lines[index + 1].start, in: nodes))
                #expect(extended.isOverfull(measure), "line \(index) at \(measure) could have taken one more word")
            }
        }
    }

    /// The first legal break after the box at `start`.
    private func nextBreak(after start: Int, in nodes: [Node]) -> Int {
        var index = start + 1
        while index < nodes.count, !LineCheck.isLegalBreak(nodes, index, hyphenate: true) { index += 1 }
        return index
    }
}
