import Foundation
import GalleyDiagnostics
import GalleyIngest
import GalleyModel

/// Paths and shortcuts shared by the reader tests.
enum IngestTestSupport {
    /// The repository root, found from this file's path so tests run from any working directory.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bytes of `Tests/GalleyIngestTests/Fixtures/<name>`.
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("Tests/GalleyIngestTests/Fixtures/\(name)"))
    }

    /// The article of `Examples/<name>` read by the JSON reader, the reference the other formats must match.
    static func example(_ name: String) throws -> Article {
        try JSONArticleReader().read(try Data(contentsOf: root.appendingPathComponent("Examples/\(name)")), file: name)
    }

    /// The single result of reading `text` with `reader`.
    static func readOne(_ text: String, with reader: any ArticleReader, file: String = "test") throws -> ReadResult {
        let results = try reader.articles(from: Data(text.utf8), file: file)
        guard results.count == 1, let first = results.first else {
            throw Diagnostic(file: file, message: "expected one article, got \(results.count)")
        }
        return first
    }

    /// The diagnostic `body` throws, or nil when it throws nothing or something else.
    static func diagnostic(_ body: () throws -> Void) -> Diagnostic? {
        do {
            try body()
            return nil
        } catch let diagnostic as Diagnostic {
            return diagnostic
        } catch {
            return nil
        }
    }
}

extension Array where Element == Block {
    /// Every paragraph's inline content, in order, looking inside lists, quotes and notes.
    var paragraphs: [[Inline]] {
        flatMap { block -> [[Inline]] in
            switch block {
            case .paragraph(let content): return [content]
            case .quote(let content, _), .note(_, let content): return content.paragraphs
            case .list(_, let items): return items.flatMap(\.paragraphs)
            default: return []
            }
        }
    }
}
