import Foundation
import GalleyExport
@testable import GalleyLayout
import GalleyStyle
import Testing

/// The magazine layouts' opening drop cap: three lines tall, on the first paragraph of body text, its letter copied
/// with the word it begins.
@Suite struct DropCapTests {
    private func layout(_ article: String, layoutName: String = "magazine-a4") throws -> (PagedDocument, StyleSheet) {
        let resources = GalleyResources(root: Workspace.root)
        let sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load(layoutName)
        return (try ArticleRenderer(sheet: sheet, resources: resources).layout(try ArticleSource.read(Workspace.example(article))), sheet)
    }

    @Test(arguments: ["iv-9062.json", "long-climate-labour.json"])
    func theCapSpansThreeLinesWhichRunBesideIt(_ article: String) throws {
        let (document, sheet) = try layout(article)
        let dropCap = try #require(sheet.dropCap)
        let items = document.pages[0].items
        let shapes = items.filter { if case .shape = $0.item { return true }; return false }
        try #require(shapes.count == 1, "one cap on the first page")
        let cap = shapes[0]
        guard case .shape(let capRun, _) = cap.item else { return }
        #expect(cap.node < 0, "the letter's outlines are decoration; its text is on the line")
        // The body lines after the cap, in order: the first `lines` start right of it, the next at the cap's left edge.
        let body = items.filter { item in
            guard item.node >= 0, case .glyphs(let run, _) = item.item else { return false }
            return run.size == sheet.styles.body.size.points && item.origin.y >= cap.origin.y - 3 * sheet.styles.body.leading.points
                && abs(item.origin.x - cap.origin.x) < 200
        }
        let baselines = Array(Set(body.map { ($0.origin.y * 100).rounded() / 100 })).sorted()
        try #require(baselines.count > dropCap.lines)
        // The cap stands on the baseline of the last line beside it.
        #expect(abs(baselines[dropCap.lines - 1] - cap.origin.y) < 0.01)
        let firstX = body.filter { abs($0.origin.y - baselines[0]) < 0.01 }.map(\.origin.x).min() ?? 0
        #expect(firstX >= cap.origin.x + capRun.width, "the first line starts right of the letter")
        let afterX = body.filter { abs($0.origin.y - baselines[dropCap.lines]) < 0.01 }.map(\.origin.x).min() ?? 0
        #expect(abs(afterX - cap.origin.x) < 0.01, "the line under the cap starts at the column's edge")
        // Its top reaches the first line's cap height: the cap's size is that of the span over the body's size.
        #expect(capRun.size > 3 * sheet.styles.body.size.points && capRun.size < 6 * sheet.styles.body.size.points)
    }

    @Test func theFirstWordIsCopiedWhole() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("cap.pdf").path
        let result = try await Workspace.galley(["render", Workspace.example("iv-9062.json"), "--layout", "magazine-a4", "-o", pdf])
        try #require(result.status == 0, "\(result.stderr)")
        let text = try await Workspace.poppler("pdftotext", [pdf, "-"])
        #expect(text.contains("Already in bad shape"), "\(text.prefix(400))")
        #expect(!text.contains("\nA\n"), "the letter is not read on its own")
    }

    @Test(arguments: [("Already", "A"), ("“Quoted", "“Q"), ("«Ça", "«Ç"), ("Ωmega", "Ω"), ("Жить", "Ж")])
    func theCapTakesOpeningPunctuationWithTheLetter(_ text: String, _ cap: String) throws {
        let end = try #require(DropCap.opening(of: text))
        #expect(String(text[..<end]) == cap)
    }

    @Test(arguments: ["1984 was", "مرحبا", "日本語", "हिन्दी", "— dash", ""])
    func paragraphsNotOpeningWithAnAlphabetsLetterHaveNoCap(_ text: String) {
        #expect(DropCap.opening(of: text) == nil)
    }

    @Test func theSingleColumnLayoutHasNoCapAndTheArabicArticleNone() throws {
        let (plain, _) = try layout("iv-9062.json", layoutName: "article-a4")
        #expect(!plain.pages.flatMap(\.items).contains { if case .shape = $0.item { return true }; return false })
        let (arabic, _) = try layout("ar-ouvriers-al-mina.json")
        #expect(!arabic.pages.flatMap(\.items).contains { if case .shape = $0.item { return true }; return false })
    }
}
