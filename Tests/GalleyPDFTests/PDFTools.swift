import Foundation

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

    /// Runs `executable` with `arguments`.
    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Both outputs go to files, so a full pipe can never stall the child.
        let outputFile = folder.appendingPathComponent("stdout"), errorFile = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile), errors = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        return Result(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
    }

    /// Runs a Python program with pikepdf.
    static func python(_ program: String, _ arguments: [String] = []) throws -> Result {
        try run("/usr/bin/python3", ["-c", program] + arguments)
    }

    /// The structure checker's verdict on `file`: its JSON output parsed, and its exit status.
    static func check(_ file: URL) throws -> (status: Int32, report: [String: Any], stderr: String) {
        let result = try run("/usr/bin/python3", [checker, file.path])
        let report = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (result.status, report, result.stderr)
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
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
