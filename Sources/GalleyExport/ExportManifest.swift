import Foundation
import GalleyDiagnostics
import GalleyFiles

/// `manifest.json`: every exported article the CMS can attach, sorted by id, merged across runs and shards.
public struct ExportManifest: Codable, Sendable, Equatable {
    /// The program that wrote the manifest (`Galley 0.1.0`).
    public var generator: String
    /// The articles, sorted by id (numerically when ids are numbers).
    public var articles: [ManifestEntry]

    /// Creates a manifest of `articles`, sorting them by id.
    public init(articles: [ManifestEntry] = [], generator: String = "Galley \(ArticleRenderer.version)") {
        self.generator = generator
        self.articles = articles.sorted { Self.precedes($0.id, $1.id) }
    }

    /// Reads the manifest at `url`; a missing file is an empty manifest, an unreadable one a `Diagnostic`.
    public static func load(_ url: URL) throws -> ExportManifest {
        guard FileManager.default.fileExists(atPath: url.path) else { return ExportManifest() }
        let data: Data
        do {
            data = try RegularFile.read(url.path)
        } catch let problem as FileProblem {
            throw Diagnostic(file: url.path, message: problem.reason)
        }
        do {
            let decoded = try JSONDecoder().decode(ExportManifest.self, from: data)
            return ExportManifest(articles: decoded.articles, generator: decoded.generator)
        } catch {
            throw Diagnostic(file: url.path, message: "not a Galley manifest (\(Self.reason(error)))")
        }
    }

    /// This manifest with `other`'s entries added; where both have an id, `other`'s entry wins.
    public func merging(_ other: ExportManifest) -> ExportManifest {
        var byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        for entry in other.articles { byID[entry.id] = entry }
        return ExportManifest(articles: Array(byID.values))
    }

    /// The manifest as JSON, one article per line (keys sorted), so that diffs between runs show one line per
    /// changed article and a run can read a manifest of 100,000 articles a line at a time.
    public func encoded() throws -> Data {
        var data = Data(Self.header.utf8)
        let sorted = ExportManifest(articles: articles, generator: generator).articles
        for (index, entry) in sorted.enumerated() {
            data.append(contentsOf: Self.entryIndent.utf8)
            data.append(try Self.line(for: entry))
            data.append(contentsOf: (index + 1 < sorted.count ? ",\n" : "\n").utf8)
        }
        data.append(contentsOf: Self.footer(generator: generator).utf8)
        return data
    }

    /// The lines before the first article.
    static let header = "{\n  \"articles\" : [\n"
    /// What starts each article's line.
    static let entryIndent = "    "

    /// The lines after the last article.
    static func footer(generator: String) -> String {
        "  ],\n  \"generator\" : \(String(decoding: (try? JSONEncoder().encode(generator)) ?? Data("\"\"".utf8), as: UTF8.self))\n}\n"
    }

    /// One article as a line of compact JSON, keys sorted.
    static func line(for entry: ManifestEntry) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(entry)
    }

    /// Writes the manifest to `url` through a temporary file, so the CMS never reads half of one.
    public func write(to url: URL) throws {
        try OutputFile.write(try encoded(), to: url.path)
    }

    /// Orders ids numerically when both are decimal numbers (`9` before `10`), else as text; numbers first.
    public static func precedes(_ left: String, _ right: String) -> Bool {
        let leftNumber = Self.decimal(left), rightNumber = Self.decimal(right)
        switch (leftNumber, rightNumber) {
        case let (l?, r?): return l != r ? l < r : left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return left < right
        }
    }

    private static func decimal(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return UInt64(text)
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return context.codingPath.map(\.stringValue).joined(separator: ".") + ": " + context.debugDescription
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        default: return String(describing: error)
        }
    }
}
