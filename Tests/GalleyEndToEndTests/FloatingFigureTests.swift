import Foundation
import GalleyExport
import GalleyLayout
import GalleyStyle
import Testing

/// Figures in the magazine layouts, which prefer a column's foot and then the next column's top: a figure never stands
/// between two lines of the body in its column, and one at a column's foot has the text that follows it above it.
@Suite struct FloatingFigureTests {
    private func layout(_ layoutName: String) throws -> (PagedDocument, StyleSheet) {
        let resources = GalleyResources(root: Workspace.root)
        let sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load(layoutName)
        let path = Workspace.example("energy-workers-in-numbers.json")
        return (try ArticleRenderer(sheet: sheet, resources: resources).layout(try ArticleSource.read(path), source: path), sheet)
    }

    /// The body's lines (runs at the body's size) drawn on `page` between `left` and `right`.
    private func bodyLines(_ page: Page, size: Double, from left: Double, to right: Double) -> [PositionedItem] {
        page.items.filter { item in
            guard item.node >= 0, case .glyphs(let run, _) = item.item, abs(run.size - size) < 0.01 else { return false }
            return item.origin.x >= left - 0.5 && item.origin.x < right
        }
    }

    @Test(arguments: ["magazine-a4", "magazine-tabloid"])
    func aFigureInAColumnStandsAtItsTopOrItsFootNeverBetweenLines(_ layoutName: String) throws {
        let (document, sheet) = try layout(layoutName)
        let columns = try #require(sheet.columns)
        let width = columns.width(in: sheet.textWidth)
        var checked = 0
        for (index, page) in document.pages.enumerated() {
            let margin = index % 2 == 0 ? sheet.page.margins.inner.points : sheet.page.margins.outer.points
            for item in page.items {
                guard case .image(_, let size) = item.item, size.width <= width + 0.5 else { continue }
                let column = Int(((item.origin.x - margin) / (width + columns.gutter.points)).rounded(.down))
                let left = margin + Double(column) * (width + columns.gutter.points)
                let lines = bodyLines(page, size: sheet.styles.body.size.points, from: left, to: left + width)
                let above = lines.filter { $0.origin.y < item.origin.y }
                let below = lines.filter { $0.origin.y > item.origin.y + size.height }
                #expect(above.isEmpty || below.isEmpty, "a figure on page \(index + 1), column \(column + 1), stands between lines of the body")
                if !above.isEmpty {
                    // At the foot: the last line above it ends at least the gap above the image.
                    let lowest = above.map(\.origin.y).max() ?? 0
                    #expect(lowest + sheet.styles.body.leading.points * 0.3 <= item.origin.y, "page \(index + 1): the text runs into the figure")
                }
                checked += 1
            }
        }
        #expect(checked >= 2, "the badge and the CMYK photograph are column figures (\(checked))")
    }

    /// In two columns the badge, met part-way down the first page's second column, goes to that column's foot, its
    /// caption ending at the text block's foot, and the paragraph after it in the article fills the column above it.
    @Test func theBadgeGoesToTheFootOfItsColumnAndTheFollowingTextAboveIt() throws {
        let (document, sheet) = try layout("magazine-a4")
        let page = try #require(document.pages.first)
        let badge = try #require(page.items.first { item in
            if case .image(let image, _) = item.item { return image.path.hasSuffix("union-badge.png") }
            return false
        })
        guard case .image(_, let size) = badge.item else { return }
        // The article's text (the running lines are decoration), in the second column.
        let columns = try #require(sheet.columns)
        let secondColumn = sheet.page.margins.inner.points + columns.width(in: sheet.textWidth) + columns.gutter.points
        #expect(badge.origin.x >= secondColumn, "the badge is in the second column")
        let texts = page.items.compactMap { item -> (y: Double, text: String)? in
            if item.node >= 0, item.origin.x >= secondColumn - 0.5, case .glyphs(let run, _) = item.item { return (item.origin.y, run.text) }
            return nil
        }
        let caption = try #require(texts.filter { $0.y > badge.origin.y + size.height }.max { $0.y < $1.y })
        let foot = sheet.textHeight + sheet.page.margins.top.points
        #expect(caption.y <= foot && caption.y > foot - sheet.styles.caption.leading.points, "the caption's last line is the column's last")
        let following = try #require(texts.first { $0.text.hasPrefix("The last picture") })
        #expect(following.y < badge.origin.y, "the paragraph after the badge is set above it")
    }

    /// A short table floats as a figure does, whole: its header is drawn once, and its first and last rows are in one
    /// column of one page, at the column's top or foot.
    @Test(arguments: ["magazine-a4", "magazine-tabloid"])
    func aShortTableFloatsWhole(_ layoutName: String) throws {
        let (document, _) = try layout(layoutName)
        var found: [String: [(page: Int, x: Double, y: Double)]] = [:]
        for (index, page) in document.pages.enumerated() {
            for item in page.items {
                guard case .glyphs(let run, _) = item.item, ["Sector", "Coal mining", "Recycling"].contains(run.text) else { continue }
                found[run.text, default: []].append((index, item.origin.x, item.origin.y))
            }
        }
        let header = try #require(found["Sector"])
        #expect(header.count == 1, "the header is not repeated: the table did not break (\(header.count))")
        let first = try #require(found["Coal mining"]?.first)
        let last = try #require(found["Recycling"]?.first)
        #expect(first.page == last.page && abs(first.x - last.x) < 0.01 && first.page == header[0].page)
    }
}
