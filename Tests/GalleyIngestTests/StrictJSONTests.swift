import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyIngest
import Testing

/// Galley's JSON is read as strict JSON: what other tools would refuse is an error naming the line, the column and
/// the fault, and a file's field errors are all reported in one run.
@Suite struct StrictJSONTests {
    private func error(_ text: String, limits: Limits = Limits()) -> Diagnostic? {
        IngestTestSupport.diagnostic { _ = try JSONArticleReader(limits: limits).read(Data(text.utf8), file: "a.json") }
    }

    @Test func aTrailingCommaInAnArrayIsAnError() throws {
        let text = """
        {"id": "1", "title": "T", "blocks": [
          {"type": "rule"},
        ]}
        """
        let diagnostic = try #require(error(text))
        #expect(diagnostic.description == #"a.json:3: invalid JSON at column 1: a comma before "]": JSON allows no comma after the last element"#)
    }

    @Test func aTrailingCommaInAnObjectIsAnError() throws {
        let diagnostic = try #require(error("{\n  \"id\": \"1\",\n  \"title\": \"T\",\n  \"blocks\": [],\n}\n"))
        #expect(diagnostic.line == 5)
        #expect(diagnostic.message.contains("a comma before }: JSON allows no comma after the last field"))
    }

    @Test func anUnclosedQuoteIsReportedOnItsOwnLine() throws {
        let text = "{\n  \"id\": \"1,\n  \"title\": \"T\",\n  \"blocks\": []\n}\n"
        let diagnostic = try #require(error(text))
        #expect(diagnostic.line == 2, "\(diagnostic)")
        #expect(diagnostic.message == "invalid JSON at column 9: the string that starts here is not closed on its line (a line break inside a string is written \\n)")
    }

    @Test func whatJSONDoesNotAllowIsNamed() throws {
        let cases: [(text: String, line: Int, says: String)] = [
            ("{\n  // a comment\n  \"id\": \"1\"}", 2, "a comment: JSON has no comments"),
            ("{\n  id: \"1\"}", 2, "the field name \"id\" is not in double quotes"),
            ("{\"id\": 'one'}", 1, "a string in single quotes: JSON needs double quotes"),
            ("{\"id\": 01}", 1, "a number may not start with 0 followed by more digits"),
            ("{\"id\": NaN}", 1, "\"NaN\" is not a JSON value"),
            ("{\"id\": \"a\tb\"}", 1, "a tab inside a string (write it as \\t)"),
            ("{\"id\": \"\\x\"}", 1, "\\x is not a JSON escape"),
            ("{\"id\": \"1\"\n \"title\": \"T\"}", 2, "where a comma or } should be (is a comma missing?)"),
            ("{\"id\": [1, 2}", 1, "\"}\" cannot close the array opened at line 1, column 8"),
            ("{\"id\": \"1\"}\n{}", 2, "more text after the end of the JSON value"),
            ("{\n\"id\": [\n1,\n", 4, "the file ends before the array opened at line 2, column 7 is closed"),
        ]
        for item in cases {
            let diagnostic = try #require(error(item.text), "\(item.text)")
            #expect(diagnostic.line == item.line, "\(diagnostic)")
            #expect(diagnostic.message.hasPrefix("invalid JSON at column "), "\(diagnostic)")
            #expect(diagnostic.message.contains(item.says), "\(diagnostic)")
        }
    }

    @Test func threeMistakesAreReportedInOneRun() throws {
        let text = """
        {
          "id": "1",
          "date": 2024,
          "blocks": [
            {"type": "paragraph", "content": "Fine."},
            {"type": "pagraph", "content": "A typo."},
            {"type": "heading", "level": 2}
          ]
        }
        """
        let diagnostic = try #require(error(text))
        let lines = diagnostic.description.split(separator: "\n").map(String.init)
        #expect(lines == [
            #"a.json:1: title: missing required field "title""#,
            "a.json:3: date: expected a string",
            #"a.json:6: blocks[1].type: unknown block type "pagraph" (expected one of heading, paragraph, quote, pullquote, list, note, rule, figure, table, preformatted)"#,
            #"a.json:7: blocks[2].content: missing required field "content""#,
        ], "\(diagnostic)")
        #expect(diagnostic.all.map(\.line) == [1, 3, 6, 7])
    }

    @Test func unknownFieldsAndInlineErrorsAreAllListed() throws {
        let text = """
        {"id": "1", "title": "T",
         "autor": "x",
         "blocks": [
          {"type": "paragraph", "colour": "red", "content": [
            {"type": "emph", "content": "a"},
            {"type": "link", "href": "", "content": "b"}
          ]}
         ]}
        """
        let diagnostic = try #require(error(text))
        #expect(diagnostic.all.map(\.line) == [2, 4, 5, 6], "\(diagnostic)")
        #expect(diagnostic.all.map(\.path) == ["autor", "blocks[0].colour", "blocks[0].content[0].type", "blocks[0].content[1].href"])
    }

    @Test func pastTheLimitProblemsAreCounted() throws {
        let blocks = (0..<25).map { _ in #"{"type": "para"}"# }.joined(separator: ",\n")
        let text = "{\"id\": \"1\", \"title\": \"T\", \"blocks\": [\n\(blocks)\n]}"
        let diagnostic = try #require(error(text))
        #expect(diagnostic.all.count == 20)
        #expect(diagnostic.unlisted == 5)
        #expect(diagnostic.description.hasSuffix("a.json: 5 more problems were found and not listed (the errors-per-file limit)"))
        var limits = Limits()
        try limits.set("errors-per-file", to: "3")
        let fewer = try #require(error(text, limits: limits))
        #expect(fewer.all.count == 3)
        #expect(fewer.unlisted == 22)
    }

    @Test func deepNestingStillStopsAtTheLimitWithoutOverflowingTheStack() throws {
        let deep = "{\"id\": \"1\", \"title\": \"T\", \"blocks\": [\n" + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "]}"
        let diagnostic = try #require(error(deep))
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message.contains("the nesting-depth limit"))
        // The syntax walk keeps its own stack: a million levels are checked without recursion.
        let million = String(repeating: "[", count: 1_000_000) + String(repeating: "]", count: 1_000_000)
        try JSONSyntax.check(million, file: "deep.json")
    }

    @Test func aByteOrderMarkIsStillIgnored() throws {
        let article = try JSONArticleReader().read(Data("\u{FEFF}{\"id\": \"1\", \"title\": \"T\", \"blocks\": []}".utf8), file: "a.json")
        #expect(article.title == "T")
    }

    @Test func theLocatorFindsLinesByPath() throws {
        let text = "{\n  \"a\": [\n    {\"b\": 1},\n    {\n      \"c\": \"x\"\n    }\n  ]\n}"
        let locator = JSONLocator(text: text)
        #expect(locator.line(of: [AnyKey("a")]) == 2)
        #expect(locator.line(of: [AnyKey("a"), AnyKey(intValue: 1)!, AnyKey("c")]) == 5)
        #expect(locator.line(of: [AnyKey("a"), AnyKey(intValue: 1)!, AnyKey("missing")]) == 4)
    }
}
