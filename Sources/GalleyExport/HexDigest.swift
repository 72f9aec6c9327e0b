/// A SHA-256 digest held in 32 bytes rather than as its 64-character hex text, written and read as that text.
///
/// An export keeps two digests for every article of the archive until it has read them all; as strings they were
/// a heap object each, most of the parent's memory at 10,000 articles.
struct HexDigest: Hashable, Sendable, Codable, CustomStringConvertible {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The digest written as `hex` (64 hexadecimal digits), or nil for any other text.
    init?(hex: String) {
        let bytes = Array(hex.utf8)
        guard bytes.count == 64 else { return nil }
        var parts: [UInt64] = []
        for word in 0..<4 {
            var value: UInt64 = 0
            for byte in bytes[(word * 16)..<(word * 16 + 16)] {
                guard let digit = Self.value(of: byte) else { return nil }
                value = value << 4 | UInt64(digit)
            }
            parts.append(value)
        }
        words = (parts[0], parts[1], parts[2], parts[3])
    }

    /// The 64 lower-case hexadecimal digits.
    var description: String {
        [words.0, words.1, words.2, words.3].map { word in
            let text = String(word, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }.joined()
    }

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let digest = HexDigest(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a SHA-256 digest: \(text)"))
        }
        self = digest
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func == (lhs: HexDigest, rhs: HexDigest) -> Bool {
        lhs.words == rhs.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    private static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
