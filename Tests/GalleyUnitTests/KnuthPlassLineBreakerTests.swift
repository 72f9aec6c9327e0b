import Foundation
import GalleyExport
import Testing
@testable import GalleyLayout

/// Checks the total-fit breaker on hand-built node lists against breaks derived by hand, against an
/// exhaustive search over all break sets, and against first-fit.
@Suite struct KnuthPlassLineBreakerTests {
    /// TeX's plain values: tolerances are badness limits (pretolerance 100 admits ratios up to 1,
    /// tolerance 200 up to about 1.26).
    static let parameters = BreakParameters()

    static let frogKing = """
        In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; \
        and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever \
        it shone in her face. Close by the king's castle lay a great dark forest, and under an old lime-tree in \
        the forest was a well, and when the day was very warm, the king's child went out into the forest and sat \
        down by the side of the cool fountain; and when she was bored she took a golden ball, and threw it up on \
        high and caught it; and this ball was her favorite plaything.
        """

    // MARK: (a) total fit against first fit

    /// Words 5 8 2 2 9 6 7 wide, spaces glue(2, 1, 1), measure 20. Node indices:
    /// `0:5 1:G 2:8 3:G 4:2 5:G 6:2 7:G 8:9 9:G 10:6 11:G 12:7 13:P∞ 14:fill 15:P-∞`.
    ///
    /// First fit takes "5 8 2 2" (natural 23, three spaces shrink 3: ratio -1, it just fits; adding 9
    /// gives 34 - 4 = 30 > 20), then "9 6" (natural 17, one space: ratio +3; adding 7 gives 26 - 2 > 20),
    /// then "7". Knuth–Plass moves the second 2 down: "5 8 2" (19, ratio +0.5), "2 9 6" (21, ratio -0.5),
    /// "7" — every other first line is infeasible ("5 8" has ratio 5, "5 8 2 2 9" is overfull) and after
    /// "5 8 2 2" the only choice is the ratio-3 line (badness 2 700). Both KP lines have badness 12.5,
    /// inside the first pass's limit of 100.
    static let unevenWords: [Node] = Nodes.paragraph([[5], [8], [2], [2], [9], [6], [7]])

    @Test func totalFitMovesAWordDownWhereFirstFitLeavesALooseLine() throws {
        let nodes = Self.unevenWords
        let widths = LineWidths(20)
        let parameters = Self.parameters
        let kp = KnuthPlassLineBreaker().breakLines(nodes, widths: widths, parameters: parameters)
        let ff = FirstFitLineBreaker(hyphenate: false).breakLines(nodes, widths: widths, parameters: parameters)

        #expect(kp.map(\.position) == [5, 11, 15])
        #expect(ff.map(\.position) == [7, 11, 15])
        try #require(kp.count == 3 && ff.count == 3)
        #expect(abs(kp[0].ratio - 0.5) < 1e-9)
        #expect(abs(kp[1].ratio + 0.5) < 1e-9)
        #expect(abs(ff[0].ratio + 1) < 1e-9)
        #expect(abs(ff[1].ratio - 3) < 1e-9)
        // The last line, "7", is set on the fill glue: (20 - 7) / 100 000.
        #expect(abs(kp[2].ratio - 13.0 / Glue.fill) < 1e-12)

        let kpSquares = LineCheck.sumOfSquaredRatios(nodes, breaks: kp.map(\.position), widths: widths)
        let ffSquares = LineCheck.sumOfSquaredRatios(nodes, breaks: ff.map(\.position), widths: widths)
        #expect(abs(kpSquares - 0.5) < 1e-6)
        #expect(abs(ffSquares - 10) < 1e-6)
        #expect(kpSquares < ffSquares)
    }

    // MARK: (b) the frog king

