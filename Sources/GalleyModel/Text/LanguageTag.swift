/// What Galley knows of a BCP 47 language tag (`ar`, `zh-Hant`, `sr-Latn`): its script and direction.
public struct LanguageTag: Sendable, Hashable {
    /// The tag as written.
    public let tag: String
    /// The primary language subtag in lower case (`zh` of `zh-Hant-TW`).
    public let primary: String
    /// The script subtag in title case (`Hant`), if the tag has one.
    public let scriptSubtag: String?
    /// The region subtag in upper case (`TW`), if the tag has one.
    public let region: String?

    /// Parses `tag`; unknown or malformed parts are ignored.
    public init(_ tag: String) {
        self.tag = tag
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        primary = parts.first?.lowercased() ?? ""
        var script: String?
        var region: String?
        for part in parts.dropFirst() {
            if part.count == 4, part.allSatisfy(\.isLetter), script == nil {
                script = part.prefix(1).uppercased() + part.dropFirst().lowercased()
            } else if (part.count == 2 && part.allSatisfy(\.isLetter)) || (part.count == 3 && part.allSatisfy(\.isNumber)), region == nil {
                region = part.uppercased()
            }
        }
        scriptSubtag = script
        self.region = region
    }

    /// The script the language is normally written in (`ar` → Arabic, `sr-Latn` → Latin, `ja` → Han).
    public var script: Script {
        if let scriptSubtag, let named = Self.scriptsBySubtag[scriptSubtag] { return named }
        return Self.scriptsByLanguage[primary] ?? .latin
    }

    /// The direction of the language's paragraphs.
    public var direction: TextDirection { script.isRightToLeft ? .rightToLeft : .leftToRight }

    /// For Chinese, Japanese and Korean: which national form of Chinese characters the text wants (`ja`, `ko`,
    /// `zh-Hans` or `zh-Hant`); nil for other languages.
    public var hanVariant: String? {
        switch primary {
        case "ja": return "ja"
        case "ko": return "ko"
        case "zh", "yue", "cmn", "wuu", "hak", "nan":
            if scriptSubtag == "Hant" { return "zh-Hant" }
            if scriptSubtag == "Hans" { return "zh-Hans" }
            if let region, ["TW", "HK", "MO"].contains(region) { return "zh-Hant" }
            return primary == "yue" ? "zh-Hant" : "zh-Hans"
        default: return nil
        }
    }

    /// The scripts whose words are broken with a hyphen at a line's end; the others never get one.
    public static let hyphenatedScripts: Set<Script> = [.latin, .greek, .cyrillic, .armenian, .georgian]

    private static let scriptsBySubtag: [String: Script] = [
        "Latn": .latin, "Grek": .greek, "Cyrl": .cyrillic, "Armn": .armenian, "Hebr": .hebrew, "Arab": .arabic,
        "Syrc": .syriac, "Thaa": .thaana, "Nkoo": .nko, "Deva": .devanagari, "Beng": .bengali, "Guru": .gurmukhi,
        "Gujr": .gujarati, "Orya": .oriya, "Taml": .tamil, "Telu": .telugu, "Knda": .kannada, "Mlym": .malayalam,
        "Sinh": .sinhala, "Thai": .thai, "Laoo": .lao, "Tibt": .tibetan, "Mymr": .myanmar, "Khmr": .khmer,
        "Geor": .georgian, "Ethi": .ethiopic, "Mong": .mongolian, "Hans": .han, "Hant": .han, "Hani": .han,
        "Jpan": .han, "Kore": .han, "Hang": .han,
    ]

    private static let scriptsByLanguage: [String: Script] = [
        "el": .greek, "grc": .greek,
        "ru": .cyrillic, "uk": .cyrillic, "be": .cyrillic, "bg": .cyrillic, "sr": .cyrillic, "mk": .cyrillic,
        "kk": .cyrillic, "ky": .cyrillic, "tg": .cyrillic, "mn": .cyrillic, "tt": .cyrillic, "ba": .cyrillic, "cv": .cyrillic,
        "hy": .armenian, "he": .hebrew, "iw": .hebrew, "yi": .hebrew, "lad": .hebrew,
        "ar": .arabic, "fa": .arabic, "ur": .arabic, "ps": .arabic, "sd": .arabic, "ug": .arabic, "ckb": .arabic,
        "ks": .arabic, "prs": .arabic, "arz": .arabic, "azb": .arabic, "bal": .arabic,
        "syr": .syriac, "dv": .thaana, "nqo": .nko,
        "hi": .devanagari, "mr": .devanagari, "ne": .devanagari, "sa": .devanagari, "mai": .devanagari,
        "bho": .devanagari, "kok": .devanagari, "doi": .devanagari, "new": .devanagari,
        "bn": .bengali, "as": .bengali, "mni": .bengali, "pa": .gurmukhi, "gu": .gujarati, "or": .oriya,
        "ta": .tamil, "te": .telugu, "kn": .kannada, "ml": .malayalam, "si": .sinhala,
        "th": .thai, "lo": .lao, "bo": .tibetan, "dz": .tibetan, "my": .myanmar, "km": .khmer,
        "ka": .georgian, "am": .ethiopic, "ti": .ethiopic, "gez": .ethiopic,
        "zh": .han, "ja": .han, "ko": .han, "yue": .han, "cmn": .han, "wuu": .han, "hak": .han, "nan": .han,
    ]
}
