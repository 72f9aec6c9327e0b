import ArgumentParser
import GalleyExport

/// `galley export-worker`: one of `export`'s worker processes (not for direct use); it reads its setup and
/// requests on standard input and answers on standard output.
struct ExportWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export-worker", abstract: "Internal: a worker process of galley export.",
                                                    shouldDisplay: false)

    func run() throws {
        let status = ExportWorkerService.run()
        if status != 0 { throw ExitCode(status) }
    }
}
