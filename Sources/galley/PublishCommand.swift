import ArgumentParser
import GalleyCommandLine

/// `galley publish`: parsed and checked here, so that its help, man page and completions are `galley`'s; publishing
/// itself runs in `galley-net` (see `NetworkCommand`).
struct PublishCommand: ParsableCommand {
    static let configuration = PublishOptions.configuration

    @OptionGroup var options: PublishOptions

    func run() throws {
        NetworkCommand.replaceProcess(with: Array(CommandLine.arguments.dropFirst()))
    }
}
