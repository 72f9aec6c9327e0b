import Foundation
import GalleyTestSupport
import GalleyIngest
import GalleyModel
import Testing

/// Articles from every reader written as Galley JSON and read back equal, in a form the schema accepts, byte for
/// byte the same on every write.
@Suite struct ArticleJSONWriterTests {
    /// Every article the repository's fixtures hold, read by the reader of its format, named by file.
    static func sourceArticles() throws -> [(name: String, article: Article)] {
        let root = IngestTestSupport.root
        var result: [(String, Article)] = []
        func read(_ path: String, with reader: any ArticleReader) throws {
            let results = try reader.articles(from: try Data(contentsOf: root.appendingPathComponent(path)), file: path)
            for (index, read) in results.enumerated() { result.append(("\(path)#\(index)", read.article)) }
        }
        let examples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Examples").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        for name in examples { try read("Examples/\(name)", with: JSONArticleReader()) }
        try read("Tests/GalleyEndToEndTests/Fixtures/figures/unreachable-images.json", with: JSONArticleReader())
        try read("Tests/GalleyEndToEndTests/Fixtures/rules/page-rules.json", with: JSONArticleReader())
        try read("Tests/GalleyIngestTests/Fixtures/iv-9062.md", with: MarkdownArticleReader())
        try read("Tests/GalleyEndToEndTests/Fixtures/greek/apergia.md", with: MarkdownArticleReader())
        try read("Tests/GalleyIngestTests/Fixtures/iv-9062.html", with: HTMLArticleReader())
        try read("Tests/GalleyIngestTests/Fixtures/wp-post.json", with: WordPressReader())
        try read("Tests/GalleyIngestTests/Fixtures/wxr-sample.xml", with: WXRReader())
        return result
    }

    /// `article` written, then read back by the JSON reader.
    static func roundTrip(_ article: Article) throws -> Article {
        try JSONArticleReader().read(try ArticleJSONWriter().data(article), file: "written.json")
    }

    @Test func everyFixtureReadsBackEqual() throws {
        let articles = try Self.sourceArticles()
        // Nine examples, two JSON fixtures, two Markdown, one HTML, one REST post and the export's posts.
        #expect(articles.count >= 16)
        for (name, article) in articles {
            #expect(try Self.roundTrip(article) == article, "\(name)")
        }
    }

    @Test func everyKindOfBlockAndInlineReadsBackEqual() throws {
        let article = ArticleJSONWriterSamples.everything
        #expect(try Self.roundTrip(article) == article)
        // A guessed language stays a guess through the file.
        var guessed = article
        guessed.language = "en"
        guessed.languageDeclared = false
        let back = try Self.roundTrip(guessed)
        #expect(back == guessed)
        #expect(!back.languageDeclared)
    }

    @Test func writingTwiceGivesTheSameBytes() throws {
        for (name, article) in try Self.sourceArticles() + [("everything", ArticleJSONWriterSamples.everything)] {
            let first = try ArticleJSONWriter().data(article)
            let second = try ArticleJSONWriter().data(try Self.roundTrip(article))
            #expect(first == second, "\(name)")
        }
    }

    @Test func anExampleInTheDocumentedOrderIsWrittenBackByteForByte() throws {
        // iv-9062.json lists its fields in the format description's order and was printed by Python's json module,
        // whose layout the writer shares; any change of order, indent or escaping shows here.
        let file = try Data(contentsOf: IngestTestSupport.root.appendingPathComponent("Examples/iv-9062.json"))
        let written = try ArticleJSONWriter().data(try JSONArticleReader().read(file, file: "iv-9062.json"))
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: file, as: UTF8.self))
    }

    @Test func theOutputHasTheDocumentedShape() throws {
        let text = try ArticleJSONWriter().text(ArticleJSONWriterSamples.everything)
        #expect(text.hasSuffix("}\n"))
        #expect(text.hasPrefix("{\n  \"id\": \"a-1\",\n  \"title\": \"Everything\",\n"))
        // Top-level fields in the order of the format description's table.
        let order = ["id", "title", "deck", "kicker", "authors", "date", "language", "url", "slug", "type", "topics", "blocks",
                     "signOff", "translation", "notes", "related", "publisherFooter", "footnotes"]
        let positions = try order.map { key in try #require(text.range(of: "\n  \"\(key)\": ")?.lowerBound, "\(key)") }
        #expect(positions == positions.sorted())
        // Addresses keep their slashes and every script its letters; JSON's own escapes are used for the rest.
        #expect(text.contains(#""url": "https://example.org/articles/1","#))
        #expect(!text.contains(#"\/"#))
        #expect(text.contains("Ελληνικά"))
        #expect(text.contains(#""text": "let a = \"b\\n\"\n\treturn a""#))
        #expect(text.contains("\"type\": \"span\",\n"))
        #expect(text.contains("      \"level\": 3,\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "page")
        #expect(object["slug"] as? String == "everything")
        #expect(object["languageDeclared"] == nil)
    }

    @Test func theOutputMatchesTheSchema() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try Self.sourceArticles() + [("everything", ArticleJSONWriterSamples.everything)]
        for (index, (_, article)) in articles.enumerated() {
            try ArticleJSONWriter().data(article).write(to: folder.appendingPathComponent("\(index).json"))
        }
        let schema = IngestTestSupport.root.appendingPathComponent("docs/article-format.schema.json").path
        let script = """
        import glob, json, sys, jsonschema
        validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
        paths = sorted(glob.glob(sys.argv[2] + '/*.json'))
        bad = [(path, error.message) for path in paths for error in validator.iter_errors(json.load(open(path)))]
        for path, message in bad: print(path, message)
        # A misspelt block must fail, or the check proves nothing.
        if not list(validator.iter_errors({'id': '1', 'title': 'T', 'blocks': [{'type': 'pagraph', 'content': 'x'}]})):
            print('a misspelt block passed'); bad.append(None)
        print(len(paths), 'checked')
        sys.exit(1 if bad else 0)
        """
        let (status, output) = try await Self.python(["-c", script, schema, folder.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(articles.count) checked"), "\(output)")
    }

    /// Runs python3 (with jsonschema, which scripts/install-system-packages.sh installs) and returns its status and
    /// output; its output is a few lines, so one pipe for both streams cannot fill.
    private static func python(_ arguments: [String]) async throws -> (Int32, String) {
        let outcome = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
        return (outcome.status, outcome.output + outcome.errors)
    }
}
