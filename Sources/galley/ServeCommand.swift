import ArgumentParser
import GalleyCommandLine

/// `galley serve`: parsed and checked here, so that its help, man page and completions are `galley`'s; the service
/// itself runs in `galley-net` (see `NetworkCommand`).
struct ServeCommand: ParsableCommand {
    static let configuration = ServeOptions.configuration

    @OptionGroup var options: ServeOptions

    func run() throws {
        NetworkCommand.replaceProcess(with: Array(CommandLine.arguments.dropFirst()))
    }
}
