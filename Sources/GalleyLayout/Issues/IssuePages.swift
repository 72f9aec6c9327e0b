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

    /// The contents: sections with their articles' titles, authors, dot leaders and page numbers, each entry a link;
    /// tagged under `parent` (-1: untagged) as a heading and a `TOC` of one `TOCI` per section and per article.
    public func contentsPages(issue: Issue, articles: [BundledArticle], startPages: [Int], parent: Int32 = -1) -> [[PositionedItem]] {
        var quality = QualityReport()
        var fonts = Set<String>()
        let styles = sheet.styles
        let numberRoom = 36.0
        var blocks: [(items: [PositionedItem], height: Double, spaceBefore: Double)] = []
        let heading = set(paragraph(contentsTitle(issue), styles.title, language: issue.language, parent: parent, tag: .heading1),
                          paragraphIndex: -1, quality: &quality, fonts: &fonts)
        let toc = structure.add(.tableOfContents, under: parent)
        let (headingItems, headingHeight) = stack(heading, at: 0)
        blocks.append((headingItems, headingHeight, 0))
        var lastSection = -1
        for (index, bundled) in articles.enumerated() {
            if bundled.section != lastSection {
                lastSection = bundled.section
                let section = set(paragraph(issue.sections[bundled.section].title, styles.relatedHeading, language: issue.language,
                                            parent: structure.add(.tableOfContentsItem, under: toc)),
                                  paragraphIndex: -1, quality: &quality, fonts: &fonts)
                let (items, height) = stack(section, at: 0)
                blocks.append((items, height, styles.relatedHeading.spaceBefore.points))
            }
            let destination = "#a\(bundled.article.id)-title"
            let entry = structure.add(.tableOfContentsItem, under: toc)
            let titleLines = set(paragraph(bundled.article.title, styles.heading3, language: bundled.article.language, link: destination,
                                           rightIndent: numberRoom, alignment: .left, parent: entry), paragraphIndex: -1, quality: &quality,
                                 fonts: &fonts)
            // The entry's link element, made for its title's runs: the whole entry's link area belongs to it.
            let linkNode: Int32 = titleLines.flatMap(\.items).map(\.node).first { $0 >= 0 && structure[$0].role == .link } ?? -1
            let numberNode = structure.add(.paragraph, under: entry)
            var (items, height) = stack(titleLines, at: 0)
            // Dot leaders from the title's last line to the page number, which sits flush right on that baseline.
            let number = String(startPages[index])
            let font = FontRequest(family: styles.heading3.font, bold: styles.heading3.bold, italic: false, size: styles.heading3.size.points)
            let numberRuns = builder.shape(number, font: font, language: issue.language)
            let numberWidth = numberRuns.reduce(0) { $0 + $1.width }
            let baseline = (height - styles.heading3.leading.points) + ParagraphSetter.baselineOffset(leading: styles.heading3.leading.points, size: font.size)
            var x = sheet.textWidth - numberWidth
            for run in numberRuns {
                items.append(PositionedItem(Point(x: x, y: baseline), .glyphs(run, color: Color(hex: styles.heading3.color)), node: numberNode))
                x += run.width
            }
            let lastLineEnd = titleLines.last?.items.compactMap { item -> Double? in
                if case .glyphs(let run, _) = item.item { return item.origin.x + run.width }
                return nil
            }.max() ?? 0
            if var dot = builder.shape(".", font: FontRequest(family: font.family, size: font.size), language: issue.language).first,
               let glyph = dot.glyphs.first {
                let pitch = font.size * 0.5
                let first = (lastLineEnd / pitch).rounded(.up) * pitch + pitch
                let count = Int(((sheet.textWidth - numberWidth - pitch) - first) / pitch)
                if count > 0 {
                    dot.glyphs = Array(repeating: Glyph(id: glyph.id, advance: pitch, cluster: 0), count: count).enumerated().map {
                        var spaced = $1
                        spaced.cluster = $0
                        return spaced
                    }
                    dot.text = String(repeating: ".", count: count)
                    items.append(PositionedItem(Point(x: first, y: baseline), .glyphs(dot, color: Color(hex: styles.relatedItem.color))))
                }
            }
            items.append(PositionedItem(Point(x: 0, y: 0), .link(Size(width: sheet.textWidth, height: height), url: destination), node: linkNode))
            if !bundled.article.authors.isEmpty {
                let byline = set(paragraph(sheet.labels(for: bundled.article.language).labels.list(bundled.article.authors), styles.relatedItem,
                                           language: bundled.article.language, parent: entry), paragraphIndex: -1, quality: &quality, fonts: &fonts)
                let (bylineItems, end) = stack(byline, at: height)
                items += bylineItems
                height = end
            }
            blocks.append((items, height, 7))
        }
        var pages: [[PositionedItem]] = [[]]
        var y = 0.0
        for block in blocks {
            let top = pages[pages.count - 1].isEmpty ? 0 : y + block.spaceBefore
            if top + block.height > sheet.textHeight, !pages[pages.count - 1].isEmpty {
                pages.append([])
                y = 0
                pages[pages.count - 1] += block.items
                y = block.height
                continue
            }
            pages[pages.count - 1] += block.items.map { $0.moved(0, top) }
            y = top + block.height
        }
        return pages
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
            let font = FontRequest(family: style.font, bold: style.bold, italic: style.italic, size: style.size.points)
            let shaped = builder.shapeFitting(text, width: sheet.textWidth * 0.8, font: font, language: issue.language,
                                              tracking: style.tracking)
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
