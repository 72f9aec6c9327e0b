import Foundation
import GalleyIngest
import GalleyModel
import Testing

/// The seed article written as Markdown and as an HTML page reads to the same `Article` as its JSON.
@Suite struct SeedArticleTests {
    @Test func markdownMatchesJSON() throws {
        let expected = try IngestTestSupport.example("iv-9062.json")
        let results = try MarkdownArticleReader().articles(from: try IngestTestSupport.fixture("iv-9062.md"), file: "iv-9062.md")
        #expect(results.count == 1)
        let article = try #require(results.first).article
        #expect(article == expected)
        #expect(results.first?.warnings == [])
        if article != expected { Self.explainDifference(article, expected) }
    }

    @Test func htmlPageMatchesJSON() throws {
        let expected = try IngestTestSupport.example("iv-9062.json")
        let results = try HTMLArticleReader().articles(from: try IngestTestSupport.fixture("iv-9062.html"), file: "iv-9062.html")
        #expect(results.count == 1)
        let article = try #require(results.first).article
        #expect(article == expected)
        #expect(results.first?.warnings == [])
        if article != expected { Self.explainDifference(article, expected) }
    }

    /// Names the fields that differ, since one `==` failure on a whole article says little.
    private static func explainDifference(_ actual: Article, _ expected: Article) {
        let pairs: [(String, Bool)] = [
            ("id", actual.id == expected.id), ("title", actual.title == expected.title), ("deck", actual.deck == expected.deck),
            ("kicker", actual.kicker == expected.kicker), ("authors", actual.authors == expected.authors),
            ("date", actual.date == expected.date), ("language", actual.language == expected.language),
            ("sourceURL", actual.sourceURL == expected.sourceURL), ("topics", actual.topics == expected.topics),
            ("body", actual.body == expected.body), ("signOff", actual.signOff == expected.signOff),
            ("translation", actual.translation == expected.translation), ("notes", actual.notes == expected.notes),
            ("related", actual.related == expected.related), ("publisherFooter", actual.publisherFooter == expected.publisherFooter),
            ("footnotes", actual.footnotes == expected.footnotes),
        ]
        for (name, same) in pairs where !same {
            Issue.record("field \(name) differs")
        }
        for (index, (left, right)) in zip(actual.body, expected.body).enumerated() where left != right {
            Issue.record("body[\(index)]: \(left) != \(right)")
        }
    }
}
