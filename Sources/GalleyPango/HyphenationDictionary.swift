import CHyphen
import Foundation
import GalleyFiles
import GalleyFonts

/// A loaded libhyphen pattern file, shared by every thread of the process.
///
/// libhyphen compiles a pattern file into an automaton on every load, which takes about 3 s for the German patterns;
/// so each file is loaded once per process, and its automaton is kept in Galley's cache folder, keyed by the pattern
/// file's contents, for the next process. `@unchecked Sendable`: libhyphen never writes to a dictionary after
/// loading it, so concurrent hyphenation only reads; loading itself is serialised per file.
final class HyphenationDictionary: @unchecked Sendable {
    /// Where an automaton came from.
    enum Origin: Equatable {
        case patternFile
        case compiledCache
    }

    let handle: UnsafeMutablePointer<HyphenDict>
    let encoding: DictionaryEncoding
    let leftMin: Int32
    let rightMin: Int32
    let origin: Origin
    /// Owns the automaton's memory when it was rebuilt from the cache; libhyphen's own otherwise.
    private let compiled: CompiledPatterns?

    private init(handle: UnsafeMutablePointer<HyphenDict>, compiled: CompiledPatterns?, encoding: DictionaryEncoding,
                 leftMin: Int32, rightMin: Int32) {
        self.handle = handle
        self.compiled = compiled
        self.origin = compiled == nil ? .patternFile : .compiledCache
        self.encoding = encoding
        self.leftMin = leftMin
        self.rightMin = rightMin
    }

    deinit {
        if compiled == nil { hnj_hyphen_free(handle) }
    }

    /// Points after which a hyphen may go, in Unicode scalars of `word`, by this dictionary's patterns.
    func hyphenationPoints(in word: String) -> [Int] {
        let scalars = Array(word.unicodeScalars)
        // Dictionaries hold lower-case patterns; typographic apostrophes are written as ASCII ones.
        let lower = String(String.UnicodeScalarView(word.lowercased().unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
        guard scalars.count > 1, lower.unicodeScalars.count == scalars.count, let encoded = encoding.encode(lower) else { return [] }
        // libhyphen scans the word with C string functions, so it must end with a zero byte.
        let bytes = encoded + [0]
        var hyphens = [CChar](repeating: 0, count: encoded.count + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var pos: UnsafeMutablePointer<Int32>?
        var cut: UnsafeMutablePointer<Int32>?
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                hnj_hyphen_hyphenate3(handle, pointer, Int32(encoded.count), &hyphens, nil, &rep, &pos, &cut,
                                      leftMin, rightMin, 0, 0)
            }
        }
        if let rep {
            for index in 0..<encoded.count { free(rep[index]) }
            free(rep)
        }
        free(pos)
        free(cut)
        guard status == 0 else { return [] }
        // UTF-8 dictionaries index the result by code point, single-byte ones by byte: both are scalars here.
        var points: [Int] = []
        for index in 0..<(scalars.count - 1) where hyphens[index] & 1 == 1 {
            points.append(index + 1)
        }
        return points
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [String: HyphenationDictionary?] = [:]
    nonisolated(unsafe) private static var fileLocks: [String: NSLock] = [:]

    /// The dictionary in `url`, loaded on first use; nil if the file is missing or its character set unknown.
    ///
    /// Each file has its own lock, so a thread loading the German patterns holds up only threads that need them.
    static func load(_ url: URL, leftMin: Int32, rightMin: Int32) -> HyphenationDictionary? {
        let key = "\(url.path)|\(leftMin)|\(rightMin)"
        lock.lock()
        if let known = loaded[key] {
            lock.unlock()
            return known
        }
        let fileLock = fileLocks[key] ?? NSLock()
        fileLocks[key] = fileLock
        lock.unlock()
        fileLock.lock()
        defer { fileLock.unlock() }
        lock.lock()
        let already = loaded[key]
        lock.unlock()
        if let already { return already }
        let result = open(url, leftMin: leftMin, rightMin: rightMin, cacheFolder: CacheFolder.named("hyphen"))
        lock.lock()
        loaded[key] = result
        lock.unlock()
        return result
    }

    /// Opens `url` without the process-wide table: from its compiled form in `cacheFolder` when that matches the
    /// file's contents, otherwise through libhyphen (saving the compiled form for next time).
    static func open(_ url: URL, leftMin: Int32, rightMin: Int32, cacheFolder: URL?) -> HyphenationDictionary? {
        guard let source = try? Data(contentsOf: url),
              // The first line names the character set (UTF-8, ISO8859-1, KOI8-R, ISO8859-7).
              let firstLine = String(decoding: source.prefix(64), as: UTF8.self).split(whereSeparator: \.isNewline).first,
              let encoding = DictionaryEncoding(charset: BlankTrimming.trimmed(firstLine)) else { return nil }
        let sourceHash = fingerprint(source)
        // Named by the way the patterns were completed too (see PatternExpansion), never reusing another version's.
        let cached = cacheFolder?.appendingPathComponent(
            "\(url.deletingPathExtension().lastPathComponent)-\(String(sourceHash, radix: 16))-complete\(PatternExpansion.version).automaton")
        // Mapped, not read: the reader copies the bytes once anyway, and a read would fault in a second copy (the
        // English automaton is half a megabyte). Cache files are replaced by renaming, never rewritten in place.
        if let cached, let data = try? Data(contentsOf: cached, options: .alwaysMapped), let compiled = CompiledPatterns(data, sourceHash: sourceHash) {
            return HyphenationDictionary(handle: compiled.handle, compiled: compiled, encoding: encoding, leftMin: leftMin, rightMin: rightMin)
        }
        guard let handle = loadCompleted(source) else { return nil }
        if let cached { save(CompiledPatterns.serialize(handle, sourceHash: sourceHash), to: cached) }
        return HyphenationDictionary(handle: handle, compiled: nil, encoding: encoding, leftMin: leftMin, rightMin: rightMin)
    }

    /// libhyphen's automaton of the completed patterns of `source`, through a temporary file (libhyphen reads only files).
    private static func loadCompleted(_ source: Data) -> UnsafeMutablePointer<HyphenDict>? {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("galley-patterns-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).dic")
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard (try? PatternExpansion.expand(source).write(to: temporary)) != nil else { return nil }
        return hnj_hyphen_load(temporary.path)
    }

    /// Writes beside the target and renames, so a process reading the cache never sees half a file.
    private static func save(_ data: Data, to url: URL) {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// FNV-1a over the pattern file: a changed file (a package upgrade) gets a new cache entry.
    static func fingerprint(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return hash
    }
}
