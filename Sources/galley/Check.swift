import ArgumentParser
import Foundation
import GalleyExport
import GalleyLayout

/// `galley check`: preflight figures measured by the typesetter itself.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preflight: overfull and loose lines, adjustment ratios, hyphens, widows, orphans, missing glyphs, fonts.")

    @Argument(help: "Article files.")
    var articles: [String]

    @Flag(help: "Print one JSON object per article.")
    var json = false

    @Flag(help: "Exit with status 1 when any problem is found.")
    var strict = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        let renderer = try Session.renderer(common)
        var problems = 0
        var failures = 0
        for path in articles {
            do {
                let document = renderer.layout(try ArticleSource.read(path, format: common.from), source: path)
                let quality = document.quality
                let found = quality.overfullLines + quality.widows + quality.orphans + quality.strandedHeadings
                    + quality.missingGlyphs + (quality.longestHyphenRun > 2 ? 1 : 0)
                problems += found
                if json {
                    let report = CheckReport(file: path, pages: document.pages.count, quality: quality, problems: found)
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    print(String(decoding: try encoder.encode(report), as: UTF8.self))
                } else {
                    print(Self.text(path, pages: document.pages.count, quality: quality, problems: found))
                }
            } catch {
                failures += 1
                Session.report(error)
            }
        }
        if failures > 0 || (strict && problems > 0) { throw ExitCode(1) }
    }

    private struct CheckReport: Encodable {
        var file: String
        var pages: Int
        var quality: QualityReport
        var problems: Int
        var meanAbsoluteRatio: Double

        init(file: String, pages: Int, quality: QualityReport, problems: Int) {
            self.file = file
            self.pages = pages
            self.quality = quality
            self.problems = problems
            meanAbsoluteRatio = (quality.meanAbsoluteRatio * 1000).rounded() / 1000
        }
    }

    private static func text(_ path: String, pages: Int, quality: QualityReport, problems: Int) -> String {
        let ratio = String(format: "max %.3f, mean %.3f", quality.maxAbsoluteRatio, quality.meanAbsoluteRatio)
        return """
        \(path): \(problems == 0 ? "ok" : "\(problems) problem(s)")
          pages \(pages), justified lines \(quality.justifiedLines)
          overfull lines \(quality.overfullLines), loose lines \(quality.looseLines), adjustment ratio |r| \(ratio)
          hyphenated lines \(quality.hyphenatedLines), longest run \(quality.longestHyphenRun)
          widows \(quality.widows), orphans \(quality.orphans), headings at a page foot \(quality.strandedHeadings)
          missing glyphs \(quality.missingGlyphs), fonts \(quality.fonts.joined(separator: ", "))
        """
    }
}
