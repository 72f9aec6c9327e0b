import Foundation
import GalleyExport
import GalleyLayout

/// One article's figures, as text or JSON.
struct CheckReport: Encodable {
    var file: String
    var id: String
    var title: String
    var language: String
    var languageDetected: Bool
    var pages: Int
    var quality: QualityReport
    var problems: Int
    var meanAbsoluteRatio: Double
    var warnings: [String]

    /// The problems `check --strict` fails on in `quality`; loose lines count, since a layout's tolerance is the
    /// promise its justified lines keep.
    static func problems(in quality: QualityReport) -> Int {
        quality.overfullLines + quality.looseLines + quality.widows + quality.orphans + quality.strandedHeadings
            + quality.missingGlyphs + (quality.longestHyphenRun > 2 ? 1 : 0) + (quality.offGridLines ?? 0)
    }

    init(file: String, article: TypesetArticle, warnings: [String]) {
        self.file = file
        id = article.article.id
        title = article.article.title
        language = article.article.language
        languageDetected = article.detectedLanguage != nil
        pages = article.document.pages.count
        quality = article.document.quality
        problems = Self.problems(in: article.document.quality)
        meanAbsoluteRatio = (quality.meanAbsoluteRatio * 1000).rounded() / 1000
        self.warnings = warnings
    }

    var text: String {
        let ratio = String(format: "max %.3f, mean %.3f", quality.maxAbsoluteRatio, quality.meanAbsoluteRatio)
        let missing = quality.missingCharacters.isEmpty ? "" : " (\(quality.missingCharacters.unicodeScalars.prefix(20).map { String($0) }.joined(separator: " ")))"
        var lines = [
            "\(file) [\(id)]: \(problems == 0 ? "ok" : "\(problems) problem(s)")",
            "  language \(language)\(languageDetected ? " (detected)" : ""), pages \(pages), justified lines \(quality.justifiedLines)",
            "  overfull lines \(quality.overfullLines), loose lines \(quality.looseLines), adjustment ratio |r| \(ratio)",
            "  hyphenated lines \(quality.hyphenatedLines), longest run \(quality.longestHyphenRun)",
            "  widows \(quality.widows), orphans \(quality.orphans), headings at a page foot \(quality.strandedHeadings)",
            "  missing glyphs \(quality.missingGlyphs)\(missing), fonts \(quality.fonts.joined(separator: ", "))",
        ]
        if let offGrid = quality.offGridLines { lines.append("  lines off the baseline grid \(offGrid)") }
        for note in quality.lineNotes.prefix(20) {
            let kind = note.kind == .looseLine ? "loose line" : "overfull line"
            lines.append("  page \(note.page.map(String.init) ?? "?"): \(kind) (ratio \(String(format: "%.2f", note.ratio))): \(note.text)")
        }
        if quality.lineNotes.count > 20 { lines.append("  … and \(quality.lineNotes.count - 20) more lines") }
        lines += warnings.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
