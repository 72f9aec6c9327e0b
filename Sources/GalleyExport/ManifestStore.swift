import Foundation
import GalleyDiagnostics
import GalleyFiles

/// The manifest of an export as it runs: the previous one searched on disk, every decision of this run appended to a
/// journal beside it at once, and the two merged into a new `manifest.json` at the end.
///
/// Nothing is held per article. The previous manifest is one entry per line, sorted by id, so an entry is found by a
/// binary search of the file (about 17 reads of a few KB at 100,000 entries). The journal (`.manifest.json.journal`,
/// hidden, one entry per line in the order articles finished) is what makes progress survive `kill -9`: the next run
/// first folds it into the manifest, so every PDF written before the kill is skipped. At the end the journal is sorted
/// in bounded chunks (sorted runs on disk) and merged with the previous manifest line by line.
final class ManifestStore {
    /// What a run needs to know of an article's previous entry to decide whether to skip it.
    struct Known {
        /// Nil when the entry has none (a failed article) or something else than a SHA-256; such an article is never skipped.
        var contentHash: HexDigest?
        var output: String?
        var bytes: Int?
        var status: ManifestEntry.Status?
        /// The entry's line, decoded again only for an article that is skipped or fails.
        fileprivate var line: Data
    }

    /// The fields of an entry a run decides with.
    private struct Key: Decodable {
        var id: String
        var contentHash: String?
        var output: String?
        var bytes: Int?
        var status: ManifestEntry.Status?
    }

    /// The manifest file.
    let url: URL
    /// The journal beside it.
    let journalURL: URL
    /// The previous manifest, open for the binary search, and the byte range of its entry lines.
    private var manifest: Int32 = -1
    private var entries: Range<Int> = 0..<0
    private var journal: Int32 = -1

    /// Journal lines sorted in memory at a time when the journal is merged; the rest wait on disk in sorted runs.
    private let sortChunk: Int

    /// Reads the manifest at `url` and folds in the journal a killed run left; throws a `Diagnostic` for a manifest
    /// that is not Galley's. `sortChunk` bounds the journal lines held at once while merging (small in tests).
    init(url: URL, sortChunk: Int = 4096) throws {
        self.url = url
        self.sortChunk = sortChunk
        journalURL = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".journal")
        try foldIfNeeded()
        try openForSearch()
        journal = open(journalURL.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard journal >= 0 else {
            throw Diagnostic(file: journalURL.path, message: FileProblem(path: journalURL.path, errno: errno, action: "cannot be opened").reason)
        }
    }

    deinit {
        for descriptor in [manifest, journal] where descriptor >= 0 { close(descriptor) }
    }

    // MARK: Deciding

    /// The previous entry for `id`, if any.
    func previous(_ id: String) -> Known? {
        var low = entries.lowerBound, high = entries.upperBound
        // `low` and `high` are always line starts; each probe reads the line around the middle.
        while low < high {
            let middle = low + (high - low) / 2
            guard let start = lineStart(containing: middle, notBefore: low), let probe = line(at: start),
                  let text = ManifestLines.entry(in: probe.bytes[...]), let found = ManifestLines.id(in: text) else { return nil }
            let next = probe.next
            if found == id {
                let data = Data(text)
                guard let key = try? JSONDecoder().decode(Key.self, from: data) else { return nil }
                return Known(contentHash: key.contentHash.flatMap(HexDigest.init(hex:)), output: key.output, bytes: key.bytes,
                             status: key.status, line: data)
            }
            if ExportManifest.precedes(found, id) { low = next } else { high = start }
        }
        return nil
    }

    /// The whole previous entry `known` was found from.
    func entry(_ known: Known) throws -> ManifestEntry {
        try JSONDecoder().decode(ManifestEntry.self, from: known.line)
    }

    /// Records that `id`'s PDF was found up to date, read this time from `source`.
    func markSkipped(_ known: Known, source: String) throws {
        var entry = try entry(known)
        entry.status = .skipped
        entry.source = source
        try record(entry)
    }

    /// Appends an article's entry to the journal, so that it survives the run being killed.
    func record(_ entry: ManifestEntry) throws {
        var line = try ExportManifest.line(for: entry)
        line.append(0x0A)
        do {
            try OutputFile.writeAll(line, to: journal, path: journalURL.path)
        } catch {
            throw Diagnostic(file: journalURL.path, message: (error as? FileProblem)?.reason ?? "\(error)")
        }
    }

