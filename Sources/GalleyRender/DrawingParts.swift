import GalleyLayout

/// Where a long document's pages are cut into the parts that cairo draws as documents of their own, side by side.
///
/// A cairo surface belongs to one thread, and drawing an issue's pages is most of binding it. Drawn as two parts on
/// two threads, each made ready for the finish on its thread and then joined (`PDFFinisher.prepare`,
/// `finish(prepared:…)`), it takes the second core. The cut depends on the document alone, never on the threads
/// given, so an issue has the same bytes whatever `--jobs` is.
enum DrawingParts {
    /// The page ranges to draw: two parts of about equal drawing work for a document of `minimumPages` pages or
    /// more, else (or with no minimum) the whole document as one. Each part embeds its own subsets of the fonts both
    /// use, a cost a short document does not earn back in time.
    static func ranges(of document: PagedDocument, from minimumPages: Int?) -> [Range<Int>] {
        let count = document.pages.count
        guard let minimumPages, count >= max(2, minimumPages) else { return [0..<count] }
        let costs = document.pages.map(cost)
        let total = costs.reduce(0, +)
        // The first page after which the pages so far hold half the work; each part keeps at least a quarter of
        // the pages, so that one heavy page (a full-page CJK table) cannot leave a part nearly empty.
        var sum = 0
        var cut = count / 2
        for (index, pageCost) in costs.enumerated() {
            sum += pageCost
            if 2 * sum >= total {
                cut = index + 1
                break
            }
        }
        let least = max(1, count / 4)
        cut = min(max(cut, least), count - least)
        return [0..<cut, cut..<count]
    }

    /// What drawing a page costs, roughly: its glyphs (each is measured, placed and written by cairo), and a fixed
    /// share for every other item.
    private static func cost(_ page: Page) -> Int {
        var cost = 1
        for positioned in page.items {
            switch positioned.item {
            case .glyphs(let run, _), .shape(let run, _): cost += run.glyphs.count + 4
            case .image: cost += 400
            case .rule, .link, .destination: cost += 4
            }
        }
        return cost
    }
}
