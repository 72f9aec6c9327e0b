import Foundation
import Testing
import GalleyDiagnostics
import GalleyStyle

/// Checks the `columns` key of a layout: what it reads, what it refuses (with file, line and key), and how narrow
/// columns change the line-breaking parameters.
@Suite struct ColumnSettingsTests {
    typealias BadColumns = StyleSheetLoaderTests.BadValue

    @Test(arguments: [
        BadColumns(yaml: "  count: 9\n  gutter: 12", path: "columns.count", message: "from 1 to 6"),
        BadColumns(yaml: "  count: 2\n  gutter: -4", path: "columns.gutter", message: "cannot be negative"),
        BadColumns(yaml: "  count: 2\n  gutter: 12\n  rule: 20", path: "columns.rule", message: "from 0 to the gutter's width"),
        BadColumns(yaml: "  count: 2\n  gutter: 12\n  ruleColor: grey", path: "columns.ruleColor", message: "is not a colour"),
        BadColumns(yaml: "  count: 6\n  gutter: 30", path: "columns", message: "at least 72 pt is needed"),
        BadColumns(yaml: "  count: 2\n  gutter: 12\n  lineBreaking: {tolerance: 0}", path: "columns.lineBreaking.tolerance", message: "must be positive"),
        BadColumns(yaml: "  count: 2\n  gutter: 12\n  lineBreaking: {spaceShrink: 2}", path: "columns.lineBreaking.spaceShrink", message: "between 0 and 1"),
        BadColumns(yaml: "  count: 2\n  gutter: 12\n  lineBreaking: {stretch: 2}", path: "columns.lineBreaking.stretch", message: "unknown key"),
        BadColumns(yaml: "  gutter: 12", path: "columns.count", message: "missing required field \"count\""),
    ])
    func badColumnsGiveAClearError(_ bad: BadColumns) throws {
        // On the `columns:` line (a missing field) or one of the lines under it.
        let lastLine = 2 + bad.yaml.split(separator: "\n").count
        try StyleSheetLoaderTests.expectRefused(bad, under: "columns", onLines: 2...lastLine)
    }

    @Test func theMagazineLayoutsSetColumnsAndLooserBreaking() throws {
        let two = try StyleSheetLoaderTests.loader.load("magazine-a4")
        let columns = try #require(two.columns)
        #expect(columns.count == 2)
        #expect(abs(columns.gutter.points - 6 * 72 / 25.4) < 1e-9)
        #expect(abs(columns.width(in: two.textWidth) * 2 + columns.gutter.points - two.textWidth) < 1e-9)
        #expect(two.bodyLineBreaking.tolerance == 400 && two.lineBreaking.tolerance == 200)
        #expect(two.bodyLineBreaking.linePenalty == two.lineBreaking.linePenalty, "a field the overrides leave out keeps the layout's value")
        let three = try StyleSheetLoaderTests.loader.load("magazine-tabloid")
        #expect(three.columns?.count == 3 && three.columns?.rule == columns.rule, "extends merges the columns key by key")
        // One column is the single-column page, whatever its overrides say.
        var one = two
        one.columns?.count = 1
        #expect(one.bodyLineBreaking == one.lineBreaking)
        #expect(try StyleSheetLoaderTests.loader.load("article-a4").columns == nil)
    }

    @Test func columnsAreLaidOutInReadingOrderEitherWay() {
        let columns = ColumnSettings(count: 3, gutter: 10)
        #expect(columns.width(in: 320) == 100)
        #expect((0..<3).map { columns.left(of: $0, in: 320, rightToLeft: false) } == [0, 110, 220])
        #expect((0..<3).map { columns.left(of: $0, in: 320, rightToLeft: true) } == [220, 110, 0])
    }
}
