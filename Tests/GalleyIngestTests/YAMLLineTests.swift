import Foundation
import GalleyDiagnostics
import GalleyIngest
import Testing

/// YAML errors — in Markdown front matter and issue files — name the line of the original file where the fault is.
@Suite struct YAMLLineTests {
    private func markdownError(_ text: String) -> Diagnostic? {
        IngestTestSupport.diagnostic { _ = try MarkdownArticleReader().articles(from: Data(text.utf8), file: "a.md") }
    }

    @Test func aFrontMatterSyntaxErrorIsAtItsFileLine() throws {
        // The front matter starts after the "---" of line 1, so YAML's own line 3 is the file's line 4.
        let error = try #require(markdownError("---\ntitle: T\nkicker: K\ndeck: \"an unclosed quote\n---\nBody\n"))
        #expect(error.message.hasPrefix("invalid YAML in the front matter"), "\(error)")
        #expect(error.line == 4, "\(error)")
        #expect(error.message.contains("while scanning a quoted scalar"), "\(error)")
        let tab = try #require(markdownError("---\ntitle: T\nauthors:\n\t- A\n---\nBody\n"))
        #expect(tab.line == 4, "\(tab)")
    }

    @Test func everyBadFrontMatterFieldIsReportedAtItsLine() throws {
        let error = try #require(markdownError("---\ntitle: T\ndate: 2025-02-30\nlang: English\nid: a/b\n---\nBody\n"))
        #expect(error.all.map(\.line) == [3, 4, 5], "\(error)")
        #expect(error.all.map(\.path) == ["date", "lang", "id"])
    }

    @Test func anIssueFileErrorIsAtItsLine() throws {
        let text = "publication: Weekly\ntitle: Issue 1\nsections:\n  - title: News\n    articles: [a.json, b.json\n  - title: More\n"
        let error = try #require(IngestTestSupport.diagnostic { _ = try IssueReader().read(Data(text.utf8), file: "issue.yaml") })
        #expect(error.file == "issue.yaml")
        #expect(error.message.contains("that starts at line 5"), "\(error)")
        let typo = try #require(IngestTestSupport.diagnostic {
            _ = try IssueReader().read(Data("publication: Weekly\ntitle: Issue 1\ndat: 2025-01-01\nsections: []\n".utf8), file: "issue.yaml")
        })
        #expect(typo.line == 3, "\(typo)")
    }
}
