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
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result { try runBlocking(arguments) })
            }
        }
    }

    private static func runBlocking(_ arguments: [String]) throws -> Result {
        let id = UUID().uuidString
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("galley-fetch-out-\(id)")
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("galley-fetch-err-\(id)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = ImageServer.root
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
    }

    /// The images in a PDF (without soft masks), one line each, as `pdfimages -list` prints them (poppler-utils).
    static func images(inPDF path: URL) throws -> [String] {
        try PDFImages.list(path)
    }
}
