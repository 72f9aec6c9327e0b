import Foundation
import GalleyExport
import GalleyLayout
import GalleyStyle
import Testing

/// Pull quotes: set large between two rules, kept whole in one column, in every layout.
@Suite struct PullQuoteTests {
    /// The long example with a pull quote at `position` among its blocks.
    private func article(pullQuoteAt position: Int) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Workspace.example("long-climate-labour.json")))) as? [String: Any])
        var blocks = try #require(object["blocks"] as? [Any])
        blocks.insert(["type": "pullquote", "content": "Either with the workers or against them: there is no third way for the transition.",
                       "attribution": "A union organiser"], at: min(position, blocks.count))
        object["blocks"] = blocks
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test(arguments: ["article-a4", "magazine-a4", "magazine-tabloid"], [3, 6, 9, 12, 15])
    func aPullQuoteStaysWholeBetweenItsRules(_ layoutName: String, _ position: Int) throws {
        let resources = GalleyResources(root: Workspace.root)
        let sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load(layoutName)
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pulled.json").path
        try article(pullQuoteAt: position).write(to: URL(fileURLWithPath: path))
        let document = try ArticleRenderer(sheet: sheet, resources: resources).layout(try ArticleSource.read(path))
        let size = (sheet.styles.pullQuote ?? sheet.styles.quote).size.points
        // The example is of the Ecology section, which a layout may give its own accent.
        let accent = Color(hex: sheet.accented(forSection: "Ecology").styles.kicker.color)
        var found = 0
        for page in document.pages {
            let lines = page.items.filter { item in
                guard case .glyphs(let run, _) = item.item else { return false }
                return run.size == size && run.text.contains(where: \.isLetter) && item.node >= 0
            }
            guard !lines.isEmpty else { continue }
            found += 1
            // The two rules in the kicker's colour, one point thick, above and below the text, in the same column.
            let rules = page.items.compactMap { item -> (y: Double, x: Double, width: Double)? in
                guard case .rule(let box, let color) = item.item, box.height == 1, color == accent else { return nil }
                return (item.origin.y, item.origin.x, box.width)
            }
            try #require(rules.count == 2, "\(layoutName), at \(position): \(rules)")
            let top = min(rules[0].y, rules[1].y), bottom = max(rules[0].y, rules[1].y)
            for line in lines {
                #expect(line.origin.y > top && line.origin.y < bottom, "the quote's text stands between its rules")
                #expect(line.origin.x >= rules[0].x - 0.01 && line.origin.x <= rules[0].x + rules[0].width, "in the rules' column")
            }
        }
        #expect(found == 1, "the pull quote is on exactly one page (\(layoutName), at \(position))")
        let text = document.pages.flatMap(\.items).compactMap { item -> String? in
            if case .glyphs(let run, _) = item.item { return run.text }
            return nil
        }.joined()
        #expect(text.contains("A union organiser"))
    }
}
