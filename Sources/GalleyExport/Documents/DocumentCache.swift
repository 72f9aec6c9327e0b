import Foundation
import GalleyFiles

/// PDFs (and page images) kept by content hash, as `galley export` keeps them up to date: the hash covers the
/// article's bytes, the layout, the fonts and the images, so an equal hash is the same PDF.
///
/// Each document is a `<hash>.pdf` with a `<hash>.json` of its facts, written atomically, the facts last: a reader
/// that finds the facts finds the whole PDF. Worker processes share the folder; two writing the same hash write
/// the same bytes.
struct DocumentCache {
    let directory: URL

    /// The cached document for `hash`, without its thumbnail.
    func load(hash: String) -> DocumentResult? {
        guard let facts = try? RegularFile.read(url(hash, "json").path, limit: 1 << 20, limitName: "cache-entry"),
              var result = try? JSONDecoder().decode(DocumentResult.self, from: facts),
              let pdf = try? RegularFile.read(url(hash, "pdf").path, limit: Int.max, limitName: "cache-entry"),
              result.contentHash == hash else { return nil }
        result.pdf = pdf
        result.cached = true
        return result
    }

    /// Keeps `result` under its content hash; a failure to write only costs a later render.
    func store(_ result: DocumentResult) {
        var facts = result
        facts.pdf = Data()
        facts.thumbnail = nil
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil,
              let encoded = try? JSONEncoder().encode(facts) else { return }
        try? OutputFile.write(result.pdf, to: url(result.contentHash, "pdf").path)
        try? OutputFile.write(encoded, to: url(result.contentHash, "json").path)
    }

    /// The cached page image of `hash` at `width`, if any.
    func thumbnail(hash: String, width: Int) -> Data? {
        try? RegularFile.read(url(hash, "w\(width).png").path, limit: 256 << 20, limitName: "cache-entry")
    }

    /// Keeps a page image of `hash` at `width`.
    func storeThumbnail(_ png: Data, hash: String, width: Int) {
        try? OutputFile.write(png, to: url(hash, "w\(width).png").path)
    }

    private func url(_ hash: String, _ suffix: String) -> URL {
        directory.appendingPathComponent("\(hash).\(suffix)")
    }
}
