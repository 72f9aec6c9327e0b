import Foundation
import GalleyIngest
import GalleyModel
import Testing

/// Model values Galley JSON cannot say: the writer still gives a document the reader accepts, as near as it can.
@Suite struct ArticleJSONWriterLimitsTests {
    private func roundTrip(_ article: Article) throws -> Article {
        try JSONArticleReader().read(try ArticleJSONWriter().data(article), file: "written.json")
    }

    @Test func aGuessedLanguageOtherThanTheDefaultReadsBackAsDeclared() throws {
        let article = Article(id: "1", title: "T", language: "fr", languageDeclared: false)
        let back = try roundTrip(article)
        #expect(back.language == "fr")
        #expect(back.languageDeclared)
        // The reader's default stands in for a guess, so it is not written.
        let english = try ArticleJSONWriter().text(Article(id: "1", title: "T", language: "en", languageDeclared: false))
        #expect(!english.contains("\"language\""))
        #expect(try ArticleJSONWriter().text(Article(id: "1", title: "T", language: "en")).contains("\"language\": \"en\""))
    }

    @Test func valuesTheReaderRejectsAreMadeAcceptable() throws {
        let article = Article(
            id: "2", title: "T", date: "2025-06-22T10:00:00+02:00", language: "not a tag",
            body: [
                .heading(level: 1, content: [.text("one")]),
                .heading(level: 5, content: [.text("five")]),
                .figure(Figure(source: "", alt: "nothing to show")),
                .paragraph([
                    .link(url: "", content: [.text("no address")]),
                    .link(url: " https://example.org/a b\tc ", content: [.text("spaces")]),
                    .footnoteReference("missing"), .footnoteReference("1"),
                ]),
            ],
            footnotes: [Footnote(id: "1", content: [.paragraph([.text("first")])]),
                        Footnote(id: "1", content: [.paragraph([.text("second")])])])
        let back = try roundTrip(article)
        #expect(back.date == "2025-06-22")
        #expect(back.language == "en")
        #expect(!back.languageDeclared)
        #expect(back.body == [
            .heading(level: 2, content: [.text("one")]),
            .heading(level: 3, content: [.text("five")]),
            .paragraph([
                .text("no address"), .link(url: "https://example.org/a%20b%09c", content: [.text("spaces")]), .footnoteReference("1"),
            ]),
        ])
        #expect(back.footnotes == [Footnote(id: "1", content: [.paragraph([.text("first")])])])
    }

    @Test func anArticleWithoutIdentityIsRefused() {
        #expect(throws: ArticleJSONWriter.Problem.unusableID("a/b")) { try ArticleJSONWriter().data(Article(id: "a/b", title: "T")) }
        #expect(throws: ArticleJSONWriter.Problem.unusableID("")) { try ArticleJSONWriter().data(Article(id: "", title: "T")) }
        #expect(throws: ArticleJSONWriter.Problem.emptyTitle) { try ArticleJSONWriter().data(Article(id: "1", title: " \n")) }
    }

    @Test func controlCharactersAreEscapedAndDroppedByTheReader() throws {
        let article = Article(id: "3", title: "T", body: [.paragraph([.text("a\u{1}b\u{1F}c\u{7F}d")])])
        let text = try ArticleJSONWriter().text(article)
        #expect(text.contains(#""content": "a\u0001b\u001fc\#u{7F}d""#))
        let result = try JSONArticleReader().readResult(Data(text.utf8), file: "written.json")
        #expect(result.article.body == [.paragraph([.text("abcd")])])
        #expect(result.warnings.count == 1)
    }
}
