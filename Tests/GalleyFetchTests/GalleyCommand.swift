import Foundation
import GalleyTestSupport

/// Runs the `galley` executable built beside the tests, off Swift's cooperative threads (the test's server needs them).
enum GalleyCommand {
    /// What a run printed and how it ended.
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String

        /// An integer field of `export --json`'s summary line.
        func count(_ key: String) -> Int {
            let events = stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            let summary = events.last { $0["event"] as? String == "summary" } ?? [:]
            return (summary[key] as? NSNumber)?.intValue ?? -1
        }
    }

    /// The `galley` the tests run.
    static let executable = GalleyExecutable.url

    /// Runs `galley arguments…` in the repository root and waits for it without holding a cooperative thread.
    static func run(_ arguments: [String]) async throws -> Result {
        let outcome = try await ChildProcess.run(executable, arguments, directory: ImageServer.root)
        return Result(status: outcome.status, stdout: outcome.output, stderr: outcome.errors)
    }

    /// The images in a PDF (without soft masks), one line each, as `pdfimages -list` prints them (poppler-utils).
    static func images(inPDF path: URL) async throws -> [String] {
        try await PDFImages.list(path)
    }
}
