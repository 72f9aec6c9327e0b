import Foundation
import GalleyModel
import GalleyStyle

/// Draws running heads and feet, which depend on the page number and count.
///
/// A right-to-left article mirrors them: what the layout puts on the left goes on the right, the text reads from
/// the right, and the first page is a left-hand page (its inner margin on the right).
struct PageDecorator {
    let sheet: StyleSheet
    let article: Article
    let builder: NodeListBuilder
    /// The publisher's logo, drawn where each running line's `logo` says; nil when `galley.yaml` names none.
    var logo: ImageReference? = nil

    private var direction: TextDirection { LanguageTag(article.language).direction }

    /// The left edge of the text block: the inner margin is on the binding's side, which alternates page by page.
    func textLeft(pageIndex: Int) -> Double {
        (pageIndex % 2 == 0) != direction.isRightToLeft ? sheet.page.margins.inner.points : sheet.page.margins.outer.points
    }

    func decorations(pageIndex: Int, pageCount: Int, fonts: inout Set<String>) -> [PositionedItem] {
        var items: [PositionedItem] = []
        let left = textLeft(pageIndex: pageIndex)
        let width = sheet.textWidth
        let top = sheet.page.margins.top.points
        let bottom = top + sheet.textHeight
        let labels = sheet.labels(for: article.language).labels
        // Without galley.yaml these placeholders are empty: a layout alone names no publisher.
        let identity = sheet.identity
        let values: [String: String] = [
            "publication": identity?.publication ?? "", "site": identity?.site ?? "", "colophon": identity?.colophon ?? "",
            "title": article.title,
            "authors": labels.list(article.authors), "source": article.sourceURL ?? "",
            "page": String(pageIndex + 1), "pages": String(pageCount),
            "folio": Labels.fill(labels.folio, ["page": String(pageIndex + 1), "pages": String(pageCount)]),
        ]
        let lines: [(RunningLine, ParagraphStyle, Double, Double)] = [
            (sheet.header, sheet.styles.runningHead, top - sheet.header.offset.points, top - sheet.header.offset.points / 2),
            (sheet.footer, sheet.styles.runningFoot, bottom + sheet.footer.offset.points, bottom + sheet.footer.offset.points / 2),
        ]
        let mirrored = direction.isRightToLeft
        for (line, style, baseline, ruleY) in lines where pageIndex > 0 || line.onFirstPage {
            let font = FontRequest(family: style.font, bold: style.bold, italic: style.italic, size: style.size.points)
            let color = Color(hex: style.color)
            // The start of the line holds the layout's left template; its end, the right one.
            let (startTemplate, endTemplate) = (line.left, line.right)
            let end = setLine(Self.fill(endTemplate, values), font: font, style: style, width: .infinity)
            // The logo takes its place at the line's start or end, and the text beside it moves over by its width.
            let drawn = logo.flatMap { placedLogo($0, in: line, style: style, baseline: baseline, left: left, width: width) }
            if let drawn { items.append(drawn.item) }
            let startShift = drawn?.atStart == true ? drawn!.room : 0
            let endShift = drawn?.atStart == false ? drawn!.room : 0
            // Too long for the line: the text shown is shortened; a link keeps the whole address.
            let start = setLine(Self.fill(startTemplate, values), font: font, style: style,
                                width: width - end.contentWidth - style.size.points * 2 - startShift - endShift)
            let startX = mirrored ? left + width - startShift - start.contentWidth : left + startShift
            let endX = mirrored ? left + endShift : left + width - endShift - end.contentWidth
            for (set, x) in [(start, startX), (end, endX)] {
                for run in set.runs {
                    items.append(PositionedItem(Point(x: x + run.x, y: baseline), .glyphs(run.run, color: color)))
                    fonts.insert(run.run.face.postScriptName)
                }
                if x == startX, startTemplate == "{source}", let url = article.sourceURL, start.contentWidth > 0 {
                    items.append(PositionedItem(Point(x: startX, y: baseline - style.size.points),
                                                .link(Size(width: start.contentWidth, height: style.size.points * 1.3), url: url)))
                }
            }
            if line.rule.points > 0 {
                items.append(PositionedItem(Point(x: left, y: ruleY), .rule(Size(width: width, height: line.rule.points), color: color)))
            }
        }
        return items
    }

    /// The logo as `line` places it, `logoHeight` high, its bottom a little under the baseline (where descenders end),
    /// with the room it takes from the text (its width and a gap of one type size); nil when the line has no logo.
    private func placedLogo(_ logo: ImageReference, in line: RunningLine, style: ParagraphStyle, baseline: Double, left: Double,
                            width: Double) -> (item: PositionedItem, atStart: Bool, room: Double)? {
        guard line.logo != .none, logo.pixelWidth > 0, logo.pixelHeight > 0 else { return nil }
        let height = line.logoHeight.points
        let logoWidth = min(height * logo.pixelWidth / logo.pixelHeight, width / 3)
        let drawnHeight = logoWidth * logo.pixelHeight / logo.pixelWidth
        let atStart = line.logo == .left
        // The start is the right-hand end in a right-to-left article; the layout's left and right mean start and end.
        let onLeft = atStart != direction.isRightToLeft
        let x = onLeft ? left : left + width - logoWidth
        let top = baseline + style.size.points * 0.25 - drawnHeight
        let item = PositionedItem(Point(x: x, y: top), .image(logo, Size(width: logoWidth, height: drawnHeight)))
        return (item, atStart, logoWidth + style.size.points)
    }

    /// `text` set on one line in the article's direction, shortened with an ellipsis until it fits `width`.
    private func setLine(_ text: String, font: FontRequest, style: ParagraphStyle, width: Double) -> SetLine {
        func set(_ shown: String) -> SetLine {
            let run = StyledText(shown, font: font, style: TextStyle(), language: article.language, hyphenate: false,
                                 tracking: style.tracking)
            return builder.line([run], direction: ParagraphDirection.of([run], language: article.language))
        }
        var shown = text
        var line = set(shown)
        while line.contentWidth > width, shown.count > 4 {
            shown = String(shown.dropLast(shown.count > 40 ? 4 : 2))
            line = set(shown + "…")
        }
        return line
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        Labels.fill(template, values)
    }
}
