import Foundation
import GalleyExport
import GalleyRender
import GalleyStyle
import Testing

/// Checks endnotes chosen by layout, and that the seed article in Markdown and HTML lays out exactly like its JSON.
@Suite struct NotesAndFormatsTests {
    private func dump(_ path: String, layout: String = "article-a4") throws -> String {
        let resources = GalleyResources(root: Workspace.root)
        let sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load(layout)
        let renderer = try ArticleRenderer(sheet: sheet, resources: resources)
        return BoxDump().render(renderer.layout(try ArticleSource.read(path), source: path))
    }

    @Test func endnotesGatherTheNotesAfterTheTextUnderAHeading() async throws {
        let layout = Workspace.fixtures.appendingPathComponent("endnotes.yaml").path
        let text = try dump(Workspace.example("long-climate-labour.json"), layout: layout)
        let footnotes = try dump(Workspace.example("long-climate-labour.json"))
        // Footnote layout draws a 36 mm separator rule on the pages with notes; endnotes draw none.
        #expect(footnotes.contains("102.05x0.4"))
        #expect(!text.contains("102.05x0.4"))
        let lines = text.split(separator: "\n")
        let heading = try #require(lines.firstIndex { $0.hasSuffix("\"Notes\"") })
        let signOff = try #require(lines.firstIndex { $0.contains("\"8 September 2025\"") })
        let firstNote = try #require(lines.firstIndex { $0.contains("Figures for announced closures") })
        #expect(signOff < heading && heading < firstNote, "the notes follow the sign-off under their heading")
    }

    @Test(arguments: ["iv-9062.md", "iv-9062.html"])
    func theSeedInOtherFormatsGivesTheSameBoxDumpAsItsJSON(_ name: String) async throws {
        let other = try dump(Workspace.root.appendingPathComponent("Tests/GalleyIngestTests/Fixtures/\(name)").path)
        let json = try dump(Workspace.example("iv-9062.json"))
        #expect(other == json)
    }

    @Test func greekMarkdownKeepsEveryWordAndHasEveryGlyph() async throws {
        let path = Workspace.fixtures.appendingPathComponent("greek/apergia.md").path
        let pdf = try Workspace.temporaryFolder().appendingPathComponent("el.pdf").path
        let result = try await Workspace.galley(["render", path, "-o", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        let article = try ArticleSource.read(path)
        let text = try await Workspace.poppler("pdftotext", [pdf, "-"])
        let missing = TextFidelity.firstMissing(TextFidelity.pieces(of: article), in: text)
        #expect(missing == nil, "not found in order: \(missing ?? "")")
        let check = try await Workspace.galley(["check", "--json", path])
        #expect(check.text.contains("\"missingGlyphs\":0"), "\(check.text)")
    }
}
