import Foundation
import GalleyDiagnostics
import GalleyFiles

/// The manifest of an export as it runs: the previous one read a line at a time, every finished article appended to
/// a journal beside it at once, and the two folded into a new `manifest.json` at the end.
///
/// The journal (`.manifest.json.journal`, hidden, one entry per line) is what makes progress survive `kill -9`: the next run
/// folds it in before deciding what to skip, so every PDF written before the kill is skipped. Only a small index
/// (id, hash, output, size and where the entry's line is) is held per article; the entries themselves stay on disk,
/// so memory grows by a few dozen bytes per article, not by the entry.
final class ManifestStore {
    /// What a run needs to know of an article's previous entry to decide whether to skip it.
    struct Known {
        /// Nil when the manifest holds something else than a SHA-256 (then the article is never skipped).
        var contentHash: HexDigest?
        var output: String
        var bytes: Int
        fileprivate var location: Location
    }

    fileprivate enum Location {
        /// A line of the previous manifest (or of the journal), by byte range.
        case line(file: Int, offset: Int, length: Int)
        /// An entry of a manifest in the old, pretty-printed format, which cannot be read a line at a time.
        indirect case memory(ManifestEntry)
    }

    /// The manifest file.
    let url: URL
    /// The journal beside it.
    let journalURL: URL
    private var known: [String: Known] = [:]
    /// Articles found up to date in this run, with the source they were found in.
    private var skipped: [String: String] = [:]
    /// Open files the index points into: 0 the previous manifest, 1 the journal.
    private var files: [Int32] = [-1, -1]
    private var journalEnd = 0

