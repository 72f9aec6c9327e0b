import ArgumentParser
import Foundation
import GalleyDiagnostics
import GalleyExport

/// `galley render`: articles to PDF files.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render articles to PDF (named slug_a<id>.pdf).")

    @Argument(help: "Article files, or - for standard input.")
    var articles: [String]

    @Option(name: .shortAndLong, help: "Output file for a single article; - writes the PDF to standard output.")
    var output: String?

    @Option(name: .long, help: "Folder for the PDFs.")
    var outDir = "Output"

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if output != nil && articles.count != 1 { throw ValidationError("-o/--output takes exactly one article; use --out-dir for several") }
    }

    func run() throws {
        let renderer = try Session.renderer(common)
        var failures = 0
        for path in articles {
            do {
                for result in try ArticleSource.readAll(path, format: common.from) {
                    result.warnings.forEach(Session.report)
                    let article = result.article
                    let source = path == "-" ? nil : path
                    let rendered = try renderer.render(article, source: source)
                    rendered.warnings.forEach(Session.report)
                    let (data, document) = (rendered.pdf, rendered.document)
                    if output == "-" {
                        FileHandle.standardOutput.write(data)
                        continue
                    }
                    let target = output.map { URL(fileURLWithPath: $0) }
                        ?? URL(fileURLWithPath: outDir).appendingPathComponent(Slug.fileName(title: article.title, id: article.id))
                    try AtomicFile.write(data, to: target)
                    Session.log("wrote \(target.relativePath) (\(document.pages.count) pages, \(SizeLabel.make(bytes: data.count)))")
                }
            } catch {
                failures += 1
                Session.report(error)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