    /// Writes the new manifest (entries `keep` accepts, sorted by id) and removes the journal.
    func finish(keep: (String) -> Bool) throws {
        try merge(base: try Self.entryLines(of: url.path), keep: keep)
        // Only once the manifest holds every entry: a kill before this point leaves the journal to be folded again.
        unlink(journalURL.path)
    }

    // MARK: Merging

    /// One sorted stream of entry lines: the next line with its id, or nil at the end.
    private typealias Source = () throws -> (id: String, line: Data)?

    /// Writes the manifest from `base` (sorted) and the journal (sorted here in bounded runs); where both name an id,
    /// the journal's latest line wins.
    private func merge(base: @escaping Source, keep: (String) -> Bool) throws {
        let runs = try sortedRuns()
        defer { for run in runs { unlink(run.path) } }
        let sources = [Self.latest(base)] + (try runs.map { Self.latest(try Self.entryLines(of: $0.path)) })
        do {
            // Written a few hundred entries at a time, each copied from the old manifest or the journal: the
            // manifest of a large archive is never held whole.
            try OutputFile.write(to: url.path) { emit in
                var heads = try sources.map { try $0() }
                var data = Data(ExportManifest.header.utf8)
                var first = true
                while true {
                    var best: Int?
                    for index in heads.indices {
                        guard let head = heads[index] else { continue }
                        if best == nil || ExportManifest.precedes(head.id, heads[best!]!.id) { best = index }
                    }
                    guard let best, let id = heads[best]?.id else { break }
                    var line = Data()
                    // Sources are in age order, the journal's runs last: the newest line for an id wins.
                    for index in heads.indices where heads[index]?.id == id {
                        line = heads[index]!.line
                        heads[index] = try sources[index]()
                    }
                    guard keep(id) else { continue }
                    data.append(contentsOf: ((first ? "" : ",\n") + ExportManifest.entryIndent).utf8)
                    data.append(line)
                    first = false
                    if data.count > 256 * 1024 {
                        try emit(data)
                        data.removeAll(keepingCapacity: true)
                    }
                }
                if !first { data.append(0x0A) }
                data.append(contentsOf: ExportManifest.footer(generator: "Galley \(ArticleRenderer.version)").utf8)
                try emit(data)
            }
        } catch {
            throw Diagnostic(file: url.path, message: FileProblem.from(error, path: url.path, action: "cannot be written").reason)
        }
    }

