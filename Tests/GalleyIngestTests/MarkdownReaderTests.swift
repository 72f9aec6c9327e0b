import Foundation
import GalleyDiagnostics
import GalleyIngest
import GalleyModel
import Testing

/// Markdown with front matter: what each construct becomes, and where errors point.
@Suite struct MarkdownReaderTests {
    private func read(_ text: String) throws -> ReadResult {
        try IngestTestSupport.readOne(text, with: MarkdownArticleReader(), file: "a.md")
    }

    @Test func frontMatterAcceptsStringsListsDatesAndAliases() throws {
        let result = try read("""
        ---
        id: a-17
        title: Night shift
        deck: Parcel workers vote to *stop* the 4 a.m. start.
        kicker: Labour
        author: R. Example
        date: 2025-10-01T08:30:00Z
        language: fr
        url: https://example.org/a-17
        tags: Labour, Logistics
        translation: Example Weekly
        ---
        Text.
        """)
        let article = result.article
        #expect(article.id == "a-17")
        #expect(article.title == "Night shift")
        #expect(article.deck == [.text("Parcel workers vote to "), .emphasis([.text("stop")]), .text(" the 4 a.m. start.")])
        #expect(article.kicker == "Labour")
        #expect(article.authors == ["R. Example"])
        #expect(article.date == "2025-10-01")
        #expect(article.language == "fr")
        #expect(article.sourceURL == "https://example.org/a-17")
        #expect(article.topics == ["Labour", "Logistics"])
        #expect(article.translation == Translation(translator: "Example Weekly"))
        #expect(article.body == [.paragraph([.text("Text.")])])
        #expect(result.warnings.isEmpty)
    }

    @Test func quotedDateStringsAreValidatedToo() throws {
        #expect(try read("---\ntitle: T\ndate: \"2024-02-29\"\n---\nx").article.date == "2024-02-29")
        let error = IngestTestSupport.diagnostic { _ = try read("---\ntitle: T\ndate: \"2025-02-30\"\n---\nx") }
        #expect(error?.line == 3)
        #expect(error?.path == "date")
        #expect(error?.message.contains("not a date") == true)
    }

    /// Site generators often write dates with slashes; they are the same dates, and are checked just the same.
    @Test func slashedDatesAreReadAsCalendarDates() throws {
        #expect(try read("---\ntitle: T\ndate: 2023/03/22\n---\nx").article.date == "2023-03-22")
        #expect(try read("---\ntitle: T\ndate: 2023/03/22 10:15\n---\nx").article.date == "2023-03-22")
        let invalid = IngestTestSupport.diagnostic { _ = try read("---\ntitle: T\ndate: 2023/02/30\n---\nx") }
        #expect(invalid?.path == "date")
        let mixed = IngestTestSupport.diagnostic { _ = try read("---\ntitle: T\ndate: 2023/03-22\n---\nx") }
        #expect(mixed?.path == "date")
    }

    @Test func theFirstLevelOneHeadingIsTheTitleWhenThereIsNoOther() throws {
        let result = try read("# The headline\n\nFirst paragraph.\n\n## Part\n")
        #expect(result.article.title == "The headline")
        #expect(result.article.body == [.paragraph([.text("First paragraph.")]), .heading(level: 2, content: [.text("Part")])])
        // Without an id the title's hash names the article, the same on every run.
        #expect(result.article.id.hasPrefix("t"))
        #expect(result.article.id == (try read("# The headline\n\nOther text.").article.id))
    }

