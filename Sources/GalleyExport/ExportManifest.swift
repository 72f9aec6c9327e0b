import Foundation
import GalleyDiagnostics

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
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic(file: url.path, message: "cannot be read (permission denied?)")
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

    /// The manifest as JSON: pretty-printed, keys sorted, so that diffs between runs are readable.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(ExportManifest(articles: articles, generator: generator))
        data.append(0x0A)
        return data
    }

    /// Writes the manifest to `url` through a temporary file, so the CMS never reads half of one.
    public func write(to url: URL) throws {
        try AtomicFile.write(try encoded(), to: url)
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
