import Foundation
import GalleyModel
import GalleyStyle

/// The pages an issue adds around its articles: cover, contents, running heads and folios.
extension ArticleTypesetter {
    /// The contents heading in the issue's language.
    public func contentsTitle(_ issue: Issue) -> String { sheet.labels(for: issue.language).labels.contents }

    /// The issue line: "No. 602 · June 2025".
    func issueLine(_ issue: Issue) -> String {
        [issue.number.map { "No. \($0)" }, issue.title].compactMap { $0 }.joined(separator: " · ")
    }

    private func runs(_ text: String, _ style: ParagraphStyle, language: String, link: String? = nil) -> [StyledText] {
        let resolved = ResolvedStyle(style)
        var run = StyledText(style.uppercase ? text.uppercased() : text, font: resolved.font,
                             style: TextStyle(color: resolved.color, link: link), language: language,
                             hyphenate: false, tracking: style.tracking)
        run.style.link = link
        return [run]
    }

    /// A paragraph of the cover or the contents, tagged as a `tag` element under `parent` (-1: untagged).
    private func paragraph(_ text: String, _ style: ParagraphStyle, language: String, link: String? = nil,
                           rightIndent: Double = 0, alignment: Alignment? = nil, parent: Int32 = -1,
                           tag: StructureRole = .paragraph) -> FlowBlock {
        var flow = FlowBlock(paragraph: ParagraphSpec(runs: runs(text, style, language: language, link: link), leading: style.leading.points,
                                                      alignment: alignment ?? style.align, rightIndent: rightIndent, fontSize: style.size.points),
                             role: .text, spaceBefore: style.spaceBefore.points, spaceAfter: style.spaceAfter.points)
        flow.node = structure.add(tag, under: parent)
        return flow
    }

    /// The cover: publication, issue line, headline, optional image, teasers; tagged as a division under `parent`
    /// (-1: untagged) that is read first.
    public func coverItems(issue: Issue, articles: [BundledArticle], image: ImageReference?, fonts: inout Set<String>,
                           parent: Int32 = -1) -> [PositionedItem] {
        let cover = structure.add(.division, under: parent)
        if cover >= 0 { structure[cover].order = -1 }
        var quality = QualityReport()
        var items: [PositionedItem] = []
        var y = 0.0
        var masthead = sheet.styles.title
        masthead.size = Length(points: masthead.size.points * 1.8)
        masthead.leading = Length(points: masthead.size.points * 1.1)
        for (text, style) in [(issue.publication, masthead), (issueLine(issue), sheet.styles.kicker)] {
            let (placed, next) = stack(set(paragraph(text, style, language: issue.language, parent: cover), paragraphIndex: -1,
                                           quality: &quality, fonts: &fonts), at: y)
            items += placed
            y = next + style.spaceAfter.points
        }
        items.append(PositionedItem(Point(x: 0, y: y), .rule(Size(width: sheet.textWidth, height: 1.2), color: Color(hex: sheet.styles.kicker.color))))
        y += 18
        if let image, image.pixelWidth > 0 {
            var size = Size(width: sheet.textWidth, height: sheet.textWidth * image.pixelHeight / image.pixelWidth)
            let limit = sheet.textHeight * 0.45
            if size.height > limit { size = Size(width: limit * image.pixelWidth / image.pixelHeight, height: limit) }
            // The cover picture has no description of its own: the issue's headline stands for it.
            let figure = structure.add(.figure, under: cover, alt: issue.cover.headline ?? issue.title)
            items.append(PositionedItem(Point(x: (sheet.textWidth - size.width) / 2, y: y), .image(image, size), node: figure))
            y += size.height + 18
        }
        let headline = issue.cover.headline ?? issue.title
        let (headlineItems, afterHeadline) = stack(set(paragraph(headline, sheet.styles.title, language: issue.language, parent: cover),
                                                       paragraphIndex: -1,
                                                       quality: &quality, fonts: &fonts), at: y)
        items += headlineItems
        y = afterHeadline + 12
        let teasers = issue.cover.teasers.isEmpty ? articles.prefix(5).map(\.article.title) : issue.cover.teasers
        for teaser in teasers {
            let (placed, next) = stack(set(paragraph(teaser, sheet.styles.deck, language: issue.language, parent: cover), paragraphIndex: -1,
                                           quality: &quality, fonts: &fonts), at: y)
            guard next < sheet.textHeight else { break }
            items += placed
            y = next + 6
        }
        return items
    }

