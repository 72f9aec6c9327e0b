import Foundation
@testable import GalleyIngest
import GalleyModel
import Testing

/// The field checks every reader shares, written as loops since the first regular expression cost a cold render 8 M
/// instructions: each is compared with the regular expression it replaced, on fixed cases and on generated text.
@Suite struct ArticleFieldRulesTests {
    private static let languagePattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
    private static let datePattern = #"^\d{4}([-/])\d{2}\1\d{2}([Tt ].*)?$"#

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    @Test func languageTagsAreTheOnesThePatternAccepted() {
        for tag in ["en", "fr", "ast", "pt-BR", "zh-Hant", "sr-Latn-RS", "de-1996", "EN-gb", "es-419"] {
            #expect(LanguageTag.isWellFormed(tag), "\(tag)")
            #expect(ArticleFieldRules.isLanguageTag(tag), "\(tag)")
        }
        for tag in ["", "e", "engl", "en_US", "en-", "-en", "en--US", "en-abcdefghi", "en-u", "é", "en-ü1", "en US", "en\n"] {
            #expect(!LanguageTag.isWellFormed(tag), "\(tag)")
        }
    }

    @Test func languageTagsAgreeWithThePatternOnGeneratedText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ9-_é ")
        for _ in 0..<3_000 {
            let tag = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(LanguageTag.isWellFormed(tag) == Self.matches(tag, Self.languagePattern), "\(tag.debugDescription)")
        }
    }

    @Test func calendarDatesAreReadAsBefore() {
        let cases: [(String, String?)] = [
            ("2023-03-22", "2023-03-22"), ("2023/03/22", "2023-03-22"), ("2023-03-22T10:15:00", "2023-03-22"),
            ("2023-03-22 10:15", "2023-03-22"), ("  2023-03-22  ", "2023-03-22"), ("2023-03-22t1", "2023-03-22"),
            ("2023/03-22", nil), ("2023-3-22", nil), ("2023-02-30", nil), ("2023-03-22x", nil), ("23-03-22", nil),
            ("", nil), ("2023-03-2", nil), ("２０２３-03-22", nil), ("2023-03-22\n", "2023-03-22"),
        ]
        for (text, expected) in cases {
            #expect(ArticleFieldRules.calendarDate(text) == expected, "\(text)")
        }
    }

    @Test func calendarDatesAgreeWithThePatternOnGeneratedText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["2023", "1999", "03", "12", "31", "-", "/", "T", " ", "x", "1", "0"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let expected = Self.matches(trimmed, Self.datePattern)
                ? String(trimmed.prefix(10)).replacingOccurrences(of: "/", with: "-") : nil
            let valid = expected.flatMap { ArticleDate(iso: $0) == nil ? nil : $0 }
            #expect(ArticleFieldRules.calendarDate(text) == valid, "\(text.debugDescription)")
        }
    }

    @Test func spipArticleNumbersAreFoundAsBefore() {
        let cases: [(String, String?)] = [
            ("https://example.org/spip.php?article9062", "9062"), ("/article9062.html", "9062"), ("article12", "12"),
            ("https://example.org/spip.php?article9062&lang=fr", "9062"), ("_article5", "5"), ("particle12", nil),
            ("articles12", nil), ("article", nil), ("article-3", nil), ("x/articles/article44", "44"), ("", nil),
        ]
        for (url, expected) in cases {
            #expect(ArticleFieldRules.spipArticleNumber(in: url) == expected, "\(url)")
        }
    }

    @Test func cssKeywordsAreReadFromStyleAttributes() {
        #expect(CSSDeclarations.value(of: "text-align", in: "text-align: center") == "center")
        #expect(CSSDeclarations.value(of: "text-align", in: "color:red;text-align:right") == "right")
        #expect(CSSDeclarations.value(of: "text-align", in: " text-align : left !important ; ") == "left")
        #expect(CSSDeclarations.value(of: "text-align", in: "text-align: left; text-align: center") == "center")
        #expect(CSSDeclarations.value(of: "text-align", in: "x-text-align: center") == nil)
        #expect(CSSDeclarations.value(of: "text-align", in: "text-align:") == nil)
        #expect(CSSDeclarations.value(of: "text-align", in: "") == nil)
    }
}
