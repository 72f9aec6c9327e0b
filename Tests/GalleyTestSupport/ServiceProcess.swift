import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `galley serve` started for a test on a port the system chose, asked over HTTP, and stopped with SIGTERM.
public final class ServiceProcess: @unchecked Sendable {
    /// The repository's root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The built `galley` executable.
    public static let galley = GalleyExecutable.url

    /// The running service.
    public let process = Process()
    /// Its address, `http://127.0.0.1:<port>`.
    public let base: URL
    /// Its cache folder, removed with it.
    public let cache: URL
    private let output = Pipe()
    private let errors: URL

    /// Starts `galley serve` with `arguments` (and a cache of its own) and waits, off the cooperative pool, until it listens.
    public static func start(_ arguments: [String] = [], environment: [String: String] = [:]) async throws -> ServiceProcess {
        try await OffCooperativePool.run { try ServiceProcess(arguments, environment: environment) }
    }

    /// Starts `galley serve` and blocks until it listens: `start` is the way for tests.
    private init(_ arguments: [String] = [], environment: [String: String] = [:]) throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("galley-serve-\(UUID().uuidString)")
        errors = cache.appendingPathExtension("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.executableURL = Self.galley
        process.arguments = ["serve", "--port", "0", "--cache", cache.path] + arguments
        process.currentDirectoryURL = Self.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        var line = Data()
        let reader = output.fileHandleForReading
        while !line.contains(0x0A) {
            let chunk = reader.availableData
            if chunk.isEmpty {
                let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
                throw ServiceFailure("galley serve exited before listening: \(said)")
            }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://"), let url = URL(string: String(text[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ServiceFailure("galley serve said \(text)")
        }
        base = url
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: cache)
        try? FileManager.default.removeItem(at: errors)
    }

    /// What the service wrote to standard error so far.
    public var standardError: String {
        (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    }

    /// One HTTP answer.
    public struct Answer: Sendable {
        /// The status code.
        public var status: Int
        /// The headers.
        public var headers: [String: String]
        /// The body.
        public var body: Data
        /// The body as text.
        public var text: String { String(decoding: body, as: UTF8.self) }
        /// A header by name, whatever its case.
        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// Sends a request to `path` and waits for the answer.
    public func request(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 120
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw ServiceFailure("no HTTP answer") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }

    /// Stops the service with SIGTERM and returns its exit status.
    public func stop() async throws -> Int32 {
        process.terminate()
        return try await exitStatus()
    }

    /// Waits, off the cooperative pool, for the service to exit and returns its status.
    public func exitStatus() async throws -> Int32 {
        let process = self.process
        try await OffCooperativePool.run { process.waitUntilExit() }
        return process.terminationStatus
    }
}

/// A test's own failure, with what the service said.
public struct ServiceFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    /// A failure saying `description`.
    public init(_ description: String) { self.description = description }
}