    /// The contents of the issue with `articles` (each with the index of its section): sections with their articles'
    /// titles and authors, each entry a link, set but for their page numbers and dot leaders (`contentsPages`), and
    /// tagged under `parent` (-1: untagged) as a heading and a `TOC` of one `TOCI` per section and per article; the
    /// draft's `structure` is the typesetter's structure once these are added.
    func contentsDraft(issue: Issue, articles: [(article: Article, section: Int)], parent: Int32 = -1) -> ContentsDraft {
        var quality = QualityReport()
        var fonts = Set<String>()
        let styles = sheet.styles
        let numberRoom = 36.0
        var blocks: [ContentsDraft.Block] = []
        let heading = set(paragraph(contentsTitle(issue), styles.title, language: issue.language, parent: parent, tag: .heading1),
                          paragraphIndex: -1, quality: &quality, fonts: &fonts)
        let toc = structure.add(.tableOfContents, under: parent)
        let (headingItems, headingHeight) = stack(heading, at: 0)
        blocks.append(ContentsDraft.Block(items: headingItems, height: headingHeight, spaceBefore: 0))
        var lastSection = -1
        for (index, (article, sectionIndex)) in articles.enumerated() {
            if sectionIndex != lastSection {
                lastSection = sectionIndex
                let section = set(paragraph(issue.sections[sectionIndex].title, styles.relatedHeading, language: issue.language,
                                            parent: structure.add(.tableOfContentsItem, under: toc)),
                                  paragraphIndex: -1, quality: &quality, fonts: &fonts)
                let (items, height) = stack(section, at: 0)
                blocks.append(ContentsDraft.Block(items: items, height: height, spaceBefore: styles.relatedHeading.spaceBefore.points))
            }
            let destination = "#a\(article.id)-title"
            let entry = structure.add(.tableOfContentsItem, under: toc)
            var titleBlock = paragraph(article.title, styles.heading3, language: article.language, link: destination, rightIndent: numberRoom,
                                       alignment: .left, parent: entry)
            // The number's room stays on the right whichever way the title reads: a right-to-left title's indents are
            // mirrored when it is set, so its room is asked for on its other side (else its lines ran under the number).
            if ParagraphDirection.of(titleBlock.paragraph.runs, language: article.language) == .rightToLeft {
                swap(&titleBlock.paragraph.leftIndent, &titleBlock.paragraph.rightIndent)
            }
            let titleLines = set(titleBlock, paragraphIndex: -1, quality: &quality, fonts: &fonts)
            // The entry's link element, made for its title's runs: the whole entry's link area belongs to it.
            let linkNode: Int32 = titleLines.flatMap(\.items).map(\.node).first { $0 >= 0 && structure[$0].role == .link } ?? -1
            let numberNode = structure.add(.paragraph, under: entry)
            let (title, titleHeight) = stack(titleLines, at: 0)
            var height = titleHeight
            // The page number sits flush right on the baseline of the title's last line.
            let size = styles.heading3.size.points
            let baseline = (height - styles.heading3.leading.points) + ParagraphSetter.baselineOffset(leading: styles.heading3.leading.points, size: size)
            let lastLineEnd = titleLines.last?.items.compactMap { item -> Double? in
                if case .glyphs(let run, _) = item.item { return item.origin.x + run.width }
                return nil
            }.max() ?? 0
            var rest = [PositionedItem(Point(x: 0, y: 0), .link(Size(width: sheet.textWidth, height: height), url: destination), node: linkNode)]
            if !article.authors.isEmpty {
                let byline = set(paragraph(sheet.labels(for: article.language).labels.list(article.authors), styles.relatedItem,
                                           language: article.language, parent: entry), paragraphIndex: -1, quality: &quality, fonts: &fonts)
                let (bylineItems, end) = stack(byline, at: height)
                rest += bylineItems
                height = end
            }
            let drafted = ContentsDraft.Entry(article: index, title: title, rest: rest, baseline: baseline, lastLineEnd: lastLineEnd,
                                              numberNode: numberNode)
            blocks.append(ContentsDraft.Block(items: [], entry: drafted, height: height, spaceBefore: 7))
        }
        return ContentsDraft(blocks: blocks, structure: structure.nodes, textHeight: sheet.textHeight)
    }

    /// The contents of a bound issue drafted on this typesetter, its structure tree emptied first: the draft's
    /// structure is the issue's own up to its cover, whichever typesetter of the same sheet drafts it.
    public func issueContentsDraft(issue: Issue, articles: [(article: Article, section: Int)]) -> ContentsDraft {
        structure.reset()
        return contentsDraft(issue: issue, articles: articles, parent: 0)
    }

