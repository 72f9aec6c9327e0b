import Testing
import GalleyStyle

/// Checks the built-in labels: which languages they cover, and that every template names exactly its values.
@Suite struct BuiltInLabelsTests {
    /// The languages the built-in labels promise, by key.
    static let promisedKeys = [
        "en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "be", "bg", "sr", "hr", "bs", "sl", "mk", "pl", "cs", "sk", "hu",
        "ro", "el", "tr", "sv", "da", "nb", "nn", "no", "fi", "et", "lv", "lt", "ca", "eu", "gl", "ga", "cy", "is", "sq", "vi",
        "id", "ms", "tl", "sw", "ja", "zh", "zh-Hant", "ko", "ar", "fa", "ur", "he", "yi", "hi", "mr", "ne", "bn", "pa", "gu",
        "ta", "te", "kn", "ml", "si", "th", "lo", "km", "my", "ka", "hy", "am", "kk", "uz", "az",
    ]

    /// The `{name}` tokens of `template`, in order, repeats included; an unclosed `{` is reported as a token of its own.
    static func placeholders(in template: String) -> [String] {
        var result: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                result.append(String(rest[open...]))
                break
            }
            result.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// Every label of `labels` that is printed as it is (not a separator), with its field name.
    static func printedStrings(_ labels: Labels) -> [(field: String, value: String)] {
        [("byline", labels.byline), ("translated", labels.translated), ("translatedFrom", labels.translatedFrom),
         ("related", labels.related), ("contents", labels.contents), ("notes", labels.notes), ("folio", labels.folio)]
            + labels.sizeUnits.enumerated().map { ("sizeUnits[\($0.offset)]", $0.element) }
    }

    @Test func placeholderHelperFindsTokensInOrder() {
        #expect(Self.placeholders(in: "Translated by {translator} from {source}") == ["translator", "source"])
        #expect(Self.placeholders(in: "{page}/{pages}") == ["page", "pages"])
        #expect(Self.placeholders(in: "{authors} {authors}") == ["authors", "authors"])
        #expect(Self.placeholders(in: "Contents").isEmpty)
        #expect(Self.placeholders(in: "Page {page") == ["{page"])
    }

    @Test func coversAtLeastFortyLanguages() {
        #expect(BuiltInLabels.all.count >= 40)
    }

    @Test(arguments: promisedKeys) func hasPromisedLanguage(_ key: String) {
        #expect(BuiltInLabels.all[key] != nil, "no built-in labels for \(key)")
    }

    @Test func keysArePrimarySubtagsOrTraditionalChinese() {
        for key in BuiltInLabels.all.keys where key != "zh-Hant" {
            #expect((2...3).contains(key.count) && key.allSatisfy { $0.isASCII && $0.isLowercase }, "bad key \(key)")
        }
    }

    @Test func englishIsUnchanged() {
        let english = Labels(byline: "by {authors}", translated: "Translated by {translator}",
                             translatedFrom: "Translated by {translator} from {source}", related: "Related articles",
                             contents: "Contents", notes: "Notes", folio: "Page {page} / {pages}",
                             listSeparator: ", ", listLastSeparator: " and ", sizeUnits: ["B", "KiB", "MiB", "GiB"],
                             decimalSeparator: ".")
        #expect(BuiltInLabels.all["en"] == english)
    }

    @Test func englishListsWithAnd() throws {
        let english = try #require(BuiltInLabels.all["en"])
        #expect(english.list(["A", "B", "C"]) == "A, B and C")
        #expect(english.list(["A", "B"]) == "A and B")
        #expect(english.list(["A"]) == "A")
    }