    /// Reads the manifest at `url` and folds in the journal a killed run left; throws a `Diagnostic` for a manifest
    /// that is not Galley's.
    init(url: URL) throws {
        self.url = url
        journalURL = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".journal")
        try readManifest()
        try openJournal()
    }

    deinit {
        for descriptor in files where descriptor >= 0 { close(descriptor) }
    }

    /// The previous entry for `id`, if any.
    func previous(_ id: String) -> Known? {
        known[id]
    }

    /// Records that `id`'s PDF was found up to date, read this time from `source`.
    func markSkipped(_ id: String, source: String) {
        skipped[id] = source
    }

    /// Appends a rebuilt article's entry to the journal, so that it survives the run being killed.
    func record(_ entry: ManifestEntry) throws {
        var line = try ExportManifest.line(for: entry)
        line.append(0x0A)
        let offset = journalEnd
        do {
            try OutputFile.writeAll(line, to: files[1], path: journalURL.path)
        } catch {
            throw Diagnostic(file: journalURL.path, message: (error as? FileProblem)?.reason ?? "\(error)")
        }
        journalEnd += line.count
        known[entry.id] = Known(contentHash: HexDigest(hex: entry.contentHash), output: entry.output, bytes: entry.bytes,
                                location: .line(file: 1, offset: offset, length: line.count - 1))
        skipped[entry.id] = nil
    }

    /// Writes the new manifest (entries `keep` accepts, sorted by id) and removes the journal.
    func finish(keep: (String) -> Bool) throws {
        let ids = known.keys.filter(keep).sorted(by: ExportManifest.precedes)
        do {
            // Written a few hundred entries at a time, each read back from the old manifest or the journal: the
            // manifest of a large archive is never held whole.
            try OutputFile.write(to: url.path) { emit in
                var data = Data(ExportManifest.header.utf8)
                for (index, id) in ids.enumerated() {
                    guard let entry = known[id] else { continue }
                    data.append(contentsOf: ExportManifest.entryIndent.utf8)
                    data.append(try line(for: id, entry))
                    data.append(contentsOf: (index + 1 < ids.count ? ",\n" : "\n").utf8)
                    if data.count > 256 * 1024 {
                        try emit(data)
                        data.removeAll(keepingCapacity: true)
                    }
                }
                data.append(contentsOf: ExportManifest.footer(generator: "Galley \(ArticleRenderer.version)").utf8)
                try emit(data)
            }
        } catch {
            throw Diagnostic(file: url.path, message: FileProblem.from(error, path: url.path, action: "cannot be written").reason)
        }
        // Only once the manifest holds every entry: a kill before this point leaves the journal to be folded again.
        unlink(journalURL.path)
    }

    // MARK: Reading

    private func line(for id: String, _ entry: Known) throws -> Data {
        var decoded: ManifestEntry
        switch entry.location {
        case .memory(let held):
            decoded = held
        case .line(let file, let offset, let length):
            var bytes = Data(count: length)
            let count = bytes.withUnsafeMutableBytes { pread(files[file], $0.baseAddress!, length, off_t(offset)) }
            guard count == length else {
                throw Diagnostic(file: file == 0 ? url.path : journalURL.path, message: "changed while the export was running")
            }
            guard let source = skipped[id] else { return bytes }
            decoded = try JSONDecoder().decode(ManifestEntry.self, from: bytes)
            decoded.status = .skipped
            decoded.source = source
            return try ExportManifest.line(for: decoded)
        }
        if let source = skipped[id] {
            decoded.status = .skipped
            decoded.source = source
        }
        return try ExportManifest.line(for: decoded)
    }

    /// The fields of an entry a run decides with.
    private struct Key: Decodable {
        var id: String
        var contentHash: String
        var output: String
        var bytes: Int
    }

    private func readManifest() throws {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let file: RegularFile
        do {
            file = try RegularFile(path: url.path)
        } catch let problem as FileProblem {
            throw Diagnostic(file: url.path, message: problem.reason)
        }
        let descriptor = dup(file.descriptor)
        files[0] = descriptor
        var lines: [(offset: Int, length: Int)] = []
        var looksLineByLine = true
        var lineNumber = 0
        try Self.forEachLine(of: file) { offset, bytes in
            lineNumber += 1
            guard looksLineByLine else { return }
            let text = bytes.drop { $0 == 0x20 }
            if lineNumber == 1 { looksLineByLine = text.elementsEqual("{".utf8); return }
            if lineNumber == 2 { looksLineByLine = text.elementsEqual("\"articles\" : [".utf8) || text.elementsEqual("\"articles\" : [],".utf8); return }
            guard text.first == UInt8(ascii: "{") else { return }
            let trimmed = text.last == UInt8(ascii: ",") ? text.dropLast() : text
            let start = offset + (bytes.count - text.count)
            lines.append((start, trimmed.count))
        }
        if looksLineByLine {
            let decoder = JSONDecoder()
            for (offset, length) in lines {
                var bytes = Data(count: length)
                _ = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, length, off_t(offset)) }
                guard let key = try? decoder.decode(Key.self, from: bytes) else { looksLineByLine = false; break }
                known[key.id] = Known(contentHash: HexDigest(hex: key.contentHash), output: key.output, bytes: key.bytes,
                                      location: .line(file: 0, offset: offset, length: length))
            }
        }
        if !looksLineByLine {
            // A manifest written by an older Galley, or by hand: read whole, once.
            known = [:]
            for entry in try ExportManifest.load(url).articles {
                known[entry.id] = Known(contentHash: HexDigest(hex: entry.contentHash), output: entry.output, bytes: entry.bytes, location: .memory(entry))
            }
        }
    }

    private func openJournal() throws {
        let descriptor = open(journalURL.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Diagnostic(file: journalURL.path, message: FileProblem(path: journalURL.path, errno: errno, action: "cannot be opened").reason)
        }
        files[1] = descriptor
        let file = try RegularFile(path: journalURL.path)
        let decoder = JSONDecoder()
        var end = 0
        try Self.forEachLine(of: file) { offset, bytes in
            // A line cut short by a kill is not an entry; everything before it is.
            guard let key = try? decoder.decode(Key.self, from: Data(bytes)) else { return }
            known[key.id] = Known(contentHash: HexDigest(hex: key.contentHash), output: key.output, bytes: key.bytes,
                                  location: .line(file: 1, offset: offset, length: bytes.count))
            end = offset + bytes.count + 1
        }
        // Appends go after the last whole line: a torn last line is cut off so that it cannot join the next entry.
        if end < file.size { ftruncate(descriptor, off_t(end)) }
        journalEnd = end
    }

    /// Calls `body` with each line of `file` (without its newline) and the byte offset where it starts.
    private static func forEachLine(of file: RegularFile, _ body: (Int, ArraySlice<UInt8>) throws -> Void) throws {
        var pending: [UInt8] = []
        var pendingOffset = 0
        var offset = 0
        try file.forEachChunk { chunk in
            var start = 0
            for (index, byte) in chunk.enumerated() where byte == 0x0A {
                pending.append(contentsOf: chunk[start..<index])
                try body(pendingOffset, pending[...])
                pending.removeAll(keepingCapacity: true)
                pendingOffset = offset + index + 1
                start = index + 1
            }
            pending.append(contentsOf: chunk[start...])
            offset += chunk.count
        }
        if !pending.isEmpty { try body(pendingOffset, pending[...]) }
    }
}
