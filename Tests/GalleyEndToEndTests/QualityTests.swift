import Foundation
import GalleyExport
import GalleyLayout
import GalleyStyle
import Testing

/// Checks the typesetter's own measurements on every example: no overfull lines, widows, orphans or long hyphen ladders.
@Suite struct QualityTests {
    private func quality(_ name: String, breaker: (any LineBreaker)? = nil) throws -> QualityReport {
        let resources = GalleyResources(root: Workspace.root)
        let sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load("article-a4")
        let renderer = try ArticleRenderer(sheet: sheet, resources: resources, lineBreaker: breaker)
        return renderer.layout(try ArticleSource.read(Workspace.example(name))).quality
    }

    @Test(arguments: PDFFactsTests.examples)
    func examplesAreCleanlySet(_ name: String) throws {
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
    func knuthPlassSpacesMoreEvenlyThanFirstFit(_ name: String) throws {
        let optimal = try quality(name, breaker: KnuthPlassLineBreaker())
        let greedy = try quality(name, breaker: FirstFitLineBreaker())
        #expect(optimal.meanAbsoluteRatio < greedy.meanAbsoluteRatio)
    }

    @Test func checkStrictPassesOnTheExamplesAndReportsJSON() throws {
        let result = try Workspace.galley(["check", "--strict", "--json"] + PDFFactsTests.examples.map(Workspace.example))
        #expect(result.status == 0, "\(result.text)\(result.stderr)")
        let lines = result.text.split(separator: "\n")
        #expect(lines.count == PDFFactsTests.examples.count)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["problems"] as? Int == 0)
        }
    }
}
