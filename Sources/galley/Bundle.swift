import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport
import GalleyFiles
import GalleyStyle

/// `galley bundle`: one PDF of a whole issue.
struct Bundle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Bind an issue (issue.yaml) into one PDF: cover, contents, articles, running heads, outline.")

    @Argument(help: "The issue file (see docs/issue-format.md).", completion: Completions.issue)
    var issue: String

    @Option(name: .shortAndLong, help: "Output PDF (default: Output/<issue file name>.pdf).", completion: Completions.pdf)
    var output: String?

    @Option(name: .long, help: "Layout name or path (default: the issue's, else article-a4).", completion: Completions.layouts)
    var layout: String?

    @Option(name: .long, help: "Worker threads for laying out articles (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "Layout cache shared with `galley export` (default: .galley-cache/layouts beside the output).", completion: Completions.folder)
    var layoutCache: String?

    @Flag(name: .long, help: "Neither read nor write the layout cache.")
    var noCache = false

    @Option(name: .long, help: "The PDF standard: none, ua-1, a-2b or a-3b (default: the layout's pdf.standard).")
    var pdfStandard: PDFSettings.Standard?

    @OptionGroup var configOption: ConfigOption

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup(title: "Remote images") var imageOptions: ImageOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        try RepeatedOptions.refuse(in: CommandLine.arguments)
    }

    func run() throws {
        Session.endsWithCommand()
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let name = URL(fileURLWithPath: issue).deletingPathExtension().lastPathComponent
            let target = URL(fileURLWithPath: output ?? "Output/\(name).pdf")
            let cache = noCache ? nil : layoutCache.map { LayoutCache(directory: URL(fileURLWithPath: $0)) }
                ?? LayoutCache(outputDirectory: target.deletingLastPathComponent())
            let bundler = IssueBundler(resources: Session.resources, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                       limits: try limitOptions.limits(), images: try imageOptions.settings())
            try bundler.bundle(issue, layout: layout, standard: pdfStandard, cache: cache,
                               config: try configOption.load(limits: try limitOptions.limits())) { result in
                result.warnings.forEach(Session.report)
                try OutputFile.write(result.data, to: target.path)
                let elapsed = clock.now - started
                let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
                Session.log("wrote \(target.relativePath) (\(Session.pages(result.document.pages.count)), \(SizeLabel.make(bytes: result.data.count)), \(Int(milliseconds)) ms, \(result.reusedLayouts) of \(result.document.outline.filter { $0.level == 1 }.count) layouts reused)")
                // The file is written and everything said: the process ends here, and the kernel takes its memory
                // back whole rather than the issue's articles, pages and caches being freed one by one.
                Session.endProcess()
            }
        } catch {
            Session.report(error)
            throw ExitCode(1)
        }
    }
}
