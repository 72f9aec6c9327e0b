import Foundation
import GalleyExport
import GalleyLayout
import GalleyModel
import GalleyStyle
import Testing

/// Checks the magazine layouts' columns: text stays in its column, the title block spans them, nothing is lost or
/// reordered against the one-column layout, the last page's columns end level, and rules stand in the gutters.
@Suite struct ColumnLayoutTests {
    static let articles = ["iv-9062.json", "long-climate-labour.json", "ar-ouvriers-al-mina.json", "ja-kaigo-rodo.json"]

    private func layout(_ name: String, with layoutName: String, change: (inout StyleSheet) -> Void = { _ in }) throws -> (PagedDocument, StyleSheet) {
        let resources = GalleyResources(root: Workspace.root)
        var sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load(layoutName)
        change(&sheet)
        let renderer = try ArticleRenderer(sheet: sheet, resources: resources)
        return (renderer.layout(try ArticleSource.read(Workspace.example(name))), sheet)
    }

    /// The article's text items (not running heads or feet) with their place relative to the text block.
    private func textRuns(of page: Page, pageIndex: Int, sheet: StyleSheet) -> [(x: Double, y: Double, run: GlyphRun)] {
        // Mirrored margins: an even index is a right-hand page, whose inner margin is on the left.
        let left = pageIndex % 2 == 0 ? sheet.page.margins.inner.points : sheet.page.margins.outer.points
        return page.items.compactMap { item in
            guard item.node >= 0, case .glyphs(let run, _) = item.item else { return nil }
            return (item.origin.x - left, item.origin.y - sheet.page.margins.top.points, run)
        }
    }

    /// Where the columns start on a page: under the rule that ends the title block on the first page, at the top on
    /// the others.
    private func columnsTop(of page: Page, sheet: StyleSheet) -> Double {
        page.items.compactMap { item -> Double? in
            guard item.node < 0, case .rule(let size, _) = item.item, abs(size.width - sheet.textWidth) < 0.01 else { return nil }
            return item.origin.y - sheet.page.margins.top.points
        }.filter { $0 >= 0 && $0 < sheet.textHeight }.min() ?? 0
    }

