import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport
import GalleyLayout

/// `galley check`: preflight figures measured by the typesetter itself, for every article of every file.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Preflight: overfull and loose lines, adjustment ratios, hyphens, widows, orphans, missing glyphs, fonts, language.")

    @Argument(help: "Article files (every article of a file with several, such as a WordPress export, is checked).", completion: Completions.articles)
    var articles: [String]

    @Flag(help: "Print one JSON object per article.")
    var json = false

    @Flag(help: "Exit with status 1 when any problem is found.")
    var strict = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        let (pipeline, files) = try Session.commandPipeline(common, reading: articles)
        var problems = 0
        var failures = 0
        while let file = files.next() {
            do {
                for article in try file.articles.get() {
                    let typeset = try pipeline.typeset(article)
                    let report = CheckReport(file: article.displayName, article: typeset, warnings: typeset.warnings.map(\.description))
                    problems += report.problems
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
}
