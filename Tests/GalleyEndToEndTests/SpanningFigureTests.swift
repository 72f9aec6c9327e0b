import Foundation
import GalleyExport
import GalleyLayout
import GalleyModel
import GalleyStyle
import Testing

/// Figures across the columns of the magazine layouts: wide images go on top of a page over all its columns, never on a
/// page before the text that leads to them, with the columns under them.
@Suite struct SpanningFigureTests {
    private func layout(_ layoutName: String, change: (inout StyleSheet) -> Void = { _ in }) throws -> (PagedDocument, StyleSheet, Article) {
        let resources = GalleyResources(root: Workspace.root)
        var sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load(layoutName)
        change(&sheet)
        let source = try ArticleSource.read(Workspace.example("energy-workers-in-numbers.json"))
        return (try ArticleRenderer(sheet: sheet, resources: resources).layout(source, source: Workspace.example("energy-workers-in-numbers.json")), sheet, source)
    }

    /// The page on which `words` are drawn (compared by their letters, so that line breaks and hyphens do not count).
    private func page(of words: String, in document: PagedDocument) -> Int? {
        func letters(_ text: String) -> String { String(text.filter { $0.isLetter || $0.isNumber }) }
        let wanted = letters(words)
        return document.pages.firstIndex { page in
            letters(page.items.compactMap { item -> String? in
                if case .glyphs(let run, _) = item.item { return run.text }
                return nil
            }.joined()).contains(wanted)
        }
    }

    @Test(arguments: ["magazine-a4", "magazine-tabloid"])
    func wideFiguresGoAcrossThePageAfterTheirText(_ layoutName: String) throws {
        let (document, sheet, article) = try layout(layoutName)
        let columns = try #require(sheet.columns)
        let columnWidth = columns.width(in: sheet.textWidth)
        var spanning = 0
        for (index, page) in document.pages.enumerated() {
            let left = index % 2 == 0 ? sheet.page.margins.inner.points : sheet.page.margins.outer.points
            for image in page.items {
                guard case .image(_, let size) = image.item, size.width > columnWidth + 1 else { continue }
                spanning += 1
                #expect(image.origin.x >= left - 0.01 && image.origin.x + size.width <= left + sheet.textWidth + 0.01)
                // Nothing of the article's text stands beside or above it on its page but the title block.
                let bottom = image.origin.y + size.height
                for item in page.items where item.node >= 0 {
                    guard case .glyphs(let run, _) = item.item, item.origin.y > image.origin.y - 1, item.origin.y < bottom else { continue }
                    Issue.record("“\(run.text.prefix(30))” stands beside a figure across the columns on page \(index + 1)")
                }
            }
        }
        #expect(spanning >= 2, "the wide photograph and chart go across the page (\(spanning))")
        // Never before the text that leads to them: each figure's caption is on the page of the paragraph before it or later.
        for (position, block) in article.body.enumerated() {
            guard case .figure(let figure) = block, let caption = figure.caption?.plainText, !caption.isEmpty,
                  let paragraph = article.body[..<position].last(where: { if case .paragraph = $0 { return true }; return false }) else { continue }
            let lastWords = paragraph.plainText.split(separator: " ").suffix(2).joined(separator: " ")
            let captionWords = caption.split(separator: " ").prefix(3).joined(separator: " ")
            guard let textPage = page(of: lastWords, in: document), let figurePage = page(of: captionWords, in: document) else {
                Issue.record("not found: “\(lastWords)” or “\(captionWords)”")
                continue
            }
            #expect(figurePage >= textPage && figurePage <= textPage + 2, "“\(captionWords)” on page \(figurePage + 1), its text on \(textPage + 1)")
        }
    }

    @Test func withoutTheSettingEveryFigureStaysInItsColumn() throws {
        let (document, sheet, _) = try layout("magazine-a4") { $0.columns?.spanFigures = false }
        let columnWidth = try #require(sheet.columns).width(in: sheet.textWidth)
        for page in document.pages {
            for item in page.items {
                if case .image(_, let size) = item.item { #expect(size.width <= columnWidth + 0.01) }
            }
        }
    }

    @Test func theColumnsUnderAFigureStayOnTheGrid() throws {
        let (document, _, _) = try layout("magazine-a4")
        #expect(document.quality.offGridLines == 0)
        var residues = Set<Double>()
        for page in document.pages {
            for item in page.items {
                guard item.node >= 0, case .glyphs(let run, _) = item.item, run.size == 9.5, run.face.postScriptName == "NotoSerif-Regular" else { continue }
                residues.insert((item.origin.y.truncatingRemainder(dividingBy: 12.5) * 100).rounded() / 100)
            }
        }
        #expect(residues.count == 1, "\(residues.sorted())")
    }
}