    @Test(arguments: [40.0, 50.0, 60.0])
    func frogKingParagraph(measure: Double) throws {
        let nodes = Nodes.monospace(Self.frogKing)
        let widths = LineWidths(measure)
        let parameters = Self.parameters
        let kp = KnuthPlassLineBreaker().breakLines(nodes, widths: widths, parameters: parameters)
        let ff = FirstFitLineBreaker(hyphenate: false).breakLines(nodes, widths: widths, parameters: parameters)
        try #require(!kp.isEmpty && !ff.isEmpty)

        for result in [kp, ff] {
            let positions = result.map(\.position)
            #expect(positions.last == nodes.count - 1, "the paragraph ends at its final forced break")
            #expect(zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 }, "breaks strictly increase")
            #expect(positions.allSatisfy { LineCheck.isLegalBreak(nodes, $0, hyphenate: false) })
            let lines = LineCheck.lines(nodes, breaks: positions)
            #expect(lines.reduce(0) { $0 + $1.boxes } == nodes.filter { if case .box = $0 { true } else { false } }.count,
                    "every word is set exactly once")
            for (index, line) in lines.enumerated() {
                #expect(!line.isOverfull(measure), "line \(index) is overfull at \(measure)")
                let recomputed = line.ratio(measure)
                #expect(abs(recomputed - result[index].ratio) < 1e-9,
                        "line \(index): reported ratio \(result[index].ratio), recomputed \(recomputed)")
                #expect(line.hyphenated == result[index].hyphenated)
            }
        }
        let toleratedRatio = Foundation.pow(parameters.tolerance / 100, 1.0 / 3)
        for (index, line) in kp.enumerated() {
            #expect(line.ratio >= -1 && line.ratio <= toleratedRatio, "KP line \(index) has ratio \(line.ratio)")
            #expect(KnuthPlassLineBreaker.badness(line.ratio) <= parameters.tolerance)
        }

        let kpSquares = LineCheck.sumOfSquaredRatios(nodes, breaks: kp.map(\.position), widths: widths)
        let ffSquares = LineCheck.sumOfSquaredRatios(nodes, breaks: ff.map(\.position), widths: widths)
        #expect(kpSquares <= ffSquares + 1e-9, "KP Σr² \(kpSquares) vs first-fit \(ffSquares)")

        // Total fit is optimal: its demerits are the least any feasible setting has (TeX's first pass,
        // no discretionaries here), and whenever first fit's lines are all feasible they cannot cost fewer.
        let optimum = try #require(LineCheck.optimalDemerits(nodes, width: measure, tolerance: parameters.pretolerance,
                                                             hyphenate: false, parameters: parameters))
        let kpDemerits = try #require(LineCheck.demerits(nodes, breaks: kp.map(\.position), widths: widths,
                                                         tolerance: parameters.tolerance, parameters: parameters))
        if let ffDemerits = LineCheck.demerits(nodes, breaks: ff.map(\.position), widths: widths,
                                               tolerance: parameters.pretolerance, parameters: parameters) {
            #expect(kpDemerits <= ffDemerits + 1e-6)
        } else {
            Issue.record("first fit was expected to be feasible at \(measure), so that the comparison means something")
        }
        #expect(abs(kpDemerits - optimum) < 1e-6 * max(1, optimum), "KP \(kpDemerits), optimum \(optimum)")
    }

    // MARK: (c) fitness classes and badness

    @Test func fitnessClassesFollowThePaper() {
        let cases: [(Double, Int)] = [(-1, 0), (-0.51, 0), (-0.5, 1), (0, 1), (0.5, 1), (0.51, 2), (1, 2), (1.01, 3), (5, 3)]
        for (ratio, expected) in cases {
            #expect(KnuthPlassLineBreaker.fitnessClass(ratio) == expected, "ratio \(ratio)")
        }
    }

    @Test func badnessIsAHundredTimesTheCubedRatioCappedAtTenThousand() {
        #expect(KnuthPlassLineBreaker.badness(0) == 0)
        #expect(abs(KnuthPlassLineBreaker.badness(0.5) - 12.5) < 1e-9)
        #expect(abs(KnuthPlassLineBreaker.badness(-0.5) - 12.5) < 1e-9)
        #expect(abs(KnuthPlassLineBreaker.badness(1) - 100) < 1e-9)
        #expect(abs(KnuthPlassLineBreaker.badness(-1) - 100) < 1e-9)
        #expect(abs(KnuthPlassLineBreaker.badness(2) - 800) < 1e-9)
        #expect(KnuthPlassLineBreaker.badness(4.64) < 10_000)
        #expect(KnuthPlassLineBreaker.badness(4.65) == 10_000)
        #expect(KnuthPlassLineBreaker.badness(50) == 10_000)
        #expect(KnuthPlassLineBreaker.badness(.infinity) == 10_000)
        #expect(KnuthPlassLineBreaker.badness(-.infinity) == 10_000)
    }

    // MARK: (d) forced breaks

    /// `aaa bbb \\ ccc ddd` with room for everything on one line of 40: the forced break still ends line 1.
    @Test func forcedBreakInTheMiddleIsHonoured() {
        let nodes: [Node] = [Nodes.box(3), Nodes.glue(2, 1, 1), Nodes.box(3), Nodes.glue(0, Glue.fill, 0),
                             Nodes.penalty(-Penalty.infinity), Nodes.box(3), Nodes.glue(2, 1, 1), Nodes.box(3)] + Nodes.finish
        let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(40), parameters: Self.parameters)
        #expect(breaks.map(\.position) == [4, 10])
        #expect(breaks.allSatisfy { !$0.hyphenated })
    }

    /// Forced breaks several lines apart, each a paragraph end: every one of them is a break.
    @Test func forcedBreaksSplitAParagraphIntoIndependentParts() {
        let part = Nodes.paragraph([[4], [3], [5], [2], [6], [3], [4]]).dropLast(3)
        let nodes = Array(part) + [Nodes.glue(0, Glue.fill, 0), Nodes.penalty(-Penalty.infinity)] + Array(part) + Nodes.finish
        let forced = nodes.indices.filter { if case .penalty(let p) = nodes[$0] { p.cost <= -Penalty.infinity } else { false } }
        let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(14), parameters: Self.parameters)
        #expect(Set(forced).isSubset(of: Set(breaks.map(\.position))))
        #expect(breaks.last?.position == nodes.count - 1)
        // Each half is set the same way, since the forced break starts afresh.
        let first = breaks.map(\.position).filter { $0 <= forced[0] }
        let second = breaks.map(\.position).filter { $0 > forced[0] }.map { $0 - forced[0] - 1 }
        #expect(first.dropLast() == second.dropLast())
    }

    // MARK: (e) material wider than the measure

    @Test func boxWiderThanTheMeasureGivesOneOverfullLineAndTerminates() throws {
        let nodes: [Node] = [Nodes.box(5), Nodes.glue(2, 1, 1), Nodes.box(30), Nodes.glue(2, 1, 1), Nodes.box(5)] + Nodes.finish
        let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(20), parameters: Self.parameters)
        let positions = breaks.map(\.position)
        try #require(!breaks.isEmpty)
        #expect(positions.last == nodes.count - 1)
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 })
        let lines = LineCheck.lines(nodes, breaks: positions)
        #expect(lines.reduce(0) { $0 + $1.boxes } == 3, "all three boxes are placed")
        let overfull = lines.filter { $0.isOverfull(20) }
        #expect(overfull.count == 1)
        #expect(overfull.first.map { $0.start <= 2 && 2 < $0.end } == true, "the overfull line holds the wide box")
        for (index, line) in lines.enumerated() {
            #expect(line.ratio(20) == breaks[index].ratio || abs(line.ratio(20) - breaks[index].ratio) < 1e-9)
        }
    }

    @Test func paragraphOfOneOverwideWordTerminates() {
        let nodes: [Node] = [Nodes.box(100)] + Nodes.finish
        let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(20), parameters: Self.parameters)
        #expect(breaks.map(\.position) == [nodes.count - 1])
    }

    // MARK: (f) hyphenation passes

    /// `ab cd efg-hi`, measure 10: without hyphenation the lines are "ab cd" (6 wide, one space, ratio 4,
    /// badness 6 400) and "efghi"; with it, "ab cd efg-" (12 wide, shrink 2, ratio -1, badness 100) and "hi".
    /// Node indices: `0:ab 1:G 2:cd 3:G 4:efg 5:D 6:hi 7:P∞ 8:fill 9:P-∞`.
    static let hyphenable = Nodes.paragraph([[2], [2], [3, 2]])

    @Test func discretionariesAreUnusedWhenTheFirstPassSucceeds() {
        let breaks = KnuthPlassLineBreaker().breakLines(Self.hyphenable, widths: LineWidths(10),
                                                        parameters: BreakParameters(pretolerance: 7_000, tolerance: 7_000))
        #expect(breaks.map(\.position) == [3, 9])
        #expect(breaks.first.map { abs($0.ratio - 4) < 1e-9 } == true)
        #expect(breaks.allSatisfy { !$0.hyphenated })
    }

    @Test(arguments: [-1.0, 100.0])
    func discretionariesAreUsedOnTheHyphenatingPass(pretolerance: Double) {
        // -1 skips the first pass; TeX's 100 makes it fail, since the only unhyphenated setting has a line of badness 6 400.
        let breaks = KnuthPlassLineBreaker().breakLines(Self.hyphenable, widths: LineWidths(10),
                                                        parameters: BreakParameters(pretolerance: pretolerance, tolerance: 200))
        #expect(breaks.map(\.position) == [5, 9])
        #expect(breaks.first?.hyphenated == true)
        #expect(breaks.first.map { abs($0.ratio + 1) < 1e-9 } == true)
    }

    /// With TeX's own default numbers (pretolerance 100, tolerance 200) the thresholds are badness values:
    /// badness 100 is a ratio of 1. A line of ratio 4 has badness 6 400, so the first pass rejects
    /// "ab cd" and the paragraph is hyphenated. (Compared with ratios, 100 would accept almost anything.)
    @Test func defaultTolerancesAreBadnessLimits() {
        let breaks = KnuthPlassLineBreaker().breakLines(Self.hyphenable, widths: LineWidths(10), parameters: BreakParameters())
        #expect(breaks.map(\.position) == [5, 9])
        // Just inside and just outside a tolerance of 100: "4 3 / 4 3" where the first line, 9 wide with one
        // space, is set at ratio 1 (badness 100) on a measure of 10, and at 1.1 (badness 133) on 10.1.
        // The latter only the emergency pass accepts, and that pass adds its extra stretch (here 1) to
        // the line, which shows in the ratio: 1.1 / (1 + 1) = 0.55.
        let nodes = Nodes.paragraph([[4], [3], [4], [3]])
        let parameters = BreakParameters(pretolerance: 100, tolerance: 100, emergencyStretch: 1)
        let exact = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(10), parameters: parameters)
        #expect(exact.first?.position == 3)
        #expect(exact.first.map { abs($0.ratio - 1) < 1e-9 } == true)
        let loose = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(10.1), parameters: parameters)
        #expect(loose.first?.position == 3)
        #expect(loose.first.map { abs($0.ratio - 0.55) < 1e-9 } == true)
    }

    /// Words `abc-de fg-hij klmn-op`, measure 10: indices `0:abc 1:D 2:de 3:G 4:fg 5:D 6:hij 7:G 8:klmn 9:D 10:op 11:P∞ 12:fill 13:P-∞`.
    ///
    /// The first line must be "abc-de fg-" (3+2+2+2+1 = 10, ratio 0): no other first line is feasible.
    /// Then either "hij klmn-" (3+2+4+1 = 10, ratio 0, a second hyphen) and "op", or "hij klmnop"
    /// (11, shrink 1, ratio -1) as the last line. Demerits: hyphenated lines (10+0)² + 50² = 2 600 each,
    /// the ratio -1 line (10+100)² = 12 100, the last "op" 100, and 5 000 for the final hyphen.
    /// Two hyphens: 2 600 + 2 600 + 100 + 5 000 + doubleHyphenDemerits = 10 300 + α;
    /// one hyphen: 2 600 + 12 100 + 5 000 = 19 700. So α = 0 keeps both hyphens, TeX's α = 10 000 avoids them.
    /// (The first pass, without hyphens, has no feasible first line: "abcde" cannot stretch, "abcde fghij" is overfull.)
    static let twoHyphens = Nodes.paragraph([[3, 2], [2, 3], [4, 2]])

    @Test func doubleHyphenDemeritsDiscourageConsecutiveHyphenatedLines() {
        let free = KnuthPlassLineBreaker().breakLines(Self.twoHyphens, widths: LineWidths(10),
                                                      parameters: BreakParameters(doubleHyphenDemerits: 0))
        #expect(free.map(\.position) == [5, 9, 13])
        #expect(free.map(\.hyphenated) == [true, true, false])

        let discouraged = KnuthPlassLineBreaker().breakLines(Self.twoHyphens, widths: LineWidths(10),
                                                             parameters: BreakParameters(doubleHyphenDemerits: 10_000))
        #expect(discouraged.map(\.position) == [5, 13])
        #expect(discouraged.map(\.hyphenated) == [true, false])
        #expect(discouraged.last.map { abs($0.ratio + 1) < 1e-9 } == true)
    }

    /// The same paragraph with consecutive hyphens free of demerits but a hyphen limit of one line.
    @Test func hyphenLimitForbidsConsecutiveHyphenatedLinesOutright() {
        let limited = KnuthPlassLineBreaker().breakLines(Self.twoHyphens, widths: LineWidths(10),
                                                         parameters: BreakParameters(doubleHyphenDemerits: 0, hyphenLimit: 1))
        #expect(limited.map(\.position) == [5, 13])
    }

    /// Node indices (H box, D discretionary hyphen of width 1, G glue(2, 1, 1)), measure 15, tolerance 1 000:
    /// `0:H2 1:D 2:H4 3:G 4:H4 5:D 6:H3 7:G 8:H5 9:D 10:H5 11:G 12:H2 13:D 14:H4 15:G 16:H3 17:G 18:H2 19:D
    /// 20:H5 21:G 22:H3 23:D 24:H3 25:D 26:H4 27:G 28:H5 29:D 30:H4 31:G 32:H5 33:G 34:H3 35:G 36:H2 37…39 end`.
    ///
    /// Breaking at 5, 11, 19, 25, 31 gives lines 2+4+2+4+1 = 13 (one space, ratio 2), 3+2+5+5 = 15 (0),
    /// 2+4+2+3+2+2+1 = 16 (two spaces, -0.5), 5+2+3+3+1 = 14 (1), 4+2+5+4 = 15 (0) and a last line:
    /// every badness ≤ 800, and never more than two hyphenated lines in a row (5; 19, 25).
    /// A cheaper chain reaches 19 through 7 and 13, but with two hyphens in a row already, so it cannot
    /// take the hyphen at 25; keeping only one chain per fitness class at 19 loses the feasible one.
    @Test func hyphenLimitDoesNotLoseFeasibleSettings() throws {
        let nodes = Nodes.paragraph([[2, 4], [4, 3], [5, 5], [2, 4], [3], [2, 5], [3, 3, 4], [5, 4], [5], [3], [2]])
        let parameters = BreakParameters(pretolerance: -1, tolerance: 1_000, hyphenLimit: 2)
        let feasible = [5, 11, 19, 25, 31, nodes.count - 1]
        let lines = LineCheck.lines(nodes, breaks: feasible)
        #expect(lines.map { $0.ratio(15) }.prefix(5) == [2, 0, -0.5, 1, 0])
        #expect(LineCheck.demerits(nodes, breaks: feasible, widths: LineWidths(15), tolerance: 1_000, parameters: parameters) != nil)
        let optimum = try #require(LineCheck.optimalBreaks(nodes, width: 15, tolerance: 1_000, hyphenate: true, parameters: parameters))
        #expect(optimum.breaks == feasible)

        let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(15), parameters: parameters)
        #expect(breaks.allSatisfy { KnuthPlassLineBreaker.badness($0.ratio) <= 1_000 }, "ratios \(breaks.map(\.ratio))")
        #expect(breaks.map(\.position) == feasible)
    }

    // MARK: optimality against exhaustive search

    @Test func matchesExhaustiveSearchOnTheHandBuiltParagraphs() throws {
        let cases: [([Node], Double, BreakParameters)] = [
            (Self.unevenWords, 20, BreakParameters(pretolerance: -1, tolerance: 6_400)),
            (Self.hyphenable, 10, BreakParameters(pretolerance: -1, tolerance: 200)),
            (Self.twoHyphens, 10, BreakParameters(pretolerance: -1, doubleHyphenDemerits: 0)),
            (Self.twoHyphens, 10, BreakParameters(pretolerance: -1)),
            (Self.twoHyphens, 10, BreakParameters(pretolerance: -1, doubleHyphenDemerits: 0, hyphenLimit: 1)),
        ]
        for (nodes, measure, parameters) in cases {
            let widths = LineWidths(measure)
            let optimum = try #require(LineCheck.optimum(nodes, widths: widths, tolerance: parameters.tolerance,
                                                         hyphenate: true, parameters: parameters))
            let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: widths, parameters: parameters)
            #expect(breaks.map(\.position) == optimum.breaks)
        }
    }

    /// Random paragraphs of 4–8 words (some hyphenable) at several measures: whenever some setting is
    /// feasible, the breaker's demerits equal the exhaustive minimum of the pass TeX would use.
    @Test func matchesExhaustiveSearchOnRandomParagraphs() throws {
        var generator = SplitMix64(seed: 2024)
        var compared = 0
        for _ in 0..<300 {
            let words = (0..<Int.random(in: 4...8, using: &generator)).map { _ in
                (0..<[1, 1, 1, 2, 3].randomElement(using: &generator)!).map { _ in Double(Int.random(in: 2...7, using: &generator)) }
            }
            let nodes = Nodes.paragraph(words)
            let breakpoints = nodes.indices.dropLast().filter { LineCheck.isLegalBreak(nodes, $0) }
            guard breakpoints.count <= 16 else { continue }
            let widths = LineWidths(Double([12, 15, 18, 22].randomElement(using: &generator)!))
            let parameters = BreakParameters(pretolerance: 100, tolerance: 1_000)
            let expected = LineCheck.optimum(nodes, widths: widths, tolerance: parameters.pretolerance, hyphenate: false, parameters: parameters)
                ?? LineCheck.optimum(nodes, widths: widths, tolerance: parameters.tolerance, hyphenate: true, parameters: parameters)
            guard let expected else { continue }
            compared += 1
            let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: widths, parameters: parameters)
            let actual = LineCheck.demerits(nodes, breaks: breaks.map(\.position), widths: widths, tolerance: parameters.tolerance,
                                            parameters: parameters)
            #expect(actual.map { abs($0 - expected.demerits) < 1e-6 } == true,
                    "words \(words) at \(widths.widths[0]): got \(breaks.map(\.position)) (\(actual ?? -1)), optimum \(expected.breaks) (\(expected.demerits))")
        }
        #expect(compared >= 100, "enough random paragraphs had a feasible setting")
    }

    /// Longer random paragraphs with many hyphenation points, checked against dynamic programming over
    /// (breakpoint, fitness, hyphenation run): the hyphen limit makes the run part of the state.
    @Test func matchesDynamicProgrammingOnLongerHyphenatedParagraphs() throws {
        var generator = SplitMix64(seed: 99)
        var compared = 0
        var mismatches: [String] = []
        for _ in 0..<150 {
            let words = (0..<Int.random(in: 10...30, using: &generator)).map { _ in
                (0..<[1, 2, 2, 3].randomElement(using: &generator)!).map { _ in Double(Int.random(in: 2...5, using: &generator)) }
            }
            let nodes = Nodes.paragraph(words)
            let measure = Double(Int.random(in: 16...36, using: &generator))
            let parameters = BreakParameters(pretolerance: -1, tolerance: 1_000, doubleHyphenDemerits: 0, finalHyphenDemerits: 0)
            guard let expected = LineCheck.optimalDemerits(nodes, width: measure, tolerance: parameters.tolerance, hyphenate: true,
                                                           parameters: parameters) else { continue }
            compared += 1
            let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(measure), parameters: parameters)
            let actual = LineCheck.demerits(nodes, breaks: breaks.map(\.position), widths: LineWidths(measure),
                                            tolerance: parameters.tolerance, parameters: parameters)
            if actual.map({ abs($0 - expected) < 1e-6 * max(1, expected) }) != true {
                mismatches.append("\(words.map { $0.map { Int($0) } }) at \(Int(measure)): got \(breaks.map(\.position)) (\(actual ?? -1)), optimum \(expected)")
            }
        }
        #expect(compared >= 50)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(compared) differ, e.g. \(mismatches.prefix(2))")
    }

    /// With a different measure for the first lines (as around a drop cap), the optimum depends on
    /// the line number as well as the position, so chains reaching a break with different line counts
    /// must not be merged.
    @Test func matchesExhaustiveSearchWithVaryingLineWidths() throws {
        var generator = SplitMix64(seed: 77)
        var compared = 0
        var mismatches: [String] = []
        for _ in 0..<300 {
            let words = (0..<Int.random(in: 5...9, using: &generator)).map { _ in [Double(Int.random(in: 2...7, using: &generator))] }
            let nodes = Nodes.paragraph(words)
            let widths = LineWidths([Double(Int.random(in: 8...14, using: &generator)), Double(Int.random(in: 14...24, using: &generator))])
            let parameters = BreakParameters(pretolerance: -1, tolerance: 2_700)
            guard let expected = LineCheck.optimum(nodes, widths: widths, tolerance: parameters.tolerance, hyphenate: true,
                                                   parameters: parameters) else { continue }
            compared += 1
            let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: widths, parameters: parameters)
            let actual = LineCheck.demerits(nodes, breaks: breaks.map(\.position), widths: widths, tolerance: parameters.tolerance,
                                            parameters: parameters)
            if actual.map({ abs($0 - expected.demerits) < 1e-6 }) != true {
                mismatches.append("\(words.map { Int($0[0]) }) at \(widths.widths.map { Int($0) }): got \(breaks.map(\.position)) (\(actual ?? -1)), optimum \(expected.breaks) (\(expected.demerits))")
            }
        }
        #expect(compared >= 100)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(compared) differ, e.g. \(mismatches.prefix(3))")
    }
}