    @Test func templatesNameExactlyTheirValues() {
        for (key, labels) in BuiltInLabels.all {
            #expect(Self.placeholders(in: labels.byline) == ["authors"], "\(key) byline: \(labels.byline)")
            #expect(Self.placeholders(in: labels.translated) == ["translator"], "\(key) translated: \(labels.translated)")
            #expect(Self.placeholders(in: labels.translatedFrom).sorted() == ["source", "translator"],
                    "\(key) translatedFrom: \(labels.translatedFrom)")
            #expect(Self.placeholders(in: labels.folio).sorted() == ["page", "pages"], "\(key) folio: \(labels.folio)")
            for (field, value) in [("related", labels.related), ("contents", labels.contents), ("notes", labels.notes),
                                   ("listSeparator", labels.listSeparator), ("listLastSeparator", labels.listLastSeparator)] {
                #expect(!value.contains("{") && !value.contains("}"), "\(key) \(field): \(value)")
            }
        }
    }

    @Test func filledTemplatesKeepNoBraces() {
        let values = ["authors": "A", "translator": "T", "source": "S", "page": "3", "pages": "12"]
        for (key, labels) in BuiltInLabels.all {
            for template in [labels.byline, labels.translated, labels.translatedFrom, labels.folio] {
                let filled = Labels.fill(template, values)
                #expect(!filled.contains("{") && !filled.contains("}"), "\(key): \(filled)")
            }
        }
    }

    @Test func sizeUnitsAreFourNonEmptyStrings() {
        for (key, labels) in BuiltInLabels.all {
            #expect(labels.sizeUnits.count == 4, "\(key): \(labels.sizeUnits)")
            #expect(labels.sizeUnits.allSatisfy { !$0.isEmpty }, "\(key): \(labels.sizeUnits)")
            #expect(Set(labels.sizeUnits).count == labels.sizeUnits.count, "\(key) repeats a unit: \(labels.sizeUnits)")
        }
    }

    @Test func decimalSeparatorIsOnePunctuationCharacter() {
        for (key, labels) in BuiltInLabels.all {
            let separator = labels.decimalSeparator
            #expect(separator.count == 1, "\(key): \(separator)")
            #expect(separator.allSatisfy { !$0.isLetter && !$0.isNumber && !$0.isWhitespace }, "\(key): \(separator)")
        }
        #expect(BuiltInLabels.all["en"]?.decimalSeparator == ".")
        #expect(BuiltInLabels.all["fr"]?.decimalSeparator == ",")
        #expect(BuiltInLabels.all["de"]?.decimalSeparator == ",")
    }

    @Test func printedStringsHaveNoOuterWhitespace() {
        for (key, labels) in BuiltInLabels.all {
            for (field, value) in Self.printedStrings(labels) {
                #expect(!value.isEmpty, "\(key) \(field) is empty")
                #expect(value.first?.isWhitespace != true && value.last?.isWhitespace != true, "\(key) \(field): \"\(value)\"")
            }
        }
    }

    @Test func separatorsAreNotEmptyAndNotOnlyWhitespace() {
        for (key, labels) in BuiltInLabels.all {
            for separator in [labels.listSeparator, labels.listLastSeparator] {
                #expect(separator.contains { !$0.isWhitespace }, "\(key): \"\(separator)\"")
                #expect(!separator.contains { $0.isNewline }, "\(key): \"\(separator)\"")
            }
        }
    }

    @Test func traditionalChineseIsItsOwnEntry() throws {
        let simplified = try #require(BuiltInLabels.all["zh"])
        let traditional = try #require(BuiltInLabels.all["zh-Hant"])
        #expect(simplified != traditional)
        #expect(simplified.contents != traditional.contents)
    }

    @Test func plainNorwegianIsBokmal() {
        #expect(BuiltInLabels.all["no"] != nil)
        #expect(BuiltInLabels.all["no"] == BuiltInLabels.all["nb"])
        #expect(BuiltInLabels.all["nn"] != BuiltInLabels.all["nb"])
    }

    @Test func otherLanguagesAreNotEnglishCopies() throws {
        let english = try #require(BuiltInLabels.all["en"])
        for (key, labels) in BuiltInLabels.all where key != "en" {
            #expect(labels.byline != english.byline, "\(key) byline is the English one")
            #expect(labels.translated != english.translated, "\(key) translated is the English one")
            #expect(labels.related != english.related, "\(key) related is the English one")
        }
    }

    @Test func wordOrderFollowsTheLanguage() throws {
        let values = ["authors": "A", "translator": "T", "source": "S", "page": "2", "pages": "9"]
        let korean = try #require(BuiltInLabels.all["ko"])
        #expect(Labels.fill(korean.folio, values) == "9쪽 중 2쪽")
        let german = try #require(BuiltInLabels.all["de"])
        #expect(Labels.fill(german.translatedFrom, values) == "Aus S übersetzt von T")
        let japanese = try #require(BuiltInLabels.all["ja"])
        #expect(japanese.list(["A", "B", "C"]) == "A、B、C")
    }
}
