import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyIngest
import GalleyModel
import Testing

/// Hostile and broken inputs: every reader ends with an article and warnings, or one clear error.
@Suite struct RobustnessTests {
    /// The readers' nesting limit: the default nesting-depth limit.
    static let nestingLimit = Limits().nestingDepth

    static let readers: [(name: String, reader: any ArticleReader)] = [
        ("markdown", MarkdownArticleReader()), ("html", HTMLArticleReader()), ("wordpress", WordPressReader()), ("wxr", WXRReader()),
    ]

    @Test(arguments: readers.map(\.name))
    func emptyInputIsAnError(_ name: String) throws {
        let reader = try #require(Self.readers.first { $0.name == name }).reader
        let error = IngestTestSupport.diagnostic { _ = try reader.articles(from: Data(), file: "empty.\(name)") }
        #expect(error?.file == "empty.\(name)")
        #expect(error?.message.contains("empty") == true)
    }

    @Test(arguments: readers.map(\.name))
    func whitespaceOnlyInputIsAnError(_ name: String) throws {
        let reader = try #require(Self.readers.first { $0.name == name }).reader
        let error = IngestTestSupport.diagnostic { _ = try reader.articles(from: Data(" \n\t\n".utf8), file: "blank") }
        #expect(error?.file == "blank")
        #expect(error?.severity == .error)
    }

