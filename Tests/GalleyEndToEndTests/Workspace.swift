import Foundation
import GalleyTestSupport

/// Paths and process helpers shared by the end-to-end tests.
enum Workspace {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The `galley` the tests run.
    static let galley = GalleyExecutable.url
    /// The test fixtures folder.
    static let fixtures = root.appendingPathComponent("Tests/GalleyEndToEndTests/Fixtures")

    /// An example article's path.
    static func example(_ name: String) -> String { root.appendingPathComponent("Examples/\(name)").path }

    /// A new empty temporary folder, removed with the others when the test process exits.
    static func temporaryFolder() throws -> URL {
        try ScratchFolders.make(prefix: "galley-e2e")
    }

    /// The result of running a program.
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments`, feeding `input` on standard input, waiting off the cooperative pool;
    /// `environment`, when given, is the child's whole environment instead of the test's.
    static func run(_ executable: String, _ arguments: [String], input: Data? = nil, in directory: URL? = nil,
                    environment: [String: String]? = nil) async throws -> Result {
        let outcome = try await ChildProcess.run(URL(fileURLWithPath: executable), arguments, input: input, environment: environment ?? [:],
                                                 inherit: environment == nil, directory: directory ?? root)
        return Result(status: outcome.status, stdout: outcome.stdout, stderr: outcome.errors)
    }

    /// Runs the `galley` command.
    static func galley(_ arguments: [String], input: Data? = nil, in directory: URL? = nil) async throws -> Result {
        try await run(galley.path, arguments, input: input, in: directory)
    }

    /// A PDF's objects as text: Galley packs them into compressed object streams, so qpdf writes the file out again
    /// uncompressed (QDF form) for a test to read its dictionaries.
    static func expandedPDF(_ data: Data) async throws -> String {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let packed = folder.appendingPathComponent("packed.pdf")
        let expanded = folder.appendingPathComponent("expanded.pdf")
        try data.write(to: packed)
        let result = try await run("/usr/bin/qpdf", ["--qdf", "--object-streams=disable", packed.path, expanded.path])
        guard result.status == 0 || result.status == 3 else { throw CocoaError(.fileReadCorruptFile) }
        return String(decoding: try Data(contentsOf: expanded), as: UTF8.self)
    }

    /// Runs a poppler tool (`pdftotext`, `pdfinfo`, `pdffonts`) found on the PATH.
    static func poppler(_ tool: String, _ arguments: [String]) async throws -> String {
        let result = try await run("/usr/bin/\(tool)", arguments)
        return result.text
    }
}
