/// Joins names as a language writes a list ("A, B and C").
enum ListFormat {
    private static let conjunctions = ["en": "and", "fr": "et", "de": "und", "es": "y", "it": "e", "pt": "e", "ru": "и", "uk": "і"]

    static func join(_ names: [String], language: String) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        let primary = String(language.split(separator: "-").first ?? "en")
        let word = conjunctions[primary] ?? "and"
        return names.dropLast().joined(separator: ", ") + " \(word) " + names.last!
    }
}