    @Test(arguments: readers.map(\.name))
    func binaryJunkIsAnErrorNamingTheFile(_ name: String) throws {
        let reader = try #require(Self.readers.first { $0.name == name }).reader
        var generator = SystemRandomNumberGenerator()
        let junk = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }) + Data([0, 0xFF, 0xFE])
        let error = IngestTestSupport.diagnostic { _ = try reader.articles(from: junk, file: "junk.bin") }
        #expect(error?.file == "junk.bin")
    }

    @Test(arguments: readers.map(\.name))
    func nonUTF8TextIsAnErrorNamingTheFile(_ name: String) throws {
        let reader = try #require(Self.readers.first { $0.name == name }).reader
        let latin1 = try #require("<h1>Café</h1>\n# Café\n{\"title\": \"Café\"}".data(using: .isoLatin1))
        let error = IngestTestSupport.diagnostic { _ = try reader.articles(from: latin1, file: "latin1.txt") }
        #expect(error?.file == "latin1.txt")
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test func unclosedHTMLTagsStillRead() throws {
        let result = try IngestTestSupport.readOne("<h1>Title<p>First <em>open <strong>nested<p>Second<ul><li>item", with: HTMLArticleReader())
        #expect(result.article.title == "Title")
        // libxml2 nests the second paragraph inside the open <strong>; its words are kept in order.
        #expect(Self.allText(result.article.body).contains("First open nested Second"))
        #expect(Self.allText(result.article.body).contains("item"))

        let spans = try IngestTestSupport.readOne("<h1>T</h1><span><p>One.</p><p>Two.</p></span><a href='/x'><div>Card</div></a>",
                                                  with: HTMLArticleReader())
        #expect(spans.article.body == [.paragraph([.text("One.")]), .paragraph([.text("Two.")]), .paragraph([.text("Card")])])
        #expect(spans.warnings.isEmpty)
    }

    @Test func tenThousandNestedHTMLListsAreFlattened() throws {
        let depth = 10_000
        let html = "<h1>Deep</h1>" + String(repeating: "<ul><li>level", count: depth) + " bottom"
            + String(repeating: "</li></ul>", count: depth) + "<p>After the lists.</p>"
        let result = try IngestTestSupport.readOne(html, with: HTMLArticleReader())
        #expect(result.warnings.contains { $0.message.contains("flattened") })
        #expect(result.article.body.last == .paragraph([.text("After the lists.")]))
        #expect(Self.listDepth(result.article.body) <= Self.nestingLimit)
        #expect(Self.allText(result.article.body).contains("bottom"))
    }

    @Test func tenThousandNestedMarkdownListsAreFlattened() throws {
        let markdown = "# Deep\n\n" + String(repeating: "- ", count: 10_000) + "bottom\n\nAfter the lists.\n"
        let result = try IngestTestSupport.readOne(markdown, with: MarkdownArticleReader())
        #expect(result.warnings.contains { $0.message.contains("flattened") })
        #expect(result.article.body.last == .paragraph([.text("After the lists.")]))
        #expect(Self.listDepth(result.article.body) <= Self.nestingLimit)
        #expect(Self.allText(result.article.body).contains("bottom"))
    }

    @Test func deepMarkdownQuotesAndEmphasisTerminate() throws {
        let quotes = "# Deep\n\n" + String(repeating: "> ", count: 10_000) + "inside\n"
        let quoted = try IngestTestSupport.readOne(quotes, with: MarkdownArticleReader())
        #expect(Self.allText(quoted.article.body).contains("inside"))
        #expect(quoted.warnings.contains { $0.message.contains("flattened") })

        let emphasis = "# Deep\n\n" + String(repeating: "*a ", count: 5_000) + "core" + String(repeating: " a*", count: 5_000) + "\n"
        let emphasised = try IngestTestSupport.readOne(emphasis, with: MarkdownArticleReader())
        #expect(Self.allText(emphasised.article.body).contains("core"))
    }

    @Test func deepHTMLInlineNestingTerminates() throws {
        let html = "<h1>Deep</h1><p>" + String(repeating: "<em><span>", count: 5_000) + "core" + String(repeating: "</span></em>", count: 5_000) + "</p>"
        let result = try IngestTestSupport.readOne(html, with: HTMLArticleReader())
        #expect(Self.allText(result.article.body).contains("core"))
        #expect(result.warnings.contains { $0.message.contains("flattened") })
    }

    @Test func aHugeHTMLTableReads() throws {
        let rows = (1...2_000).map { "<tr><td>\($0)</td><td>row \($0)</td><td>\($0 * 3)</td></tr>" }.joined(separator: "\n")
        let html = "<h1>Table</h1><table><thead><tr><th>n</th><th>name</th><th>x3</th></tr></thead><tbody>\n\(rows)\n</tbody></table>"
        let result = try IngestTestSupport.readOne(html, with: HTMLArticleReader())
        guard case .table(let table)? = result.article.body.first else {
            Issue.record("expected a table")
            return
        }
        #expect(table.header.count == 1)
        #expect(table.rows.count == 2_000)
        #expect(table.rows.last == [TableCell([.text("2000")]), TableCell([.text("row 2000")]), TableCell([.text("6000")])])
    }

    @Test func aHugeMarkdownTableReads() throws {
        let rows = (1...2_000).map { "| \($0) | row \($0) |" }.joined(separator: "\n")
        let result = try IngestTestSupport.readOne("# Table\n\n| n | name |\n|---|---|\n\(rows)\n", with: MarkdownArticleReader())
        guard case .table(let table)? = result.article.body.first else {
            Issue.record("expected a table")
            return
        }
        #expect(table.rows.count == 2_000)
        #expect(table.rows.last == [TableCell([.text("2000")]), TableCell([.text("row 2000")])])
    }

    @Test func aMissingImageIsOnlyRecorded() throws {
        let markdown = try IngestTestSupport.readOne("# T\n\n![Gone](no/such/file.png)\n", with: MarkdownArticleReader())
        #expect(markdown.article.body == [.figure(Figure(source: "no/such/file.png", alt: "Gone"))])
        #expect(markdown.warnings.isEmpty)
        let html = try IngestTestSupport.readOne("<h1>T</h1><img src='no/such/file.png' alt='Gone'>", with: HTMLArticleReader())
        #expect(html.article.body == [.figure(Figure(source: "no/such/file.png", alt: "Gone"))])
        #expect(html.warnings.isEmpty)
    }

    @Test func readersCanRunInParallel() async throws {
        let markdown = try IngestTestSupport.fixture("iv-9062.md")
        let html = try IngestTestSupport.fixture("iv-9062.html")
        let titles = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let reader: any ArticleReader = index.isMultiple(of: 2) ? MarkdownArticleReader() : HTMLArticleReader()
                    return try reader.articles(from: index.isMultiple(of: 2) ? markdown : html, file: "f").first?.article.title ?? ""
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(titles == ["Support the Russian-Ukrainian resistance against accelerated fascisation"])
    }

    /// How deeply lists nest in `blocks`, found without recursion.
    static func listDepth(_ blocks: [Block]) -> Int {
        var deepest = 0
        var stack: [(blocks: [Block], depth: Int)] = [(blocks, 0)]
        while let (current, depth) = stack.popLast() {
            for block in current {
                switch block {
                case .list(_, let items):
                    deepest = max(deepest, depth + 1)
                    for item in items { stack.append((item, depth + 1)) }
                case .quote(let content, _), .note(_, let content):
                    stack.append((content, depth))
                default:
                    continue
                }
            }
        }
        return deepest
    }

    /// All the text in `blocks`, found without recursion.
    static func allText(_ blocks: [Block]) -> String {
        var text = ""
        var stack: [Block] = blocks.reversed()
        while let block = stack.popLast() {
            switch block {
            case .list(_, let items): stack += items.flatMap { $0 }.reversed()
            case .quote(let content, _), .note(_, let content): stack += content.reversed()
            default: text += block.plainText + "\n"
            }
        }
        return text
    }
}
