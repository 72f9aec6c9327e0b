import Foundation
import GalleyExport
import GalleyLayout
import GalleyStyle
import Testing

/// Checks the typesetter's own measurements on every example: no overfull lines, widows, orphans or long hyphen ladders.
@Suite struct QualityTests {
    private func quality(_ name: String, breaker: (any LineBreaker)? = nil, expansion: Bool = true) throws -> QualityReport {
        try layout(name, breaker: breaker, expansion: expansion).quality
    }

    private func layout(_ name: String, breaker: (any LineBreaker)? = nil, expansion: Bool = true) throws -> PagedDocument {
        let resources = GalleyResources(root: Workspace.root)
        var sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load("article-a4")
        if !expansion { sheet.lineBreaking.glyphExpansion = nil }
        let renderer = try ArticleRenderer(sheet: sheet, resources: resources, lineBreaker: breaker)
        return renderer.layout(try ArticleSource.read(Workspace.example(name)))
    }

    @Test(arguments: PDFFactsTests.examples)
    func examplesAreCleanlySet(_ name: String) async throws {
        let report = try quality(name)
        #expect(report.overfullLines == 0)
        #expect(report.widows == 0)
        #expect(report.orphans == 0)
        #expect(report.strandedHeadings == 0)
        #expect(report.longestHyphenRun <= 2)
        #expect(report.missingGlyphs == 0)
        #expect(report.justifiedLines > 10)
    }

    @Test(arguments: PDFFactsTests.examples)
    func knuthPlassSpacesMoreEvenlyThanFirstFit(_ name: String) async throws {
        // Compared on the spaces alone: with glyph expansion the letters take most lines' slack under either breaker,
        // and Knuth–Plass spends the freedom that leaves on fewer hyphens rather than on the last hundredths of a ratio.
        let optimal = try quality(name, breaker: KnuthPlassLineBreaker(), expansion: false)
        let greedy = try quality(name, breaker: FirstFitLineBreaker(), expansion: false)
        #expect(optimal.meanAbsoluteRatio < greedy.meanAbsoluteRatio)
    }

    @Test(arguments: PDFFactsTests.examples)
    func glyphExpansionEvensTheSpacesInWholeStepsWithinTwoPerCent(_ name: String) async throws {
        let expanded = try layout(name)
        let plain = try layout(name, expansion: false)
        // The spaces of justified lines stray less from their natural width, and no line is set looser for it.
        #expect(expanded.quality.meanAbsoluteRatio < 0.8 * plain.quality.meanAbsoluteRatio,
                "\(expanded.quality.meanAbsoluteRatio) against \(plain.quality.meanAbsoluteRatio)")
        #expect(expanded.quality.looseLines <= plain.quality.looseLines)
        #expect(expanded.quality.overfullLines == 0)
        var scales: [Double: Int] = [:]
        for page in expanded.pages {
            for item in page.items {
                guard case .glyphs(let run, _) = item.item else { continue }
                scales[run.horizontalScale, default: 0] += 1
            }
        }
        for scale in scales.keys {
            let steps = (scale - 1) / 0.005
            #expect(abs(scale - 1) <= 0.02 + 1e-12 && abs(steps - steps.rounded()) < 1e-6, "scale \(scale)")
        }
        #expect(scales.keys.contains { $0 != 1 }, "some lines are expanded")
        #expect((scales[1] ?? 0) > 0, "headings, ragged and last lines are not")
    }

    @Test func checkStrictReportsEveryProblemWithItsPlace() async throws {
        let examples = PDFFactsTests.examples + WorldScriptTests.examples
        let result = try await Workspace.galley(["check", "--strict", "--json"] + examples.map(Workspace.example))
        let lines = result.text.split(separator: "\n")
        #expect(lines.count == examples.count)
        var problems = 0
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let quality = try #require(object["quality"] as? [String: Any])
            let counted = ["overfullLines", "looseLines", "widows", "orphans", "strandedHeadings", "missingGlyphs"]
                .reduce(0) { $0 + (quality[$1] as? Int ?? 0) } + ((quality["longestHyphenRun"] as? Int ?? 0) > 2 ? 1 : 0)
            #expect(object["problems"] as? Int == counted, "\(object["file"] ?? "")")
            problems += counted
            // Every loose or overfull line is named with its page and first words.
            let notes = quality["lineNotes"] as? [[String: Any]] ?? []
            let lineProblems = (quality["looseLines"] as? Int ?? 0) + (quality["overfullLines"] as? Int ?? 0)
            #expect(notes.count == lineProblems)
            for note in notes {
                #expect((note["page"] as? Int ?? 0) >= 1 && !((note["text"] as? String) ?? "").isEmpty, "\(note)")
            }
            // The examples are set within their tolerance, but for the few lines the Russian patterns leave loose.
            #expect((quality["looseLines"] as? Int ?? 0) <= 2)
            #expect(quality["overfullLines"] as? Int == 0 && quality["missingGlyphs"] as? Int == 0)
        }
        // --strict fails exactly when something was found.
        #expect(result.status == (problems > 0 ? 1 : 0), "\(result.stderr)")
    }

    /// Words too long to hyphenate (no dictionary for the language) leave justified lines loose: `check` says where,
    /// and `--strict` fails.
    @Test func looseLinesAreNamedWithTheirPageAndWords() async throws {
        let letters = "qwertyuiopasdfghjklzxcvbnm"
        let words = (0..<150).map { index in String(letters.prefix(6 + (index * 7919) % 19)) }
        let article = #"{"id": "loose", "title": "Loose", "language": "xx", "blocks": [{"type": "paragraph", "content": [""#
            + words.joined(separator: " ") + #""]}]}"#
        let file = try Workspace.temporaryFolder().appendingPathComponent("loose.json")
        try Data(article.utf8).write(to: file)
        let plain = try await Workspace.galley(["check", file.path])
        #expect(plain.status == 0)
        #expect(plain.text.contains("page 1: loose line (ratio "), "\(plain.text)")
        #expect(plain.text.contains("qwertyuiop"), "the line's first words are quoted")
        let strict = try await Workspace.galley(["check", "--strict", file.path])
        #expect(strict.status == 1)
    }
}
