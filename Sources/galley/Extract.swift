import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyFiles
import GalleyPDF

/// `galley extract`: the source article a PDF/A-3b file carries, so that an archived PDF can be typeset again.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write the source article embedded in a PDF (written with --pdf-standard a-3b).")

    @Argument(help: "The PDF file.", completion: Completions.pdf)
    var pdf: String

    @Option(name: .shortAndLong, help: "Output file; - (the default) writes to standard output.", completion: Completions.json)
    var output: String = "-"

    @Option(name: .long, help: "Write every embedded article into this folder, each under its own name (for an issue).", completion: Completions.folder)
    var outDir: String?

    func validate() throws {
        try RepeatedOptions.refuse(in: CommandLine.arguments)
    }

    func run() throws {
        do {
            let sources = try EmbeddedSourceReader.sources(in: try RegularFile.read(pdf), file: pdf)
            if let outDir {
                try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
                for source in sources {
                    // Names come from the PDF: only the last path component is used, so no file lands outside the folder.
                    let name = (source.fileName as NSString).lastPathComponent
                    let target = (outDir as NSString).appendingPathComponent(name.isEmpty || name == ".." || name == "." ? "source" : name)
                    try OutputFile.write(source.data, to: target)
                    Session.log("wrote \(target) (\(source.mimeType), \(source.data.count) bytes)")
                }
                return
            }
            guard sources.count == 1 else {
                throw ValidationError("\(pdf) carries \(sources.count) articles (an issue); write them all with --out-dir FOLDER")
            }
            let source = sources[0]
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
