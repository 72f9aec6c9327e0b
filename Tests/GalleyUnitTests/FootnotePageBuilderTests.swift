import GalleyLayout
import Testing

/// Checks how the page builder places footnotes: with their call, split across pages when long, floats deferred.
@Suite struct FootnotePageBuilderTests {
    static func body(_ index: Int, notes: [[VerticalBox]] = []) -> VerticalNode {
        var box = VerticalBox(height: 10, items: [], kind: .line(paragraph: 0, index: index, count: 10))
        box.notes = notes
        return .box(box)
    }

    static func noteLines(_ count: Int) -> [VerticalBox] {
        (0..<count).map { VerticalBox(height: 10, items: [], kind: .note, anchors: [OutlineEntry(title: "n\($0)", level: 0, destination: "", page: 0)]) }
    }

    /// (body lines, note lines) per page.
    static func shape(_ pages: [[PageBuilder.Placement]]) -> [(Int, Int)] {
        pages.map { page in
            (page.filter { if case .line = $0.box.kind { return true }; return false }.count,
             page.filter { $0.box.kind == .note && !$0.box.anchors.isEmpty }.count)
        }
    }

    /// Ten body lines of 10 pt on 100 pt pages, the third calling a ten-line note; 8 pt separate text and notes.
    /// Page 1 holds seven lines (70 + 8 + two note lines = 98; an eighth line would leave no room for the
    /// note's first two lines), and two lines of the note; page 2 the other three lines and six note lines;
    /// page 3 the note's last two lines.
    @Test func aLongNoteStartsWithItsCallAndContinuesOnTheNextPages() {
        var list: [VerticalNode] = []
        for index in 0..<10 {
            if index > 0 { list.append(.penalty(0)) }
            list.append(Self.body(index, notes: index == 2 ? [Self.noteLines(10)] : []))
        }
        let pages = PageBuilder(pageHeight: 100, noteSeparation: 8).build(list)
        let shape = Self.shape(pages)
        #expect(shape.map(\.0) == [7, 3, 0])
        #expect(shape.map(\.1) == [2, 6, 2])
        // Notes sit at the foot: the last note line ends at the bottom of the text block.
        let lastNote = pages[0].last { $0.box.kind == .note }
        #expect(lastNote.map { $0.y + $0.box.height } == 100)
    }

    /// A short note (three lines or fewer) is never split: its call moves to the next page instead.
    @Test func aShortNoteStaysWhole() {
        var list: [VerticalNode] = []
        for index in 0..<9 {
            if index > 0 { list.append(.penalty(0)) }
            list.append(Self.body(index, notes: index == 6 ? [Self.noteLines(3)] : []))
        }
        let pages = PageBuilder(pageHeight: 100, noteSeparation: 8).build(list)
        // Line 7 with its 3-line note needs 70 + 8 + 30 > 100, so it starts page 2 with the whole note.
        #expect(Self.shape(pages).map(\.0) == [6, 3])
        #expect(Self.shape(pages).map(\.1) == [0, 3])
    }

    /// A figure that does not fit waits for the next page while the text after it fills this one.
    @Test func aFigureThatDoesNotFitFloatsToTheNextPage() {
        var list: [VerticalNode] = []
        for index in 0..<6 {
            if index > 0 { list.append(.penalty(0)) }
            list.append(Self.body(index))
        }
        list += [.penalty(0), .box(VerticalBox(height: 60, items: [], kind: .float))]
        for index in 6..<9 { list += [.penalty(0), Self.body(index)] }
        let pages = PageBuilder(pageHeight: 100).build(list)
        let kinds = pages.map { $0.map { $0.box.kind == .float ? "F" : "L" }.joined() }
        #expect(kinds == ["LLLLLLLLL", "F"])
    }
}
