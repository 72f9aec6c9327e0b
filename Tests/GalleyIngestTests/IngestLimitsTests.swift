import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyIngest
import GalleyModel
import Testing

/// The reproducers of issue 11 for reading: input nested thousands deep, entity bombs and unprintable characters
/// each end in one located error or one warning, never a crash, a hang or gigabytes of memory.
@Suite struct IngestLimitsTests {
    static let depth = 5_000
    static let limit = Limits().nestingDepth

    /// Asserts that `body` throws a nesting-depth error naming `file` at `line`.
    static func expectNestingError(file: String, line: Int, sourceLocation: SourceLocation = #_sourceLocation,
                                   _ body: () throws -> Void) {
        let error = IngestTestSupport.diagnostic(body)
        #expect(error?.file == file, sourceLocation: sourceLocation)
        #expect(error?.line == line, sourceLocation: sourceLocation)
        #expect(error?.message.hasPrefix("nesting deeper than \(limit) levels (the nesting-depth limit") == true,
                "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    // MARK: Nesting

    @Test func frontMatterNestedInFlowIsALocatedError() {
        let text = "---\ntitle: Deep\nsummary: " + String(repeating: "[", count: Self.depth) + String(repeating: "]", count: Self.depth) + "\n---\n\nText.\n"
        Self.expectNestingError(file: "deep.md", line: 3) {
            _ = try MarkdownArticleReader().articles(from: Data(text.utf8), file: "deep.md")
        }
    }

    @Test func frontMatterNestedInBlocksIsALocatedError() {
        let keys = (0..<400).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined()
        Self.expectNestingError(file: "deep.md", line: 3 + Self.limit) {
            _ = try MarkdownArticleReader().articles(from: Data(("---\ntitle: Deep\n" + keys + "---\n\nText.\n").utf8), file: "deep.md")
        }
        let sequences = String(repeating: "- ", count: Self.depth) + "a\n"
        Self.expectNestingError(file: "seq.md", line: 4) {
            _ = try MarkdownArticleReader().articles(from: Data(("---\ntitle: Deep\nx:\n" + sequences + "---\n\nText.\n").utf8), file: "seq.md")
        }
    }

    @Test func anIssueFileNestedDeepIsALocatedError() {
        let text = "publication: P\nnumber: 1\ntitle: T\nsections: " + String(repeating: "[", count: Self.depth)
            + String(repeating: "]", count: Self.depth) + "\n"
        Self.expectNestingError(file: "issue.yaml", line: 4) { _ = try IssueReader().read(Data(text.utf8), file: "issue.yaml") }
    }

    @Test func jsonNestedDeepIsALocatedError() {
        var emphasis = "\"x\""
        for _ in 0..<Self.depth { emphasis = "{\"type\":\"emphasis\",\"content\":[\(emphasis)]}" }
        let article = "{\"id\":\"a\",\"title\":\"T\",\"language\":\"en\",\n\"blocks\":[{\"type\":\"paragraph\",\"content\":[\(emphasis)]}]}"
        Self.expectNestingError(file: "deep.json", line: 2) { _ = try JSONArticleReader().read(Data(article.utf8), file: "deep.json") }
        let post = "[{\"content\":{\"rendered\":\"<p>x</p>\"},\n\"x\":" + String(repeating: "[", count: Self.depth) + String(repeating: "]", count: Self.depth) + "}]"
        Self.expectNestingError(file: "posts.json", line: 2) { _ = try WordPressReader().articles(from: Data(post.utf8), file: "posts.json") }
    }

    @Test func theLimitIsSettableAndAnArticleWithinItReads() throws {
        var emphasis = "\"deep\""
        for _ in 0..<20 { emphasis = "{\"type\":\"emphasis\",\"content\":[\(emphasis)]}" }
        let article = Data("{\"id\":\"a\",\"title\":\"T\",\"language\":\"en\",\"blocks\":[{\"type\":\"paragraph\",\"content\":[\(emphasis)]}]}".utf8)
        #expect(try JSONArticleReader().read(article, file: "a.json").body.map(\.plainText).joined(separator: "\n") == "deep")
        var low = Limits()
        low.nestingDepth = 10
        let error = IngestTestSupport.diagnostic { _ = try JSONArticleReader(limits: low).read(article, file: "a.json") }
        #expect(error?.message.hasPrefix("nesting deeper than 10 levels") == true)
    }

    @Test func deepHTMLIsFlattenedAtTheSettableLimit() throws {
        let html = "<html><head><title>T</title></head><body>" + String(repeating: "<div>", count: Self.depth) + "<p>deepest words</p>"
            + String(repeating: "</div>", count: Self.depth) + "</body></html>"
        var low = Limits()
        low.nestingDepth = 30
        let result = try IngestTestSupport.readOne(html, with: HTMLArticleReader(limits: low), file: "deep.html")
        #expect(result.article.body.map(\.plainText).joined(separator: "\n").contains("deepest words"))
        #expect(result.warnings.contains { $0.message.contains("more than 30 levels deep") })
    }

    // MARK: Entities

    /// A WordPress export with one internal entity of `entitySize` bytes referenced `references` times in a post.
    static func export(entitySize: Int, references: Int) -> Data {
        let entity = String(repeating: "word ", count: entitySize / 5)
        return Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE rss [<!ENTITY e "\(entity)">]>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Site</title>
        <item><title>A post</title><dc:creator>a</dc:creator><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
        <content:encoded>\(String(repeating: "&e; ", count: references))</content:encoded></item>
        </channel></rss>

        """.utf8)
    }

    @Test func oneEntityReferencedFiveHundredTimesIsRefusedByItsBytes() {
        // The campaign's input: about 100 KB referenced 500 times took 52.8 s and 6.6 GB.
        let data = Self.export(entitySize: 100_000, references: 500)
        #expect(data.count < 110_000)
        let error = IngestTestSupport.diagnostic { _ = try WXRReader().articles(from: data, file: "bomb.xml") }
        #expect(error?.file == "bomb.xml")
        #expect(error?.line == 6)
        #expect(error?.message.contains("the entity-bytes limit") == true, "\(String(describing: error))")
    }

    @Test func manySmallReferencesAreRefusedByTheirCount() {
        let error = IngestTestSupport.diagnostic {
            _ = try WXRReader().articles(from: Self.export(entitySize: 10, references: 20_000), file: "many.xml")
        }
        #expect(error?.line == 6)
        #expect(error?.message.contains("the entity-expansions limit") == true, "\(String(describing: error))")
    }

    @Test func nestedEntitiesAreRefused() {
        var declarations = "<!ENTITY l0 \"lol\">"
        for level in 1...9 { declarations += "<!ENTITY l\(level) \"\(String(repeating: "&l\(level - 1);", count: 10))\">" }
        for (name, top) in [("laughs.xml", 9), ("chuckles.xml", 5)] {
            let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\(declarations)]>\n<rss><channel><item><title>&l\(top);</title></item></channel></rss>\n"
            let error = IngestTestSupport.diagnostic { _ = try WXRReader().articles(from: Data(text.utf8), file: name) }
            #expect(error?.file == name)
            #expect(error?.message.contains("entity-expansions limit") == true || error?.message.contains("entity-bytes limit") == true,
                    "\(String(describing: error))")
        }
    }

    @Test func entitiesWithinTheLimitsAreExpanded() throws {
        let result = try #require(try WXRReader().articles(from: Self.export(entitySize: 50, references: 3), file: "ok.xml").first)
        #expect(result.article.body.map(\.plainText).joined(separator: "\n").components(separatedBy: "word").count - 1 == 30)
    }

    // MARK: Unprintable characters

    @Test func noncharactersAndControlsAreDroppedWithOneWarning() throws {
        let json = #"{"id":"nc","title":"Non\uFDD0chars","language":"en","blocks":["#
            + "\n" + #"{"type":"paragraph","content":"Before \uFFFE middle \uDBFF\uDFFF and \u0001 control \u0085 after words."}]}"#
        let result = try #require(try JSONArticleReader().articles(from: Data(json.utf8), file: "nc.json").first)
        #expect(result.article.title == "Nonchars")
        #expect(result.article.body.map(\.plainText).joined(separator: "\n") == "Before  middle  and  control   after words.")
        let warnings = result.warnings.filter { $0.message.contains("cannot be printed") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 1)
        #expect(warnings.first?.message.hasPrefix("5 characters") == true)
        #expect(warnings.first?.message.contains("U+FFFE") == true)
    }

    @Test func unprintableCharactersInMarkdownAreLocatedByLine() throws {
        let text = "# Title\n\nA clean line.\n\nA line with \u{FFFF} and \u{7} in it.\n"
        let result = try IngestTestSupport.readOne(text, with: MarkdownArticleReader(), file: "u.md")
        let warning = try #require(result.warnings.first { $0.message.contains("cannot be printed") })
        #expect(warning.line == 5)
        #expect(warning.file == "u.md")
        #expect(result.article.body.map(\.plainText).joined(separator: "\n").contains("A line with  and  in it."))
    }
}
