import ArgumentParser
import Foundation
import GalleyFiles
import GalleyPDF

/// `galley extract`: the source article a PDF/A-3b file carries, so that an archived PDF can be typeset again.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the source article embedded in a PDF (written with --pdf-standard a-3b).")

    @Argument(help: "The PDF file.")
    var pdf: String

    @Option(name: .shortAndLong, help: "Output file; - (the default) writes to standard output.")
    var output: String = "-"

    func run() throws {
        do {
            let source = try EmbeddedSourceReader.source(in: try RegularFile.read(pdf), file: pdf)
            if output == "-" {
                try OutputFile.writeAll(source.data, to: STDOUT_FILENO, path: "<stdout>")
            } else {
                try OutputFile.write(source.data, to: output)
                Session.log("wrote \(output) (\(source.fileName), \(source.mimeType), \(source.data.count) bytes)")
            }
        } catch {
            Session.report(error)
            throw ExitCode(1)
        }
    }
}
