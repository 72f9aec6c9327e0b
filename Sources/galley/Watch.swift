import ArgumentParser
import Foundation
import GalleyExport
import GalleyFiles

/// `galley watch`: renders an article again each time it or its layout is saved, and prints the check figures, for
/// an editor working on either with the PDF open beside.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-render an article whenever it or its layout changes, printing its check figures each time.",
        discussion: """
            Watches the article file, the layout file (or every layout in Layouts/ when the layout is named), and the \
            files beside the article (its images). A failed render prints its error and waits for the next save. \
            Stop with Ctrl-C.
            """)

    @Argument(help: "The article file.", completion: .file())
    var article: String

    @Option(name: .shortAndLong, help: "Output PDF (default: Output/slug_a<id>.pdf).", completion: .file(extensions: ["pdf"]))
    var output: String?

    @Option(name: .long, help: "How often to look for changes, in milliseconds.")
    var interval = 250

    @Option(name: .long, help: .hidden)
    var renders: Int?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if interval < 20 || interval > 60_000 { throw ValidationError("--interval must be between 20 and 60000 milliseconds") }
        if let renders, renders < 1 { throw ValidationError("--renders must be at least 1") }
    }

    func run() throws {
        var done = 0
        var seen = WatchedFiles(paths: watchedPaths())
        while true {
            renderOnce()
            done += 1
            if let renders, done >= renders { return }
            Session.log("watching \(article) for changes (Ctrl-C to stop)")
            // Waits for a change, then one more interval so that an editor's save (often several writes) has settled.
            repeat {
                usleep(UInt32(interval) * 1000)
            } while !seen.changed(paths: watchedPaths())
            usleep(UInt32(interval) * 1000)
            seen = WatchedFiles(paths: watchedPaths())
        }
    }

    /// The files whose change means a new render: recomputed each look, since a layout named by path may appear.
    private func watchedPaths() -> [String] {
        var paths = [article]
        if common.layout.contains("/") || common.layout.hasSuffix(".yaml") {
            paths.append(common.layout)
        } else {
            paths += WatchedFiles.files(in: Session.resources.layouts.path)
        }
        let folder = (article as NSString).deletingLastPathComponent
        paths += WatchedFiles.files(in: folder.isEmpty ? "." : folder)
        paths += WatchedFiles.files(in: ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("images"))
        // The PDFs written are not inputs: one written beside the article must not set off another render.
        return paths.filter { !$0.lowercased().hasSuffix(".pdf") }
    }

    /// One render of every article in the file, reporting instead of stopping on any error.
    private func renderOnce() {
        let started = ContinuousClock.now
        do {
            let pipeline = try Session.pipeline(common)
            let articles = try pipeline.read(article)
            if output != nil, articles.count > 1 {
                throw ExportError("\(article) holds \(articles.count) articles, and -o names one file")
            }
            for source in articles {
                let rendered = try pipeline.render(source)
                rendered.warnings.forEach(Session.report)
                let target = output ?? URL(fileURLWithPath: "Output").appendingPathComponent(try source.outputName()).relativePath
                try ArticlePipeline.write(rendered, to: target)
                let report = CheckReport(file: source.displayName, article: rendered.typeset, warnings: [])
                let elapsed = ContinuousClock.now - started
                let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
                Session.log("wrote \(target) (\(Session.pages(rendered.document.pages.count)), \(SizeLabel.make(bytes: rendered.pdf.count)), \(milliseconds) ms)")
                print(report.text)
                fflush(stdout)
            }
        } catch let exit as ExitCode {
            // The layout could not be loaded: Session has printed why; the next save may fix it.
            Session.log("render failed (status \(exit.rawValue)); waiting for the next change")
        } catch {
            Session.report(error)
            Session.log("render failed; waiting for the next change")
        }
    }
}
