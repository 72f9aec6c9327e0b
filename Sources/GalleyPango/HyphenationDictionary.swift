import CHyphen
import Foundation

/// A loaded libhyphen pattern file, shared by every thread of the process.
///
/// Loading is slow for large pattern sets (German takes about 3 s), so each file is loaded once per
/// process. `@unchecked Sendable`: libhyphen never writes to a dictionary after loading it, so
/// concurrent hyphenation only reads; loading itself is serialised by `lock`.
final class HyphenationDictionary: @unchecked Sendable {
    let handle: UnsafeMutablePointer<HyphenDict>
    let encoding: DictionaryEncoding
    let leftMin: Int32
    let rightMin: Int32

    private init(handle: UnsafeMutablePointer<HyphenDict>, encoding: DictionaryEncoding, leftMin: Int32, rightMin: Int32) {
        self.handle = handle
        self.encoding = encoding
        self.leftMin = leftMin
        self.rightMin = rightMin
    }

    deinit { hnj_hyphen_free(handle) }

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
        var result: HyphenationDictionary?
        // The first line names the character set (UTF-8, ISO8859-1, KOI8-R).
        if let header = try? FileHandle(forReadingFrom: url).readData(ofLength: 64),
           let firstLine = String(decoding: header, as: UTF8.self).split(whereSeparator: \.isNewline).first,
           let encoding = DictionaryEncoding(charset: String(firstLine).trimmingCharacters(in: .whitespaces)),
           let handle = hnj_hyphen_load(url.path) {
            result = HyphenationDictionary(handle: handle, encoding: encoding, leftMin: leftMin, rightMin: rightMin)
        }
        lock.lock()
        loaded[key] = result
        lock.unlock()
        return result
    }
}
