import GalleyStyle

/// Puts full-width pages (the title block that spans the columns) and column frames together on pages, in reading
/// order, with the rules between columns.
///
/// The page builder fills frames one after another without knowing where they stand: frame `n` is column
/// `n % count` of its page. Under a spanning title block the first page's columns start lower, which the builder
/// knows only as those frames' shorter height.
struct ColumnPages {
    /// A box at its place on the text block: `x` from its left edge, `y` from its top.
    typealias PlacedBox = (x: Double, y: Double, box: VerticalBox)

    let columns: ColumnSettings
    let textWidth: Double
    let rightToLeft: Bool

    /// The pages, and for every frame the index of its page.
    ///
    /// `spanPages` are set across the text block; when `columnsTop` is given, the first columns share the last of
    /// them and start that far down, otherwise they start on a page of their own. `floats` are figures across the
    /// columns, by page of frames: they go on top of their page (under the title block on the first), and that page's
    /// columns start `floatSpace` of the page below where they would (the page builder's `reserved(on:)`).
    func assemble(spanPages: [[PageBuilder.Placement]], frames: [[PageBuilder.Placement]], columnsTop: Double?,
                  floats: PageBuilder.PageFloats = [:], floatSpace: (Int) -> Double = { _ in 0 }) -> (pages: [[PlacedBox]], pageOfFrame: [Int]) {
        var pages: [[PlacedBox]] = spanPages.map { page in page.map { (0, $0.y, $0.box) } }
        let firstColumnPage = columnsTop == nil ? pages.count : max(0, pages.count - 1)
        var pageOfFrame: [Int] = []
        // Where each page's columns start: under the title block, then under the page's figures across them.
        var tops: [Int: Double] = [:]
        for (framePage, boxes) in floats.sorted(by: { $0.key < $1.key }) where !boxes.isEmpty {
            let page = firstColumnPage + framePage
            let start = page == firstColumnPage ? columnsTop ?? 0 : 0
            var y = start
            while pages.count <= page { pages.append([]) }
            for box in boxes {
                pages[page].append((0, y, box))
                y += box.height
            }
            tops[page] = start + floatSpace(framePage)
        }
        func top(of page: Int) -> Double { tops[page] ?? (page == firstColumnPage ? columnsTop ?? 0 : 0) }
        for (index, frame) in frames.enumerated() {
            let page = firstColumnPage + index / columns.count
            let column = index % columns.count
            let x = columns.left(of: column, in: textWidth, rightToLeft: rightToLeft)
            while pages.count <= page { pages.append([]) }
            pages[page] += frame.map { (x, top(of: page) + $0.y, $0.box) }
            pageOfFrame.append(page)
        }
        guard columns.rule.points > 0 else { return (pages, pageOfFrame) }
        // A rule stands in each gutter that has text on both sides, as deep as the deeper of the two columns: between
        // each frame and the one before it on the same page (a page's frames come one after another).
        let thickness = columns.rule.points
        for (left, right) in zip(frames.indices, frames.indices.dropFirst()) where pageOfFrame[left] == pageOfFrame[right] && !frames[right].isEmpty {
            let page = pageOfFrame[right]
            let top = top(of: page)
            let depth = [left, right].map { frame in frames[frame].map { $0.y + $0.box.height }.max() ?? 0 }.max() ?? 0
            // The gutter starts where the left one of the two columns ends, whichever is read first.
            let gutter = [left, right].map { columns.left(of: $0 % columns.count, in: textWidth, rightToLeft: rightToLeft) }.min()!
                + columns.width(in: textWidth)
            let rule = PositionedItem(Point(x: 0, y: 0), .rule(Size(width: thickness, height: depth), color: Color(hex: columns.ruleColor)))
            pages[page].append((gutter + (columns.gutter.points - thickness) / 2, top, VerticalBox(height: depth, items: [rule], kind: .other)))
        }
        return (pages, pageOfFrame)
    }
}