    @Test func aRepeatedTitleHeadingIsDroppedAndOtherLevelOneHeadingsWarn() throws {
        let result = try read("---\ntitle: Same\n---\n# Same\n\nText.\n\n# Another part\n\nMore.\n")
        #expect(result.article.body == [
            .paragraph([.text("Text.")]), .heading(level: 2, content: [.text("Another part")]), .paragraph([.text("More.")]),
        ])
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.line == 8)
        #expect(result.warnings.first?.severity == .warning)
    }

    /// Once an error ("the article has no title"); now the first heading of any level stands in, with a warning.
    @Test func withoutATitleTheFirstHeadingOfAnyLevelStandsIn() throws {
        let result = try read("Just a paragraph.\n\n## A section\n")
        #expect(result.article.title == "A section")
        #expect(result.article.body == [.paragraph([.text("Just a paragraph.")])])
        #expect(result.warnings.first?.file == "a.md")
        #expect(result.warnings.first?.line == 3)
    }

    @Test func headingLevelsAreTwoOrThree() throws {
        let body = try read("# T\n\n## Two\n\n### Three\n\n#### Four\n\n###### Six\n").article.body
        #expect(body == [
            .heading(level: 2, content: [.text("Two")]), .heading(level: 3, content: [.text("Three")]),
            .heading(level: 3, content: [.text("Four")]), .heading(level: 3, content: [.text("Six")]),
        ])
    }

    @Test func inlineMarkupMaps() throws {
        let body = try read("""
        # T

        Some *emphasis*, **strong**, [a link](https://example.org "Title"), <https://auto.example.org>, \
        www.example.com, `code`, ~~gone~~ and
        a soft break.\\
        Hard break.
        """).article.body
        #expect(body == [.paragraph([
            .text("Some "), .emphasis([.text("emphasis")]), .text(", "), .strong([.text("strong")]), .text(", "),
            .link(url: "https://example.org", content: [.text("a link")]), .text(", "),
            .link(url: "https://auto.example.org", content: [.text("https://auto.example.org")]), .text(", "),
            .link(url: "http://www.example.com", content: [.text("www.example.com")]), .text(", "), .code("code"), .text(", "),
            .strikethrough([.text("gone")]), .text(" and a soft break."), .lineBreak, .text("Hard break."),
        ])])
    }

    @Test func blocksMap() throws {
        let body = try read("""
        # T

        > Quoted
        > text.

        1. one
        2. two
           - nested
           - list

        ---

        ```swift
        let x = 1
        ```

            indented code
        """).article.body
        #expect(body == [
            .quote(content: [.paragraph([.text("Quoted text.")])], attribution: nil),
            .list(ordered: true, items: [
                [.paragraph([.text("one")])],
                [.paragraph([.text("two")]), .list(ordered: false, items: [[.paragraph([.text("nested")])], [.paragraph([.text("list")])]])],
            ]),
            .rule,
            .preformatted("let x = 1", language: "swift"),
            .preformatted("indented code", language: nil),
        ])
    }

    @Test func imagesBecomeFigures() throws {
        let body = try read("""
        # T

        ![A march](images/march.jpg "The march on the bridge")

        Text with ![inline](images/missing.png) image.
        """).article.body
        #expect(body == [
            .figure(Figure(source: "images/march.jpg", alt: "A march", caption: [.text("The march on the bridge")])),
            .paragraph([.text("Text with image.")]),
            .figure(Figure(source: "images/missing.png", alt: "inline")),
        ])
    }

    @Test func tablesKeepHeaderAndAlignments() throws {
        let body = try read("""
        # T

        | Year | Members | Note |
        |:-----|--------:|:----:|
        | 2023 | 1,200 | *first* |
        | 2024 | 1,450 | |
        """).article.body
        #expect(body == [.table(Table(
            header: [[TableCell([.text("Year")]), TableCell([.text("Members")]), TableCell([.text("Note")])]],
            rows: [
                [TableCell([.text("2023")]), TableCell([.text("1,200")]), TableCell([.emphasis([.text("first")])])],
                [TableCell([.text("2024")]), TableCell([.text("1,450")]), TableCell([])],
            ],
            alignments: [.left, .right, .center]))])
    }

    @Test func footnotesAreNumberedInReferenceOrder() throws {
        let article = try read("""
        # T

        First[^b] and second[^a], first again[^b].

        [^a]: Note A with *markup*.
        [^b]: Note B.
        [^unused]: Never referenced.
        """).article
        #expect(article.body == [.paragraph([
            .text("First"), .footnoteReference("1"), .text(" and second"), .footnoteReference("2"), .text(", first again"),
            .footnoteReference("1"), .text("."),
        ])])
        #expect(article.footnotes == [
            Footnote(id: "1", content: [.paragraph([.text("Note B.")])]),
            Footnote(id: "2", content: [.paragraph([.text("Note A with "), .emphasis([.text("markup")]), .text(".")])]),
        ])
    }

    @Test func rawHTMLKeepsItsTextAndWarnsWithTheLine() throws {
        let result = try read("""
        # T

        Some <span class="x">inline</span> HTML.<br>
        Next line. <!-- a comment -->

        <div class="box">
        Block <b>HTML</b> &amp; text.
        </div>

        <!-- hidden -->
        """)
        #expect(result.article.body == [
            .paragraph([.text("Some inline HTML."), .lineBreak, .text("Next line.")]),
            .paragraph([.text("Block HTML & text.")]),
        ])
        #expect(result.warnings.map(\.line) == [3, 6])
        #expect(result.warnings.allSatisfy { $0.severity == .warning && $0.message.contains("raw HTML") })
    }

    @Test func notesAndRelatedComeFromFrontMatter() throws {
        let article = try read("""
        ---
        title: T
        notes:
          - label: P.S.
            text: See [the list](https://example.org/list).
        related:
          - topic: Labour
            articles:
              - Warehouse heat
              - {title: Night shift, url: "https://example.org/9200"}
        signOff: 30 September 2025
        publisherFooter: Reprint freely.
        translation: {translator: R. Example, from: Example Weekly, url: "https://example.org/original"}
        ---
        Body.
        """).article
        #expect(article.notes == [Note(label: "P.S.", content: [.paragraph([
            .text("See "), .link(url: "https://example.org/list", content: [.text("the list")]), .text("."),
        ])])])
        #expect(article.related == [RelatedGroup(topic: "Labour", articles: [
            RelatedArticle(title: "Warehouse heat"), RelatedArticle(title: "Night shift", url: "https://example.org/9200"),
        ])])
        #expect(article.signOff == "30 September 2025")
        #expect(article.publisherFooter == "Reprint freely.")
        #expect(article.translation == Translation(translator: "R. Example", from: "Example Weekly", sourceURL: "https://example.org/original"))
    }

    @Test func frontMatterErrorsPointAtTheFileLine() {
        let badYAML = IngestTestSupport.diagnostic { _ = try read("---\ntitle: T\nauthors: [a, b\nkicker: x\n---\nBody") }
        #expect(badYAML?.message.contains("invalid YAML") == true)
        // libyaml notices the unclosed bracket on line 4; the message names line 3, where the list starts.
        #expect(badYAML?.line == 4)
        #expect(badYAML?.message.contains("that starts at line 3") == true, "\(String(describing: badYAML))")

        let wrongType = IngestTestSupport.diagnostic { _ = try read("---\ntitle: T\n\nauthors:\n  name: Someone\n---\nBody") }
        #expect(wrongType?.line == 5)
        #expect(wrongType?.path == "authors")

        let nested = IngestTestSupport.diagnostic {
            _ = try read("---\ntitle: T\nrelated:\n  - topic: A\n    articles:\n      - {title: x, link: y}\n---\nBody")
        }
        #expect(nested?.line == 6)
        #expect(nested?.path == "related[0].articles[0].link")

        let missing = IngestTestSupport.diagnostic { _ = try read("---\ntitle: T\nnotes:\n  - label: P.S.\n---\nBody") }
        #expect(missing?.message == "missing required field \"text\"")
        #expect(missing?.path == "notes[0]")

        let language = IngestTestSupport.diagnostic { _ = try read("---\ntitle: T\nlang: English\n---\nBody") }
        #expect(language?.line == 3)

        let id = IngestTestSupport.diagnostic { _ = try read("---\ntitle: T\nid: a/b\n---\nBody") }
        #expect(id?.line == 3)
        #expect(id?.path == "id")

        let unclosed = IngestTestSupport.diagnostic { _ = try read("---\ntitle: T\n\nBody") }
        #expect(unclosed?.line == 1)
        #expect(unclosed?.message.contains("never closed") == true)

        let notAMapping = IngestTestSupport.diagnostic { _ = try read("---\n- a\n- b\n---\nBody") }
        #expect(notAMapping?.message.contains("front matter must be") == true)
    }

    @Test func unknownFrontMatterFieldsWarnWithTheirLine() throws {
        let result = try read("---\ntitle: T\nlayout: post\npermalink: /x/\n---\nBody")
        #expect(result.warnings.map(\.line) == [3, 4])
        #expect(result.warnings.map(\.path) == ["layout", "permalink"])
        #expect(result.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func aliasesCannotBothBeGiven() {
        let error = IngestTestSupport.diagnostic { _ = try read("---\ntitle: T\nlang: en\nlanguage: fr\n---\nBody") }
        #expect(error?.line == 4)
    }

    @Test func greekAndCyrillicRoundTrip() throws {
        let article = try read("""
        ---
        title: Профсоюзы и война
        authors: [Γιώργος Παπαδόπουλος, Анна Иванова]
        tags: [Ελλάδα, Россия]
        lang: ru
        ---
        Независимые профсоюзы *выжили*. Η απεργία **συνεχίζεται**.
        """).article
        #expect(article.title == "Профсоюзы и война")
        #expect(article.authors == ["Γιώργος Παπαδόπουλος", "Анна Иванова"])
        #expect(article.topics == ["Ελλάδα", "Россия"])
        #expect(article.body == [.paragraph([
            .text("Независимые профсоюзы "), .emphasis([.text("выжили")]), .text(". Η απεργία "), .strong([.text("συνεχίζεται")]), .text("."),
        ])])
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreAccepted() throws {
        let result = try read("\u{FEFF}---\r\ntitle: T\r\nkicker: K\r\n---\r\nLine one\r\nline two.\r\n")
        #expect(result.article.title == "T")
        #expect(result.article.kicker == "K")
        #expect(result.article.body == [.paragraph([.text("Line one line two.")])])
    }
}
