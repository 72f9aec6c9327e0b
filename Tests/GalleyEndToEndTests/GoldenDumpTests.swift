import Foundation
import GalleyExport
import GalleyRender
import GalleyStyle
import Testing

/// Compares `galley boxes` output for the examples with reviewed dumps; `GALLEY_RECORD=1` re-records them.
@Suite struct GoldenDumpTests {
    /// Example articles by name, and fixtures by path under Fixtures/.
    static let cases = ["iv-9062", "ru-profsoyuzy", "rules/page-rules", "ar-ouvriers-al-mina", "ja-kaigo-rodo", "zh-kuaidi-qishou",
                        "hi-asha-karyakarta"]

    /// The magazine layouts, as scripts/setup.sh renders them: the seed, the long article and the article with figures
    /// (at the foot of a column, on top of the next, across the page) in two and three columns.
    static let magazineCases = ["magazine-a4:iv-9062", "magazine-a4:long-climate-labour", "magazine-a4:energy-workers-in-numbers",
                                "magazine-tabloid:iv-9062", "magazine-tabloid:long-climate-labour", "magazine-tabloid:energy-workers-in-numbers"]

    @Test(arguments: cases)
    func boxDumpMatchesTheGolden(_ name: String) throws {
        try compare(name, layout: "article-a4", golden: name.replacingOccurrences(of: "/", with: "-"))
    }

    @Test(arguments: magazineCases)
    func magazineBoxDumpMatchesTheGolden(_ named: String) throws {
        let parts = named.split(separator: ":").map(String.init)
        try compare(parts[1], layout: parts[0], golden: "\(parts[0])-\(parts[1])")
    }

    private func compare(_ name: String, layout: String, golden goldenName: String) throws {
        let resources = GalleyResources(root: Workspace.root)
        // As scripts/setup.sh renders them: the examples' publisher (Examples/galley.yaml) names the running head.
        let config = try GalleyConfigLoader().load(Workspace.example("galley.yaml"))
        let sheet = config.applied(to: try StyleSheetLoader(layoutsDirectory: resources.layouts).load(layout))
        let renderer = try ArticleRenderer(sheet: sheet, resources: resources)
        let path = name.contains("/") ? Workspace.fixtures.appendingPathComponent("\(name).json").path : Workspace.example("\(name).json")
        let document = renderer.layout(try ArticleSource.read(path))
        if name.contains("/") || layout != "article-a4" {
            #expect(document.quality.widows + document.quality.orphans + document.quality.strandedHeadings == 0)
        }
        let dump = BoxDump().render(document).replacingOccurrences(of: Workspace.root.path + "/", with: "")
        let golden = Workspace.root.appendingPathComponent("Tests/GalleyEndToEndTests/Goldens/\(goldenName).boxes")
        if ProcessInfo.processInfo.environment["GALLEY_RECORD"] == "1" {
            try dump.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if dump != expected {
            let actualLines = dump.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let common = min(actualLines.count, expectedLines.count)
            let index = (0..<common).first { actualLines[$0] != expectedLines[$0] } ?? common
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            Issue.record("dump differs from \(golden.lastPathComponent) at line \(index + 1):\n  got:  \(got)\n  want: \(want)\n(re-record with GALLEY_RECORD=1 after reviewing)")
        }
    }
}
