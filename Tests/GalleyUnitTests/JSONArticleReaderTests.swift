import Foundation
import Testing
import GalleyDiagnostics
import GalleyIngest
import GalleyModel

/// Checks that article JSON is decoded faithfully and that every kind of bad input gives a located, readable diagnostic.
@Suite struct JSONArticleReaderTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ text: String) throws -> Article {
        try JSONArticleReader().read(Data(text.utf8), file: "test.json")
    }

    /// The diagnostic reading `data` throws; records an issue if it reads or throws something else.
    static func diagnostic(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        do {
            _ = try JSONArticleReader().read(data, file: "test.json")
            Issue.record("the article was read without error", sourceLocation: sourceLocation)
        } catch let diagnostic as Diagnostic {
            return diagnostic
        } catch {
            Issue.record("expected a Diagnostic, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    static func diagnostic(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        diagnostic(Data(text.utf8), sourceLocation: sourceLocation)
    }

    @Test func exampleArticleParses() throws {
        let url = Self.repositoryRoot.appendingPathComponent("Examples/iv-9062.json")
        let article = try JSONArticleReader().read(try Data(contentsOf: url), file: "Examples/iv-9062.json")
        #expect(article.id == "9062")
        #expect(article.title == "Support the Russian-Ukrainian resistance against accelerated fascisation")
        #expect(article.kicker == "Russia")
        #expect(article.authors == ["Gin Vola", "Elias Vola"])
        #expect(article.date == "2025-06-22")
        #expect(article.language == "en")
        #expect(article.sourceURL == "https://internationalviewpoint.org/spip.php?article9062")
        #expect(article.topics == ["Russia", "Ukraine", "Fascism"])
        guard case .paragraph(let first)? = article.body.first else {
            Issue.record("the body should start with a paragraph")
            return
        }
        #expect(first.plainText.hasPrefix("Already in bad shape after 22 years of Putin’s repression"))
        #expect(article.body.contains(.heading(level: 2, content: [.text("A conscription that does not say its name")])))
        #expect(article.related.map(\.topic) == ["Russia", "Ukraine", "Fascism"])
        #expect(article.related.allSatisfy { $0.articles.count == 5 })
        #expect(article.publisherFooter?.hasPrefix("International Viewpoint is published under the responsibility") == true)
    }

    @Test func everyExampleParses() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("Examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 4)
        for name in files {
            let article = try JSONArticleReader().read(try Data(contentsOf: folder.appendingPathComponent(name)), file: name)
            #expect(!article.body.isEmpty, "\(name) has a body")
        }
    }

    @Test func minimalArticleGetsDefaults() throws {
        let article = try Self.read(#"{"id": 42, "title": "Short", "blocks": [{"type": "rule"}]}"#)
        #expect(article.id == "42")
        #expect(article.language == "en")
        #expect(article.authors.isEmpty)
        #expect(article.body == [.rule])
    }

    @Test func misspeltBlockTypeIsLocated() throws {
        let text = """
            {
              "id": "1",
              "title": "T",
              "blocks": [
                {"type": "paragraph", "content": "x"},
                {
                  "type": "pagraph",
                  "content": "y"
                }
              ]
            }
            """
        let diagnostic = try #require(Self.diagnostic(text))
        // The list of types may grow (figure, table, …); the six basic ones come first.
        let expected = #"test.json:7: blocks[1].type: unknown block type "pagraph" (expected one of heading, paragraph, quote, pullquote, list, note, rule"#
        #expect(diagnostic.description.hasPrefix(expected), "\(diagnostic)")
        #expect(diagnostic.description.hasSuffix(")"))
        #expect(!diagnostic.description.contains("\n"))
        #expect(diagnostic.line == 7)
        #expect(diagnostic.path == "blocks[1].type")
    }

    @Test func misspeltBlockTypeInANestedQuoteIsLocated() throws {
        let text = """
            {"id": "1", "title": "T", "blocks": [
              {"type": "quote", "blocks": [
                {"type": "paragraph", "content": "a"},
                {"type": "pagraph", "content": "b"}
              ]}
            ]}
            """
        let diagnostic = try #require(Self.diagnostic(text))
        #expect(diagnostic.description.hasPrefix(#"test.json:4: blocks[0].blocks[1].type: unknown block type "pagraph" (expected one of heading, paragraph, quote, pullquote, list, note, rule"#),
                "\(diagnostic)")
    }

    @Test func errorsInsideInlineArraysAndListItemsAreLocated() throws {
        let inline = """
            {"id": "1", "title": "T", "blocks": [
              {"type": "paragraph", "content": ["a",
                {"type": "emphasiss", "content": "x"}]},
              {"type": "paragraph", "content": ["a",
                {"type": "link", "href": "a b", "content": "x"}]}
            ]}
            """
        let unknownInline = try #require(Self.diagnostic(inline))
        #expect(unknownInline.line == 3)
        #expect(unknownInline.path == "blocks[0].content[1].type")
        #expect(unknownInline.message.hasPrefix(#"unknown inline type "emphasiss" (expected one of emphasis, strong, link"#))

        let link = inline.replacingOccurrences(of: "emphasiss", with: "emphasis")
        let badLink = try #require(Self.diagnostic(link))
        #expect(badLink.description == #"test.json:5: blocks[1].content[1].href: "a b" is not a link address (it is empty or contains spaces)"#)

        let list = """
            {"id": "1", "title": "T", "blocks": [
              {"type": "list", "items": ["a",
                {"blocks": [{"type": "paragraph", "content": "b"},
                            {"type": "pagraph", "content": "c"}]}]}
            ]}
            """
        let inItem = try #require(Self.diagnostic(list))
        #expect(inItem.line == 4)
        #expect(inItem.path == "blocks[0].items[1].blocks[1].type")
    }

    /// PHP's `json_encode`, which CMS exports use, escapes characters outside the BMP as UTF-16
    /// surrogate pairs. Such a file is valid JSON, and its errors should still have lines.
    @Test func surrogatePairEscapesKeepLineNumbers() throws {
        let text = """
            {
              "id": "1",
              "title": "Solidarity \\ud83d\\udcaa",
              "blocks": [
                {"type": "pagraph", "content": "x"}
              ]
            }
            """
        #expect(text.contains(#""Solidarity \ud83d\udcaa""#))
        let diagnostic = try #require(Self.diagnostic(text))
        #expect(diagnostic.path == "blocks[0].type")
        #expect(diagnostic.line == 5)
        // The article itself reads, with the escape decoded.
        let valid = try Self.read(text.replacingOccurrences(of: "pagraph", with: "paragraph"))
        #expect(valid.title == "Solidarity \u{1F4AA}")
    }

    @Test func syntaxErrorGivesALine() throws {
        let text = """
            {
              "id": "1",
              "title": "T"
              "blocks": []
            }
            """
        let diagnostic = try #require(Self.diagnostic(text))
        #expect(diagnostic.message.hasPrefix("invalid JSON"))
        #expect(diagnostic.line == 4, "the missing comma is noticed at the next key, on line 4: \(diagnostic)")
    }

    @Test func unterminatedStringGivesALine() throws {
        let diagnostic = try #require(Self.diagnostic("{\n  \"id\": \"1\",\n  \"title\": \"T\n}\n"))
        #expect(diagnostic.message.hasPrefix("invalid JSON"))
        #expect(diagnostic.line == 3)
    }

    @Test func missingTitleIsReported() throws {
        let diagnostic = try #require(Self.diagnostic("{\n  \"id\": \"1\",\n  \"blocks\": []\n}\n"))
        #expect(diagnostic.path == "title")
        #expect(diagnostic.message == #"missing required field "title""#)
        #expect(diagnostic.line == 1)
        #expect(diagnostic.description == #"test.json:1: title: missing required field "title""#)
    }

    @Test func emptyTitleIsReported() throws {
        let diagnostic = try #require(Self.diagnostic("{\n  \"id\": \"1\",\n  \"title\": \"  \",\n  \"blocks\": []\n}\n"))
        #expect(diagnostic.description == "test.json:3: title: the title is empty")
    }

    /// The misspelt field and the missing one it was meant to be are both reported, in the order of the file
    /// (the missing field at the object's line, 1).
    @Test func unknownTopLevelFieldIsReportedWithItsLine() throws {
        let diagnostic = try #require(Self.diagnostic("{\n  \"id\": \"1\",\n  \"titel\": \"T\",\n  \"blocks\": []\n}\n"))
        #expect(diagnostic.all.map(\.path) == ["title", "titel"])
        let unknown = try #require(diagnostic.all.last)
        #expect(unknown.line == 3)
        #expect(unknown.message.hasPrefix("unknown field (expected one of: id, title,"))
    }

    @Test func impossibleDateIsReported() throws {
        let text = "{\n  \"id\": \"1\",\n  \"title\": \"T\",\n  \"date\": \"2025-02-30\",\n  \"blocks\": []\n}\n"
        let diagnostic = try #require(Self.diagnostic(text))
        #expect(diagnostic.description == #"test.json:4: date: "2025-02-30" is not a date (expected YYYY-MM-DD)"#)
    }

    @Test func leapDayIsAccepted() throws {
        let article = try Self.read(#"{"id": "1", "title": "T", "date": "2024-02-29", "blocks": []}"#)
        #expect(article.date == "2024-02-29")
    }

    @Test func headingLevelOneIsRejected() throws {
        let text = """
            {"id": "1", "title": "T", "blocks": [
              {"type": "paragraph", "content": "x"},
              {"type": "heading",
               "level": 1,
               "content": "Title again"}
            ]}
            """
        let diagnostic = try #require(Self.diagnostic(text))
        #expect(diagnostic.path == "blocks[1].level")
        #expect(diagnostic.line == 4)
        #expect(diagnostic.message == "heading level 1 is not supported (expected 2 or 3; level 1 is the article's title)")
    }

    @Test func wrongTypeIsReported() throws {
        let diagnostic = try #require(Self.diagnostic("{\n  \"id\": \"1\",\n  \"title\": 5,\n  \"blocks\": []\n}\n"))
        #expect(diagnostic.path == "title")
        #expect(diagnostic.line == 3)
        #expect(diagnostic.message == "expected a string")
    }

    @Test func topLevelArrayIsRejected() throws {
        let diagnostic = try #require(Self.diagnostic("[1, 2]"))
        #expect(diagnostic.message == "an article must be a JSON object")
    }

    @Test func emptyFileIsReported() throws {
        let diagnostic = try #require(Self.diagnostic(Data()))
        #expect(diagnostic.description == "test.json: the file is empty")
    }

    @Test func nonUTF8BytesAreReported() throws {
        // "café" in ISO-8859-1: the lone 0xE9 byte is not UTF-8.
        var bytes = Array(#"{"id": "1", "title": "caf"#.utf8)
        bytes.append(0xE9)
        bytes += Array(#"", "blocks": []}"#.utf8)
        let diagnostic = try #require(Self.diagnostic(Data(bytes)))
        #expect(diagnostic.description == "test.json: the file is not UTF-8 text")
    }
}
