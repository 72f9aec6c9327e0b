import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport
import GalleyFiles
import GalleyStyle

/// `galley watch`: renders an article again each time it or its layout is saved, and prints the check figures, for
/// an editor working on either with the PDF open beside.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-render an article whenever it or its layout changes, printing its check figures each time.",
        discussion: """
            Watches the article file, the layout file (or every layout in Layouts/ when the layout is named), \
            galley.yaml and its logo, and the pictures beside the article or in its images/ folder. A failed render prints its error and waits for the next save. \
            Stop with Ctrl-C.
            """)

    @Argument(help: "The article file.", completion: Completions.articles)
    var article: String

    @Option(name: .shortAndLong, help: "Output PDF (default: Output/slug_a<id>.pdf).", completion: Completions.pdf)
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
        // A galley.yaml that cannot be read now is still watched by its path, so that fixing it starts a render.
        let configPath = common.configOption.config
            ?? GalleyConfigLoader.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))?.path
        let config = try? common.configOption.load(limits: (try? common.limits()) ?? Limits())
        if let configPath { paths.append(configPath) }
        if let logo = config?.identity.logo { paths.append(logo) }
        let layout = common.layoutName(config: config)
        if layout.contains("/") || layout.hasSuffix(".yaml") {
            paths.append(layout)
        } else {
            paths += WatchedFiles.files(in: Session.resources.layouts.path)
        }
        // Pictures beside the article and in its images/ folder; other files there (logs, notes, the PDF) are not inputs.
        let folder = (article as NSString).deletingLastPathComponent.isEmpty ? "." : (article as NSString).deletingLastPathComponent
        let pictures = WatchedFiles.files(in: folder) + WatchedFiles.files(in: (folder as NSString).appendingPathComponent("images"))
        paths += pictures.filter { Self.pictureExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
        return paths
    }

    /// The extensions of the picture files a watch looks at beside the article.
    static let pictureExtensions: Set<String> = ["png", "jpg", "jpeg", "svg", "gif", "webp", "tif", "tiff"]

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
                let name = try source.outputName()
                let target = output ?? URL(fileURLWithPath: "Output").appendingPathComponent(name).relativePath
                try ArticlePipeline.write(rendered, to: target)
                let report = CheckReport(file: source.displayName, article: rendered.typeset, warnings: [])
                let elapsed = ContinuousClock.now - started
                let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
                Session.log("wrote \(target) (\(Session.pages(rendered.document.pages.count)), \(SizeLabel.make(bytes: rendered.pdf.count)), \(milliseconds) ms)")
                // Written straight to the descriptor: print's buffer would hold the figures back when stdout is a pipe.
                FileHandle.standardOutput.write(Data((report.text + "\n").utf8))
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
