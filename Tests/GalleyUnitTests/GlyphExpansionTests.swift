import Foundation
import Testing
@testable import GalleyLayout
import GalleyStyle

/// Glyph expansion: the steps a line's letters are widened or narrowed in, how the breaker weighs a line once its
/// letters have taken their share of the slack, and how the assembler sets and draws the result.
@Suite struct GlyphExpansionTests {
    static let face = FontFace(file: "/fonts/Test.ttf", index: 0, postScriptName: "Test")
    static let expansion = GlyphExpansion(limit: 0.02, step: 0.005)

    /// A word of `letters` glyphs, each `advance` wide, as a box that draws them.
    static func word(_ letters: Int, advance: Double = 5) -> Node {
        let glyphs = (0..<letters).map { Glyph(id: UInt32(10 + $0), advance: advance, xOffset: $0 == 1 ? 0.5 : 0, cluster: $0) }
        let run = GlyphRun(face: face, size: 10, text: String(repeating: "a", count: letters), glyphs: glyphs)
        return .box(Box(run: run, style: TextStyle()))
    }

    /// Words of `letters` glyphs each, separated by spaces 2.5 wide that stretch 1.25 and shrink 0.8.
    static func paragraph(_ words: [Int]) -> [Node] {
        var nodes: [Node] = []
        for (index, letters) in words.enumerated() {
            if index > 0 { nodes.append(.glue(Glue(width: 2.5, stretch: 1.25, shrink: 0.8))) }
            nodes.append(word(letters))
        }
        return nodes + Nodes.finish
    }

    @Test func amountsAreWholeStepsWithinTheLimit() {
        let e = Self.expansion
        // 100 pt of glyphs: each 0.5 % step is 0.5 pt.
        #expect(e.amount(slack: 0, expandable: 100, hasFill: false, shrink: 1) == 0)
        #expect(abs(e.amount(slack: 1.1, expandable: 100, hasFill: false, shrink: 1) - 0.01) < 1e-12, "nearest step: 2 of 0.5 pt")
        #expect(abs(e.amount(slack: 1.3, expandable: 100, hasFill: false, shrink: 1) - 0.015) < 1e-12)
        #expect(abs(e.amount(slack: 9, expandable: 100, hasFill: false, shrink: 1) - 0.02) < 1e-12, "never beyond the limit")
        #expect(abs(e.amount(slack: -9, expandable: 100, hasFill: false, shrink: 1) + 0.02) < 1e-12)
        #expect(e.amount(slack: 30, expandable: 100, hasFill: true, shrink: 1) == 0, "a last line with fill glue is not widened")
        #expect(GlyphExpansion.off.amount(slack: 1.1, expandable: 100, hasFill: false, shrink: 1) == 0)
        #expect(e.amount(slack: 1.1, expandable: 0, hasFill: false, shrink: 1) == 0, "a line with no glyphs")
    }

