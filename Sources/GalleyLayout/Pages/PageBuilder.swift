import GalleyStyle

/// Breaks the main column's vertical list into pages, choosing each break by cost.
///
/// For every page it weighs all feasible breaks — penalties (widows, orphans, keeps) plus the
/// badness of the space left empty — and takes the cheapest; ties go to the fuller page. Footnotes
/// travel with the line that calls them: at least their first lines stay on that page and the rest
/// continue at the foot of the next. A figure met part-way down a page (or column) goes where the
/// layout prefers and it fits: where it falls, at the foot of that page, or on top of the next, while the text goes
/// on before it; never above the text before it. Forbidden breaks are only a last resort, and material taller
/// than a page is set alone, so the builder always advances.
public struct PageBuilder: Sendable {
    /// The height of the text block.
    public var pageHeight: Double
    /// The heights of the first frames when they are shorter than `pageHeight`: the columns under a title block that
    /// spans them. Every later frame (a page, or a column) is `pageHeight` high.
    public var firstFrameHeights: [Double] = []
    /// Space between the text and the footnote rule, and between the rule and the notes.
    public var noteSeparation: Double
    /// The footnote rule's length and thickness.
    public var noteRule: (width: Double, thickness: Double, color: Color)
    /// The grid the lines of paragraphs sit on, if any: their baselines go down to the next grid line, and what
    /// stands between them (headings, figures, space) is followed by as much space as that takes.
    public var grid: BaselineGrid?
    /// How many frames make a page (its columns): a figure set across the columns goes on top of a page, over all of
    /// its frames, which are that much shorter.
    public var framesPerPage = 1
    /// The space between a floating figure and the text beside it: under a figure across the columns, above one at the
    /// foot of a column.
    public var spanGap = 12.0
    /// The places a figure met part-way down a frame may take, in order of preference; on top of the next frame is
    /// the last resort whatever the order.
    public var figurePlacement: [FigurePlacement] = FigureSettings.defaultPlacement
    /// Figures across the columns by page (counted from the first page of frames), in reading order.
    public typealias PageFloats = [Int: [VerticalBox]]

    /// Creates a builder for pages of `pageHeight` points.
    public init(pageHeight: Double, noteSeparation: Double = 8, noteRule: (width: Double, thickness: Double, color: Color) = (120, 0.5, .black)) {
        self.pageHeight = pageHeight
        self.noteSeparation = noteSeparation
        self.noteRule = noteRule
    }

    /// A box placed on a page, `y` from the top of the text block.
    public typealias Placement = (y: Double, box: VerticalBox)

    /// The boxes of each page (or column: a frame) with their vertical positions, at most `maxPages` of them (a
    /// runaway article stops there rather than fill a million pages).
    public func build(_ input: [VerticalNode], maxPages: Int = .max) -> [[Placement]] {
        buildWithPageFloats(input, maxPages: maxPages).frames
    }

    /// The frames, as `build` makes them, and the figures across the columns on top of each page.
    ///
    /// A figure across the columns never stands before its place in the text: met at the very start of a page's first
    /// frame it goes on top of that page, anywhere else on top of the next (or the first after it with room: a
    /// page's figures take at most 70 % of it, but one figure always goes).
    public func buildWithPageFloats(_ input: [VerticalNode], maxPages: Int = .max) -> (frames: [[Placement]], floats: PageFloats) {
        var list = input
        var pages: [[Placement]] = []
        var carried: [VerticalBox] = []
        var floats: PageFloats = [:]
        var start = 0
        while pages.count < maxPages {
            start = skipDiscardable(list, from: start)
            let page = pages.count / max(1, framesPerPage)
            if pages.count % max(1, framesPerPage) == 0 {
                while start < list.count, case .box(let box) = list[start], box.spansColumns, fits(box, on: page, floats) {
                    floats[page, default: []].append(box)
                    list.remove(at: start)
                    start = skipDiscardable(list, from: start)
                }
            }
            guard start < list.count || !carried.isEmpty else { break }
            let height = height(ofFrame: pages.count) - reserved(on: page, floats)
            let decision = chooseBreak(&list, from: start, carried: carried, height: height, page: page, floats: &floats)
            let body = bodyBoxes(list, from: start, to: decision.contentEnd)
            let footNotes = decision.foot.flatMap { $0.notes.flatMap { $0 } }
            let (placed, remaining) = place(body, notes: carried + notes(of: body) + footNotes, repeating: header(for: list, at: start), height: height,
                                            foot: decision.foot)
            pages.append(placed)
            carried = remaining
            list.insert(contentsOf: decision.deferred.map { .box($0) }, at: min(decision.next, list.count))
            start = decision.next
        }
        return (pages, floats)
    }

    /// The height the figures across the columns take on top of `page`, with the space under them; on a grid, a whole
    /// number of grid lines, so that the columns under them stay on it.
    public func reserved(on page: Int, _ floats: PageFloats) -> Double {
        guard let boxes = floats[page], !boxes.isEmpty else { return 0 }
        let height = boxes.reduce(0) { $0 + $1.height } + spanGap
        return grid?.roundedUp(height) ?? height
    }

