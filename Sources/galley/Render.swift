import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyDiagnostics
import GalleyExport
import GalleyFiles

/// `galley render`: articles to PDF files.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render articles to PDF (named slug_a<id>.pdf).")

    @Argument(help: "Article files, or - for standard input.", completion: Completions.articles)
    var articles: [String]

    @Option(name: .shortAndLong, help: "Output file for a single article; - writes the PDF to standard output.", completion: Completions.pdf)
    var output: String?

    @Option(name: .long, help: "Folder for the PDFs.", completion: Completions.folder)
    var outDir = "Output"

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if output != nil && articles.count != 1 { throw ValidationError("-o/--output takes exactly one article; use --out-dir for several") }
    }

    func run() throws {
        let (pipeline, files) = try Session.commandPipeline(common, reading: articles)
        var failures = 0
        // Output names already written in this run, lower-cased (one file on case-insensitive file systems), with
        // their source: a second article of the same name is refused rather than written over the first.
        var written: [String: String] = [:]
        while let file = files.next() {
            do {
                let articles = try file.articles.get()
                if output != nil, articles.count > 1 {
                    throw Diagnostic(file: articles[0].displayName, message: "holds \(articles.count) articles, and -o names one file; use --out-dir")
                }
                for article in articles {
                    do {
                        try render(article, with: pipeline, written: &written)
                    } catch {
                        failures += 1
                        Session.report(error)
                    }
                }
            } catch {
                failures += 1
                Session.report(error)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    private func render(_ article: SourcedArticle, with pipeline: ArticlePipeline, written: inout [String: String]) throws {
        // The id is held to the file-name rule whether or not it names the file. The slug is made only when it does
        // (not with -o), and on a thread of its own while the article is set: a Chinese or Japanese title makes ICU
        // build its Han transliterator first, which costs more than setting most articles.
        try ArticleNaming.checkID(of: article.article, file: article.displayName)
        let slug = output != nil ? nil : ThreadValue { [title = article.article.title, id = article.article.id] in
            Slug.fileName(title: title, id: id)
        }
        let place = "\(article.displayName) (id \(article.article.id))"
        let rendered = try pipeline.render(article)
        let target: String
        if let slug {
            target = URL(fileURLWithPath: outDir).appendingPathComponent(slug.wait()).relativePath
        } else {
            target = output ?? outDir
        }
        if output != "-", let first = written[target.lowercased()] {
            throw Diagnostic(file: article.displayName, path: "id", message: "its output file \(target) is also the output of \(first); it is not written")
        }
        rendered.warnings.forEach(Session.report)
        if output == "-" {
            try OutputFile.writeAll(rendered.pdf, to: STDOUT_FILENO, path: "<stdout>")
            return
        }
        try ArticlePipeline.write(rendered, to: target)
        written[target.lowercased()] = place
        Session.log("wrote \(target) (\(Session.pages(rendered.document.pages.count)), \(SizeLabel.make(bytes: rendered.pdf.count)))")
    }
}
