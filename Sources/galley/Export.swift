import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport
import GalleyStyle

/// `galley export`: a whole archive to PDFs on worker threads, skipping up-to-date ones, with a manifest for the CMS.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export whole archives: parallel, incremental, fault-isolated, with a manifest the CMS can attach.",
        discussion: """
        Folders are searched recursively for files with known extensions; files named on the command line are \
        read whatever their extension. An article whose content hash (source bytes, images, layout, fonts, Galley's \
        version) matches the manifest and whose PDF is in place is skipped. Exit status: 0 all exported, 1 some \
        article failed, 2 the layout, fonts or manifest could not be loaded, 130 interrupted (Ctrl-C finishes the \
        articles in flight; a second Ctrl-C stops at once).
        """)

    @Argument(help: "Article files, folders, or - for standard input.", completion: Completions.articles)
    var inputs: [String]

    @Option(name: .long, help: "Folder for the PDFs.", completion: Completions.folder)
    var outDir = "Output"

    @Option(name: .shortAndLong, help: "Worker processes, each with its own renderer (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "The manifest to read and rewrite (default: <out-dir>/manifest.json, or manifest.shard-<i>-of-<n>.json with --shard).", completion: Completions.json)
    var manifest: String?

    @Option(name: .long, help: "Export only shard i of n, 0-based (0/4 … 3/4), chosen by a hash of the article id.")
    var shard: String?

    @Flag(name: .long, help: "Save layouts in <out-dir>/.galley-cache/layouts for `galley bundle` to reuse.")
    var keepLayouts = false

    @Flag(name: .long, help: "Rebuild every PDF, even those that are up to date.")
    var force = false

    @Flag(name: .long, help: "Print one JSON object per article, then a summary, on standard output.")
    var json = false

    @Flag(name: .shortAndLong, help: "Print only failures.")
    var quiet = false

    @Flag(name: .long, help: ArgumentHelp("Set articles in threads of this process, not in worker processes (no crash isolation; for measuring).", visibility: .hidden))
    var inProcess = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard takes i/n with 0 <= i < n, such as 0/4 (shards are 0-based)")
        }
        _ = try common.breaker()
        if let from = common.from, ArticleSource.formats[from] == nil {
            throw ValidationError("unknown format \"\(from)\" (expected one of \(ArticleSource.formats.keys.sorted().joined(separator: ", ")))")
        }
    }

    func run() throws {
        let resources = Session.resources
        let sheet: StyleSheet
        do {
            sheet = try common.sheet(from: resources)
        } catch {
            Session.report(error)
            throw ExitCode(2)
        }
        let options = common
        let outputDirectory = URL(fileURLWithPath: outDir)
        let share = shard.flatMap(Shard.init)
        // Shards sharing an output folder must not rewrite one manifest; each gets its own unless told otherwise.
        let manifestURL = manifest.map { URL(fileURLWithPath: $0) }
            ?? share.map { outputDirectory.appendingPathComponent("manifest.shard-\($0.index)-of-\($0.count).json") }
        var configuration = ExportConfiguration(
            inputs: inputs, outputDirectory: outputDirectory, manifest: manifestURL, jobs: jobs,
            sheet: sheet, lineBreaker: common.lineBreaker?.rawValue, resources: resources,
            makeRenderer: { try ArticleRenderer(sheet: sheet, resources: resources, lineBreaker: try options.breaker(), limits: try options.limits()) })
        configuration.force = force
        configuration.limits = try common.limits()
        configuration.images = try common.imageOptions.settings()
        // Articles are set in worker processes of this same executable, so that one that crashes or hangs fails alone.
        if !inProcess {
            configuration.workerExecutable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        }
        if keepLayouts { configuration.layoutCache = LayoutCache(outputDirectory: configuration.outputDirectory) }
        configuration.shard = share
        configuration.format = common.from

        let progress = ExportProgress(style: json ? .json : quiet ? .quiet : .automatic, outputFolder: outDir)
        let cancellation = ExportCancellation()
        cancellation.cancelOnSignals { progress.interrupted() }
        let exporter = ArticleExporter(configuration: configuration, observer: progress, cancellation: cancellation)
        let summary: ExportSummary
        do {
            summary = try exporter.run()
        } catch {
            Session.report(error)
            throw ExitCode(2)
        }
        if summary.interrupted { throw ExitCode(exporter.interruptedExitStatus) }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