    /// The contents pages of `draft`, with each article's page number, `startPages[i]` for the draft's article i, and
    /// dot leaders from its title to its number.
    public func contentsPages(_ draft: ContentsDraft, issue: Issue, startPages: [Int]) -> [[PositionedItem]] {
        let style = sheet.styles.heading3
        let font = FontRequest(family: style.font, bold: style.bold, italic: false, size: style.size.points)
        let dot = builder.shape(".", font: FontRequest(family: font.family, size: font.size), language: issue.language).first
        var pages = [[PositionedItem]](repeating: [], count: draft.pageCount)
        for (block, placement) in zip(draft.blocks, draft.placements) {
            var items = block.items
            if let entry = block.entry {
                items = entry.title
                let number = String(startPages[entry.article])
                let numberRuns = builder.shape(number, font: font, language: issue.language)
                let numberWidth = numberRuns.reduce(0) { $0 + $1.width }
                var x = sheet.textWidth - numberWidth
                for run in numberRuns {
                    items.append(PositionedItem(Point(x: x, y: entry.baseline), .glyphs(run, color: Color(hex: style.color)), node: entry.numberNode))
                    x += run.width
                }
                if var dot, let glyph = dot.glyphs.first {
                    let pitch = font.size * 0.5
                    let first = (entry.lastLineEnd / pitch).rounded(.up) * pitch + pitch
                    let count = Int(((sheet.textWidth - numberWidth - pitch) - first) / pitch)
                    if count > 0 {
                        dot.glyphs = (0..<count).map { Glyph(id: glyph.id, advance: pitch, cluster: $0) }
                        dot.text = String(repeating: ".", count: count)
                        items.append(PositionedItem(Point(x: first, y: entry.baseline), .glyphs(dot, color: Color(hex: sheet.styles.relatedItem.color))))
                    }
                }
                items += entry.rest
            }
            // A block that opens a page, having not fitted on the one before, is placed as it was set.
            pages[placement.page] += placement.top.map { top in items.map { $0.moved(0, top) } } ?? items
        }
        return pages
    }

    /// Shapes ahead what the running heads of `article`'s pages show, as `bundleDecorations` will: a binder whose
    /// builder shares shapes with this typesetter's (`SharedShapes`) then finds them shaped, so a worker can do it
    /// beside the other workers' layouts instead of the binder on one core.
    public func shapeRunningHead(issue: Issue, article: Article) {
        _ = headRuns(article.title, style: sheet.styles.runningHead, issue: issue)
    }

    /// `text` in `style` on one line of a running head or foot, shortened to fit.
    private func headRuns(_ text: String, style: ParagraphStyle, issue: Issue) -> [GlyphRun] {
        let font = FontRequest(family: style.font, bold: style.bold, italic: style.italic, size: style.size.points)
        return builder.shapeFitting(text, width: sheet.textWidth * 0.8, font: font, language: issue.language, tracking: style.tracking)
    }

    /// Running head and folio of a bound page: left pages name the publication and issue, right pages the article.
    public func bundleDecorations(issue: Issue, article: Article?, pageIndex: Int, firstPageOfArticle: Bool,
                                  fonts: inout Set<String>) -> [PositionedItem] {
        var items: [PositionedItem] = []
        let pageNumber = pageIndex + 1
        let isRightHand = pageNumber % 2 == 1
        let left = pageIndex % 2 == 0 ? sheet.page.margins.inner.points : sheet.page.margins.outer.points
        let top = sheet.page.margins.top.points
        let bottom = top + sheet.textHeight
        func place(_ text: String, style: ParagraphStyle, baseline: Double, flushRight: Bool, link: String? = nil) {
            let shaped = headRuns(text, style: style, issue: issue)
            let width = shaped.reduce(0) { $0 + $1.width }
            var x = flushRight ? left + sheet.textWidth - width : left
            for run in shaped {
                items.append(PositionedItem(Point(x: x, y: baseline), .glyphs(run, color: Color(hex: style.color))))
                fonts.insert(run.face.postScriptName)
                x += run.width
            }
        }
        if !firstPageOfArticle {
            let headBaseline = top - sheet.header.offset.points
            if isRightHand, let article {
                place(article.title, style: sheet.styles.runningHead, baseline: headBaseline, flushRight: true)
            } else {
                place([issue.publication, issueLine(issue)].joined(separator: " · "), style: sheet.styles.runningHead,
                      baseline: headBaseline, flushRight: false)
            }
            if sheet.header.rule.points > 0 {
                items.append(PositionedItem(Point(x: left, y: top - sheet.header.offset.points / 2),
                                            .rule(Size(width: sheet.textWidth, height: sheet.header.rule.points), color: Color(hex: sheet.styles.runningHead.color))))
            }
        }
        place(String(pageNumber), style: sheet.styles.runningFoot, baseline: bottom + sheet.footer.offset.points, flushRight: isRightHand)
        return items
    }
}
