import Foundation
import GalleyExport
import GalleyLayout
import GalleyRender
import Testing

/// Fonts are opened when first drawn with, so a font file FreeType cannot read by then must stop the render with
/// its name, never leave the text set in it out of the PDF.
@Suite struct UnreadableFontTests {
    @Test func aFaceFreeTypeCannotOpenIsNamed() throws {
        let sheet = try GalleyStyleLoader.sheet()
        let renderer = try ArticleRenderer(sheet: sheet, resources: GalleyResources(root: Workspace.root))
        let path = Workspace.example("iv-9062.json")
        var document = renderer.typeset(try ArticleSource.read(path), source: path).document
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("Truncated-Regular.ttf")
        try Data("not a font".utf8).write(to: broken)
        // The first glyph run of the first page is set in the unreadable file.
        let index = try #require(document.pages[0].items.firstIndex { if case .glyphs = $0.item { true } else { false } })
        guard case .glyphs(var run, let color) = document.pages[0].items[index].item else { return }
        run.face = FontFace(file: broken.path, index: 0, postScriptName: "Truncated-Regular")
        document.pages[0].items[index].item = .glyphs(run, color: color)
        #expect {
            _ = try PDFRenderer().render(document)
        } throws: { error in
            "\(error)".contains(broken.path) && "\(error)".contains("cannot open face 0")
        }
        // The same renderer's cache serves the next document: an unbroken one renders.
        let intact = renderer.typeset(try ArticleSource.read(path), source: path).document
        #expect(try PDFRenderer().render(intact).count > 10_000)
    }
}
