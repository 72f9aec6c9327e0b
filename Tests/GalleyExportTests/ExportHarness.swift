import Foundation
import GalleyExport
import GalleyTestSupport

/// Runs `galley export` in child processes and reads what it leaves behind.
enum ExportHarness {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `galley` the tests run.
    static let galley = GalleyExecutable.url

    /// The example articles.
    static var examples: [URL] {
        let folder = root.appendingPathComponent("Examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A folder of `count` generated articles (`a<id>.json`, ids from 100000) inside `folder`.
    static func archive(_ count: Int, in folder: URL, name: String = "articles", firstID: Int = 100_000) throws -> URL {
        let articles = folder.appendingPathComponent(name)
        try SampleArchive.generate(from: examples, count: count, into: articles, firstID: firstID)
        return articles
    }

    /// The result of running a program.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The `--json` lines, parsed.
        var events: [[String: Any]] {
            stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }

        /// The `--json` summary line.
        var summary: [String: Any] { events.last { $0["event"] as? String == "summary" } ?? [:] }

        /// An integer field of the summary.
        func count(_ key: String) -> Int { (summary[key] as? NSNumber)?.intValue ?? -1 }
    }

    /// A running child whose output goes to files, so that full pipes can never stall it.
    final class Child {
        let process = Process()
        private let outputFile: URL
        private let errorFile: URL

        init(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws {
            let id = UUID().uuidString
            outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("galley-out-\(id)")
            errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("galley-err-\(id)")
            _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
            process.executableURL = galley
            process.arguments = arguments
            process.currentDirectoryURL = root
            if !environment.isEmpty {
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            }
            process.standardOutput = try FileHandle(forWritingTo: outputFile)
            process.standardError = try FileHandle(forWritingTo: errorFile)
            let feed = Pipe()
            process.standardInput = feed
            try process.run()
            if let input { feed.fileHandleForWriting.write(input) }
            try feed.fileHandleForWriting.close()
        }

        /// Waits for the child (off the cooperative pool) and collects its output.
        func wait() async throws -> Result {
            let process = self.process
            try await OffCooperativePool.run { process.waitUntilExit() }
            defer {
                try? FileManager.default.removeItem(at: outputFile)
                try? FileManager.default.removeItem(at: errorFile)
            }
            let output = (try? Data(contentsOf: outputFile)) ?? Data()
            let errors = (try? Data(contentsOf: errorFile)) ?? Data()
            return Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                          stderr: String(decoding: errors, as: UTF8.self))
        }
    }

    /// Runs `galley` with `arguments` to the end.
    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) async throws -> Result {
        let outcome = try await ChildProcess.run(galley, arguments, input: input, environment: environment, directory: root)
        return Result(status: outcome.status, stdout: outcome.output, stderr: outcome.errors)
    }

    /// Runs `galley export` on `inputs` into `out` with `--json`, plus `extra` arguments.
    static func export(_ inputs: [URL], out: URL, _ extra: [String] = []) async throws -> Result {
        try await run(["export"] + inputs.map(\.path) + ["--out-dir", out.path, "--json"] + extra)
    }

    /// The visible `.pdf` files in `folder`, sorted.
    static func pdfs(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") }.sorted()
    }

    /// The hidden temporary files in `folder`.
    static func temporaries(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }.sorted()
    }

    /// Whether `url` holds a whole PDF: the header at the start and `%%EOF` at the end.
    static func isWholePDF(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url), data.starts(with: Data("%PDF-".utf8)) else { return false }
        let tail = String(decoding: data.suffix(16), as: UTF8.self)
        return tail.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("%%EOF")
    }

    /// The manifest at `url`, as JSON.
    static func manifest(_ url: URL) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return object?["articles"] as? [[String: Any]] ?? []
    }

    /// `sha256sum`'s digest of `url`, computed outside Galley.
    static func sha256sum(_ url: URL) async throws -> String {
        let outcome = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [url.path])
        return String(outcome.output.prefix(64))
    }

    /// Waits up to `seconds` for `condition`, then runs `action` at once: both on a thread of their own, since a loaded
    /// cooperative pool could let a child finish its work before a test that looks from there sends its signal.
    static func waitFor(seconds: Double, _ condition: @escaping @Sendable () -> Bool, then action: @escaping @Sendable () -> Void = {}) async -> Bool {
        (try? await OffCooperativePool.run { () -> Bool in
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition() {
                    action()
                    return true
                }
                usleep(10_000)
            }
            guard condition() else { return false }
            action()
            return true
        }) ?? false
    }
}
