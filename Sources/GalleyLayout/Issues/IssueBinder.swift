import Foundation
import GalleyModel
import GalleyStyle

/// Binds laid-out articles into one issue: cover, contents, articles with running heads, one outline.
///
/// Articles keep their own layout (same lines, same breaks); only heads, folios and margins
/// change. The contents are set once (`ContentsDraft`): their page count does not depend on the page numbers they
/// show, which are added when the articles have their pages.
public struct IssueBinder {
    let typesetter: ArticleTypesetter
    let issue: Issue
    let articles: [BundledArticle]
    /// The cover image, if one was found.
    var coverImage: ImageReference?
    /// The contents, drafted ahead by `ArticleTypesetter.issueContentsDraft` for these articles, or nil to draft them
    /// here.
    var contents: ContentsDraft?

    /// Creates a binder; `contents` is the issue's contents drafted ahead (see `ArticleTypesetter.issueContentsDraft`).
    public init(typesetter: ArticleTypesetter, issue: Issue, articles: [BundledArticle], coverImage: ImageReference? = nil,
                contents: ContentsDraft? = nil) {
        self.typesetter = typesetter
        self.issue = issue
        self.articles = articles
        self.coverImage = coverImage
        self.contents = contents
    }

    private var sheet: StyleSheet { typesetter.sheet }

    /// One page of the bound issue before it is placed on the sheet.
    enum PlannedPage {
        case cover
        case contents(index: Int)
        case blank
        case article(article: Int, page: Int)
    }

    /// The whole issue as one document.
    public func bind() -> PagedDocument {
        // The issue's structure: the contents (a heading and a TOC), its cover, then one `Art` per article.
        let structure = typesetter.structure
        let draft: ContentsDraft
        if let drafted = self.contents, drafted.articleCount == articles.count {
            // Drafted on another typesetter right after its reset, under the same `Document`: the same nodes.
            structure.reset()
            _ = structure.graft(drafted.structure)
            draft = drafted
        } else {
            draft = typesetter.issueContentsDraft(issue: issue, articles: articles.map { ($0.article, $0.section) })
        }
        let (plan, starts) = planPages(contentsPages: draft.pageCount)
        let contents = typesetter.contentsPages(draft, issue: issue, startPages: starts)
        var fonts = Set<String>()
        var pages: [Page] = []
        var outline: [OutlineEntry] = []
        var lastSection = -1
        // Where each article's structure nodes start in the issue's: its node n (n ≥ 1) is issue node n + offset.
        var offsets: [Int: Int32] = [:]
        for (index, planned) in plan.enumerated() {
            var page = Page(size: Size(width: sheet.page.size.width.points, height: sheet.page.size.height.points))
            let origin = Point(x: textLeft(pageIndex: index), y: sheet.page.margins.top.points)
            func place(_ items: [PositionedItem]) {
                page.items += items.map { $0.moved(origin.x, origin.y) }
            }
            switch planned {
            case .cover:
                place(typesetter.coverItems(issue: issue, articles: articles, image: coverImage, fonts: &fonts, parent: 0))
                page.items.append(PositionedItem(Point(x: 0, y: 0), .destination("cover")))
            case .contents(let number):
                place(contents[number])
                if number == 0 {
                    page.items.append(PositionedItem(origin, .destination("contents")))
                    outline.append(OutlineEntry(title: typesetter.contentsTitle(issue), level: 0, destination: "contents", page: index))
                }
            case .blank:
                break
            case .article(let articleIndex, let pageIndex):
                let bundled = articles[articleIndex]
                let prefix = "a\(bundled.article.id)-"
                if pageIndex == 0, bundled.section != lastSection {
                    lastSection = bundled.section
                    outline.append(OutlineEntry(title: issue.sections[bundled.section].title, level: 0, destination: prefix + "title", page: index))
                }
                if offsets[articleIndex] == nil { offsets[articleIndex] = structure.graft(bundled.layout.structure) }
                let offset = offsets[articleIndex] ?? 0
                place(bundled.layout.pages[pageIndex].map { item in
                    guard case .destination(let name) = item.item else {
                        var moved = item
                        if moved.node > 0 { moved.node += offset }
                        return moved
                    }
                    return PositionedItem(item.origin, .destination(prefix + name))
                })
                for entry in bundled.layout.outline where entry.page == pageIndex {
                    outline.append(OutlineEntry(title: entry.title, level: entry.level + 1, destination: prefix + entry.destination, page: index))
                }
                page.items += typesetter.bundleDecorations(issue: issue, article: bundled.article, pageIndex: index,
                                                           firstPageOfArticle: pageIndex == 0, fonts: &fonts)
            }
            if case .contents = planned {
                page.items += typesetter.bundleDecorations(issue: issue, article: nil, pageIndex: index, firstPageOfArticle: false, fonts: &fonts)
            }
            pages.append(page)
        }
        var quality = QualityReport()
        for bundled in articles {
            let part = bundled.layout.quality
            quality.justifiedLines += part.justifiedLines
            quality.overfullLines += part.overfullLines
            quality.looseLines += part.looseLines
            quality.maxAbsoluteRatio = max(quality.maxAbsoluteRatio, part.maxAbsoluteRatio)
            quality.sumAbsoluteRatio += part.sumAbsoluteRatio
            quality.hyphenatedLines += part.hyphenatedLines
            quality.longestHyphenRun = max(quality.longestHyphenRun, part.longestHyphenRun)
            quality.widows += part.widows
            quality.orphans += part.orphans
            quality.strandedHeadings += part.strandedHeadings
            quality.missingGlyphs += part.missingGlyphs
            if let offGrid = part.offGridLines { quality.offGridLines = (quality.offGridLines ?? 0) + offGrid }
            fonts.formUnion(part.fonts)
        }
        quality.fonts = fonts.sorted()
        let title = [issue.publication, issue.number.map { "No. \($0)" }, issue.title].compactMap { $0 }.joined(separator: " — ")
        let metadata = DocumentMetadata(title: title, author: issue.publication, subject: issue.title,
                                        keywords: issue.sections.map(\.title).joined(separator: ", "), creator: typesetter.creator,
                                        creationDate: issue.date.map { "\($0)T00:00:00Z" }, language: issue.language)
        return PagedDocument(pages: pages, outline: outline, metadata: metadata, quality: quality, structure: structure.nodes)
    }

    /// Cover, contents, then each article, with a blank left page before an article that must start on the right.
    func planPages(contentsPages: Int) -> (plan: [PlannedPage], starts: [Int]) {
        var plan: [PlannedPage] = [.cover]
        plan += (0..<contentsPages).map { PlannedPage.contents(index: $0) }
        var starts: [Int] = []
        for (index, bundled) in articles.enumerated() {
            // Page numbers count from 1 on the cover; odd numbers are right-hand pages.
            if issue.rightHandStarts, (plan.count + 1) % 2 == 0 { plan.append(.blank) }
            starts.append(plan.count + 1)
            plan += bundled.layout.pages.indices.map { PlannedPage.article(article: index, page: $0) }
        }
        return (plan, starts)
    }

    private func textLeft(pageIndex: Int) -> Double {
        pageIndex % 2 == 0 ? sheet.page.margins.inner.points : sheet.page.margins.outer.points
    }
}
