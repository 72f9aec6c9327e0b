import ArgumentParser
import Foundation
import GalleyDiagnostics
import GalleyExport
import GalleyFiles
import GalleyFonts
import GalleyStyle

/// What the commands share: locating resources, loading the layout, reporting.
public enum Session {
    /// Where Galley's layouts and fonts are, found once per process.
    public static let resources = GalleyResources.locate()

    /// The article renderer for `options`; a bad layout or config is reported and exits with status 2.
    public static func renderer(_ options: CommonOptions) throws -> ArticleRenderer {
        let sheet: StyleSheet
        do {
            sheet = try options.sheet(from: resources)
        } catch {
            report(error)
            throw ExitCode(2)
        }
        do {
            return try ArticleRenderer(sheet: sheet, resources: resources, lineBreaker: try options.breaker(), limits: try options.limits())
        } catch let error as ValidationError {
            throw error
        } catch {
            report(error)
            throw ExitCode(2)
        }
    }

    /// Starts, on a thread of its own, what a typesetting command will need before its options are known: Galley's
    /// resources, the font catalogue with its pinned files checked and its families listed, and then the article
    /// file `arguments` most likely name, read while its languages' hyphenation patterns load beside it
    /// (`ArticleReadAhead`).
    ///
    /// Called with the command line's words before they are parsed, so that this runs on the second core while
    /// ArgumentParser reflects the command (a seventh of a cold `render`). The command then finds the results made,
    /// or waits for them under their locks; nothing is read twice. A failure is left for the command to meet and
    /// report itself, and a wrong guess costs only the other core's time.
    public static func warmUp(_ arguments: [String]) {
        let guess = ArticleReadAhead.likelyArticleFile(among: arguments)
        let work = ThreadValue { () -> [SourcedArticle]? in
            if let catalog = try? FontCatalog.load(fontsDirectory: resources.fonts) {
                // The layout checks its families against every font; the shaper lists the bundled ones too.
                _ = try? catalog.installedFamilies(.all)
                _ = try? catalog.installedFamilies(.bundled)
            }
            return guess.flatMap(ArticleReadAhead.readGuess)
        }
        if let guess { ArticleReadAhead.offer(guess) { work.wait() } }
    }

    /// The article pipeline for `options`: its layout, line breaker, input format and limits.
    public static func pipeline(_ options: CommonOptions) throws -> ArticlePipeline {
        ArticlePipeline(renderer: try renderer(options), format: options.from,
                        remoteImages: RemoteImages(settings: try options.imageOptions.settings(), limits: try options.limits()))
    }

    /// What a one-shot command made and uses to its end, kept until the process exits (see `commandPipeline`).
    nonisolated(unsafe) private static var kept: [Any] = []

    /// The pipeline of a command that ends its process when it is done (`render`, `check`, `boxes`), and its article
    /// files `paths` read ahead of their use (`ArticleReadAhead`), in order.
    ///
    /// The reading starts before the pipeline is made, so that the first file is read while the layout and fonts
    /// are. The process is marked as one that ends with its command (`endsWithCommand`), and the pipeline is kept
    /// until the exit: its teardown (the font maps, shaping caches and glyph tables, and the font-set sorts a font map
    /// runs as it ends) is work the kernel does for free when the process exits. Called once, on the command's own
    /// thread.
    public static func commandPipeline(_ options: CommonOptions, reading paths: [String]) throws -> (pipeline: ArticlePipeline, files: ArticleReadAhead) {
        // Invalid limits start no reading: making the pipeline reports them, after the layout's own errors as before.
        let early = (try? options.limits()).map { ArticleReadAhead(paths, format: options.from, limits: $0) }
        endsWithCommand()
        let made = try pipeline(options)
        kept.append(made)
        return (made, early ?? ArticleReadAhead(paths, format: made.format, limits: made.limits))
    }

    /// Says that this process ends with its command, so that font maps that end before it leave their unread
    /// font-set sorts to the exit (see `FontHooks.keepSortsUntilExit`), and large values are not freed on threads of
    /// their own (`BackgroundRelease.keepUntilExit`); called first by `render`, `check`, `boxes` and `bundle`.
    public static func endsWithCommand() {
        FontHooks.keepSortsUntilExit()
        BackgroundRelease.keepUntilExit()
    }

    /// Ends the process with status 0 now, once a command that ends with the process has written and said
    /// everything: what it still holds is given back by the kernel at once, not freed object by object.
    public static func endProcess() -> Never {
        // Every C stream at once (print's); Galley's own messages go straight to the file descriptor.
        fflush(nil)
        exit(0)
    }

    /// Prints `error` to standard error as a sentence.
    public static func report(_ error: any Error) {
        let text = sentence(for: error)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The error as a sentence: Galley's own errors say what they mean; a Foundation error from a file operation
    /// is turned into one naming its path, so that no `NSCocoaErrorDomain` code reaches the user.
    public static func sentence(for error: any Error) -> String {
        switch error {
        case is Diagnostic, is FileProblem, is ExportError: return String(describing: error)
        default:
            let ns = error as NSError
            guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return String(describing: error) }
            let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path ?? "a file"
            return FileProblem.from(error, path: path, action: "failed").description
        }
    }

    /// "1 page", "2 pages": the count as the status lines print it.
    public static func pages(_ count: Int) -> String {
        count == 1 ? "1 page" : "\(count) pages"
    }

    /// Prints `line` to standard error.
    public static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The example articles' paths, sorted.
    public static func examples() -> [String] {
        let folder = resources.root.appendingPathComponent("Examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// This process's peak resident memory, in MB.
    public static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss / 1024)
    }
}
