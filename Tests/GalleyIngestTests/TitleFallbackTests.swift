import Foundation
import GalleyDiagnostics
import GalleyIngest
import GalleyModel
import Testing

/// A plain Markdown or HTML document without a title takes its first heading, else its file name, with a warning;
/// only unnamed input (standard input) without a heading is refused.
@Suite struct TitleFallbackTests {
    private func markdown(_ text: String, file: String) throws -> ReadResult {
        try IngestTestSupport.readOne(text, with: MarkdownArticleReader(), file: file)
    }

    private func html(_ text: String, file: String) throws -> ReadResult {
        try IngestTestSupport.readOne(text, with: HTMLArticleReader(), file: file)
    }

    @Test func aMarkdownLevelTwoHeadingGivesTheTitleAndLeavesTheBody() throws {
        let result = try markdown("Some words first.\n\n## Night shift\n\nThe vote was 212 to 9.\n\n## Later\n", file: "notes.md")
        #expect(result.article.title == "Night shift")
        #expect(result.article.body == [
            .paragraph([.text("Some words first.")]), .paragraph([.text("The vote was 212 to 9.")]), .heading(level: 2, content: [.text("Later")]),
        ])
        let warning = try #require(result.warnings.first)
        #expect(result.warnings.count == 1)
        #expect(warning.description == #"notes.md:3: warning: title: the article gives no title; its first heading (level 2), "Night shift", was taken as the title and left out of the body"#)
    }

    @Test func aLevelOneHeadingIsStillTheTitleWithoutAWarning() throws {
        let result = try markdown("## Part\n\n# The headline\n\nText.\n", file: "a.md")
        #expect(result.article.title == "The headline")
        #expect(result.warnings.isEmpty)
    }

    @Test func aMarkdownFileWithoutAHeadingIsTitledByItsName() throws {
        let result = try markdown("---\nauthor: R. Example\n---\nJust a paragraph.\n", file: "notes/my-notes_2024.md")
        #expect(result.article.title == "My notes 2024")
        #expect(result.article.body == [.paragraph([.text("Just a paragraph.")])])
        let warning = try #require(result.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.file == "notes/my-notes_2024.md")
        #expect(warning.message.contains(#"the title "My notes 2024" was made from the file name"#))
    }

    @Test func markdownFromStandardInputWithoutAHeadingIsRefused() throws {
        let error = try #require(IngestTestSupport.diagnostic { _ = try markdown("Just a paragraph.\n", file: "<stdin>") })
        #expect(error.description == "<stdin>: the article has no title and standard input has no file name to take one from: give one in the front matter (title: …) or start the text with a heading")
        #expect(try markdown("### Only this\n\nText.\n", file: "<stdin>").article.title == "Only this")
    }

    @Test func anHTMLFragmentTakesItsFirstHeadingOfAnyLevel() throws {
        let result = try html("<p>Intro.</p>\n<h3>Night shift</h3>\n<p>The vote.</p>", file: "post.html")
        #expect(result.article.title == "Night shift")
        #expect(result.article.body == [.paragraph([.text("Intro.")]), .paragraph([.text("The vote.")])])
        #expect(result.warnings.map(\.line) == [2])
        #expect(result.warnings.first?.message.contains("its first heading (level 3)") == true)
    }

    @Test func anHTMLFileWithoutAHeadingIsTitledByItsName() throws {
        let result = try html("<p>No heading here.</p>", file: "exports/shift_report-2025.html")
        #expect(result.article.title == "Shift report 2025")
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.description.hasPrefix("exports/shift_report-2025.html: warning: title: the article gives no title and has no heading") == true)
        let unnamed = try #require(IngestTestSupport.diagnostic { _ = try html("<p>No heading here.</p>", file: "<stdin>") })
        #expect(unnamed.message.hasPrefix("the article has no title and standard input has no file name"))
    }
}
