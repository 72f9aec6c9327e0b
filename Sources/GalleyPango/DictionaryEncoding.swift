/// The character sets Debian's hyphenation dictionaries are written in, named on their first line.
enum DictionaryEncoding {
    case utf8
    case latin1
    case koi8r
    case greek

    init?(charset: String) {
        switch charset.uppercased().replacingOccurrences(of: "-", with: "") {
        case "UTF8": self = .utf8
        case "ISO88591", "ISO8859-1", "LATIN1": self = .latin1
        case "KOI8R": self = .koi8r
        case "ISO88597": self = .greek
        default: return nil
        }
    }

    /// `word` as the dictionary's bytes, or `nil` when a character has no place in its character set.
    func encode(_ word: String) -> [UInt8]? {
        switch self {
        case .utf8:
            return Array(word.utf8)
        case .latin1:
            var bytes: [UInt8] = []
            for scalar in word.unicodeScalars {
                guard scalar.value < 256 else { return nil }
                bytes.append(UInt8(scalar.value))
            }
            return bytes
        case .greek:
            // ISO-8859-7 puts U+0384…U+03CE at 0xB4…0xFE, in Unicode's order.
            var bytes: [UInt8] = []
            for scalar in word.unicodeScalars {
                if scalar.isASCII {
                    bytes.append(UInt8(scalar.value))
                } else if (0x384...0x3CE).contains(scalar.value), scalar.value != 0x3A2 {
                    bytes.append(UInt8(scalar.value - 0x2D0))
                } else {
                    return nil
                }
            }
            return bytes
        case .koi8r:
            var bytes: [UInt8] = []
            for scalar in word.unicodeScalars {
                if scalar.isASCII {
                    bytes.append(UInt8(scalar.value))
                } else if let byte = Self.koi8rLowercase[scalar] {
                    bytes.append(byte)
                } else {
                    return nil
                }
            }
            return bytes
        }
    }

    /// KOI8-R places the lower-case Cyrillic alphabet at 0xC0–0xDF in this (phonetic) order, and ё at 0xA3.
    private static let koi8rLowercase: [Unicode.Scalar: UInt8] = {
        var table: [Unicode.Scalar: UInt8] = ["ё": 0xA3]
        for (offset, letter) in "юабцдефгхийклмнопярстужвьызшэщчъ".unicodeScalars.enumerated() {
            table[letter] = UInt8(0xC0 + offset)
        }
        return table
    }()
}
