import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport

/// `galley bench`: renders articles repeatedly in one process and reports speed and memory.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Benchmark: render articles N times; print ms/article, pages/s, peak RSS.")

    @Argument(help: "Article files (default: every .json in Examples/).", completion: Completions.articles)
    var articles: [String] = []

    @Option(name: .shortAndLong, help: "Renders of each article.")
    var iterations = 20

    @OptionGroup var common: CommonOptions

    func run() throws {
        let files = articles.isEmpty ? Session.examples() : articles
        let loaded = try files.map { try ArticleSource.read($0) }
        let renderer = try Session.renderer(common)
        _ = try loaded.map { try renderer.pdf($0) }
        var pages = 0
        var bytes = 0
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<iterations {
                for article in loaded {
                    let (data, document) = try renderer.pdf(article)
                    pages += document.pages.count
                    bytes += data.count
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let renders = iterations * loaded.count
        print("articles: \(loaded.count) × \(iterations) iterations = \(renders) renders, \(pages) pages")
        print(String(format: "ms per article: %.2f", seconds * 1000 / Double(renders)))
        print(String(format: "pages per second: %.1f", Double(pages) / seconds))
        print(String(format: "MB of PDF per second: %.2f", Double(bytes) / seconds / 1_048_576))
        print("peak RSS: \(Session.peakResidentMegabytes()) MB")
    }
}
