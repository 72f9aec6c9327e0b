import ArgumentParser
import GalleyFetchHTTP

/// `galley-net`: the commands of Galley that speak HTTP, in an executable of their own so that `galley` starts
/// without the network stack. `galley serve` and `galley publish` run this program; `galley` asks it for remote
/// images through the hidden `fetch-images` command.
@main
struct GalleyNet: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named as users call it: `galley serve` runs this program, and its usage lines should say so.
        commandName: "galley",
        abstract: "Galley's network commands (run as galley serve and galley publish).",
        version: "0.1.0",
        subcommands: [Serve.self, Publish.self, FetchImages.self])

    /// Installs the HTTP fetcher, then parses the command line and runs the command.
    static func main() {
        HTTPImageDownloads.install()
        main(nil)
    }
}
