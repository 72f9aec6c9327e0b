/// Small operations on BCP 47 tags: splitting, and telling whether two tags name the same language.
enum BCP47 {
    /// The tag's subtags, lower-cased (`zh-Hant-TW` gives `zh`, `hant`, `tw`); underscores count as hyphens.
    static func subtags(_ tag: String) -> [String] {
        tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    }

    /// Withdrawn ISO 639 codes and their successors (CLD2 still uses the old ones), and Norwegian as Bokmål.
    static let successors = ["iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "no": "nb"]

    /// The primary language subtag, lower-cased, with withdrawn ISO 639 codes replaced by their successors.
    static func primary(of tag: String) -> String {
        let primary = subtags(tag).first ?? ""
        switch primary {
        case "fil": return "tl"
        case "cmn": return "zh"
        default: return successors[primary] ?? primary
        }
    }

    /// The script subtag, lower-cased, if the tag has one.
    static func script(of tag: String) -> String? {
        subtags(tag).dropFirst().first { $0.count == 4 }
    }

    /// Whether the two tags name the same language: the same primary language and, when both name a script, the
    /// same script (`zh-Hans` and `zh-Hant` differ; `en` and `en-GB` do not).
    static func sameLanguage(_ first: String, _ second: String) -> Bool {
        guard primary(of: first) == primary(of: second) else { return false }
        guard let firstScript = script(of: first), let secondScript = script(of: second) else { return true }
        return firstScript == secondScript
    }
}
