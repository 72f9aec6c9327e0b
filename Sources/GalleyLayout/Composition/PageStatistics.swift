/// Counts widows, orphans and stranded headings in a finished page break.
enum PageStatistics {
    /// Counts over `pages`, the frames the page builder filled (pages, or columns), each on the page
    /// `pageOfFrame` gives (counted from 0).
    static func count(_ pages: [[PageBuilder.Placement]], pageOfFrame: [Int], into quality: inout QualityReport) {
        // Problem lines learn their page, footnote lines included.
        for (index, page) in pages.enumerated() {
            for placement in page {
                for box in [placement.box] + placement.box.notes.flatMap({ $0 }) {
                    if let note = box.lineNote, note < quality.lineNotes.count { quality.lineNotes[note].page = pageOfFrame[index] + 1 }
                }
            }
        }
        for (index, page) in pages.enumerated() where index < pages.count - 1 {
            guard let last = page.last(where: { $0.box.kind != .note })?.box else { continue }
            if last.kind == .heading { quality.strandedHeadings += 1 }
            if case .line(let paragraph, let lineIndex, let count) = last.kind, lineIndex < count - 1 {
                if lineIndex == 0 { quality.orphans += 1 }
                if case .line(let nextParagraph, let nextIndex, _)? = pages[index + 1].first(where: { $0.box.kind != .note })?.box.kind,
                   nextParagraph == paragraph, nextIndex == count - 1 {
                    quality.widows += 1
                }
            }
        }
    }
}
