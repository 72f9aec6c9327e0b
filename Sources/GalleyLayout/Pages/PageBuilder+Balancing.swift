extension PageBuilder {
    /// Fills frames `columns` to a page, as `build` does, then shortens the last page's columns to the least height
    /// that still holds what they hold, so that they end level instead of one full column beside an empty one.
    ///
    /// The frames before the last page are the same in every pass (the same list broken with the same heights), so
    /// only the last page changes.
    func buildBalanced(_ list: [VerticalNode], columns: Int, maxPages: Int = .max) -> (frames: [[Placement]], floats: PageFloats) {
        let first = buildWithPageFloats(list, maxPages: maxPages)
        let frames = first.frames
        guard columns > 1, frames.count < maxPages else { return first }
        let firstOfLastPage = (frames.count - 1) / columns * columns
        let full = height(ofFrame: firstOfLastPage)
        let before = (0..<firstOfLastPage).map { height(ofFrame: $0) }
        func attempt(_ height: Double) -> (frames: [[Placement]], floats: PageFloats)? {
            var shorter = self
            shorter.firstFrameHeights = before + Array(repeating: height, count: columns)
            let result = shorter.buildWithPageFloats(list, maxPages: firstOfLastPage + columns + 1)
            // Neither text nor a figure across the columns may move to a page more.
            let lastPage = firstOfLastPage / columns
            guard result.frames.count <= firstOfLastPage + columns, (result.floats.keys.max() ?? 0) <= max(lastPage, first.floats.keys.max() ?? 0)
            else { return nil }
            return result
        }
        // The full height holds the last page's material (the first pass set it so); a height that does not hold it in
        // `columns` frames pushes material to a page more, which `attempt` refuses. Halve down to half a point.
        var low = 0.0
        var high = full
        var best = first
        for _ in 0..<12 where high - low > 0.5 {
            let middle = (low + high) / 2
            if let balanced = attempt(middle) {
                best = balanced
                high = middle
            } else {
                low = middle
            }
        }
        return best
    }
}
