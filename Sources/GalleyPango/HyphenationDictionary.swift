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

    /// The dictionary in `url`, loaded on first use; nil if the file is missing or its character set unknown.
    static func load(_ url: URL, leftMin: Int32, rightMin: Int32) -> HyphenationDictionary? {
        lock.lock()
        defer { lock.unlock() }
        let key = "\(url.path)|\(leftMin)|\(rightMin)"
        if let known = loaded[key] { return known }
        var result: HyphenationDictionary?
        // The first line names the character set (UTF-8, ISO8859-1, KOI8-R).
        if let header = try? FileHandle(forReadingFrom: url).readData(ofLength: 64),
           let firstLine = String(decoding: header, as: UTF8.self).split(whereSeparator: \.isNewline).first,
           let encoding = DictionaryEncoding(charset: String(firstLine).trimmingCharacters(in: .whitespaces)),
           let handle = hnj_hyphen_load(url.path) {
            result = HyphenationDictionary(handle: handle, encoding: encoding, leftMin: leftMin, rightMin: rightMin)
        }
        loaded[key] = result
        return result
    }
}
