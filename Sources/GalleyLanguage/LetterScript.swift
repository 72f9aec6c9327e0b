/// A writing system, as far as telling languages apart and guessing them from letters needs it.
///
/// Not `GalleyModel.Script`, which groups scripts by the fonts that set them (Han with kana and hangul): language
/// detection needs kana (Japanese) and hangul (Korean) apart from Han (Chinese).
public enum LetterScript: Int, Sendable, CaseIterable {
    /// Latin letters (English, French, Turkish, Vietnamese).
    case latin
    /// Greek.
    case greek
    /// Cyrillic (Russian, Ukrainian, Serbian).
    case cyrillic
    /// Armenian.
    case armenian
    /// Hebrew (Hebrew, Yiddish).
    case hebrew
    /// Arabic (Arabic, Persian, Urdu).
    case arabic
    /// Devanagari (Hindi, Marathi, Nepali).
    case devanagari
    /// Bengali (Bengali, Assamese).
    case bengali
    /// Gurmukhi (Punjabi).
    case gurmukhi
    /// Gujarati.
    case gujarati
    /// Tamil.
    case tamil
    /// Telugu.
    case telugu
    /// Kannada.
    case kannada
    /// Malayalam.
    case malayalam
    /// Sinhala.
    case sinhala
    /// Thai.
    case thai
    /// Lao.
    case lao
    /// Myanmar (Burmese).
    case myanmar
    /// Georgian.
    case georgian
    /// Hangul (Korean).
    case hangul
    /// Ethiopic (Amharic, Tigrinya).
    case ethiopic
    /// Khmer.
    case khmer
    /// Han ideographs (Chinese; also Japanese kanji and Korean hanja).
    case han
    /// Hiragana and katakana (Japanese).
    case kana

    /// The script's ISO 15924 code, as used in BCP 47 tags (`Latn`, `Cyrl`, `Hrkt` for kana).
    public var code: String {
        switch self {
        case .latin: "Latn"
        case .greek: "Grek"
        case .cyrillic: "Cyrl"
        case .armenian: "Armn"
        case .hebrew: "Hebr"
        case .arabic: "Arab"
        case .devanagari: "Deva"
        case .bengali: "Beng"
        case .gurmukhi: "Guru"
        case .gujarati: "Gujr"
        case .tamil: "Taml"
        case .telugu: "Telu"
        case .kannada: "Knda"
        case .malayalam: "Mlym"
        case .sinhala: "Sinh"
        case .thai: "Thai"
        case .lao: "Laoo"
        case .myanmar: "Mymr"
        case .georgian: "Geor"
        case .hangul: "Hang"
        case .ethiopic: "Ethi"
        case .khmer: "Khmr"
        case .han: "Hani"
        case .kana: "Hrkt"
        }
    }

    /// The language a text in this script alone is most likely in, as a BCP 47 tag (Han alone is taken for Chinese).
    public var defaultLanguage: String {
        switch self {
        case .latin: "en"
        case .greek: "el"
        case .cyrillic: "ru"
        case .armenian: "hy"
        case .hebrew: "he"
        case .arabic: "ar"
        case .devanagari: "hi"
        case .bengali: "bn"
        case .gurmukhi: "pa"
        case .gujarati: "gu"
        case .tamil: "ta"
        case .telugu: "te"
        case .kannada: "kn"
        case .malayalam: "ml"
        case .sinhala: "si"
        case .thai: "th"
        case .lao: "lo"
        case .myanmar: "my"
        case .georgian: "ka"
        case .hangul: "ko"
        case .ethiopic: "am"
        case .khmer: "km"
        case .han: "zh-Hans"
        case .kana: "ja"
        }
    }

    /// Whether the script's words are written without spaces between them, so that letters, not runs, measure length.
    public var isUnspaced: Bool {
        switch self {
        case .han, .kana, .thai, .lao, .khmer, .myanmar: true
        default: false
        }
    }

    /// The script of a letter, or nil for anything else (digits, punctuation, spaces, symbols, combining accents)
    /// and for letters of scripts not listed here.
    public init?(letter scalar: Unicode.Scalar) {
        let value = scalar.value
        // ASCII and Latin-1 first: most text is mostly these, and their letters are known without a table lookup.
        if value < 0x80 {
            guard (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) else { return nil }
            self = .latin
            return
        }
        if value < 0x250 {
            guard value == 0xAA || value == 0xBA || (value >= 0xC0 && value != 0xD7 && value != 0xF7) else { return nil }
            self = .latin
            return
        }
        // Blocks made only of letters need no further check.
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x20000...0x323AF: self = .han; return
        case 0xAC00...0xD7A3: self = .hangul; return
        // The basic letters of Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai and the kana: every one is a letter,
        // and asking the property tables (about 300 instructions a scalar) was most of tagging a paragraph.
        case 0x391...0x3A1, 0x3A3...0x3C9, 0x410...0x44F, 0x5D0...0x5EA, 0x620...0x64A, 0x671...0x6D3, 0x905...0x939,
             0xE01...0xE30, 0x3041...0x3096, 0x30A1...0x30FA:
            if let script = Self.block(of: value) { self = script; return }
        default: break
        }
        guard let script = Self.block(of: value), scalar.properties.isAlphabetic else { return nil }
        self = script
    }

    /// The script whose Unicode block holds `value` (at or above U+0250), letters or not.
    static func block(of value: UInt32) -> LetterScript? {
        switch value {
        case 0x250...0x2AF, 0x1D00...0x1D7F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F,
             0xFB00...0xFB06, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
        case 0x530...0x58F, 0xFB13...0xFB17: return .armenian
        case 0x590...0x5FF, 0xFB1D...0xFB4F: return .hebrew
        case 0x600...0x6FF, 0x750...0x77F, 0x870...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFC: return .arabic
        case 0x900...0x97F, 0xA8E0...0xA8FF: return .devanagari
        case 0x980...0x9FF: return .bengali
        case 0xA00...0xA7F: return .gurmukhi
        case 0xA80...0xAFF: return .gujarati
        case 0xB80...0xBFF: return .tamil
        case 0xC00...0xC7F: return .telugu
        case 0xC80...0xCFF: return .kannada
        case 0xD00...0xD7F: return .malayalam
        case 0xD80...0xDFF: return .sinhala
        case 0xE00...0xE7F: return .thai
        case 0xE80...0xEFF: return .lao
        case 0x1000...0x109F, 0xA9E0...0xA9FF, 0xAA60...0xAA7F: return .myanmar
        case 0x10A0...0x10FF, 0x1C90...0x1CBF, 0x2D00...0x2D2F: return .georgian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0xFFA0...0xFFDC: return .hangul
        case 0x1200...0x139F, 0x2D80...0x2DDF, 0xAB00...0xAB2F: return .ethiopic
        case 0x1780...0x17FF: return .khmer
        // Ideographic iteration and number marks (々, 〇), CJK compatibility ideographs.
        case 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return .han
        // Kana repetition marks, hiragana, katakana, small and halfwidth katakana, historic kana.
        case 0x3031...0x3035, 0x3041...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F, 0x1B000...0x1B16F:
            return .kana
        default: return nil
        }
    }
}
