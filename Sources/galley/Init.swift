import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport
import GalleyFiles

/// `galley init`: a publisher's starting point, a commented `galley.yaml` and a layout to change.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented galley.yaml and a starter layout (Layouts/my-layout.yaml) into a folder.",
        discussion: "Existing files are never overwritten: if either file exists, nothing is written and the exit status is 1.")

    @Argument(help: "The folder to write into (created if missing).")
    var folder = "."

    func run() throws {
        let root = URL(fileURLWithPath: folder)
        let schemas = Session.resources.root.appendingPathComponent("docs").standardizedFileURL.path
        let files = [
            (root.appendingPathComponent("galley.yaml"), StarterFiles.config(schemas: schemas)),
            (root.appendingPathComponent(StarterFiles.layoutPath), StarterFiles.layout(schemas: schemas)),
        ]
        // Checked before anything is written, so that a refusal leaves the folder as it was.
        for (url, _) in files where FileManager.default.fileExists(atPath: url.path) {
            Session.log("\(url.relativePath): already exists; galley init never overwrites a file (nothing was written)")
            throw ExitCode(1)
        }
        do {
            for (url, text) in files {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try OutputFile.write(Data(text.utf8), to: url.path)
                Session.log("wrote \(url.relativePath)")
            }
        } catch {
            Session.report(error)
            throw ExitCode(1)
        }
    }
}
