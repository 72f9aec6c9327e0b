import Foundation
import GalleyExport
import GalleyModel
import GalleyStyle
import Testing

/// The Arabic, Japanese, Chinese and Hindi examples through the whole pipeline, checked from their PDFs as a reader
/// would: every character drawn, every word extractable, no line past its measure, right-to-left pages set from the
/// right, Chinese characters in the forms of the article's language, and the printed words in that language.
@Suite struct WorldScriptTests {
    static let examples = ["ar-ouvriers-al-mina.json", "ja-kaigo-rodo.json", "zh-kuaidi-qishou.json", "hi-asha-karyakarta.json"]

    private func render(_ name: String) throws -> (article: Article, pdf: URL, pages: Int, quality: QualityReportSummary) {
        let resources = GalleyResources(root: Workspace.root)
        let renderer = try ArticleRenderer(sheet: try resources.layout("article-a4"), resources: resources)
        let article = try ArticleSource.read(Workspace.example(name))
        let rendered = try renderer.render(article)
        let url = try Workspace.temporaryFolder().appendingPathComponent(Slug.fileName(title: article.title, id: article.id))
        try rendered.pdf.write(to: url)
        let quality = rendered.document.quality
        return (article, url, rendered.document.pages.count,
                QualityReportSummary(missing: quality.missingGlyphs, overfull: quality.overfullLines, warnings: rendered.warnings.count))
    }

    struct QualityReportSummary {
        var missing: Int
        var overfull: Int
        var warnings: Int
    }

    @Test(arguments: examples)
    func everyCharacterIsDrawnAndNoLineIsOverfull(_ name: String) async throws {
        let result = try render(name)
        #expect(result.quality.missing == 0)
        #expect(result.quality.overfull == 0)
        #expect(result.quality.warnings == 0)
        #expect(result.pages >= 2)
        // Independently of Galley's own count: pdffonts lists only embedded subsets of the bundled and pinned faces.
        let fonts = try await Workspace.poppler("pdffonts", [result.pdf.path]).split(separator: "\n").dropFirst(2)
        for row in fonts { #expect(row.contains("+Noto"), "\(row)") }
    }

    /// The words of the article come back from `pdftotext`: in order for left-to-right text (by character for Chinese
    /// and Japanese, which have no spaces), as a multiset for right-to-left text, whose extraction order varies.
    @Test(arguments: examples)
    func atLeastNinetyNinePercentOfTheWordsAreExtracted(_ name: String) async throws {
        let result = try render(name)
        let text = try await Workspace.poppler("pdftotext", [result.pdf.path, "-"])
        let source = TextFidelity.pieces(of: result.article).joined(separator: " ")
        let language = LanguageTag(result.article.language)
        let recall: Double
        if language.direction == .rightToLeft {
            recall = TextFidelity.multisetRecall(TextFidelity.words(source), in: TextFidelity.words(text))
        } else if language.script.writesWordsWithoutSpaces {
            recall = TextFidelity.orderedRecall(TextFidelity.letters(source), in: TextFidelity.letters(text))
        } else {
            recall = TextFidelity.orderedRecall(TextFidelity.words(source), in: TextFidelity.words(text))
        }
        #expect(recall >= 0.99, "recall \(recall)")
    }

    /// Right to left: lines that do not fill the measure (paragraph ends, headings, list items) are set from the
    /// right, leaving their space on the left.
    @Test func arabicLinesAreSetFromTheRight() async throws {
        let result = try render("ar-ouvriers-al-mina.json")
        let lines = try TextFidelity.printedLines(try await Workspace.poppler("pdftotext", ["-bbox", result.pdf.path, "-"]))
        let sheet = try GalleyResources(root: Workspace.root).layout("article-a4")
        let right = sheet.page.size.width.points - sheet.page.margins.outer.points
        let left = sheet.page.margins.inner.points
        let body = lines.filter { $0.yMin > sheet.page.margins.top.points && $0.yMax < sheet.page.size.height.points - sheet.page.margins.bottom.points }
        let short = body.filter { $0.xMax - $0.xMin < 0.8 * sheet.textWidth }
        let fromTheRight = short.filter { right - $0.xMax < $0.xMin - left }.count
        #expect(short.count > 20)
        // The exceptions, five lines: the French quotation's last line (left to right), the table's header of years,
        // and the lines the layout sets at a line's end (an attribution, the sign-off), which is the left in
        // right-to-left text.
        #expect(fromTheRight >= short.count - 5, "\(fromTheRight) of \(short.count) short lines are set from the right")
    }

    /// Kinsoku: no line of the Japanese or Chinese text starts with closing punctuation or ends with opening.
    @Test(arguments: ["ja-kaigo-rodo.json", "zh-kuaidi-qishou.json"])
    func noLineStartsWithClosingOrEndsWithOpeningPunctuation(_ name: String) async throws {
        let result = try render(name)
        let lines = try TextFidelity.lineBoxes(try await Workspace.poppler("pdftotext", ["-bbox-layout", result.pdf.path, "-"]))
        let closing: Set<Character> = ["、", "。", "」", "）", "』", "，", "：", "；", "！", "？"]
        let opening: Set<Character> = ["「", "（", "『", "“"]
        for line in lines {
            guard let first = line.text.first, let last = line.text.last else { continue }
            #expect(!closing.contains(first), "line starts with \(first): \(line.text)")
            #expect(!opening.contains(last), "line ends with \(last): \(line.text)")
        }
    }

    /// The same Chinese characters take the Japanese forms in the Japanese article and the Simplified Chinese
    /// forms in the Chinese one: the font stacks choose the face by language.
    @Test func hanFormsFollowTheLanguage() async throws {
        let japanese = try await Workspace.poppler("pdffonts", [try render("ja-kaigo-rodo.json").pdf.path])
        let chinese = try await Workspace.poppler("pdffonts", [try render("zh-kuaidi-qishou.json").pdf.path])
        #expect(japanese.contains("CJKjp") && !japanese.contains("CJKsc"))
        #expect(chinese.contains("CJKsc") && !chinese.contains("CJKjp"))
    }

    /// Printed words and dates are in the article's language, from the built-in labels and the locale's template.
    @Test func bylineAndDateAreInTheArticlesLanguage() async throws {
        let text = try await Workspace.poppler("pdftotext", [try render("ja-kaigo-rodo.json").pdf.path, "-"])
        #expect(text.replacingOccurrences(of: " ", with: "").contains("2025年8月25日"), "the Japanese date")
        #expect(!text.contains("by "), "no English byline")
        #expect(text.contains("ページ"), "the Japanese folio")
    }
}
