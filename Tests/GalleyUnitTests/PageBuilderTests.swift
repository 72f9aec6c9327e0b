import Testing
import GalleyLayout

/// Checks page breaking of vertical lists of 10-point lines: forbidden and forced breaks, discarded
/// space, oversized material, and widow protection through penalties.
@Suite struct PageBuilderTests {
    /// Line `index` of `count` lines of paragraph `paragraph`, 10 points high (or `height`).
    static func line(_ paragraph: Int, _ index: Int, of count: Int, height: Double = 10) -> VerticalNode {
        .box(VerticalBox(height: height, items: [], kind: .line(paragraph: paragraph, index: index, count: count)))
    }

    /// Pages as `paragraph.index` labels, e.g. `[["0.0", "0.1"], ["0.2"]]`.
    static func labels(_ pages: [[PageBuilder.Placement]]) -> [[String]] {
        pages.map { page in
            page.map { placement in
                if case .line(let paragraph, let index, _) = placement.box.kind { return "\(paragraph).\(index)" }
                return "?"
            }
        }
    }

    /// Four lines, the break between the second and third forbidden, 25 points per page (room for two).
    /// Page 1 cannot end after line 2, so it ends after line 1; lines 2 and 3 share page 2.
    @Test func forbiddenBreaksAreRespected() {
        let list: [VerticalNode] = [Self.line(0, 0, of: 4), .penalty(0), Self.line(0, 1, of: 4), .penalty(Penalty.infinity),
                                    Self.line(0, 2, of: 4), .penalty(0), Self.line(0, 3, of: 4)]
        let pages = PageBuilder(pageHeight: 25).build(list)
        #expect(Self.labels(pages) == [["0.0"], ["0.1", "0.2"], ["0.3"]])
    }

    /// When every break is forbidden, the builder still advances, at a forbidden break as a last resort.
    @Test func forbiddenBreaksAreALastResort() {
        let list: [VerticalNode] = [Self.line(0, 0, of: 3), .penalty(Penalty.infinity), Self.line(0, 1, of: 3),
                                    .penalty(Penalty.infinity), Self.line(0, 2, of: 3)]
        let pages = PageBuilder(pageHeight: 25).build(list)
        #expect(Self.labels(pages) == [["0.0", "0.1"], ["0.2"]])
    }

    @Test func forcedBreakEndsThePageEvenWithRoomLeft() {
        let list: [VerticalNode] = [Self.line(0, 0, of: 1), .penalty(-Penalty.infinity), Self.line(1, 0, of: 1)]
        let pages = PageBuilder(pageHeight: 100).build(list)
        #expect(Self.labels(pages) == [["0.0"], ["1.0"]])
    }

    /// Space between blocks counts inside a page but is dropped when a page starts with it.
    @Test func spaceAtTheTopOfAPageIsDropped() throws {
        let list: [VerticalNode] = [Self.line(0, 0, of: 1), .penalty(0), .space(5), Self.line(1, 0, of: 1)]
        let pages = PageBuilder(pageHeight: 15).build(list)
        #expect(Self.labels(pages) == [["0.0"], ["1.0"]])
        #expect(try #require(pages.last?.first).y == 0)

        let roomy = PageBuilder(pageHeight: 100).build(list)
        #expect(Self.labels(roomy) == [["0.0", "1.0"]])
        #expect(roomy.first?.map(\.y) == [0, 15])
    }

    @Test func spaceAtTheStartOfTheListIsDropped() {
        let pages = PageBuilder(pageHeight: 100).build([.space(7), .penalty(0), Self.line(0, 0, of: 2), Self.line(0, 1, of: 2)])
        #expect(pages.count == 1)
        #expect(pages.first?.map(\.y) == [0, 10])
    }

    /// A 50-point box on 30-point pages goes alone on its page, and the lines around it are set normally.
    @Test func boxTallerThanThePageGoesAloneAndTheBuilderTerminates() {
        let list: [VerticalNode] = [Self.line(0, 0, of: 1), .penalty(0), Self.line(1, 0, of: 1, height: 50), .penalty(0),
                                    Self.line(2, 0, of: 1)]
        let pages = PageBuilder(pageHeight: 30).build(list)
        #expect(Self.labels(pages) == [["0.0"], ["1.0"], ["2.0"]])
        #expect(pages.map { $0.map(\.y) } == [[0], [0], [0]])
    }

    @Test func consecutiveTallBoxesWithNoBreakBetweenThemStillAdvance() {
        let list: [VerticalNode] = [Self.line(0, 0, of: 1), Self.line(1, 0, of: 1, height: 50), Self.line(2, 0, of: 1, height: 50)]
        let pages = PageBuilder(pageHeight: 30).build(list)
        #expect(Self.labels(pages) == [["0.0"], ["1.0"], ["2.0"]])
    }

    /// A three-line paragraph kept together, then a five-line paragraph whose penalties forbid a break
    /// after its first line (orphan) and before its last (widow), on pages of seven lines.
    ///
    /// Filling the page would end it after line 3 of the second paragraph, leaving line 4 alone on the
    /// next page. That break is forbidden; of the allowed ones the fullest (after line 2, 60 of 70 points)
    /// is cheapest, so two lines move over.
    @Test func widowProtectionMovesTwoLines() {
        var list: [VerticalNode] = [Self.line(0, 0, of: 3), .penalty(Penalty.infinity), Self.line(0, 1, of: 3),
                                    .penalty(Penalty.infinity), Self.line(0, 2, of: 3), .penalty(0)]
        let penalties = [Penalty.infinity, 0, 0, Penalty.infinity]
        for index in 0..<5 {
            if index > 0 { list.append(.penalty(penalties[index - 1])) }
            list.append(Self.line(1, index, of: 5))
        }
        let pages = PageBuilder(pageHeight: 70).build(list)
        #expect(Self.labels(pages) == [["0.0", "0.1", "0.2", "1.0", "1.1", "1.2"], ["1.3", "1.4"]])

        // Without the widow penalty the page is filled and the last line is left alone.
        let unprotected = list.enumerated().map { offset, node -> VerticalNode in
            if offset > 5, case .penalty = node { return .penalty(0) }
            return node
        }
        let filled = PageBuilder(pageHeight: 70).build(unprotected)
        #expect(Self.labels(filled) == [["0.0", "0.1", "0.2", "1.0", "1.1", "1.2", "1.3"], ["1.4"]])
    }

    @Test func everyBoxIsPlacedOnceAndInOrder() {
        var list: [VerticalNode] = []
        for paragraph in 0..<12 {
            let count = paragraph % 4 + 1
            if paragraph > 0 { list += [.penalty(0), .space(6)] }
            for index in 0..<count {
                if index > 0 { list.append(.penalty(index == 1 || index == count - 1 ? Penalty.infinity : 0)) }
                list.append(Self.line(paragraph, index, of: count, height: paragraph == 7 ? 120 : 10))
            }
        }
        let pages = PageBuilder(pageHeight: 55).build(list)
        let placed = Self.labels(pages).flatMap { $0 }
        let expected = list.compactMap { node -> String? in
            if case .box(let box) = node, case .line(let paragraph, let index, _) = box.kind { return "\(paragraph).\(index)" }
            return nil
        }
        #expect(placed == expected)
        for page in pages {
            #expect(!page.isEmpty)
            #expect(page.first?.y == 0)
            let bottom = page.last.map { $0.y + $0.box.height } ?? 0
            #expect(bottom <= 55 + 1e-9 || page.count == 1, "only a lone oversized box may overflow a page")
        }
    }
}
