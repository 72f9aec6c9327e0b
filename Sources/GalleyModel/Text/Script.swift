/// A writing system, as far as setting text needs to know it: fonts are chosen, lines broken and paragraphs
/// directed by script.
///
/// The raw values are the names layouts use for per-script fonts (`arabic: Noto Naskh Arabic`).
public enum Script: String, CaseIterable, Codable, Sendable, Hashable {
    case latin, greek, cyrillic, armenian, hebrew, arabic, syriac, thaana, nko
    case devanagari, bengali, gurmukhi, gujarati, oriya, tamil, telugu, kannada, malayalam, sinhala
    case thai, lao, tibetan, myanmar, khmer, georgian, ethiopic, mongolian
    /// Chinese characters together with kana and hangul: the CJK fonts that set one set all three.
    case han

    /// Whether text in this script is read from right to left.
    public var isRightToLeft: Bool {
        switch self {
        case .hebrew, .arabic, .syriac, .thaana, .nko: return true
        default: return false
        }
    }

    /// Whether words are written without spaces between them, so that line breaks need a dictionary (Thai, Lao,
    /// Khmer, Myanmar) or fall between characters (Chinese and Japanese).
    public var writesWordsWithoutSpaces: Bool {
        switch self {
        case .thai, .lao, .khmer, .myanmar, .han, .tibetan: return true
        default: return false
        }
    }

    /// The script of `scalar`, or nil for characters that belong to no one script (digits, punctuation, spaces, marks).
    public static func of(_ scalar: Unicode.Scalar) -> Script? {
        let value = scalar.value
        if value < 0x80 {
            let isLetter = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            return isLetter ? .latin : nil
        }
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.first {
                high = middle - 1
            } else if value > range.last {
                low = middle + 1
            } else {
                return range.script
            }
        }
        return nil
    }

    /// Whether `scalar` is a Chinese character, kana or bopomofo: text between which lines may break without a
    /// space, and beside which Latin words get a little space. Hangul is not: Korean separates words by spaces
    /// and attaches particles to Latin words ("Galley는").
    public static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029, 0x3031...0x3035, 0x3038...0x303C, 0x3041...0x30FF,
             0x3105...0x312F, 0x31A0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F,
             0x1B000...0x1B16F, 0x20000...0x323AF:
            return true
        default:
            return false
        }
    }

    /// Letters of each script by code point, sorted; punctuation and symbols inside these blocks count too,
    /// except for the Latin-1 and general punctuation ranges, which every script shares.
    private static let ranges: [(first: UInt32, last: UInt32, script: Script)] = [
        (0x00C0, 0x00D6, .latin), (0x00D8, 0x00F6, .latin), (0x00F8, 0x024F, .latin), (0x0250, 0x02AF, .latin),
        (0x0370, 0x03FF, .greek), (0x0400, 0x052F, .cyrillic), (0x0531, 0x058F, .armenian), (0x0591, 0x05FF, .hebrew),
        (0x0600, 0x06FF, .arabic), (0x0700, 0x074F, .syriac), (0x0750, 0x077F, .arabic), (0x0780, 0x07BF, .thaana),
        (0x07C0, 0x07FF, .nko), (0x0860, 0x086F, .syriac), (0x0870, 0x08FF, .arabic),
        (0x0900, 0x097F, .devanagari), (0x0980, 0x09FF, .bengali), (0x0A00, 0x0A7F, .gurmukhi), (0x0A80, 0x0AFF, .gujarati),
        (0x0B00, 0x0B7F, .oriya), (0x0B80, 0x0BFF, .tamil), (0x0C00, 0x0C7F, .telugu), (0x0C80, 0x0CFF, .kannada),
        (0x0D00, 0x0D7F, .malayalam), (0x0D80, 0x0DFF, .sinhala), (0x0E00, 0x0E7F, .thai), (0x0E80, 0x0EFF, .lao),
        (0x0F00, 0x0FFF, .tibetan), (0x1000, 0x109F, .myanmar), (0x10A0, 0x10FF, .georgian), (0x1100, 0x11FF, .han),
        (0x1200, 0x139F, .ethiopic), (0x1780, 0x17FF, .khmer), (0x1800, 0x18AF, .mongolian), (0x19E0, 0x19FF, .khmer),
        (0x1C90, 0x1CBF, .georgian), (0x1D00, 0x1DBF, .latin), (0x1E00, 0x1EFF, .latin), (0x1F00, 0x1FFF, .greek),
        (0x2D00, 0x2D2F, .georgian), (0x2D80, 0x2DDF, .ethiopic), (0x2DE0, 0x2DFF, .cyrillic),
        (0x2E80, 0x2FDF, .han), (0x3005, 0x3007, .han), (0x3021, 0x3029, .han), (0x3031, 0x3035, .han), (0x3038, 0x303C, .han),
        (0x3041, 0x30FF, .han), (0x3105, 0x312F, .han), (0x3131, 0x318E, .han), (0x31A0, 0x31FF, .han),
        (0x3400, 0x4DBF, .han), (0x4E00, 0x9FFF, .han), (0xA640, 0xA69F, .cyrillic), (0xA720, 0xA7FF, .latin),
        (0xA960, 0xA97F, .han), (0xA9E0, 0xA9FF, .myanmar), (0xAA60, 0xAA7F, .myanmar), (0xAB00, 0xAB2F, .ethiopic),
        (0xAB30, 0xAB6F, .latin), (0xAC00, 0xD7AF, .han), (0xD7B0, 0xD7FF, .han), (0xF900, 0xFAFF, .han),
        (0xFB00, 0xFB06, .latin), (0xFB13, 0xFB17, .armenian), (0xFB1D, 0xFB4F, .hebrew), (0xFB50, 0xFDFF, .arabic),
        (0xFE70, 0xFEFF, .arabic), (0xFF21, 0xFF3A, .latin), (0xFF41, 0xFF5A, .latin), (0xFF66, 0xFF9F, .han),
        (0xFFA0, 0xFFDC, .han), (0x1B000, 0x1B16F, .han), (0x1EE00, 0x1EEFF, .arabic), (0x20000, 0x323AF, .han),
    ]
}