    /// Whether `box` may go on top of `page` besides the figures already there.
    private func fits(_ box: VerticalBox, on page: Int, _ floats: PageFloats) -> Bool {
        guard let boxes = floats[page], !boxes.isEmpty else { return true }
        return reserved(on: page, floats) + box.height <= 0.7 * height(ofFrame: page * max(1, framesPerPage))
    }

    /// The height of frame `index`.
    func height(ofFrame index: Int) -> Double {
        index < firstFrameHeights.count ? firstFrameHeights[index] : pageHeight
    }

    // MARK: Choosing the break

    private struct Decision {
        var contentEnd: Int
        var next: Int
        /// Figures that go on top of the next frame.
        var deferred: [VerticalBox]
        /// Figures set at the foot of this frame.
        var foot: [VerticalBox] = []
    }

    /// Running totals while a page fills.
    private struct Fill {
        var body = 0.0
        var mandatoryNotes = 0.0
        var allNotes = 0.0
        /// What the figures at the frame's foot take, with the space above them.
        var foot = 0.0

        func height(separation: Double) -> Double {
            body + foot + (allNotes > 0 ? separation : 0) + mandatoryNotes
        }
    }

    /// A figure taken out of the list while a frame fills, with the place it had, so that it can go back there if the
    /// frame ends before it.
    private struct Lifted {
        var position: Int
        var box: VerticalBox
        var toFoot: Bool
    }

    /// The height a figure takes at a frame's foot: itself without the space after it, and the space above it.
    private func footHeight(of box: VerticalBox) -> Double {
        box.height - box.spaceBelow + spanGap
    }

    private func chooseBreak(_ list: inout [VerticalNode], from start: Int, carried: [VerticalBox], height pageHeight: Double,
                             page: Int, floats: inout PageFloats) -> Decision {
        var fill = Fill()
        let carriedHeights = carried.map(\.height)
        fill.mandatoryNotes = carriedHeights.prefix(2).reduce(0, +)
        fill.allNotes = carriedHeights.reduce(0, +)
        if start < list.count, case .box(let first) = list[start] { fill.body += first.repeatedHeader.reduce(0) { $0 + $1.height } }
        var best: (index: Int, cost: Double)?
        var rescue: (index: Int, cost: Double)?
        var lifted: [Lifted] = []
        // The frame ends before `end`: the figures lifted from before it go on top of the next frame or at this one's
        // foot; those lifted from after it go back where they were, as the next frame's text.
        func decide(_ end: Int, next: Int) -> Decision {
            let kept = lifted.filter { $0.position <= end }
            for figure in lifted.reversed() where figure.position > end { list.insert(.box(figure.box), at: figure.position) }
            return Decision(contentEnd: end, next: next, deferred: kept.filter { !$0.toFoot }.map(\.box),
                            foot: kept.filter(\.toFoot).map(\.box))
        }
        var index = start
        while index < list.count {
            if index > start, isBreakCandidate(list, index) {
                let penalty: Double
                if case .penalty(let cost) = list[index] { penalty = cost } else { penalty = 0 }
                if penalty <= -Penalty.infinity { return decide(index, next: index + 1) }
                let used = min(pageHeight, fill.body + fill.foot + (fill.allNotes > 0 ? noteSeparation : 0) + fill.allNotes)
                let cost = penalty + badness(remaining: pageHeight - used, of: pageHeight)
                if penalty < Penalty.infinity {
                    if best == nil || cost <= best!.cost { best = (index, cost) }
                } else if rescue == nil || cost <= rescue!.cost {
                    rescue = (index, cost)
                }
            }
            var next = fill
            if case .box(let box) = list[index], box.spansColumns {
                // Across the columns, on top of a later page; the text goes on here.
                var target = page + 1
                while !fits(box, on: target, floats) { target += 1 }
                floats[target, default: []].append(box)
                list.remove(at: index)
                continue
            }
            switch list[index] {
            case .box(let box):
                next.body = top(of: box, after: next.body) + box.height
                for note in box.notes {
                    let heights = note.map(\.height)
                    // A short note stays whole; a long one keeps at least two lines with its call.
                    next.mandatoryNotes += heights.count <= 3 ? heights.reduce(0, +) : heights.prefix(2).reduce(0, +)
                    next.allNotes += heights.reduce(0, +)
                }
                if box.kind == .float, index > start {
                    // A figure part-way down the frame: the first place the layout prefers where it fits, and the top
                    // of the next frame when none does. The text goes on where it was.
                    let fitsHere = next.height(separation: noteSeparation) <= pageHeight + 0.001
                    var atFoot = next
                    atFoot.body = fill.body
                    atFoot.foot += footHeight(of: box)
                    let fitsAtFoot = atFoot.height(separation: noteSeparation) <= pageHeight + 0.001
                    let place = figurePlacement.first { place in
                        switch place {
                        case .here: return fitsHere
                        case .bottom: return fitsAtFoot
                        case .top: return true
                        }
                    } ?? .top
                    if place != .here {
                        lifted.append(Lifted(position: index, box: box, toFoot: place == .bottom))
                        list.remove(at: index)
                        if place == .bottom { fill = atFoot }
                        continue
                    }
                }
            case .space(let space): next.body += space
            case .penalty: break
            }
            if next.height(separation: noteSeparation) > pageHeight + 0.001 {
                if let chosen = best ?? rescue { return decide(chosen.index, next: chosen.index + 1) }
                // Nothing to break at: the overflowing box goes alone on this page.
                let end = index == start ? index + 1 : index
                return decide(end, next: end)
            }
            fill = next
            index += 1
        }
        return decide(list.count, next: list.count)
    }

