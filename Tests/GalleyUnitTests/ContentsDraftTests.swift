import Foundation
import GalleyLayout
import GalleyModel
import GalleyStyle
import Testing

/// The contents of an issue are set once (`ContentsDraft`), by the binder or ahead by another typesetter: either way
/// the bound issue is the same, its contents take the pages their draft counted, and each entry shows the page its
/// article's title is on.
@Suite struct ContentsDraftTests {
    static let sheet = try! StyleSheetLoader(layoutsDirectory: StyleSheetLoaderTests.layouts).load("article-a4")

    static func typesetter() -> ArticleTypesetter {
        ArticleTypesetter(sheet: sheet, shaper: FixedWidthShaper(), hyphenator: NoHyphenation())
    }

    /// An issue of `count` articles in three sections, of one to three pages each, long titles and some authors: more
    /// than a page of contents.
    static func issue(_ count: Int) -> (GalleyModel.Issue, [BundledArticle]) {
        let words = ["workers", "strike", "housing", "union", "climate", "wages", "delivery", "solidarity", "resistance", "care"]
        let perSection = (count + 2) / 3
        let sections = (0..<3).map { section in
            IssueSection(title: "Section \(["one", "two", "three"][section])",
                         articles: (0..<count).filter { $0 / perSection == section }.map { "a\($0).json" })
        }
        let articles = (0..<count).map { index -> BundledArticle in
            let title = (0..<(4 + index % 9)).map { words[($0 * 7 + index) % words.count] }.joined(separator: " ")
            let article = Article(id: "\(1000 + index)", title: title.prefix(1).uppercased() + title.dropFirst(),
                                  authors: index % 4 == 0 ? [] : ["Author \(index)", "Writer \(index % 5)"])
            var pages = [[PositionedItem]](repeating: [PositionedItem(Point(x: 0, y: 0), .rule(Size(width: 10, height: 1), color: Color(hex: "#000000")))],
                                           count: 1 + index % 3)
            pages[0].append(PositionedItem(Point(x: 0, y: 0), .destination("title")))
            let layout = ArticleLayout(pages: pages, outline: [], metadata: DocumentMetadata(title: article.title, author: "", subject: "", keywords: "", creator: "test",
                                                                                          creationDate: nil, language: "en"), quality: QualityReport(),
                                       structure: [StructureNode(.document, parent: -1)])
            return BundledArticle(article: article, layout: layout, section: index / perSection)
        }
        return (GalleyModel.Issue(publication: "Test Monthly", number: "7", title: "June", sections: sections), articles)
    }

    /// The numbers the contents pages show for their entries (glyph runs of digits tagged as the entry's number), in order.
    static func shownNumbers(_ document: PagedDocument, contentsPages: Range<Int>) -> [Int] {
        contentsPages.flatMap { index in
            document.pages[index].items.compactMap { item -> Int? in
                guard item.node >= 0, case .glyphs(let run, _) = item.item, document.structure[Int(item.node)].role == .paragraph else { return nil }
                return Int(run.text)
            }
        }
    }

    @Test func aDraftMadeAheadBindsTheSameIssue() throws {
        let (issue, articles) = Self.issue(60)
        let binder = Self.typesetter()
        let own = IssueBinder(typesetter: binder, issue: issue, articles: articles).bind()
        // Another typesetter drafts the contents, as a worker does while the others lay articles out.
        let draft = Self.typesetter().issueContentsDraft(issue: issue, articles: articles.map { ($0.article, $0.section) })
        #expect(draft.articleCount == 60)
        #expect(draft.pageCount > 1, "the test needs contents of several pages")
        let ahead = IssueBinder(typesetter: binder, issue: issue, articles: articles, contents: draft).bind()
        #expect(ahead == own)
        // A draft made for other articles is not used: the binder drafts its own.
        let other = Self.typesetter().issueContentsDraft(issue: issue, articles: Array(articles.prefix(10)).map { ($0.article, $0.section) })
        #expect(IssueBinder(typesetter: binder, issue: issue, articles: articles, contents: other).bind() == own)
    }

    @Test func eachEntryShowsThePageItsTitleIsOn() throws {
        let (issue, articles) = Self.issue(60)
        let typesetter = Self.typesetter()
        let draft = typesetter.issueContentsDraft(issue: issue, articles: articles.map { ($0.article, $0.section) })
        let document = IssueBinder(typesetter: typesetter, issue: issue, articles: articles).bind()
        let titlePages = articles.map { bundled in
            document.pages.firstIndex { $0.items.contains { $0.item == FrameItem.destination("a\(bundled.article.id)-title") } }.map { $0 + 1 }
        }
        #expect(titlePages.allSatisfy { $0 != nil })
        // The cover, then the contents: as many pages as the draft counted, each holding entries.
        let contents = 1..<(1 + draft.pageCount)
        #expect(contents.allSatisfy { index in document.pages[index].items.contains { $0.item.isLink } })
        #expect(!document.pages[contents.upperBound].items.contains { $0.item.isLink })
        #expect(Self.shownNumbers(document, contentsPages: contents) == titlePages.compactMap { $0 })
        // Right-hand starts: every article begins on an odd page.
        #expect(titlePages.allSatisfy { ($0 ?? 0) % 2 == 1 })
    }

    @Test func aRightToLeftTitleLeavesTheNumberItsRoom() throws {
        var (issue, articles) = Self.issue(6)
        // Long enough to fill a line: a right-to-left title's lines are mirrored, its room for the number too.
        articles[2].article.title = String(repeating: "عمال الرصيف في مدينة الميناء ", count: 4) + "نقابة"
        articles[2].article.language = "ar"
        let typesetter = Self.typesetter()
        let document = IssueBinder(typesetter: typesetter, issue: issue, articles: articles).bind()
        // An entry's number is the one element of the page whose glyphs are all digits (a byline's are not).
        var textsOfNode: [Int32: [String]] = [:]
        for item in document.pages[1].items where item.node >= 0 {
            if case .glyphs(let run, _) = item.item { textsOfNode[item.node, default: []].append(run.text) }
        }
        let numberNodes = Set(textsOfNode.filter { $0.value.allSatisfy { Int($0) != nil } }.keys)
        var checked = 0
        for item in document.pages[1].items where numberNodes.contains(item.node) {
            guard case .glyphs(let number, _) = item.item else { continue }
            // Nothing else on the number's baseline but its leaders reaches into the number.
            for other in document.pages[1].items where other.origin.y == item.origin.y && other.node != item.node {
                guard case .glyphs(let run, _) = other.item, !run.text.allSatisfy({ $0 == "." }) else { continue }
                #expect(other.origin.x + run.width <= item.origin.x, "\(run.text) runs under the page number \(number.text)")
            }
            checked += 1
        }
        #expect(checked == 6)
        // The Arabic title's lines are set flush right, left of the number's room.
        let arabic = document.pages[1].items.filter { item in
            if case .glyphs(let run, _) = item.item { return run.text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }
            return false
        }
        #expect(!arabic.isEmpty)
    }
}

private extension FrameItem {
    var isLink: Bool {
        if case .link = self { return true }
        return false
    }
}
