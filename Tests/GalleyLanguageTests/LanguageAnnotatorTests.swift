import GalleyLanguage
import GalleyModel
import Testing

/// The article language of undeclared articles, and blocks marked with theirs.
@Suite struct LanguageAnnotatorTests {
    private let annotator = LanguageAnnotator()

    @Test func anUndeclaredRussianArticleIsDetectedAsRussian() {
        var article = Article(id: "1", title: "Бюджет библиотеки", body: [
            .paragraph([.text(Samples.russian)]),
            .paragraph([.text("Заседание продлилось до полуночи.")]),
        ], languageDeclared: false)
        let original = article
        let report = annotator.annotate(&article)
        #expect(report == LanguageReport(detectedLanguage: "ru"))
        #expect(article.language == "ru")
        #expect(!article.languageDeclared)
        #expect(article.body == original.body)
    }

    @Test func anUndeclaredArticleTooShortForCLD2GetsItsScriptsLanguage() {
        var article = Article(id: "1", title: "東京タワー", languageDeclared: false)
        #expect(annotator.annotate(&article).detectedLanguage == "ja")
        #expect(article.language == "ja")
    }

    @Test func anUndeclaredArticleOfOneWordIsNotLeftToCLD2() {
        // CLD2 calls this one word reliably Serbian.
        var article = Article(id: "1", title: "Библиотека", languageDeclared: false)
        #expect(annotator.annotate(&article).detectedLanguage == "ru")
    }

    @Test func anUndeclaredArticleWithoutLettersStaysEnglish() {
        var article = Article(id: "1", title: "2024", body: [.paragraph([.text("42 %")])], languageDeclared: false)
        #expect(annotator.annotate(&article) == LanguageReport())
        #expect(article.language == "en")
    }