    private func isBreakCandidate(_ list: [VerticalNode], _ index: Int) -> Bool {
        switch list[index] {
        case .penalty: return true
        case .space: if index > 0, case .box = list[index - 1] { return true }; return false
        case .box: return false
        }
    }

    private func skipDiscardable(_ list: [VerticalNode], from index: Int) -> Int {
        var start = index
        while start < list.count {
            if case .box = list[start] { break }
            start += 1
        }
        return start
    }

    /// Where `box` is set when the material before it ends at `y`: there, or on a grid, for a line set at the grid's
    /// step (the body's leading: body text, list items, headings of the body's size), as far down as puts its baseline
    /// on the next grid line. Other material (headings, quotes and captions at their own leading, figures, rules) is
    /// set where it falls, and the space before the next line on the grid takes up the difference.
    func top(of box: VerticalBox, after y: Double) -> Double {
        guard let grid, grid.isStep(box.height), let baseline = box.firstBaseline else { return y }
        switch box.kind {
        case .line, .heading: return grid.top(forBaseline: baseline, below: y)
        default: return y
        }
    }

    /// Badness of a page with `remaining` points left empty: cubic, as TeX's.
    private func badness(remaining: Double, of pageHeight: Double) -> Double {
        let fraction = max(0, remaining) / pageHeight
        return min(10_000 * fraction * fraction * fraction, 9_999)
    }

    // MARK: Placing

    private func bodyBoxes(_ list: [VerticalNode], from start: Int, to end: Int) -> [(space: Double, box: VerticalBox)] {
        var result: [(space: Double, box: VerticalBox)] = []
        var pendingSpace = 0.0
        for node in list[start..<min(end, list.count)] {
            switch node {
            case .box(let box):
                result.append((pendingSpace, box))
                pendingSpace = 0
            case .space(let space): pendingSpace += space
            case .penalty: break
            }
        }
        return result
    }

    private func notes(of body: [(space: Double, box: VerticalBox)]) -> [VerticalBox] {
        body.flatMap { $0.box.notes.flatMap { $0 } }
    }

    private func header(for list: [VerticalNode], at start: Int) -> [VerticalBox] {
        guard start < list.count, case .box(let first) = list[start] else { return [] }
        return first.repeatedHeader
    }

    private func place(_ body: [(space: Double, box: VerticalBox)], notes: [VerticalBox], repeating header: [VerticalBox],
                       height pageHeight: Double, foot: [VerticalBox] = []) -> (page: [Placement], carried: [VerticalBox]) {
        var page: [Placement] = []
        var y = 0.0
        for box in header {
            page.append((y, box))
            y += box.height
        }
        for (space, box) in body {
            y = top(of: box, after: y + space)
            page.append((y, box))
            y += box.height
        }
        let footTotal = foot.reduce(0) { $0 + footHeight(of: $1) }
        // The figures at the foot stand above the footnotes, the last one's caption ending where the notes' space
        // begins (at the frame's foot when there are none).
        func placeFoot(above bottom: Double) {
            var top = bottom - footTotal + spanGap
            for box in foot {
                page.append((top, box))
                top += footHeight(of: box)
            }
        }
        guard !notes.isEmpty else {
            placeFoot(above: pageHeight)
            return (page, [])
        }
        var available = pageHeight - y - footTotal - noteSeparation
        var placed: [VerticalBox] = []
        var index = 0
        // At least two lines of notes per page, so that long notes always advance.
        while index < notes.count, notes[index].height <= available + 0.001 || placed.count < min(2, notes.count) && body.isEmpty {
            available -= notes[index].height
            placed.append(notes[index])
            index += 1
        }
        if placed.isEmpty, index < notes.count {
            placed.append(notes[index])
            index += 1
        }
        let notesHeight = placed.reduce(0) { $0 + $1.height }
        var noteY = pageHeight - notesHeight
        let ruleY = noteY - noteSeparation / 2
        placeFoot(above: noteY - noteSeparation)
        page.append((ruleY, VerticalBox(height: noteRule.thickness,
                                        items: [PositionedItem(Point(x: 0, y: 0), .rule(Size(width: noteRule.width, height: noteRule.thickness), color: noteRule.color))],
                                        kind: .note)))
        for line in placed {
            page.append((noteY, line))
            noteY += line.height
        }
        return (page, Array(notes[index...]))
    }
}
