import Foundation
import GalleyModel
import GalleyStyle

/// Draws running heads and feet, which depend on the page number and count.
struct PageDecorator {
    let sheet: StyleSheet
    let article: Article
    let builder: NodeListBuilder

    /// The left edge of the text block: right-hand (odd) pages have the inner margin on the left.
    func textLeft(pageIndex: Int) -> Double {
        pageIndex % 2 == 0 ? sheet.page.margins.inner.points : sheet.page.margins.outer.points
    }

    func decorations(pageIndex: Int, pageCount: Int, fonts: inout Set<String>) -> [PositionedItem] {
        var items: [PositionedItem] = []
        let left = textLeft(pageIndex: pageIndex)
        let width = sheet.textWidth
        let top = sheet.page.margins.top.points
        let bottom = top + sheet.textHeight
        let labels = sheet.labels(for: article.language)
        let values: [String: String] = [
            "publication": sheet.publication, "title": article.title,
            "authors": article.authors.joined(separator: ", "), "source": article.sourceURL ?? "",
            "page": String(pageIndex + 1), "pages": String(pageCount),
            "folio": labels.folio.replacingOccurrences(of: "{page}", with: String(pageIndex + 1))
                .replacingOccurrences(of: "{pages}", with: String(pageCount)),
        ]
        let lines: [(RunningLine, ParagraphStyle, Double, Double)] = [
            (sheet.header, sheet.styles.runningHead, top - sheet.header.offset.points, top - sheet.header.offset.points / 2),
            (sheet.footer, sheet.styles.runningFoot, bottom + sheet.footer.offset.points, bottom + sheet.footer.offset.points / 2),
        ]
        for (line, style, baseline, ruleY) in lines where pageIndex > 0 || line.onFirstPage {
            let font = FontRequest(family: style.font, bold: style.bold, italic: style.italic, size: style.size.points)
            let color = Color(hex: style.color)
            let rightText = Self.fill(line.right, values)
            let rightRuns = builder.shape(rightText, font: font, language: article.language, tracking: style.tracking)
            let rightWidth = rightRuns.reduce(0) { $0 + $1.width }
            // Too long for the line: the text shown is shortened; a link keeps the whole address.
            let leftRuns = builder.shapeFitting(Self.fill(line.left, values), width: width - rightWidth - style.size.points * 2,
                                                font: font, language: article.language, tracking: style.tracking)
            var x = left
            for run in leftRuns {
                items.append(PositionedItem(Point(x: x, y: baseline), .glyphs(run, color: color)))
                fonts.insert(run.face.postScriptName)
                x += run.width
            }
            if line.left == "{source}", let url = article.sourceURL, x > left {
                items.append(PositionedItem(Point(x: left, y: baseline - style.size.points), .link(Size(width: x - left, height: style.size.points * 1.3), url: url)))
            }
            var rightX = left + width - rightWidth
            for run in rightRuns {
                items.append(PositionedItem(Point(x: rightX, y: baseline), .glyphs(run, color: color)))
                fonts.insert(run.face.postScriptName)
                rightX += run.width
            }
            if line.rule.points > 0 {
                items.append(PositionedItem(Point(x: left, y: ruleY), .rule(Size(width: width, height: line.rule.points), color: color)))
            }
        }
        return items
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = template
        for (key, value) in values { result = result.replacingOccurrences(of: "{\(key)}", with: value) }
        return result
    }
}
