import Foundation
import GalleyTestSupport

/// The independent readers the tests check finished PDFs with: pikepdf (through /usr/bin/python3), qpdf, poppler.
enum PDFTools {
    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The structure checker script.
    static let checker = root.appendingPathComponent("scripts/pdf-structure-check.py").path

    /// What a program printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`, waiting off the cooperative pool.
    static func run(_ executable: String, _ arguments: [String]) async throws -> Result {
        let outcome = try await ChildProcess.run(URL(fileURLWithPath: executable), arguments)
        return Result(status: outcome.status, stdout: outcome.output, stderr: outcome.errors)
    }

    /// Runs a Python program with pikepdf.
    static func python(_ program: String, _ arguments: [String] = []) async throws -> Result {
        try await run("/usr/bin/python3", ["-c", program] + arguments)
    }

    /// The structure checker's verdict on `file`: its JSON output parsed, and its exit status.
    static func check(_ file: URL) async throws -> (status: Int32, report: [String: Any], stderr: String) {
        let result = try await run("/usr/bin/python3", [checker, file.path])
        let report = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (result.status, report, result.stderr)
    }

    /// A new empty temporary folder, removed with the others when the test process exits.
    static func temporaryFolder() throws -> URL {
        try ScratchFolders.make(prefix: "galley-pdf")
    }

    /// Writes `data` to a new temporary file named `name`.
    static func file(_ data: Data, named name: String = "finished.pdf") throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// The roles of the tree in the checker's report, depth first (reading order), with nesting shown by indents.
    static func roles(_ report: [String: Any]) -> [String] {
        var lines: [String] = []
        func walk(_ node: [String: Any], depth: Int) {
            lines.append(String(repeating: " ", count: depth) + (node["role"] as? String ?? "?"))
            for kid in node["kids"] as? [[String: Any]] ?? [] { walk(kid, depth: depth + 1) }
        }
        for kid in (report["tree"] as? [String: Any])?["kids"] as? [[String: Any]] ?? [] { walk(kid, depth: 0) }
        return lines
    }
}
