import Foundation
import GalleyDiagnostics
import GalleyIngest
import GalleyModel
import Testing

/// WordPress posts from the REST API and from export (WXR) files.
@Suite struct WordPressReaderTests {
    @Test func aRESTPostMapsToAnArticle() throws {
        let results = try WordPressReader().articles(from: try IngestTestSupport.fixture("wp-post.json"), file: "wp-post.json")
        #expect(results.count == 1)
        let result = try #require(results.first)
        let article = result.article
        #expect(article.id == "4172")
        #expect(article.title == "Women’s strike: “We stop, the world stops”")
        #expect(article.deck == [.text("On 8 March, thousands of workers stopped at 11 a.m. …")])
        #expect(article.date == "2025-03-08")
        #expect(article.sourceURL == "https://example.org/2025/03/08/womens-strike/")
        #expect(article.language == "en")
        #expect(article.authors == ["Maria Example"])
        #expect(article.kicker == "Feminism")
        #expect(article.topics == ["Feminism", "Strikes", "8 March"])
        #expect(article.body == [
            .paragraph([
                .text("On 8 March, "), .strong([.text("thousands")]), .text(" of workers "), .emphasis([.text("stopped")]),
                .text(" at 11 a.m."), .footnoteReference("1"),
            ]),
            .heading(level: 2, content: [.text("Demands")]),
            .list(ordered: false, items: [[.paragraph([.text("Equal pay")])], [.paragraph([.text("Public childcare")])]]),
            .figure(Figure(source: "https://example.org/wp-content/uploads/2025/03/march.jpg", alt: "Marchers on the bridge",
                           caption: [.text("The march crossing the bridge")])),
            .quote(content: [.paragraph([.text("We stop, the world stops.")])], attribution: "Strike committee"),
        ])
        #expect(article.footnotes == [Footnote(id: "1", content: [.paragraph([.text("Figures from the union.")])])])
        #expect(result.warnings.isEmpty)
    }

    @Test func anArrayOfPostsGivesOneArticleEach() throws {
        let json = """
        [
          {"id": 1, "title": {"rendered": "One"}, "content": {"rendered": "<p>First.</p>"}, "_embedded": {}},
          {"id": 2, "title": {"rendered": "Two"}, "content": {"rendered": "<p>Second <blink>post</blink>.</p>"}, "lang": "de"}
        ]
        """
        let results = try WordPressReader().articles(from: Data(json.utf8), file: "posts.json")
        #expect(results.map(\.article.id) == ["1", "2"])
        #expect(results.map(\.article.title) == ["One", "Two"])
        #expect(results[1].article.language == "de")
        // The second post has no _embedded data and an unknown element, reported in the post's content.
        #expect(results[1].warnings.count == 2)
        let unknown = try #require(results[1].warnings.first { $0.message.contains("<blink>") })
        #expect(unknown.line == 3)
        #expect(unknown.path == "[1].content.rendered")
    }

    @Test func wordPressJSONIsRecognisedByItsShape() throws {
        #expect(WordPressReader.recognizes(try IngestTestSupport.fixture("wp-post.json")))
        #expect(WordPressReader.recognizes(Data(#"[{"content": {"rendered": "<p>x</p>"}}]"#.utf8)))
        #expect(!WordPressReader.recognizes(Data(#"{"id": 7, "title": "T", "blocks": []}"#.utf8)))
        #expect(!WordPressReader.recognizes(Data("not json".utf8)))
    }

    @Test func restErrorsAreLocated() {
        let notWordPress = IngestTestSupport.diagnostic {
            _ = try WordPressReader().articles(from: Data("{\n  \"id\": 7,\n  \"title\": \"T\"\n}".utf8), file: "a.json")
        }
        #expect(notWordPress?.message.contains("content.rendered") == true)
        #expect(notWordPress?.file == "a.json")

        let syntax = IngestTestSupport.diagnostic {
            _ = try WordPressReader().articles(from: Data("{\n  \"id\": 7,\n  \"title\": }".utf8), file: "a.json")
        }
        #expect(syntax?.message.contains("invalid JSON") == true)
        #expect(syntax?.line == 3)

        let noTitle = IngestTestSupport.diagnostic {
            _ = try WordPressReader().articles(from: Data(#"[{"id": 3, "title": {"rendered": ""}, "content": {"rendered": ""}}]"#.utf8), file: "a.json")
        }
        #expect(noTitle?.path == "[0]")
        #expect(noTitle?.message.contains("no title") == true)
    }

    @Test func anExportGivesItsPublishedPosts() throws {
        let results = try WXRReader().articles(from: try IngestTestSupport.fixture("wxr-sample.xml"), file: "export.xml")
        // The draft, the page and the attachment are skipped.
        #expect(results.map(\.article.id) == ["101", "103"])

        let first = results[0].article
        #expect(first.title == "Night shift at the sorting centre")
        #expect(first.authors == ["Rosa Smith"])
        #expect(first.date == "2025-10-01")
        #expect(first.language == "en-GB")
        #expect(first.sourceURL == "https://weekly.example.org/2025/10/01/night-shift/")
        #expect(first.kicker == "Labour")
        #expect(first.topics == ["Labour", "Logistics", "Night work"])
        #expect(first.deck == [.text("Parcel workers vote to stop the 4 a.m. start.")])
        #expect(first.body == [
            .paragraph([.text("Parcel workers voted to "), .emphasis([.text("stop")]), .text(" the 4 a.m. start.")]),
            .paragraph([.text("The vote was 212 to 9."), .lineBreak, .text("Nobody abstained.")]),
            .heading(level: 2, content: [.text("What they asked for")]),
            .paragraph([
                .text("A start no earlier than 6 a.m. and a "),
                .link(url: "https://weekly.example.org/rota", content: [.text("published rota")]), .text("."),
            ]),
        ])
        #expect(results[0].warnings.isEmpty)

        let second = results[1]
        #expect(second.article.title == "Профсоюзы и война")
        #expect(second.article.authors == ["Анна Иванова"])
        #expect(second.article.deck == nil)
        #expect(second.article.body == [
            .paragraph([.text("Независимые профсоюзы выжили, несмотря ни на что.")]),
            .paragraph([.text("Ελληνικά: Η απεργία συνεχίζεται.")]),
        ])
        // The warning's line is the export file's line, not the line inside the post's content.
        #expect(second.warnings.count == 1)
        #expect(second.warnings.first?.line == 67)
        #expect(second.warnings.first?.message.contains("<marquee>") == true)
    }

    @Test func warningLinesStayRightInLongExports() throws {
        let filler = String(repeating: "\n", count: 70_000)
        let export = """
        <rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>\(filler)
        <item><title>Late</title><wp:post_id>9</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
        <content:encoded><![CDATA[<p>One.</p>
        <p><blink>Two</blink>.</p>]]></content:encoded></item>
        </channel></rss>
        """
        let result = try #require(try WXRReader().articles(from: Data(export.utf8), file: "long.xml").first)
        #expect(result.warnings.map(\.line) == [70_004])
    }

    @Test func malformedExportsAreLocatedErrors() {
        let broken = """
        <?xml version="1.0"?>
        <rss xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        <item><title>Unclosed</item>
        </channel>
        </rss>
        """
        let error = IngestTestSupport.diagnostic { _ = try WXRReader().articles(from: Data(broken.utf8), file: "broken.xml") }
        #expect(error?.file == "broken.xml")
        #expect(error?.line == 4)
        #expect(error?.message.contains("invalid XML") == true)

        let notWXR = IngestTestSupport.diagnostic { _ = try WXRReader().articles(from: Data("<?xml version='1.0'?><svg/>".utf8), file: "x.xml") }
        #expect(notWXR?.message.contains("not a WordPress export") == true)

        let empty = """
        <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
        <item><title>Draft</title><wp:post_type>post</wp:post_type><wp:status>draft</wp:status></item>
        </channel></rss>
        """
        let none = IngestTestSupport.diagnostic { _ = try WXRReader().articles(from: Data(empty.utf8), file: "e.xml") }
        #expect(none?.message.contains("no published posts") == true)
    }

    @Test func entityBombsInExportsDoNotExpand() {
        let bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
        <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
        <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
        <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
        ]>
        <rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
        <item><title>&e;</title><content:encoded>&e;</content:encoded><wp:post_id>1</wp:post_id>
        <wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
        </channel></rss>
        """
        // libxml2 refuses the amplification, so the reader answers at once with a located error.
        let error = IngestTestSupport.diagnostic { _ = try WXRReader().articles(from: Data(bomb.utf8), file: "bomb.xml") }
        #expect(error?.message.contains("entity") == true)
    }
}
