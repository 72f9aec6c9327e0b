import CHyphen
import Foundation
import GalleyLayout

/// Dictionary hyphenation with libhyphen and Debian's `hyphen-*` pattern files.
///
/// The dictionaries are loaded once per process and shared read-only (`HyphenationDictionary.load`); each instance
/// remembers its own lookups and words, so an instance belongs to one thread.
public final class LibHyphenHyphenator: Hyphenator {
    private let directory: URL
    private var dictionaries: [String: HyphenationDictionary?] = [:]
    private var cache: [String: [Int]] = [:]

    /// Pattern files by language, most specific first; the first that exists is used.
    static let files: [String: [String]] = [
        "en": ["hyph_en_US.dic"], "en-us": ["hyph_en_US.dic"], "en-gb": ["hyph_en_GB.dic"],
        "fr": ["hyph_fr.dic", "hyph_fr_FR.dic"], "de": ["hyph_de_DE.dic", "hyph_de.dic"],
        "es": ["hyph_es_ES.dic", "hyph_es.dic"], "it": ["hyph_it_IT.dic", "hyph_it.dic"],
        "pt": ["hyph_pt_PT.dic", "hyph_pt.dic"], "pt-br": ["hyph_pt_BR.dic"], "pt-pt": ["hyph_pt_PT.dic"],
        "ru": ["hyph_ru_RU.dic"], "uk": ["hyph_uk_UA.dic", "hyph_uk.dic"], "el": ["hyph_el_GR.dic", "hyph_el.dic"],
    ]

    /// The fewest letters kept before and after a hyphen, by language (typographic custom of each).
    static let minimums: [String: (Int32, Int32)] = [
        "en": (2, 3), "fr": (2, 3), "de": (2, 2), "es": (2, 2), "it": (2, 2), "pt": (2, 3), "ru": (2, 2), "uk": (2, 2), "el": (2, 2),
    ]

    /// Creates a hyphenator reading dictionaries from `directory` (Debian: `/usr/share/hyphen`).
    public init(directory: URL = URL(fileURLWithPath: "/usr/share/hyphen")) {
        self.directory = directory
    }

    /// Whether a dictionary exists for `language`.
    public func supports(_ language: String) -> Bool { dictionary(for: language) != nil }

    /// Points after which a hyphen may go, in Unicode scalars of `word`.
    public func hyphenationPoints(in word: String, language: String) -> [Int] {
        let key = language + "\u{1}" + word
        if let cached = cache[key] { return cached }
        let points = dictionary(for: language)?.hyphenationPoints(in: word) ?? []
        if cache.count >= 10_000 { cache.removeAll() }
        cache[key] = points
        return points
    }

    /// Loads the process's dictionary for `language` from `directory` ahead of its first word, on any thread: a
    /// command reading an article can load its patterns while another thread prepares the fonts and layout.
    public static func preload(_ language: String, directory: URL = URL(fileURLWithPath: "/usr/share/hyphen")) {
        _ = dictionary(for: language, in: directory)
    }

    private func dictionary(for language: String) -> HyphenationDictionary? {
        // Keyed by the tag as written, so that the lookup for each new word does no string rewriting.
        if let known = dictionaries[language] { return known }
        let found = Self.dictionary(for: language, in: directory)
        dictionaries[language] = found
        return found
    }

    /// The process-wide dictionary for `language` in `directory`: the most specific pattern file that exists.
    private static func dictionary(for language: String, in directory: URL) -> HyphenationDictionary? {
        let tag = language.lowercased().replacingOccurrences(of: "_", with: "-")
        let primary = String(tag.split(separator: "-").first ?? "")
        let names = (files[tag] ?? []) + (files[primary] ?? [])
        let (left, right) = minimums[primary] ?? (2, 2)
        return names.lazy.compactMap { name in
            HyphenationDictionary.load(directory.appendingPathComponent(name), leftMin: left, rightMin: right)
        }.first
    }
}
