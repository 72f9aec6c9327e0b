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
        tag.range(of: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) != nil
    }

    /// The `YYYY-MM-DD` calendar date at the start of `text` (a date or a timestamp), if it is a real date.
    static func calendarDate(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // ISO 8601, or the same order with slashes (2023/03/22), which site generators' front matter often has.
        guard trimmed.range(of: #"^\d{4}([-/])\d{2}\1\d{2}([Tt ].*)?$"#, options: .regularExpression) != nil else { return nil }
        let date = String(trimmed.prefix(10)).replacingOccurrences(of: "/", with: "-")
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
        guard let range = url.range(of: #"(^|[^A-Za-z])article[0-9]+"#, options: .regularExpression) else { return nil }
        let digits = url[range].drop { !$0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }
}