    @Test(arguments: ["magazine-a4", "magazine-tabloid"], articles)
    func everyLineBelowTheTitleBlockStaysInItsColumn(_ layoutName: String, _ article: String) throws {
        let (document, sheet) = try layout(article, with: layoutName)
        let columns = try #require(sheet.columns)
        let width = columns.width(in: sheet.textWidth)
        #expect(columns.count >= 2)
        var spanned = false
        for (index, page) in document.pages.enumerated() {
            let runs = textRuns(of: page, pageIndex: index, sheet: sheet)
            let top = columnsTop(of: page, sheet: sheet)
            for (x, y, run) in runs {
                if y < top - 1 {
                    spanned = spanned || x + run.width > width + columns.gutter.points
                    continue
                }
                // The column whose span, with half of each gutter, holds the line's start.
                let column = (0..<columns.count).last { x >= columns.left(of: $0, in: sheet.textWidth, rightToLeft: false) - columns.gutter.points / 2 } ?? 0
                let left = columns.left(of: column, in: sheet.textWidth, rightToLeft: false)
                // Hanging punctuation may stand a little outside the measure, never across the gutter.
                let hang = run.size * 0.6
                #expect(x >= left - hang && x + run.width <= left + width + hang,
                        "page \(index + 1): \"\(run.text)\" at x \(x), y \(y) leaves column \(column + 1) (\(left) to \(left + width))")
            }
        }
        #expect(spanned, "the title block spans the columns")
    }

    /// The letters and digits of the article's text in the order its items are drawn: hyphens, spaces and line ends
    /// differ between measures, the words and their order may not. Footnotes (and captions, set at the same size)
    /// are left out: they stand at the foot of the calling column rather than of the page, so they come elsewhere in
    /// the drawing order; `allLetters` checks they are all there.
    ///
    /// List labels are left out too: a label is drawn after the first line it hangs beside, whose end differs between
    /// measures. So are figures and tables: they float (to a column's foot, or the top of the next) in the magazine
    /// layouts, so the text after them may be drawn before them; `FloatingFigureTests` checks where they go.
    private func letters(of document: PagedDocument, sheet: StyleSheet) -> String {
        func floats(_ node: Int32) -> Bool {
            var index = node
            while index >= 0 {
                if [.figure, .table].contains(document.structure[Int(index)].role) { return true }
                index = document.structure[Int(index)].parent
            }
            return false
        }
        return String(document.pages.flatMap { page in
            page.items.compactMap { item -> String? in
                guard item.node >= 0, case .glyphs(let run, _) = item.item, run.size != sheet.styles.footnote.size.points,
                      document.structure[Int(item.node)].role != .label, !floats(item.node) else { return nil }
                return run.text
            }
        }.joined().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Every letter and digit of the article's text, footnotes included, sorted.
    private func allLetters(of document: PagedDocument) -> [Character] {
        document.pages.flatMap { page in
            page.items.compactMap { item -> String? in
                guard item.node >= 0, case .glyphs(let run, _) = item.item else { return nil }
                return run.text
            }
        }.joined().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init).sorted()
    }

    /// Articles set left to right: a right-to-left line's runs are drawn in visual order, so the drawing order of
    /// its letters depends on where the line breaks (their presence is checked on every article).
    static let leftToRightArticles = articles.filter { !$0.hasPrefix("ar-") }

    @Test(arguments: ["magazine-a4", "magazine-tabloid"], articles)
    func columnsLoseNothing(_ layoutName: String, _ article: String) throws {
        let (single, _) = try layout(article, with: "article-a4")
        let (columned, _) = try layout(article, with: layoutName)
        #expect(allLetters(of: single).count > 1000)
        #expect(allLetters(of: columned) == allLetters(of: single))
        #expect(columned.quality.overfullLines == 0)
    }

    @Test(arguments: ["magazine-a4", "magazine-tabloid"], leftToRightArticles)
    func columnsLoseAndReorderNothing(_ layoutName: String, _ article: String) throws {
        let (single, plainSheet) = try layout(article, with: "article-a4")
        let (columned, sheet) = try layout(article, with: layoutName)
        #expect(plainSheet.styles.footnote.size == sheet.styles.footnote.size)
        let expected = letters(of: single, sheet: plainSheet)
        #expect(expected.count > 1000)
        let found = letters(of: columned, sheet: sheet)
        let same = zip(found, expected).prefix { $0 == $1 }.count
        #expect(found == expected, "first difference after \(same) letters: \"\(found.dropFirst(max(0, same - 30)).prefix(80))\" for \"\(expected.dropFirst(max(0, same - 30)).prefix(80))\"")

    }

    @Test(arguments: articles)
    func theLastPagesColumnsEndLevel(_ article: String) throws {
        let (document, sheet) = try layout(article, with: "magazine-tabloid")
        let columns = try #require(sheet.columns)
        let width = columns.width(in: sheet.textWidth)
        let last = document.pages.count - 1
        let runs = textRuns(of: document.pages[last], pageIndex: last, sheet: sheet)
        let top = columnsTop(of: document.pages[last], sheet: sheet)
        let bottoms = (0..<columns.count).map { column -> Double in
            let left = columns.left(of: column, in: sheet.textWidth, rightToLeft: false)
            return runs.filter { $0.y >= top - 1 && $0.x >= left - 1 && $0.x < left + width }.map(\.y).max() ?? -1
        }
        #expect(bottoms.allSatisfy { $0 >= 0 }, "every column of the last page has text: \(bottoms)")
        // Level within a few lines: breaks are still kept from widows, orphans and headings left at a column's foot.
        #expect((bottoms.max() ?? 0) - (bottoms.min() ?? 0) <= 4 * sheet.styles.body.leading.points, "\(bottoms)")
    }

    @Test func oneColumnIsTheSingleColumnLayout() throws {
        let (plain, _) = try layout("long-climate-labour.json", with: "article-a4")
        let (one, _) = try layout("long-climate-labour.json", with: "article-a4") { $0.columns = ColumnSettings(count: 1, gutter: 12, rule: 0.5) }
        #expect(one == plain)
    }

    @Test func aRuleStandsInEachGutterThatHasTextOnBothSides() throws {
        let (document, sheet) = try layout("long-climate-labour.json", with: "magazine-tabloid")
        let columns = try #require(sheet.columns)
        let width = columns.width(in: sheet.textWidth)
        for (index, page) in document.pages.enumerated() {
            let left = index % 2 == 0 ? sheet.page.margins.inner.points : sheet.page.margins.outer.points
            let rules = page.items.compactMap { item -> Double? in
                guard item.node < 0, case .rule(let size, let color) = item.item, size.height > size.width, color == Color(hex: columns.ruleColor) else { return nil }
                return item.origin.x - left
            }
            let used = Set(textRuns(of: page, pageIndex: index, sheet: sheet).map { run in
                (0..<columns.count).last { run.x >= columns.left(of: $0, in: sheet.textWidth, rightToLeft: false) - 1 } ?? 0
            })
            #expect(rules.count == used.count - 1, "page \(index + 1): \(rules.count) rules for \(used.count) columns")
            for x in rules {
                let gutter = (1..<columns.count).contains { column in
                    let start = columns.left(of: column - 1, in: sheet.textWidth, rightToLeft: false) + width
                    return x > start && x < start + columns.gutter.points
                }
                #expect(gutter, "page \(index + 1): a rule at \(x) is not in a gutter")
            }
        }
    }

    @Test func aRightToLeftArticleReadsItsColumnsFromTheRight() throws {
        let (document, sheet) = try layout("ar-ouvriers-al-mina.json", with: "magazine-a4")
        let columns = try #require(sheet.columns)
        let runs = textRuns(of: document.pages[0], pageIndex: 0, sheet: sheet).filter { $0.run.isRightToLeft }
        let width = columns.width(in: sheet.textWidth)
        // In drawing order (reading order), the first body line right of the gutter comes before any line left of it.
        let firstRight = try #require(runs.firstIndex { $0.x >= width + columns.gutter.points })
        let firstLeft = try #require(runs.firstIndex { $0.x + $0.run.width <= width })
        #expect(firstRight < firstLeft)
    }
}
