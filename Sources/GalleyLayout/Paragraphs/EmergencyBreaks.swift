/// Words wider than the measure (a long address, an identifier, a run of letters with no space), cut between their
/// characters as a last resort: the only way to keep such a line inside the page.
///
/// Made only after a paragraph has come out with an overfull line, so ordinary text never pays for it. The cuts
/// carry no hyphen (the words are mostly not words) and a high penalty, so that a line breaks inside a word only
/// where nothing else fits.
enum EmergencyBreaks {
    /// The cost of breaking inside an over-long word.
    static let penalty = 1_000.0

    /// How many measures wide a stretch may be and still be cut after every cluster; a wider one (a pasted blob, a
    /// megabyte of letters) starts a line of its own and is cut into slices that fill each line, so that its cost
    /// grows with its lines, not its characters (a 5 MB word took 60 s and 3.3 GB cut after every character).
    static let fineCutMeasures = 4.0

    /// `nodes` with every stretch of material wider than `width` between two break points (one long word, or a
    /// word made of several runs, like an address whose parts break elsewhere) cut after each of its clusters, or,
    /// past `fineCutMeasures` lines, into line-filling slices; also the number of stretches cut and the text of the first.
    static func cut(_ nodes: [Node], wider width: Double) -> (nodes: [Node], count: Int, first: String?) {
        let measure = NodeMeasure(nodes)
        var cutting = [Bool](repeating: false, count: nodes.count)
        // The first index of each stretch too wide to cut finely, and where it ends.
        var slicing: [Int: Int] = [:]
        var count = 0
        var first: String?
        var start = 0
        var total = 0.0
        func close(_ end: Int) {
            defer { (start, total) = (end + 1, 0) }
            guard total > width else { return }
            count += 1
            if total > width * fineCutMeasures {
                slicing[start] = min(end, nodes.count)
            } else {
                for index in start..<min(end, nodes.count) { cutting[index] = true }
            }
            // Only the first stretch's text is reported; a megabyte word is not copied for each one after it.
            guard first == nil else { return }
            first = nodes[start..<min(end, nodes.count)].reduce(into: "") { text, node in
                if case .box(let box) = node, let run = box.run { text += run.text }
            }
        }
        for index in nodes.indices {
            if measure.isBreakpoint(index, hyphenate: true) { close(index) } else { total += nodes[index].width }
        }
        close(nodes.count)
        guard count > 0 else { return (nodes, 0, nil) }
        var result: [Node] = []
        result.reserveCapacity(nodes.count * 2)
        // A break may come between any two clusters of a cut stretch, also where one run meets the next.
        var afterCut = false
        var skipUntil = 0
        for (index, node) in nodes.enumerated() {
            if index < skipUntil { continue }
            if let end = slicing[index] {
                appendSlices(of: nodes[index..<end], width: width, to: &result)
                skipUntil = end
                afterCut = false
                continue
            }
            guard cutting[index], case .box(let box) = node, let run = box.run else {
                result.append(node)
                if case .kern = node {} else { afterCut = false }
                continue
            }
            // Right-to-left runs stay whole: their clusters fall from the end, and the breaks between runs suffice.
            for piece in run.isRightToLeft ? [run] : run.clusterPieces() {
                if afterCut { result.append(.penalty(Penalty(cost: penalty))) }
                var part = Box(run: piece, style: box.style)
                part.level = box.level
                result.append(.box(part))
                afterCut = true
            }
        }
        return (result, count, first)
    }

    /// Appends a stretch far wider than the line: on a line of its own (the line before is ended ragged), cut into
    /// slices that each fill a line, every line but the last ended ragged; its last slice shares its line with what
    /// follows.
    private static func appendSlices(of stretch: ArraySlice<Node>, width: Double, to result: inout [Node]) {
        let fill = Node.glue(Glue(width: 0, stretch: Glue.fill, shrink: 0))
        let forcedBreak = Node.penalty(Penalty(cost: -Penalty.infinity))
        while let last = result.last, case .glue = last { result.removeLast() }
        if result.contains(where: { if case .box(let box) = $0 { box.run != nil } else { false } }) {
            result += [fill, forcedBreak]
        }
        var used = 0.0
        for node in stretch {
            guard case .box(let box) = node, let run = box.run, !run.isRightToLeft else {
                used += node.width
                result.append(node)
                continue
            }
            for slice in run.slices(firstWidth: max(width - used, 0), width: width) {
                if used > 0, used + slice.width > width + 0.001 {
                    result += [fill, forcedBreak]
                    used = 0
                }
                var part = Box(run: slice, style: box.style)
                part.level = box.level
                result.append(.box(part))
                used += slice.width
            }
        }
    }
}
