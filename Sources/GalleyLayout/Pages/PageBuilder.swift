/// Breaks the main column's vertical list into pages, choosing each break by cost.
///
/// For every page it weighs all feasible breaks — penalties (widows, orphans, keeps) plus the
/// badness of the space left empty — and takes the cheapest; ties go to the fuller page. A break
/// that would leave nothing fitting is never taken, and material taller than a page is set alone on
/// one, so the builder always advances.
public struct PageBuilder: Sendable {
    /// The height of the text block.
    public var pageHeight: Double

    /// Creates a builder for pages of `pageHeight` points.
    public init(pageHeight: Double) {
        self.pageHeight = pageHeight
    }

    /// A box placed on a page, `y` from the top of the text block.
    public typealias Placement = (y: Double, box: VerticalBox)

    /// The boxes of each page with their vertical positions.
    public func build(_ list: [VerticalNode]) -> [[Placement]] {
        var pages: [[Placement]] = []
        var start = 0
        while true {
            start = skipDiscardable(list, from: start)
            guard start < list.count else { break }
            let end = chooseBreak(list, from: start)
            pages.append(place(list, from: start, to: end.contentEnd))
            start = end.next
        }
        return pages
    }

    private func skipDiscardable(_ list: [VerticalNode], from index: Int) -> Int {
        var start = index
        while start < list.count {
            if case .box = list[start] { break }
            start += 1
        }
        return start
    }

    private func isBreakpoint(_ list: [VerticalNode], _ index: Int) -> Bool {
        switch list[index] {
        case .penalty(let cost): return cost < Penalty.infinity
        case .space: if index > 0, case .box = list[index - 1] { return true }; return false
        case .box: return false
        }
    }

    /// Badness of a page with `remaining` points left empty: cubic, as TeX's.
    private func badness(remaining: Double) -> Double {
        let fraction = max(0, remaining) / pageHeight
        return min(10_000 * fraction * fraction * fraction, 9_999)
    }

    private func chooseBreak(_ list: [VerticalNode], from start: Int) -> (contentEnd: Int, next: Int) {
        var height = 0.0
        var best: (index: Int, cost: Double)?
        var rescue: (index: Int, cost: Double)?
        var index = start
        while index < list.count {
            if index > start, isBreakpoint(list, index) || isForbiddenBreak(list, index) {
                let penalty: Double
                if case .penalty(let cost) = list[index] { penalty = cost } else { penalty = 0 }
                if penalty <= -Penalty.infinity { return (index, index + 1) }
                let cost = penalty + badness(remaining: pageHeight - height)
                if penalty < Penalty.infinity {
                    if best == nil || cost <= best!.cost { best = (index, cost) }
                } else if rescue == nil || cost <= rescue!.cost {
                    rescue = (index, cost)
                }
            }
            switch list[index] {
            case .box(let box): height += box.height
            case .space(let space): height += space
            case .penalty: break
            }
            if height > pageHeight + 0.001 {
                if let chosen = best ?? rescue { return (chosen.index, chosen.index + 1) }
                // Nothing to break at: the overflowing box goes alone on this page.
                let end = index == start ? index + 1 : index
                return (end, end)
            }
            index += 1
        }
        return (list.count, list.count)
    }

    /// A penalty of `Penalty.infinity` is kept as a last-resort break, for lists that forbid every break.
    private func isForbiddenBreak(_ list: [VerticalNode], _ index: Int) -> Bool {
        if case .penalty(let cost) = list[index] { return cost >= Penalty.infinity }
        return false
    }

    private func place(_ list: [VerticalNode], from start: Int, to end: Int) -> [Placement] {
        var result: [Placement] = []
        var y = 0.0
        for node in list[start..<min(end, list.count)] {
            switch node {
            case .box(let box):
                result.append((y, box))
                y += box.height
            case .space(let space): y += space
            case .penalty: break
            }
        }
        return result
    }
}
