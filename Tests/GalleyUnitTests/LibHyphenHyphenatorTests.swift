import Foundation
import Testing
import GalleyPango

/// Checks dictionary hyphenation through libhyphen for UTF-8, ISO-8859-1 and KOI8-R pattern files.
///
/// Points are offsets in Unicode scalars after which a hyphen may go. The expected sets were read off
/// the Debian pattern files (running libhyphen's own `hnj_hyphen_hyphenate3` on the encoded word) and
/// checked against each language's syllable rules.
@Suite struct LibHyphenHyphenatorTests {
    static let dictionaries = URL(fileURLWithPath: "/usr/share/hyphen")

    static func pieces(_ word: String, _ points: [Int]) -> String {
        let scalars = Array(word.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if points.contains(index) { result += "-" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var language: String
        var word: String
        var hyphenated: String
        var testDescription: String { "\(language) \(word)" }
    }

    @Test(arguments: [
        // US English patterns (Liang's): the familiar dictionary divisions.
        Case(language: "en", word: "hyphenation", hyphenated: "hy-phen-ation"),
        Case(language: "en", word: "typesetting", hyphenated: "type-set-ting"),
        Case(language: "en-US", word: "paragraph", hyphenated: "para-graph"),
        // French: a break before each consonant-vowel syllable, keeping at least three letters at the end.
        Case(language: "fr", word: "gouvernement", hyphenated: "gou-ver-ne-ment"),
        Case(language: "fr", word: "logement", hyphenated: "lo-ge-ment"),
        // German from the ISO-8859-1 dictionary; "Über-" is a prefix, "-schung" keeps sch together.
        Case(language: "de", word: "überraschung", hyphenated: "über-ra-schung"),
        Case(language: "de", word: "Gewerkschaft", hyphenated: "Ge-werk-schaft"),
        // Russian from the KOI8-R dictionary, every syllable: Debian's file lacks the completed patterns libhyphen
        // needs, which Galley adds (PatternExpansion); these are the divisions Liang's algorithm gives on the file
        // (checked with pyphen, an independent implementation).
        Case(language: "ru", word: "профсоюзы", hyphenated: "проф-со-ю-зы"),
        Case(language: "ru", word: "сопротивление", hyphenated: "со-про-тив-ле-ние"),
        // Ukrainian (UTF-8): a consonant cluster may be split anywhere, so both незале-жність and незалеж-ність are
        // allowed; its file too needs completing.
        Case(language: "uk", word: "профспілка", hyphenated: "проф-спі-л-ка"),
        Case(language: "uk", word: "незалежність", hyphenated: "не-за-ле-ж-ність"),
        // Greek from the ISO-8859-7 dictionary: one consonant goes with the following vowel, and so does
        // a cluster that can begin a Greek word (στ).
        Case(language: "el", word: "συνδικαλιστικός", hyphenated: "συν-δι-κα-λι-στι-κός"),
    ])
    func dictionaryPoints(_ example: Case) {
        let hyphenator = LibHyphenHyphenator(directory: Self.dictionaries)
        let points = hyphenator.hyphenationPoints(in: example.word, language: example.language)
        #expect(Self.pieces(example.word, points) == example.hyphenated)
    }

    @Test func englishHyphenationPoints() {
        #expect(LibHyphenHyphenator().hyphenationPoints(in: "hyphenation", language: "en") == [2, 6])
    }

    @Test func germanWordWithUmlautFromTheLatin1Dictionary() {
        #expect(LibHyphenHyphenator().hyphenationPoints(in: "Überraschung", language: "de") == [4, 6])
    }

    @Test func russianWordFromTheKOI8RDictionary() {
        #expect(LibHyphenHyphenator().hyphenationPoints(in: "сопротивление", language: "ru") == [2, 5, 8, 10])
    }

    @Test(arguments: [
        ("hyphenation", "HYPHENATION", "en"), ("überraschung", "ÜBERRASCHUNG", "de"),
        ("сопротивление", "СОПРОТИВЛЕНИЕ", "ru"), ("незалежність", "НЕЗАЛЕЖНІСТЬ", "uk"), ("gouvernement", "Gouvernement", "fr"),
    ])
    func upperCaseIsLoweredForTheDictionary(lower: String, upper: String, language: String) {
        let hyphenator = LibHyphenHyphenator()
        let points = hyphenator.hyphenationPoints(in: lower, language: language)
        #expect(!points.isEmpty)
        #expect(hyphenator.hyphenationPoints(in: upper, language: language) == points)
    }

    /// The fewest letters before and after a hyphen: two everywhere; three at the end in English and French.
    @Test(arguments: [
        ("en", 3, ["hyphenation", "typesetting", "internationalist", "responsibility", "repression", "abolition", "ideal", "fashionable"]),
        ("fr", 3, ["gouvernement", "constitution", "solidarité", "anticapitaliste", "mobilisation", "syndicalisme"]),
        ("de", 2, ["Überraschung", "Gewerkschaft", "Arbeiterbewegung", "Solidarität", "Widerstand", "Aufrüstung"]),
        ("ru", 2, ["сопротивление", "профсоюзы", "мобилизация", "забастовка", "солидарность", "антифашизм"]),
        ("uk", 2, ["незалежність", "профспілка", "солідарність", "робітник", "україна", "мобілізація"]),
    ])
    func minimumLettersAtEachEnd(language: String, rightMinimum: Int, words: [String]) {
        let hyphenator = LibHyphenHyphenator()
        var hyphenatedWords = 0
        for word in words {
            let count = word.unicodeScalars.count
            let points = hyphenator.hyphenationPoints(in: word, language: language)
            if !points.isEmpty { hyphenatedWords += 1 }
            #expect(points == points.sorted() && Set(points).count == points.count, "\(word): \(points)")
            #expect(points.allSatisfy { $0 >= 2 && $0 <= count - rightMinimum }, "\(word): \(points)")
        }
        #expect(hyphenatedWords >= words.count - 1, "the \(language) dictionary hyphenates these words")
    }

    @Test func regionalTagsFallBackToTheLanguage() {
        let hyphenator = LibHyphenHyphenator()
        #expect(hyphenator.supports("fr-CA"))
        #expect(hyphenator.hyphenationPoints(in: "gouvernement", language: "fr-CA")
                == hyphenator.hyphenationPoints(in: "gouvernement", language: "fr"))
        #expect(hyphenator.hyphenationPoints(in: "hyphenation", language: "en_US") == [2, 6])
        #expect(hyphenator.supports("en-GB"))
    }

    @Test func unknownLanguageGivesNoPoints() {
        let hyphenator = LibHyphenHyphenator()
        #expect(!hyphenator.supports("xx"))
        #expect(hyphenator.hyphenationPoints(in: "hyphenation", language: "xx").isEmpty)
        #expect(hyphenator.hyphenationPoints(in: "hyphenation", language: "").isEmpty)
    }

    @Test func missingDictionaryFolderGivesNoPoints() {
        let hyphenator = LibHyphenHyphenator(directory: URL(fileURLWithPath: "/nonexistent/hyphen"))
        #expect(!hyphenator.supports("en"))
        #expect(hyphenator.hyphenationPoints(in: "hyphenation", language: "en").isEmpty)
    }

    /// Letters a single-byte dictionary cannot encode are not hyphenated, rather than mangled.
    @Test func lettersOutsideTheDictionaryCharsetGiveNoPoints() {
        let hyphenator = LibHyphenHyphenator()
        #expect(hyphenator.hyphenationPoints(in: "Łódźwiderstand", language: "de").isEmpty)
        #expect(hyphenator.hyphenationPoints(in: "сопротивлениеї", language: "ru").isEmpty)
    }

    @Test func shortWordsHaveNoPoints() {
        let hyphenator = LibHyphenHyphenator()
        for word in ["a", "an", "the", "ox"] {
            #expect(hyphenator.hyphenationPoints(in: word, language: "en").isEmpty, "\(word)")
        }
    }
}

/// Pattern completion on a dictionary small enough to follow by hand.
@Suite struct PatternCompletionTests {
    /// `1ш` and `1г` each allow a break before their letter; `рош2л` forbids one before `л`. Liang's algorithm applies
    /// all three to "прошлого" (про-шло-го), but libhyphen's automaton, in the state for `рош`, reports only what is
    /// stored there: nothing, unless the file is completed first.
    @Test func completedPatternsGiveLiangsDivisions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-patterns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("UTF-8\n1ш\n1г\nрош2л\n".utf8).write(to: folder.appendingPathComponent("hyph_ru_RU.dic"))
        let hyphenator = LibHyphenHyphenator(directory: folder)
        #expect(hyphenator.hyphenationPoints(in: "прошлого", language: "ru") == [3, 6])
    }
}