    @Test func anArabicParagraphInADeclaredEnglishArticleIsMarked() {
        var article = Article(id: "1", title: "The library budget", body: [
            .paragraph([.text(Samples.english)]),
            .paragraph([.text(Samples.arabic)]),
            .paragraph([.text("The meeting went on until midnight.")]),
        ])
        let report = annotator.annotate(&article)
        #expect(report == LanguageReport(markedBlocks: [MarkedBlock(path: "body[1]", tag: "ar")]))
        #expect(article.language == "en")
        #expect(article.body == [
            .paragraph([.text(Samples.english)]),
            .paragraph([.language(tag: "ar", content: [.text(Samples.arabic)])]),
            .paragraph([.text("The meeting went on until midnight.")]),
        ])
    }

    @Test func aParagraphInAnotherScriptIsGivenTheLanguageOfThatScriptCLD2Finds() {
        var article = Article(id: "1", title: "Le budget", language: "fr", body: [
            .paragraph([.text(Samples.french)]),
            .paragraph([.text(Samples.persian)]),
            .paragraph([.text(Samples.ukrainian)]),
        ])
        let report = annotator.annotate(&article)
        #expect(report.markedBlocks == [MarkedBlock(path: "body[1]", tag: "fa"), MarkedBlock(path: "body[2]", tag: "uk")])
    }

    @Test func aDeclaredLanguageWinsOverAParagraphCLD2PutsInAnotherLanguageOfTheSameScript() {
        var article = Article(id: "1", title: "The library budget", body: [
            .paragraph([.text(Samples.english)]),
            .paragraph([.text(Samples.french)]),
        ])
        let original = article
        #expect(annotator.annotate(&article) == LanguageReport())
        #expect(article == original)
    }

    @Test func aLongGermanParagraphInAnUndeclaredEnglishArticleIsMarked() {
        var article = Article(id: "1", title: "The library budget", body: [
            .paragraph([.text(Samples.english)]),
            .paragraph([.text("The mayor then read out a letter from the library's friends:")]),
            .quote(content: [.paragraph([.text(Samples.german)])], attribution: "Freundeskreis der Stadtbibliothek"),
            .paragraph([.text(Samples.english)]),
        ], languageDeclared: false)
        let report = annotator.annotate(&article)
        #expect(report == LanguageReport(detectedLanguage: "en", markedBlocks: [MarkedBlock(path: "body[2].content[0]", tag: "de")]))
        #expect(article.language == "en")
        #expect(article.body[2] == .quote(content: [.paragraph([.language(tag: "de", content: [.text(Samples.german)])])],
                                          attribution: "Freundeskreis der Stadtbibliothek"))
    }

    @Test func shortParagraphsAndHeadingsInTheArticlesScriptAreNotMarked() {
        var article = Article(id: "1", title: "The library budget", body: [
            .heading(level: 2, content: [.text("Die Lösung")]),
            .paragraph([.text(Samples.english)]),
            .paragraph([.text("Der Gemeinderat hat sich getroffen.")]),
            .paragraph([.text(Samples.english)]),
        ], languageDeclared: false)
        let original = article
        #expect(annotator.annotate(&article) == LanguageReport(detectedLanguage: "en"))
        #expect(article == original)
    }

    @Test func aShortHeadingInAnotherScriptIsMarked() {
        var article = Article(id: "1", title: "The library budget", body: [
            .heading(level: 2, content: [.text("Библиотека")]),
            .paragraph([.text(Samples.english)]),
        ])
        #expect(annotator.annotate(&article).markedBlocks == [MarkedBlock(path: "body[0]", tag: "ru")])
        #expect(article.body[0] == .heading(level: 2, content: [.language(tag: "ru", content: [.text("Библиотека")])]))
    }

    @Test func blocksAlreadyInALanguageSpanAreLeftAlone() {
        var article = Article(id: "1", title: "The library budget", body: [
            .paragraph([.text(Samples.english)]),
            .paragraph([.language(tag: "de-CH", content: [.text(Samples.german)])]),
            .paragraph([.emphasis([.language(tag: "ar-EG", content: [.text(Samples.arabic)])]), .text(" "), .footnoteReference("1")]),
            .paragraph([.text(Samples.english)]),
        ], languageDeclared: false)
        let original = article
        #expect(annotator.annotate(&article) == LanguageReport(detectedLanguage: "en"))
        #expect(article == original)
    }

    @Test func blocksInListsNotesAndFootnotesAreReachedAndNamedByPath() {
        var article = Article(id: "1", title: "The library budget", body: [
            .paragraph([.text(Samples.english), .footnoteReference("n1")]),
            .list(ordered: false, items: [
                [.paragraph([.text("Opening hours")])],
                [.paragraph([.text("Books")]), .paragraph([.text(Samples.hebrew)])],
            ]),
            .note(label: "Aside", content: [.paragraph([.text(Samples.korean)])]),
        ], notes: [Note(label: "P.S.", content: [.paragraph([.text(Samples.greek)])])],
           footnotes: [Footnote(id: "n1", content: [.paragraph([.text("See "), .emphasis([.text(Samples.hindi)])])])])
        let report = annotator.annotate(&article)
        #expect(report.markedBlocks == [
            MarkedBlock(path: "body[1].items[1][1]", tag: "he"), MarkedBlock(path: "body[2].content[0]", tag: "ko"),
            MarkedBlock(path: "notes[0].content[0]", tag: "el"), MarkedBlock(path: "footnotes[0].content[0]", tag: "hi"),
        ])
        #expect(article.footnotes[0].content[0]
            == .paragraph([.language(tag: "hi", content: [.text("See "), .emphasis([.text(Samples.hindi)])])]))
    }

    @Test func codeIsNoLanguage() {
        // A paragraph that is mostly a Latin-script command stays with the Russian text around it.
        var article = Article(id: "1", title: "Команды", language: "ru", body: [
            .paragraph([.text("Запустите "), .code("swift build --configuration release --build-tests"), .text(" в терминале.")]),
        ])
        #expect(annotator.annotate(&article) == LanguageReport())
    }
}
