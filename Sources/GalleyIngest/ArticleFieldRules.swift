import Foundation
import GalleyModel

/// The checks every reader applies to article fields, so all formats accept the same values.
enum ArticleFieldRules {
    /// Whether `id` can be used in output file names: letters, digits, `-` and `_`.
    static func isUsableID(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// Whether `tag` looks like a BCP 47 language tag (`en`, `pt-BR`), as the JSON reader requires.
    static func isLanguageTag(_ tag: String) -> Bool {
        LanguageTag.isWellFormed(tag)
    }

    /// The `YYYY-MM-DD` calendar date at the start of `text` (a date or a timestamp), if it is a real date.
    static func calendarDate(_ text: String) -> String? {
        // Line ends too: the regular expression this replaced let its `$` match before a final newline.
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // ISO 8601, or the same order with slashes (2023/03/22), which site generators' front matter often has:
        // four digits, a separator, two digits, the same separator, two digits, then nothing or a time after T or a space.
        let bytes = Array(trimmed.utf8)
        guard bytes.count >= 10, let separator = [UInt8(ascii: "-"), UInt8(ascii: "/")].first(where: { $0 == bytes[4] }),
              bytes[7] == separator, [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ LanguageTag.isASCIIDigit(bytes[$0]) }),
              bytes.count == 10 || [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10])
        else { return nil }
        let date = String(decoding: bytes[0..<4] + [UInt8(ascii: "-")] + bytes[5..<7] + [UInt8(ascii: "-")] + bytes[8..<10], as: UTF8.self)
        return ArticleDate(iso: date) == nil ? nil : date
    }

    /// An id derived from the title, for inputs that carry none: `t` and 12 hex digits of its FNV-1a hash.
    ///
    /// FNV-1a is used because Swift's `hashValue` changes between runs, and the id must name the same file every time.
    static func stableID(forTitle title: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in title.trimmingCharacters(in: .whitespacesAndNewlines).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "t" + String(String(repeating: "0", count: 16 - hex.count) + hex).prefix(12)
    }

    /// The number in a SPIP-style address (`spip.php?article9062`, `/article9062.html`), if there is one.
    static func spipArticleNumber(in url: String) -> String? {
        // The first "article" that does not continue a word and is followed by a digit, as `(^|[^A-Za-z])article[0-9]+`.
        let bytes = Array(url.utf8), word = Array("article".utf8)
        var start = 0
        while start + word.count < bytes.count {
            if Array(bytes[start..<start + word.count]) == word, start == 0 || !LanguageTag.isASCIILetter(bytes[start - 1]) {
                let digits = bytes[(start + word.count)...].prefix(while: LanguageTag.isASCIIDigit)
                if !digits.isEmpty { return String(decoding: digits, as: UTF8.self) }
            }
            start += 1
        }
        return nil
    }
}
