import Foundation
import Testing
import GalleyLayout
import GalleyStyle
@testable import GalleyPango

/// A word shaped without itemizing (`ShapingItem`) must come out exactly as itemizing it would have made it: the same
/// faces, glyphs, advances, offsets and clusters. Every word of every example article, in every script, and the
/// characters Pango itemizes apart, are shaped both ways, in the layout's three stacks, roman, bold and italic.
@Suite struct ShapingShortcutTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The words of the example articles (split at white space, punctuation kept), and their languages.
    static let corpus: [(word: String, language: String)] = {
        let folder = root.appendingPathComponent("Examples")
        var found: [(String, String)] = []
        var seen = Set<String>()
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            let language = object["language"] as? String ?? "en"
            for word in strings(in: object).flatMap({ $0.split(whereSeparator: \.isWhitespace) }) where seen.insert(language + String(word)).inserted {
                found.append((String(word), language))
            }
        }
        return found
    }()

    /// Words built to meet each thing the shortcut must refuse or get right.
    static let edges: [(word: String, language: String)] = [
        ("2025", "en"), ("١٢٣", "en"), ("٣٤٥", "ar"), ("e\u{301}te\u{301}", "fr"), ("\u{301}a", "en"), ("naïve", "en"),
        ("co\u{AD}operate", "en"), ("ﬁnal", "en"), ("👍", "en"), ("ok👍", "en"), ("☺\u{FE0F}", "en"), ("#\u{20E3}", "en"),
        ("a\u{200D}b", "en"), ("x\u{FE0E}", "en"), ("©2025", "en"), ("…", "en"), ("«oui»", "fr"), ("[test]", "en"),
        ("3½", "en"), ("€10", "en"), ("10%", "en"), ("\u{E000}", "en"), ("日本語", "ja"), ("カタカナ", "ja"),
        ("ひらがな漢字", "ja"), ("「引用」", "ja"), ("한국어", "ko"), ("中文，", "zh"), ("Привет", "ru"), ("Привет", "en"),
        ("שלום", "he"), ("مرحبا", "ar"), ("हिन्दी", "hi"), ("ไทย", "th"), ("Ωmega", "el"), ("αβγ", "en"),
        ("abc\u{200B}def", "en"), ("A\u{2060}B", "en"), ("x\u{0301}\u{0302}", "en"), ("\u{1F1EB}\u{1F1F7}", "fr"),
        ("l'été", "fr"), ("l’été", "fr"), ("—", "en"), ("-", "en"), ("¿Qué?", "es"), ("ß", "de"), ("İstanbul", "tr"),
    ]

    /// Two shapers over Galley's fonts and the default layout's stacks, to be set up to shape two ways.
    private static func twoShapers() throws -> (PangoShaper, PangoShaper) {
        let sheet = try StyleSheetLoader(layoutsDirectory: root.appendingPathComponent("Layouts")).load("article-a4")
        let fonts = root.appendingPathComponent("Fonts")
        return (try PangoShaper(fontsDirectory: fonts, stacks: sheet.fonts), try PangoShaper(fontsDirectory: fonts, stacks: sheet.fonts))
    }

    @Test func everyWordComesOutAsItemizingMakesIt() throws {
        let (quick, slow) = try Self.twoShapers()
        slow.itemizesEveryWord = true
        let words = Self.corpus + Self.edges
        #expect(words.count > 1500, "the example articles give the corpus")
        var differences: [String] = []
        for family in ["serif", "sans", "mono"] {
            for (bold, italic) in [(false, false), (true, false), (false, true)] {
                let font = FontRequest(family: family, bold: bold, italic: italic, size: 9.5)
                // Twice: the first pass fills the shortcut's items, the second takes it wherever it may.
                for _ in 0..<2 {
                    for (word, language) in words {
                        let expected = slow.shape(word, font: font, language: language, direction: .leftToRight)
                        let shaped = quick.shape(word, font: font, language: language, direction: .leftToRight)
                        if shaped != expected { differences.append("\(family) \(bold) \(italic) \(language) \(word)") }
                    }
                }
            }
        }
        let firstDifferences = Array(differences.prefix(8))
        #expect(firstDifferences.isEmpty, "\(differences.count) words shaped differently")
        // The comparison means something only if most words did take the shortcut.
        #expect(quick.wordsNotItemized > words.count * 9 * 2 / 2, "\(quick.wordsNotItemized) of \(words.count * 9 * 2) words")
        // And only if those words were shaped with HarfBuzz directly, not through `pango_shape` as the slow shaper's were.
        #expect(quick.wordsShapedDirectly == quick.wordsNotItemized, "\(quick.wordsShapedDirectly) of \(quick.wordsNotItemized)")
        #expect(slow.wordsNotItemized == 0 && slow.wordsShapedDirectly == 0)
    }

    /// A word shaped without itemizing comes out the same whether HarfBuzz is called directly (`DirectShaping`) or
    /// through `pango_shape`, for every word of the corpus the shortcut takes.
    @Test func directShapingGivesPangosGlyphs() throws {
        let (direct, throughPango) = try Self.twoShapers()
        throughPango.shapesThroughPango = true
        var differences: [String] = []
        for (bold, italic) in [(false, false), (true, true)] {
            let font = FontRequest(family: "serif", bold: bold, italic: italic, size: 11)
            for _ in 0..<2 {
                for (word, language) in Self.corpus + Self.edges {
                    let expected = throughPango.shape(word, font: font, language: language, direction: .leftToRight)
                    if direct.shape(word, font: font, language: language, direction: .leftToRight) != expected {
                        differences.append("\(bold) \(italic) \(language) \(word)")
                    }
                }
            }
        }
        #expect(Array(differences.prefix(8)).isEmpty, "\(differences.count) words shaped differently")
        #expect(direct.wordsShapedDirectly > Self.corpus.count, "\(direct.wordsShapedDirectly) words shaped directly")
        #expect(throughPango.wordsShapedDirectly == 0 && throughPango.wordsNotItemized == direct.wordsNotItemized)
    }

    /// The same for words shaped right to left, as the words of Arabic and Hebrew text (and any word at an odd
    /// level) are: the ones the shortcut takes come out as itemizing makes them, through HarfBuzz directly and through
    /// `pango_shape`, and the others (a Latin word, a number) are itemized.
    @Test func rightToLeftWordsComeOutAsItemizingMakesThem() throws {
        let (quick, slow) = try Self.twoShapers()
        let (_, throughPango) = try Self.twoShapers()
        slow.itemizesEveryWord = true
        throughPango.shapesThroughPango = true
        let words = Self.corpus + Self.edges + [("مرحبا،", "ar"), ("(مرحبا)", "ar"), ("«שלום»", "he"), ("العُمّال", "ar")]
        let rightToLeftWords = words.filter { PangoShaper.shortcutScript($0.word, direction: .rightToLeft) != nil }
        #expect(rightToLeftWords.count > 300, "the Arabic example gives the corpus its right-to-left words")
        var differences: [String] = []
        for (bold, italic) in [(false, false), (true, false), (false, true)] {
            let font = FontRequest(family: "serif", bold: bold, italic: italic, size: 10)
            for _ in 0..<2 {
                for (word, language) in words {
                    let expected = slow.shape(word, font: font, language: language, direction: .rightToLeft)
                    if quick.shape(word, font: font, language: language, direction: .rightToLeft) != expected
                        || throughPango.shape(word, font: font, language: language, direction: .rightToLeft) != expected {
                        differences.append("\(bold) \(italic) \(language) \(word)")
                    }
                }
            }
        }
        #expect(Array(differences.prefix(8)).isEmpty, "\(differences.count) words shaped differently")
        #expect(quick.wordsNotItemized > rightToLeftWords.count * 3, "\(quick.wordsNotItemized) words not itemized")
        #expect(quick.wordsShapedDirectly == quick.wordsNotItemized, "\(quick.wordsShapedDirectly) of \(quick.wordsNotItemized)")
        #expect(throughPango.wordsShapedDirectly == 0 && throughPango.wordsNotItemized == quick.wordsNotItemized)
        // Right-to-left runs are the ones the line assembler joins from the right: their glyphs come in visual order.
        let shaped = quick.shape("مرحبا", font: FontRequest(family: "serif", size: 10), language: "ar", direction: .rightToLeft)
        #expect(shaped.count == 1 && shaped[0].isRightToLeft && shaped[0].glyphs.first?.cluster ?? 0 > 0)
    }

    @Test func wordsItemizingWouldSplitAreRefused() {
        for word in ["١٢٣", "שלום", "ok👍", "☺\u{FE0F}", "a\u{200D}b", "x\u{FE0E}", "ひらがな漢字", "Ωmega", "abc\u{200B}def",
                     "\u{301}a", "\u{E000}", "a b"] {
            #expect(PangoShaper.shortcutScript(word) == nil, "\(word)")
        }
        for word in ["2025", "naïve", "日本語", "Привет", "हिन्दी", "«oui»", "l’été", "10%"] {
            #expect(PangoShaper.shortcutScript(word) != nil, "\(word)")
        }
        // Right to left: numbers (European or Arabic), left-to-right letters and a mixed script are itemized.
        for word in ["١٢٣", "2025", "abc", "شلوم123", "שלוםمرحبا", "\u{64E}ب", "a b"] {
            #expect(PangoShaper.shortcutScript(word, direction: .rightToLeft) == nil, "\(word)")
        }
        for word in ["שלום", "مرحبا", "مرحبا،", "(مرحبا)", "العُمّال"] {
            #expect(PangoShaper.shortcutScript(word, direction: .rightToLeft) != nil, "\(word)")
        }
    }

    /// Every string value of a decoded JSON document, at any depth.
    private static func strings(in value: Any) -> [String] {
        switch value {
        case let text as String: return [text]
        case let list as [Any]: return list.flatMap(strings(in:))
        case let object as [String: Any]: return object.keys.sorted().flatMap { strings(in: object[$0]!) }
        default: return []
        }
    }
}
