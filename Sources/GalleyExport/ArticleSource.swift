import Foundation
import GalleyDiagnostics
import GalleyIngest
import GalleyModel

/// Reads articles from a file (or standard input, `-`), choosing the reader by extension or by name.
public enum ArticleSource {
    /// The formats `--from` accepts, and the extensions that select them.
    public static let formats: [String: [String]] = ["json": ["json"]]

    /// The reader for `format` (a `--from` name), or for the file's extension when `format` is nil.
    public static func reader(for path: String, format: String? = nil) throws -> any ArticleReader {
        let name = format ?? formatName(forExtension: (path as NSString).pathExtension.lowercased())
        switch name {
        case "json"?: return JSONArticleReader()
        default:
            let known = formats.values.flatMap { $0 }.sorted().map { "." + $0 }.joined(separator: ", ")
            let what = format.map { "unknown format \"\($0)\"" } ?? "cannot tell the format of this file"
            throw Diagnostic(file: path == "-" ? "<stdin>" : path, message: "\(what) (expected \(known), or --from \(formats.keys.sorted().joined(separator: "|")))")
        }
    }

    /// The format name for a file extension, if Galley reads it.
    public static func formatName(forExtension ext: String) -> String? {
        formats.first { $0.value.contains(ext) }?.key
    }

    /// Reads every article in the file at `path`; errors are `Diagnostic`s naming the file.
    public static func readAll(_ path: String, format: String? = nil) throws -> [ReadResult] {
        let displayName = path == "-" ? "<stdin>" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Diagnostic(file: displayName, message: "no such file")
            }
            guard !isDirectory.boolValue else { throw Diagnostic(file: displayName, message: "is a folder, not an article file") }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw Diagnostic(file: displayName, message: "cannot be read (permission denied?)")
            }
            data = contents
        }
        let chosen = try reader(for: path, format: format ?? (path == "-" ? "json" : nil))
        return try chosen.articles(from: data, file: displayName)
    }

    /// Reads the single article in the file at `path`.
    public static func read(_ path: String, format: String? = nil) throws -> Article {
        let results = try readAll(path, format: format)
        guard let first = results.first else {
            throw Diagnostic(file: path == "-" ? "<stdin>" : path, message: "the file holds no article")
        }
        return first.article
    }
}
