import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyIngest
import GalleyModel

/// Reads articles from a file (or standard input, `-`), choosing the reader by extension or by name.
public enum ArticleSource {
    /// The formats `--from` accepts, and the extensions that select them.
    ///
    /// WordPress REST posts are `.json` too: `readAll` picks them out of the JSON files by their shape.
    public static let formats: [String: [String]] = [
        "json": ["json"], "markdown": ["md", "markdown"], "html": ["html", "htm"], "wordpress": ["json"], "wxr": ["xml", "wxr"],
    ]

    /// The reader for `format` (a `--from` name), or for the file's extension when `format` is nil, holding what it
    /// reads to `limits`.
    public static func reader(for path: String, format: String? = nil, limits: Limits = Limits()) throws -> any ArticleReader {
        let name = format ?? formatName(forExtension: (path as NSString).pathExtension.lowercased())
        switch name {
        // Named by extension, a .json file may still be a WordPress REST post; only its contents can tell.
        case "json"?: return format == nil ? JSONOrWordPressReader(limits: limits) : JSONArticleReader(limits: limits)
        case "markdown"?: return MarkdownArticleReader(limits: limits)
        case "html"?: return HTMLArticleReader(limits: limits)
        case "wordpress"?: return WordPressReader(limits: limits)
        case "wxr"?: return WXRReader(limits: limits)
        default:
            let known = Set(formats.values.flatMap { $0 }).sorted().map { "." + $0 }.joined(separator: ", ")
            let what = format.map { "unknown format \"\($0)\"" } ?? "cannot tell the format of this file"
            throw Diagnostic(file: path == "-" ? "<stdin>" : path, message: "\(what) (expected \(known), or --from \(formats.keys.sorted().joined(separator: "|")))")
        }
    }

    /// The format name for a file extension, if Galley reads it; `.json` is Galley's JSON unless `--from` says otherwise.
    public static func formatName(forExtension ext: String) -> String? {
        // Dictionary order is random, and two formats share .json, so Galley's own JSON is asked first.
        (["json"] + formats.keys.sorted().filter { $0 != "json" }).first { formats[$0]?.contains(ext) == true }
    }

    /// The bytes of the input file at `path` (`-` for standard input): a regular file within the file-bytes limit,
    /// or a `Diagnostic` naming the file and what is wrong. Every command reads its article and issue files here.
    public static func contents(of path: String, limits: Limits) throws -> Data {
        if path == "-" { return try StandardInput.read(limit: limits.fileBytes) }
        do {
            return try RegularFile.read(path, limit: limits.fileBytes, limitName: "file-bytes")
        } catch let problem as FileProblem {
            throw Diagnostic(file: path, message: problem.reason)
        }
    }

    /// Reads every article in the file at `path`; errors are `Diagnostic`s naming the file.
    public static func readAll(_ path: String, format: String? = nil, limits: Limits = Limits(), data given: Data? = nil) throws -> [ReadResult] {
        let displayName = path == "-" ? "<stdin>" : path
        let data = try given ?? contents(of: path, limits: limits)
        var chosen = try reader(for: path, format: format ?? (path == "-" ? "json" : nil), limits: limits)
        if format == nil, chosen is JSONArticleReader {
            // Standard input is JSON by default, and may be a WordPress post just as a .json file may.
            chosen = JSONOrWordPressReader(limits: limits)
        }
        return try chosen.articles(from: data, file: displayName)
    }

    /// Reads the single article in the file at `path`.
    public static func read(_ path: String, format: String? = nil, limits: Limits = Limits()) throws -> Article {
        let results = try readAll(path, format: format, limits: limits)
        guard let first = results.first else {
            throw Diagnostic(file: path == "-" ? "<stdin>" : path, message: "the file holds no article")
        }
        return first.article
    }
}

/// Galley's JSON reader, or the WordPress one when the JSON has a REST post's shape (`content.rendered`).
struct JSONOrWordPressReader: ArticleReader {
    let limits: Limits

    func articles(from data: Data, file: String) throws -> [ReadResult] {
        // Galley's own format first: its strict keys never accept a WordPress post, and in an archive of Galley
        // articles the WordPress test would parse every file a second time.
        do {
            return try JSONArticleReader(limits: limits).articles(from: data, file: file)
        } catch {
            guard WordPressReader.recognizes(data) else { throw error }
            return try WordPressReader(limits: limits).articles(from: data, file: file)
        }
    }
}
