import GalleyLayout
import GalleyModel
import GalleyStyle
import Testing

/// The layout stage tags what it sets: every element of the article has its structure element, in reading order,
/// and every drawn item of the text belongs to one (page furniture to none).
@Suite struct StructureTreeTests {
    static let sheet = LayoutScalingTests.sheet

    static func typeset(_ article: Article, sheet: StyleSheet = sheet) -> PagedDocument {
        ArticleTypesetter(sheet: sheet, shaper: FixedWidthShaper(), hyphenator: NoHyphenation()).typeset(article)
    }

    /// The structure in reading order: each node's children sorted by `order` (their index when nil), depth first.
    static func readingOrder(_ nodes: [StructureNode]) -> [(index: Int32, depth: Int)] {
        var children: [Int32: [Int32]] = [:]
        for index in nodes.indices.dropFirst() { children[nodes[index].parent, default: []].append(Int32(index)) }
        var result: [(Int32, Int)] = []
        func visit(_ node: Int32, _ depth: Int) {
            result.append((node, depth))
            let sorted = (children[node] ?? []).sorted { (nodes[Int($0)].order ?? $0, $0) < (nodes[Int($1)].order ?? $1, $1) }
            for child in sorted { visit(child, depth + 1) }
        }
        visit(0, 0)
        return result
    }

    static let article = Article(
        id: "s1", title: "A title", deck: [.text("The deck.")], authors: ["Ana Ruiz"], language: "en",
        body: [
            .heading(level: 3, content: [.text("Skipped level")]),
            .paragraph([.text("See "), .link(url: "https://example.org/x", content: [.text("the report")]), .text(" here."),
                        .footnoteReference("n1"), .text(" And "), .language(tag: "fr", content: [.text("la grève")]), .text(".")]),
            .list(ordered: false, items: [[.paragraph([.text("First")])], [.paragraph([.text("Second")]),
                                                                             .list(ordered: true, items: [[.paragraph([.text("Inner")])]])]]),
            .quote(content: [.paragraph([.text("Quoted words.")])], attribution: "Someone"),
            .figure(Figure(source: "missing.png", alt: "A red badge", caption: [.text("The badge.")])),
            .table(Table(header: [[TableCell([.text("Year")]), TableCell([.text("Jobs")])]],
                         rows: [[TableCell([.text("2020")]), TableCell([.text("12")])]], caption: [.text("Jobs by year.")])),
            .paragraph([.text("Last paragraph.")]),
        ],
        footnotes: [Footnote(id: "n1", content: [.paragraph([.text("The note's text.")])])])

    @Test func elementsComeInReadingOrderWithTheirAttributes() throws {
        let document = Self.typeset(Self.article)
        let nodes = document.structure
        let order = Self.readingOrder(nodes)
        let roles = order.map { nodes[Int($0.index)].role }
        #expect(roles.prefix(2) == [.document, .article])
        #expect(nodes[1].title == "A title")
        #expect(nodes[1].language == "en")
        // The article's own blocks, in order, as children of the Art.
        let top = order.filter { $0.depth == 2 }.map { nodes[Int($0.index)].role }
        #expect(top == [.heading1, .paragraph, .paragraph, .heading2, .paragraph, .note, .list, .blockQuote, .figure, .caption,
                        .table, .paragraph], "\(top)")
        // The note follows the paragraph that calls it, and the call is a Reference inside that paragraph.
        let note = try #require(nodes.firstIndex { $0.role == .note })
        #expect(nodes[note].identifier == "note-n1")
        let reference = try #require(nodes.firstIndex { $0.role == .reference })
        let callingParagraph = nodes[reference].parent
        let position = try #require(order.firstIndex { $0.index == callingParagraph })
        let following = order[(position + 1)...].first { $0.depth == order[position].depth }
        #expect(following?.index == Int32(note))
        // Links name their target; a passage in another language is a Span with its /Lang.
        let link = try #require(nodes.first { $0.role == .link })
        #expect(link.alt == "https://example.org/x")
        #expect(nodes.contains { $0.role == .span && $0.language == "fr" })
        // A list item holds a label and a body; the inner list is inside the second item's body.
        let inner = try #require(nodes.indices.filter { nodes[$0].role == .list }.dropFirst().first)
        #expect(nodes[Int(nodes[inner].parent)].role == .listBody)
        #expect(nodes.filter { $0.role == .label }.count == 4, "3 items and 1 note number")
        // The figure's alt text; the table's header cells head columns; the caption is the table's.
        #expect(nodes.first { $0.role == .figure }?.alt == "A red badge")
        let headers = nodes.filter { $0.role == .tableHeaderCell }
        #expect(headers.count == 2 && headers.allSatisfy { $0.scope == .column })
        let caption = try #require(nodes.lastIndex { $0.role == .caption })
        #expect(nodes[Int(nodes[caption].parent)].role == .table)
    }

    @Test func everyItemOfTheTextBelongsToAnElementAndFurnitureToNone() throws {
        let document = Self.typeset(Self.article)
        let nodes = document.structure
        var glyphNodes = Set<Int32>()
        for page in document.pages {
            for item in page.items where item.node >= 0 {
                #expect(Int(item.node) < nodes.count)
                if case .glyphs = item.item { glyphNodes.insert(item.node) }
                if case .link(_, let url) = item.item {
                    #expect(nodes[Int(item.node)].role == .link)
                    #expect(nodes[Int(item.node)].alt == url)
                }
            }
        }
        // Every paragraph, heading, label and cell was drawn into.
        for (index, node) in nodes.enumerated()
        where [.paragraph, .heading1, .heading2, .label, .tableHeaderCell, .tableCell, .caption, .reference].contains(node.role) {
            #expect(glyphNodes.contains(Int32(index)), "\(node.role) \(index) has no content")
        }
        // The folio on page 1 is furniture: drawn, but belonging to no element.
        let untaggedGlyphs = document.pages[0].items.filter { item in
            if case .glyphs = item.item { return item.node < 0 }
            return false
        }
        #expect(!untaggedGlyphs.isEmpty)
    }

    @Test func aMissingFigureDrawsItsAltTextAsTheFigureAndItsFrameAsFurniture() throws {
        let document = Self.typeset(Self.article)
        let figure = try #require(document.structure.firstIndex { $0.role == .figure })
        let items = document.pages.flatMap(\.items)
        #expect(items.contains { item in
            if case .glyphs = item.item { return item.node == Int32(figure) }
            return false
        })
        #expect(!items.contains { item in
            if case .rule = item.item { return item.node >= 0 }
            return false
        })
    }

    @Test func headingLevelsNeverSkipAndTheTitleIsTheOnlyH1() {
        let article = Article(id: "h", title: "T", body: [
            .heading(level: 3, content: [.text("a")]), .heading(level: 2, content: [.text("b")]),
            .heading(level: 3, content: [.text("c")]), .paragraph([.text("x")]),
        ])
        let nodes = Self.typeset(article).structure
        let levels = Self.readingOrder(nodes).compactMap { nodes[Int($0.index)].role.headingLevel }
        #expect(levels == [1, 2, 2, 3])
    }

    @Test func endnotesAreNotesUnderTheirHeading() throws {
        var sheet = Self.sheet
        sheet.notes.placement = .endnotes
        let nodes = Self.typeset(Self.article, sheet: sheet).structure
        let order = Self.readingOrder(nodes).map { nodes[Int($0.index)].role }
        let heading = try #require(order.lastIndex(of: .heading2))
        #expect(order[(heading + 1)...].contains(.note))
    }
}