    /// The journal's whole lines in sorted runs of at most `sortChunk` lines, each a hidden file beside the manifest;
    /// a line cut short by a kill is not an entry and is dropped.
    private func sortedRuns() throws -> [URL] {
        let reader = try ManifestLines.Reader(path: journalURL.path)
        let decoder = JSONDecoder()
        var chunk: [(id: String, order: Int, line: Data)] = []
        var runs: [URL] = []
        func flush() throws {
            guard !chunk.isEmpty else { return }
            // Sorted by id, then by when it was journalled, so that `latest` keeps an article's last entry.
            chunk.sort { $0.id != $1.id ? ExportManifest.precedes($0.id, $1.id) : $0.order < $1.order }
            let run = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).journal.\(getpid()).\(runs.count).sorted")
            var data = Data()
            for item in chunk {
                data.append(contentsOf: item.line)
                data.append(0x0A)
            }
            do {
                try OutputFile.write(data, to: run.path)
            } catch {
                throw Diagnostic(file: run.path, message: FileProblem.from(error, path: run.path, action: "cannot be written").reason)
            }
            runs.append(run)
            chunk.removeAll(keepingCapacity: true)
        }
        var order = 0
        while let line = try reader.next() {
            // A copy of the line, not a slice of the reader's buffer, which would keep every buffer it was cut from.
            let data = Data(line)
            guard let key = try? decoder.decode(Key.self, from: data) else { continue }
            chunk.append((key.id, order, data))
            order += 1
            if chunk.count >= sortChunk { try flush() }
        }
        try flush()
        return runs
    }

    /// The entry lines of a line-per-entry file (a manifest or a sorted run) with their ids.
    private static func entryLines(of path: String) throws -> Source {
        let reader = try ManifestLines.Reader(path: path)
        return {
            while let line = try reader.next() {
                guard let text = ManifestLines.entry(in: line), let id = ManifestLines.id(in: text) else { continue }
                return (id, Data(text))
            }
            return nil
        }
    }

    /// `source` with runs of one id collapsed to their last line.
    private static func latest(_ source: @escaping Source) -> Source {
        var pending: (id: String, line: Data)?
        var started = false
        return {
            if !started {
                started = true
                pending = try source()
            }
            guard var current = pending else { return nil }
            while true {
                pending = try source()
                guard let next = pending, next.id == current.id else { return current }
                current = next
            }
        }
    }

    // MARK: Reading

    /// Folds a killed run's journal into the manifest, and rewrites a manifest of an older Galley (pretty-printed) or one
    /// edited out of order one entry per line, sorted, so that the run can search it.
    private func foldIfNeeded() throws {
        let searchable = try Self.isSearchable(url.path)
        var info = stat()
        let journalled = lstat(journalURL.path, &info) == 0 && info.st_size > 0
        if searchable && !journalled { return }
        if searchable {
            try merge(base: try Self.entryLines(of: url.path), keep: { _ in true })
        } else {
            // Read whole, once: such a manifest cannot be read a line at a time.
            let old = try ExportManifest.load(url)
            var lines = try old.articles.map { (id: $0.id, line: try ExportManifest.line(for: $0)) }.makeIterator()
            try merge(base: Self.latest { lines.next() }, keep: { _ in true })
        }
        unlink(journalURL.path)
    }

    /// Whether the file at `path` is missing or a line-per-entry manifest whose ids are in order.
    private static func isSearchable(_ path: String) throws -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return true }
        do {
            _ = try RegularFile(path: path)
        } catch let problem as FileProblem {
            throw Diagnostic(file: path, message: problem.reason)
        }
        let reader = try ManifestLines.Reader(path: path)
        let decoder = JSONDecoder()
        var number = 0
        var last: String?
        var ended = false
        while let line = try reader.next() {
            number += 1
            let text = line.drop { $0 == 0x20 }
            if number == 1 { guard text.elementsEqual("{".utf8) else { return false }; continue }
            if number == 2 {
                guard text.elementsEqual("\"articles\" : [".utf8) || text.elementsEqual("\"articles\" : [],".utf8) else { return false }
                continue
            }
            guard let entry = ManifestLines.entry(in: line) else { ended = true; continue }
            // Every line is decoded once, as before the manifest was searched: a damaged one sends the whole file
            // to `ExportManifest.load`, which names what is wrong, instead of being copied into the next manifest.
            guard !ended, let key = try? decoder.decode(Key.self, from: Data(entry)), ManifestLines.id(in: entry) == key.id,
                  last.map({ ExportManifest.precedes($0, key.id) }) ?? true else { return false }
            last = key.id
        }
        // An empty file is an empty manifest, as it always was.
        return number >= 2 || number == 0
    }

    /// Opens the manifest for `previous` and finds where its entry lines begin and end.
    private func openForSearch() throws {
        let reader = try ManifestLines.Reader(path: url.path)
        var offset = 0
        var first: Int?
        var end = 0
        while let line = try reader.next() {
            if ManifestLines.entry(in: line) != nil {
                first = first ?? offset
                end = offset + line.count + 1
            }
            offset += line.count + 1
        }
        guard let first else { return }
        manifest = open(url.path, O_RDONLY | O_CLOEXEC)
        if manifest >= 0 { entries = first..<end }
    }

    /// The start of the line holding byte `offset`, searching back no further than `floor` (a line start).
    private func lineStart(containing offset: Int, notBefore floor: Int) -> Int? {
        var end = offset
        while end > floor {
            let start = max(floor, end - 4096)
            var block = [UInt8](repeating: 0, count: end - start)
            guard block.withUnsafeMutableBytes({ pread(manifest, $0.baseAddress!, end - start, off_t(start)) }) == end - start else { return nil }
            if let newline = block.lastIndex(of: 0x0A) { return start + newline + 1 }
            end = start
        }
        return floor
    }

    /// The line starting at `offset` without its newline, and where the next one starts.
    private func line(at offset: Int) -> (bytes: [UInt8], next: Int)? {
        var bytes: [UInt8] = []
        var position = offset
        while position < entries.upperBound {
            let count = min(4096, entries.upperBound - position)
            var block = [UInt8](repeating: 0, count: count)
            guard block.withUnsafeMutableBytes({ pread(manifest, $0.baseAddress!, count, off_t(position)) }) == count else { return nil }
            if let newline = block.firstIndex(of: 0x0A) {
                bytes += block[..<newline]
                return (bytes, position + newline + 1)
            }
            bytes += block
            position += count
        }
        return (bytes, entries.upperBound)
    }
}