    @Test func theStepNeverLeavesTheGlueMoreToShrinkThanItCan() {
        let e = Self.expansion
        // 1.2 pt of slack is nearest 1.0 (2 steps) but also close to 1.5: with no shrinking glue, 1.5 would overfill.
        #expect(abs(e.amount(slack: 1.3, expandable: 100, hasFill: false, shrink: 0) - 0.01) < 1e-12)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let expandable = Double.random(in: 1...500, using: &generator)
            let slack = Double.random(in: -20...20, using: &generator)
            let shrink = Bool.random(using: &generator) ? 0 : Double.random(in: 0...3, using: &generator)
            let amount = e.amount(slack: slack, expandable: expandable, hasFill: false, shrink: shrink)
            #expect(abs(amount) <= 0.02 + 1e-12)
            #expect(abs((amount / 0.005).rounded() - amount / 0.005) < 1e-9, "a whole number of steps: \(amount)")
            // Some step leaves the glue within its shrink whenever the lower bound does; then the chosen one must too.
            let fitsAtAll = slack + 0.02 * expandable >= -shrink
            if fitsAtAll {
                #expect(slack - amount * expandable >= -shrink - 1e-9, "slack \(slack), glyphs \(expandable), shrink \(shrink) → \(amount)")
            }
        }
    }

    @Test func theBreakerWeighsWhatTheSpacesAreLeftToDo() {
        // Ten words of 8 letters (40 pt) and spaces of 2.5: 422.5 pt of words and spaces, set on 430 pt lines.
        let nodes = Self.paragraph(Array(repeating: 8, count: 10) + Array(repeating: 8, count: 10))
        var parameters = BreakParameters()
        let plain = NodeMeasure(nodes)
        parameters.expansion = Self.expansion
        let expanded = NodeMeasure(nodes, expansion: Self.expansion)
        let end = 2 * 9 + 1 // the glue after the tenth word
        let loose = plain.ratio(from: 0, to: end, previousBreak: nil, target: 430)
        #expect(abs(loose - 7.5 / (9 * 1.25)) < 1e-9, "the spaces alone take the 7.5 pt: \(loose)")
        // 400 pt of glyphs may widen by 8 pt: they take all of it and the spaces stay as they are.
        #expect(expanded.ratio(from: 0, to: end, previousBreak: nil, target: 430) == 0)
        // 20 pt short: 8 pt to the glyphs, 12 to the spaces.
        #expect(abs(expanded.ratio(from: 0, to: end, previousBreak: nil, target: 442.5) - 12 / (9 * 1.25)) < 1e-9)
        // Too long by 10 pt: the glyphs narrow by 8 pt, the spaces shrink by 2.
        #expect(abs(expanded.ratio(from: 0, to: end, previousBreak: nil, target: 412.5) + 2 / (9 * 0.8)) < 1e-9)
        let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(430), parameters: parameters)
        let without = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(430), parameters: BreakParameters())
        #expect(breaks.count == 2 && without.count == 2)
        #expect(abs(breaks[0].ratio) < abs(without[0].ratio), "\(breaks[0].ratio) against \(without[0].ratio)")
    }

    @Test func theAssemblerWidensTheGlyphsAndDrawsThemWider() throws {
        let nodes = Self.paragraph(Array(repeating: 8, count: 10) + [8, 8])
        var parameters = BreakParameters()
        parameters.expansion = Self.expansion
        let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(430), parameters: parameters)
        let lines = LineAssembler().assemble(nodes, breaks: breaks, widths: LineWidths(430), alignment: .justify,
                                             hangingPunctuation: false, expansion: Self.expansion)
        try #require(lines.count == 2)
        let first = lines[0]
        // 7.5 pt over 400 pt of glyphs is 1.875 %: 2 % is the nearest step, and the spaces give back the 0.5 pt.
        #expect(first.runs.allSatisfy { abs($0.run.horizontalScale - 1.02) < 1e-12 })
        #expect(abs(first.contentWidth - 430) < 1e-9, "a justified line fills its measure: \(first.contentWidth)")
        #expect(first.ratio < 0 && first.ratio > -0.1, "the spaces shrink a little: \(first.ratio)")
        // The advances and horizontal offsets are the font's times the scale (the spaces, which draw nothing here, are
        // taken into the advance of the letter before them, so that the line is one run).
        let run = try #require(first.runs.first?.run)
        #expect(abs(run.glyphs[0].advance - 5.1) < 1e-12 && abs(run.glyphs[1].xOffset - 0.51) < 1e-12)
        #expect(first.runs.allSatisfy { $0.run.glyphs.allSatisfy { $0.advance > 5.1 - 1e-12 && $0.yOffset == 0 } })
        #expect(lines[1].runs.allSatisfy { $0.run.horizontalScale == 1 }, "the last line is set at its natural width")
        // Ragged lines are never expanded, whatever the parameters say.
        let ragged = LineAssembler().assemble(nodes, breaks: breaks, widths: LineWidths(430), alignment: .left,
                                              hangingPunctuation: false, expansion: Self.expansion)
        #expect(ragged.allSatisfy { $0.runs.allSatisfy { $0.run.horizontalScale == 1 } })
    }

    @Test func expandedRunsMergeOnlyAtTheSameScale() {
        guard case .box(let box) = Self.word(3) else { return }
        let run = box.run!
        let wider = run.expanded(by: 1.01)
        #expect(!run.canMerge(with: wider))
        #expect(wider.canMerge(with: run.expanded(by: 1.01)))
        #expect(abs(wider.width - run.width * 1.01) < 1e-12)
        #expect(run.expanded(by: 1) == run)
        #expect(wider != run, "the scale is part of a run's identity")
    }
}

/// What a layout may say about glyph expansion, and what it is refused with.
@Suite struct GlyphExpansionSettingsTests {
    @Test(arguments: [
        StyleSheetLoaderTests.BadValue(yaml: "  glyphExpansion: 0.1", path: "lineBreaking.glyphExpansion", message: "between 0 and 0.05"),
        StyleSheetLoaderTests.BadValue(yaml: "  glyphExpansion: -0.01", path: "lineBreaking.glyphExpansion", message: "between 0 and 0.05"),
        StyleSheetLoaderTests.BadValue(yaml: "  glyphExpansionStep: 0", path: "lineBreaking.glyphExpansionStep", message: "more than 0"),
        StyleSheetLoaderTests.BadValue(yaml: "  glyphExpansion: two", path: "lineBreaking.glyphExpansion", message: "expected a number"),
    ])
    func badExpansionGivesAClearError(_ bad: StyleSheetLoaderTests.BadValue) throws {
        try StyleSheetLoaderTests.expectRefused(bad, under: "lineBreaking", onLines: 2...3)
    }

    @Test func theDefaultLayoutExpandsByTwoPerCentInHalfPerCentSteps() throws {
        let sheet = try StyleSheetLoaderTests.loader.load("article-a4")
        #expect(BreakParameters(sheet.lineBreaking, emergencyStretch: 0).expansion == GlyphExpansion(limit: 0.02, step: 0.005))
        var off = sheet.lineBreaking
        off.glyphExpansion = nil
        #expect(!BreakParameters(off, emergencyStretch: 0).expansion.isOn, "off unless a layout asks for it")
    }
}
