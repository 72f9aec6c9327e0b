import ArgumentParser
import GalleyCommandLine
import GalleyFiles
import GalleyFetch
import GalleyFonts

/// The `galley` command: typesets articles into print-ready PDFs.
@main
struct Galley: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "galley",
        abstract: "Typeset articles into print-ready PDF.",
        version: "0.1.0",
        subcommands: [Init.self, Render.self, Watch.self, Export.self, ServeCommand.self, PublishCommand.self, Bundle.self, Boxes.self, Check.self, Extract.self, Manifest.self, Bench.self, BenchExport.self, BenchBundle.self,
                      ExportWorker.self])

    /// The commands that set articles with Galley's fonts as soon as they start.
    private static let typesetting: [String] = ([Render.self, Check.self, Boxes.self, Bundle.self] as [any ParsableCommand.Type]).compactMap { $0.configuration.commandName }

    /// Parses the command line and runs the command, with fontconfig's unused system default left unread.
    static func main() {
        // An issue's bundling starts again at once with huge pages for its heaps, before anything else is done twice.
        LargePages.restartIfWorthIt()
        // The process is Galley's alone: nothing in it needs the system's fonts (see quietSystemDefault).
        FontConfiguration.quietSystemDefault()
        // Remote figure images are downloaded by galley-net, in a child process, for every command that meets one.
        HelperDownloader.install()
        // A command that sets type gets its fonts ready on the other core while its options are parsed.
        let words = CommandLine.arguments.dropFirst()
        if let command = words.first, typesetting.contains(command) {
            Session.warmUp(Array(words.dropFirst()))
        }
        main(nil)
    }
}
