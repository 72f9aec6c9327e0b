import ArgumentParser
import Foundation
import GalleyExport
import GalleyLayout

/// `galley check`: preflight figures measured by the typesetter itself, for every article of every file.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preflight: overfull and loose lines, adjustment ratios, hyphens, widows, orphans, missing glyphs, fonts, language.")

    @Argument(help: "Article files (every article of a file with several, such as a WordPress export, is checked).", completion: Completions.articles)
    var articles: [String]

    @Flag(help: "Print one JSON object per article.")
    var json = false

    @Flag(help: "Exit with status 1 when any problem is found.")
    var strict = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        let pipeline = try Session.pipeline(common)
        var problems = 0
        var failures = 0
        for path in articles {
            do {
                for article in try pipeline.read(path) {
                    let typeset = try pipeline.typeset(article)
                    let quality = typeset.document.quality
                    // Loose lines count: a layout's tolerance is the promise its justified lines keep.
                    let found = quality.overfullLines + quality.looseLines + quality.widows + quality.orphans
                        + quality.strandedHeadings + quality.missingGlyphs + (quality.longestHyphenRun > 2 ? 1 : 0)
                    problems += found
                    let report = CheckReport(file: article.displayName, article: typeset, problems: found,
                                             warnings: typeset.warnings.map(\.description))
                    if json {
                        let encoder = JSONEncoder()
                        encoder.outputFormatting = [.sortedKeys]
                        print(String(decoding: try encoder.encode(report), as: UTF8.self))
                    } else {
                        print(report.text)
                    }
                }
            } catch {
                failures += 1
                Session.report(error)
            }
        }
        if failures > 0 || (strict && problems > 0) { throw ExitCode(1) }
    }

    /// One article's figures, as text or JSON.
    private struct CheckReport: Encodable {
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

        init(file: String, article: TypesetArticle, problems: Int, warnings: [String]) {
            self.file = file
            id = article.article.id
            title = article.article.title
            language = article.article.language
            languageDetected = article.detectedLanguage != nil
            pages = article.document.pages.count
            quality = article.document.quality
            self.problems = problems
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
            for note in quality.lineNotes.prefix(20) {
                let kind = note.kind == .looseLine ? "loose line" : "overfull line"
                lines.append("  page \(note.page.map(String.init) ?? "?"): \(kind) (ratio \(String(format: "%.2f", note.ratio))): \(note.text)")
            }
            if quality.lineNotes.count > 20 { lines.append("  … and \(quality.lineNotes.count - 20) more lines") }
            lines += warnings.map { "  \($0)" }
            return lines.joined(separator: "\n")
        }
    }
}
