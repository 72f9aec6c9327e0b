import Foundation

/// A program a test runs to its end, waited for off Swift's cooperative pool (see `OffCooperativePool`): the one way
/// the suites start `galley`, poppler, qpdf or python, so that no test can starve the in-process servers of another.
public enum ChildProcess {
    /// What a program printed and how it ended.
    public struct Outcome: Sendable {
        /// The exit status, or the signal that ended it.
        public var status: Int32
        /// Its standard output.
        public var stdout: Data
        /// Its standard error.
        public var stderr: Data
        /// Standard output as text.
        public var output: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as text.
        public var errors: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments` to its end, feeding it `input`, in `directory`, with `environment` added to
    /// the test's own (or, with `inherit` false, as its whole environment).
    public static func run(_ executable: URL, _ arguments: [String], input: Data? = nil, environment: [String: String] = [:],
                           inherit: Bool = true, directory: URL? = nil) async throws -> Outcome {
        try await OffCooperativePool.run {
            try runBlocking(executable, arguments, input: input, environment: environment, inherit: inherit, directory: directory)
        }
    }

    /// The same, waiting on the calling thread: only for code already running off the cooperative pool.
    public static func runBlocking(_ executable: URL, _ arguments: [String], input: Data? = nil, environment: [String: String] = [:],
                                   inherit: Bool = true, directory: URL? = nil) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Both outputs go to files, so that a full pipe can never stall the child.
        let outputFile = folder.appendingPathComponent("stdout"), errorFile = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile), errors = try FileHandle(forWritingTo: errorFile)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !inherit {
            process.environment = environment
        } else if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardOutput = output
        process.standardError = errors
        let feed = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        try process.run()
        if let input {
            // A child that exits without reading all of its input must not kill the test with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            try? feed.fileHandleForWriting.write(contentsOf: input)
            try? feed.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        try output.close()
        try errors.close()
        return Outcome(status: process.terminationStatus, stdout: try Data(contentsOf: outputFile), stderr: try Data(contentsOf: errorFile))
    }
}
