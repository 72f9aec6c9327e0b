import Crypto
import Foundation
import GalleyFiles

/// Downloaded images on disk, keyed by address, safe to share between processes (an export's workers) and runs.
///
/// Bytes are stored once under their own SHA-256 (`blobs/<digest>.<ext>`) and never rewritten; the record of an
/// address (`entries/<sha256 of the address>.json`: digest, validators, when last checked) is replaced whole by
/// an atomic rename. A reader therefore sees either the old record or the new one, and either names a complete file;
/// two processes fetching the same image at once both write the same bytes under the same name. Nothing is ever
/// deleted by Galley, so a file a record names stays there while a PDF is drawn from it (the folder can be emptied
/// between runs).
public struct ImageCache: Sendable {
    /// The cache folder.
    public let directory: URL

    /// A cache in `directory` (created when first written).
    public init(directory: URL) {
        self.directory = directory
    }

    /// The record for `url` and the path of its bytes, or nil when there is none or it cannot be trusted.
    public func entry(for url: String) -> (entry: ImageCacheEntry, path: String)? {
        let record = recordPath(for: url)
        guard let data = try? RegularFile.read(record, limit: 64 * 1024),
              let entry = try? JSONDecoder().decode(ImageCacheEntry.self, from: data),
              entry.url == url, entry.digest.count == 64, entry.digest.allSatisfy(\.isHexDigit) else { return nil }
        let path = blobPath(digest: entry.digest, kind: entry.kind)
        // A file of the wrong size was damaged or cut short (by hand, or a full disk): fetch again.
        guard case .regular(let size)? = try? FileKind.of(path), size == entry.bytes else { return nil }
        return (entry, path)
    }

    /// Stores `data` fetched from `url` with its validators; returns the record and the path of the bytes.
    public func store(_ data: Data, kind: ImageKind, for url: String, etag: String?, lastModified: String?,
                      now: Date = Date()) throws -> (entry: ImageCacheEntry, path: String) {
        let digest = Self.sha256(data)
        let path = blobPath(digest: digest, kind: kind)
        if (try? FileKind.of(path)) != .regular(size: data.count) {
            try OutputFile.write(data, to: path)
        }
        let entry = ImageCacheEntry(url: url, digest: digest, kind: kind, bytes: data.count, etag: etag, lastModified: lastModified,
                                    checked: now)
        try write(entry)
        return (entry, path)
    }

    /// Records that the server confirmed `entry` (a 304) at `now`.
    public func confirm(_ entry: ImageCacheEntry, now: Date = Date()) throws -> ImageCacheEntry {
        var entry = entry
        entry.checked = now
        try write(entry)
        return entry
    }

    private func write(_ entry: ImageCacheEntry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try OutputFile.write(try encoder.encode(entry), to: recordPath(for: entry.url))
    }

    private func recordPath(for url: String) -> String {
        directory.appendingPathComponent("entries").appendingPathComponent(Self.sha256(Data(url.utf8)) + ".json").path
    }

    private func blobPath(digest: String, kind: ImageKind) -> String {
        directory.appendingPathComponent("blobs").appendingPathComponent(digest + "." + kind.fileExtension).path
    }

    /// SHA-256 of `data` as lower-case hex.
    public static func sha256(_ data: Data) -> String {
        HexText.lowercase(SHA256.hash(data: data))
    }
}
