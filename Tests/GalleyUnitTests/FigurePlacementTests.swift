import GalleyLayout
import GalleyStyle
import Testing

/// Where the page builder puts a figure met part-way down a page or column: the layout's preferred place where it
/// fits, never above the text before it, and back in the text when the page ends before it.
@Suite struct FigurePlacementTests {
    static func line(_ index: Int) -> VerticalNode {
        .box(VerticalBox(height: 10, items: [], kind: .line(paragraph: 0, index: index, count: 10)))
    }

    /// A figure 30 pt high whose last 4 pt are the space after its caption.
    static var figure: VerticalNode {
        var box = VerticalBox(height: 30, items: [], kind: .float)
        box.spaceBelow = 4
        return .box(box)
    }

    /// Lines `range` with a break allowed between each two.
    static func lines(_ range: Range<Int>, between: Double = 0) -> [VerticalNode] {
        range.flatMap { index in index == range.lowerBound ? [line(index)] : [.penalty(between), line(index)] }
    }

    /// Lines `range`, each after a break allowed at `cost`: the text that goes on after a figure.
    static func after(_ range: Range<Int>, cost: Double = 0) -> [VerticalNode] {
        range.flatMap { [.penalty(cost), line($0)] }
    }

    /// A frame as letters in the order its boxes are placed: L a line, F a figure.
    static func kinds(_ pages: [[PageBuilder.Placement]]) -> [String] {
        pages.map { $0.map { $0.box.kind == .float ? "F" : "L" }.joined() }
    }

    static func builder(_ placement: [FigurePlacement]) -> PageBuilder {
        var builder = PageBuilder(pageHeight: 100)
        builder.figurePlacement = placement
        return builder
    }

    /// Preferring the foot: the figure met after three lines goes to the page's foot (26 pt of it and 12 pt above it),
    /// the lines after it fill the 62 pt above, and its caption ends at the foot, below every line of the page.
    @Test func aFigureGoesToTheFootOfItsPageAndTheTextFillsAboveIt() throws {
        let list = Self.lines(0..<3) + [.penalty(0), Self.figure] + Self.after(3..<10)
        let pages = Self.builder([.bottom, .top]).build(list)
        #expect(Self.kinds(pages) == ["LLLLLLF", "LLLL"])
        let figure = try #require(pages[0].first { $0.box.kind == .float })
        #expect(abs(figure.y + figure.box.height - figure.box.spaceBelow - 100) < 0.001, "the caption ends at the foot")
        let lastLine = pages[0].filter { $0.box.kind != .float }.map { $0.y + $0.box.height }.max() ?? 0
        #expect(lastLine <= figure.y - 12 + 0.001, "the text stays 12 pt above the figure")
    }

    /// The same list where the figure falls: between the third and the fourth line, with the four lines that fit under it.
    @Test func byDefaultAFigureStaysWhereItFallsWhenItFits() {
        let list = Self.lines(0..<3) + [.penalty(0), Self.figure] + Self.after(3..<10)
        #expect(Self.kinds(PageBuilder(pageHeight: 100).build(list)) == ["LLLFLLLL", "LLL"])
    }

    /// Preferring the top of the next page: the figure waits there although it would fit, and the text goes on.
    @Test func preferringTheTopAFigureWaitsForTheNextPage() {
        let list = Self.lines(0..<3) + [.penalty(0), Self.figure] + Self.after(3..<12)
        #expect(Self.kinds(Self.builder([.top, .bottom]).build(list)) == ["LLLLLLLLLL", "FLL"])
    }

    /// A figure that fits neither where it falls nor at the foot goes on top of the next page, whatever the order.
    @Test func aFigureWithNoRoomLeftGoesOnTopOfTheNextPage() {
        let list = Self.lines(0..<8) + [.penalty(0), Self.figure] + Self.after(8..<12)
        for placement: [FigurePlacement] in [[.here], [.bottom], [.bottom, .here]] {
            #expect(Self.kinds(Self.builder(placement).build(list)) == ["LLLLLLLLLL", "FLL"], "\(placement)")
        }
    }

    /// A figure met at the top of a page stays there: it is at the top, and nothing before it moves below it.
    @Test func aFigureAtTheTopOfAPageStaysThere() {
        let list = Self.lines(0..<10) + [.penalty(0), Self.figure] + Self.after(10..<13)
        #expect(Self.kinds(Self.builder([.bottom]).build(list)) == ["LLLLLLLLLL", "FLLL"])
    }

    /// The page ends before the figure's place (lines 3 and 4 are kept together with the figure's paragraph and
    /// cannot end this page): the figure lifted to the foot goes back to its place, on the next page after line 4,
    /// and is never on a page above the text before it.
    @Test func aFigureWhosePlaceMovesToTheNextPageGoesWithIt() {
        var list = Self.lines(0..<3)
        list += [.penalty(0), Self.line(3), .penalty(Penalty.infinity), Self.line(4), .penalty(Penalty.infinity), Self.figure]
        list += Self.after(5..<10, cost: Penalty.infinity)
        list += Self.after(10..<14)
        let pages = Self.builder([.bottom, .top]).build(list)
        let kinds = Self.kinds(pages)
        #expect(!kinds[0].contains("F"), "\(kinds)")
        #expect(kinds.joined().filter { $0 == "F" }.count == 1, "the figure is placed once: \(kinds)")
        #expect(kinds.joined().filter { $0 == "L" }.count == 14, "every line is placed: \(kinds)")
    }
}
