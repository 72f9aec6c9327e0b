import Foundation
import GalleyDiagnostics
import GalleyIngest
import GalleyModel
import Testing

/// HTML post bodies and whole pages: elements, footnote patterns, page metadata and warnings.
@Suite struct HTMLReaderTests {
    private func read(_ html: String, id: String? = nil) throws -> ReadResult {
        try IngestTestSupport.readOne(html, with: HTMLArticleReader(id: id), file: "a.html")
    }

    @Test func aFragmentTakesItsTitleFromTheFirstHeading() throws {
        let result = try read("<h1>Night shift</h1>\n<p>The vote was <b>212</b> to 9.</p>")
        #expect(result.article.title == "Night shift")
        #expect(result.article.language == "en")
        #expect(result.article.body == [.paragraph([.text("The vote was "), .strong([.text("212")]), .text(" to 9.")])])
        #expect(result.warnings.isEmpty)
    }

    /// Once an error ("the article has no title"); now the file name stands in, with a warning (TitleFallbackTests).
    @Test func noTitleTakesTheFileNameWithAWarning() throws {
        let result = try read("<p>No heading here.</p>")
        #expect(result.article.title == "A")
        #expect(result.warnings.first?.file == "a.html")
        #expect(result.warnings.first?.message.contains("made from the file name") == true)
    }

    @Test func inlineElementsMap() throws {
        let body = try read("""
        <h1>T</h1>
        <p>An <em>em</em>, an <i>i</i>, a <strong>strong</strong>, <a href="https://example.org/x">a link</a>,
        x<sup>2</sup>, H<sub>2</sub>O, <code>let x</code>, <s>s</s> <del>del</del> <strike>strike</strike>,
        <span>plain span</span>, <span lang="fr">en français</span>,<br>after&nbsp;a&nbsp;break &amp; entities &#8217;.</p>
        """).article.body
        #expect(body == [.paragraph([
            .text("An "), .emphasis([.text("em")]), .text(", an "), .emphasis([.text("i")]), .text(", a "), .strong([.text("strong")]),
            .text(", "), .link(url: "https://example.org/x", content: [.text("a link")]), .text(", x"), .superscript([.text("2")]),
            .text(", H"), .subscript([.text("2")]), .text("O, "), .code("let x"), .text(", "), .strikethrough([.text("s")]), .text(" "),
            .strikethrough([.text("del")]), .text(" "), .strikethrough([.text("strike")]), .text(", plain span, "),
            .language(tag: "fr", content: [.text("en français")]), .text(","), .lineBreak,
            .text("after\u{A0}a\u{A0}break & entities \u{2019}."),
        ])])
    }

    @Test func blockElementsMap() throws {
        let body = try read("""
        <h1>T</h1>
        <h2>Two</h2><h3>Three</h3><h5>Five</h5>
        <blockquote><p>We sort the parcels.</p><cite>a steward</cite></blockquote>
        <ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>
        <hr>
        <pre class="language-python">print("hi")
        </pre>
        <div><section><p>In containers.</p></section></div>
        Loose text.
        """).article.body
        #expect(body == [
            .heading(level: 2, content: [.text("Two")]), .heading(level: 3, content: [.text("Three")]),
            .heading(level: 3, content: [.text("Five")]),
            .quote(content: [.paragraph([.text("We sort the parcels.")])], attribution: "a steward"),
            .list(ordered: false, items: [
                [.paragraph([.text("one")])],
                [.paragraph([.text("two")]), .list(ordered: true, items: [[.paragraph([.text("nested")])]])],
            ]),
            .rule,
            .preformatted("print(\"hi\")", language: "python"),
            .paragraph([.text("In containers.")]),
            .paragraph([.text("Loose text.")]),
        ])
    }

    @Test func pullQuotesFromWordPressAndMarkedQuotes() throws {
        let body = try read("""
        <h1>T</h1>
        <figure class="wp-block-pullquote has-text-align-center"><blockquote><p>Nothing about us</p><p>without us.</p><cite>Dock workers</cite></blockquote></figure>
        <blockquote class="pull-quote"><p>Marked by a class.</p></blockquote>
        <blockquote class="pullquote"><ul><li>a list</li></ul></blockquote>
        <blockquote><p>An ordinary quote.</p></blockquote>
        """).article.body
        #expect(body == [
            .pullQuote(content: [.text("Nothing about us"), .lineBreak, .text("without us.")], attribution: "Dock workers"),
            .pullQuote(content: [.text("Marked by a class.")], attribution: nil),
            // A pull quote of anything but paragraphs is read as what it is, a quote.
            .quote(content: [.list(ordered: false, items: [[.paragraph([.text("a list")])]])], attribution: nil),
            .quote(content: [.paragraph([.text("An ordinary quote.")])], attribution: nil),
        ])
    }

    @Test func figuresAndImages() throws {
        let body = try read("""
        <h1>T</h1>
        <figure><img src="images/march.jpg" alt="A march"><figcaption>The march <em>on</em> the bridge</figcaption></figure>
        <p><a href="images/big.jpg"><img src="images/small.jpg" alt="Small"></a></p>
        <img src="images/missing.png">
        <figure class="wp-block-table"><table><tr><td>1</td></tr></table><figcaption>Members</figcaption></figure>
        """).article.body
        #expect(body == [
            .figure(Figure(source: "images/march.jpg", alt: "A march", caption: [.text("The march "), .emphasis([.text("on")]), .text(" the bridge")])),
            .figure(Figure(source: "images/small.jpg", alt: "Small")),
            .figure(Figure(source: "images/missing.png")),
            .table(Table(rows: [[TableCell([.text("1")])]], caption: [.text("Members")])),
        ])
    }

    @Test func tablesKeepHeaderRowsAlignmentsAndCaption() throws {
        let body = try read("""
        <h1>T</h1>
        <table>
        <caption>Membership</caption>
        <thead><tr><th>Year</th><th align="right">Members</th><th style="text-align: center">Note</th></tr></thead>
        <tbody><tr><td>2023</td><td>1,200</td><td><p>first</p><p>year</p></td></tr></tbody>
        </table>
        <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>
        """).article.body
        #expect(body == [
            .table(Table(
                header: [[TableCell([.text("Year")]), TableCell([.text("Members")]), TableCell([.text("Note")])]],
                rows: [[TableCell([.text("2023")]), TableCell([.text("1,200")]), TableCell([.text("first"), .lineBreak, .text("year")])]],
                alignments: [.left, .right, .center], caption: [.text("Membership")])),
            .table(Table(header: [[TableCell([.text("A")]), TableCell([.text("B")])]], rows: [[TableCell([.text("1")]), TableCell([.text("2")])]])),
        ])
    }

    @Test func wordPressFootnotes() throws {
        let article = try read("""
        <h1>T</h1>
        <p>Claim<sup data-fn="u1" class="fn"><a href="#u1" id="u1-link">1</a></sup> and another<sup data-fn="u2" class="fn"><a href="#u2" id="u2-link">2</a></sup>.</p>
        <ol class="wp-block-footnotes"><li id="u1">First <em>note</em>. <a href="#u1-link" aria-label="Jump to footnote reference 1">↩︎</a></li><li id="u2">Second note. <a href="#u2-link">↩︎</a></li></ol>
        """).article
        #expect(article.body == [.paragraph([
            .text("Claim"), .footnoteReference("1"), .text(" and another"), .footnoteReference("2"), .text("."),
        ])])
        #expect(article.footnotes == [
            Footnote(id: "1", content: [.paragraph([.text("First "), .emphasis([.text("note")]), .text(".")])]),
            Footnote(id: "2", content: [.paragraph([.text("Second note.")])]),
        ])
    }

    @Test func pandocStyleFootnotesWithTheirSectionAndRule() throws {
        let article = try read("""
        <h1>T</h1>
        <p>Text<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>.</p>
        <section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes">
        <hr />
        <ol>
        <li id="fn1"><p>The note.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
        </ol>
        </section>
        """).article
        #expect(article.body == [.paragraph([.text("Text"), .footnoteReference("1"), .text(".")])])
        #expect(article.footnotes == [Footnote(id: "1", content: [.paragraph([.text("The note.")])])])
    }

    @Test func spipStyleNotes() throws {
        let article = try read("""
        <h1>T</h1>
        <div class="texte"><p>Texte<span class="spip_note_ref">&nbsp;[<a href="#nb1" class="spip_note" rel="appendix" title="Une note" id="nh1">1</a>]</span> suite.</p></div>
        <div class="notes"><h2>Notes</h2>
        <div id="nb1">
        <p><span class="spip_note_ref">[<a href="#nh1" class="spip_note" title="Notes 1" rev="appendix">1</a>] </span>Une note.</p>
        </div>
        </div>
        """).article
        #expect(article.body == [.paragraph([.text("Texte"), .footnoteReference("1"), .text(" suite.")])])
        #expect(article.footnotes == [Footnote(id: "1", content: [.paragraph([.text("Une note.")])])])
    }

    @Test func unknownElementsKeepTheirTextAndWarnWithNameAndLine() throws {
        let result = try read("""
        <h1>T</h1>
        <p>One <blink>blinking</blink> word.</p>
        <p>Two <blink>more</blink> words.</p>
        <dl>
        <dt>Term</dt><dd>Definition</dd>
        </dl>
        <script>alert("x")</script><style>p {}</style><noscript>Enable JS</noscript><template><p>t</p></template>
        <!-- a comment -->
        """)
        #expect(result.article.body.paragraphs.map(\.plainText) == ["One blinking word.", "Two more words.", "Term", "Definition"])
        #expect(result.warnings.count == 2)
        let blink = try #require(result.warnings.first { $0.message.contains("<blink>") })
        #expect(blink.line == 2)
        #expect(blink.message.contains("2 times"))
        #expect(result.warnings.first { $0.message.contains("<dl>") }?.line == 4)
        #expect(result.warnings.allSatisfy { $0.severity == .warning && $0.file == "a.html" })
    }

    @Test func pageMetadata() throws {
        let result = try read("""
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <title>Le logement d’abord – Exemple Hebdo</title>
        <meta property="og:site_name" content="Exemple Hebdo">
        <meta property="og:description" content="Un chapô.">
        <meta property="og:url" content="https://exemple.org/article-sans-numero">
        <meta property="article:published_time" content="2025-05-04T10:00:00Z">
        <meta name="author" content="Jeanne Exemple">
        <meta property="article:section" content="Logement">
        <meta property="article:tag" content="Logement, Ville">
        </head>
        <body><main><h1>Le logement d’abord</h1><p>Texte.</p></main></body>
        </html>
        """)
        let article = result.article
        #expect(article.title == "Le logement d’abord")
        #expect(article.language == "fr")
        #expect(article.deck == [.text("Un chapô.")])
        #expect(article.sourceURL == "https://exemple.org/article-sans-numero")
        #expect(article.date == "2025-05-04")
        #expect(article.authors == ["Jeanne Exemple"])
        #expect(article.kicker == "Logement")
        #expect(article.topics == ["Logement", "Ville"])
        #expect(article.body == [.paragraph([.text("Texte.")])])
        #expect(article.id.hasPrefix("t"))
        #expect(result.warnings.isEmpty)
    }

    @Test func theTitleSuffixIsStrippedOnlyForTheSiteName() throws {
        let kept = try read("<html><head><title>Left – Right</title><meta property='og:site_name' content='Other'></head><body><p>x</p></body></html>")
        #expect(kept.article.title == "Left – Right")
        let stripped = try read("<html><head><title>Left | Site</title><meta property='og:site_name' content='Site'></head><body><p>x</p></body></html>")
        #expect(stripped.article.title == "Left")
        let ogTitle = try read("<html><head><title>Page</title><meta property='og:title' content='Headline'></head><body><p>x</p></body></html>")
        #expect(ogTitle.article.title == "Headline")
    }

    @Test func idsComeFromMetaTagsTheAddressOrTheTitle() throws {
        func page(_ meta: String) -> String {
            "<html><head><title>Same title</title>\(meta)</head><body><p>x</p></body></html>"
        }
        #expect(try read(page("<meta name='galley:id' content='g1'><meta property='article:id' content='a1'>")).article.id == "g1")
        #expect(try read(page("<meta property='article:id' content='a1'><meta property='og:url' content='https://x.org/spip.php?article55'>")).article.id == "a1")
        #expect(try read(page("<link rel='canonical' href='https://x.org/article1234.html'>")).article.id == "1234")
        #expect(try read(page("<meta name='galley:id' content='g1'>"), id: "cli").article.id == "cli")
        let hashed = try read(page("")).article.id
        #expect(hashed == (try read(page("<meta name='description' content='other'>")).article.id))
        #expect(hashed.count == 13)
        let bad = try read(page("<meta name='galley:id' content='not an id'>"))
        #expect(bad.article.id == hashed)
        #expect(bad.warnings.count == 1)
    }

    @Test func pageChromeIsDroppedOutsideTheArticleButKeptInside() throws {
        let noContainer = try read("""
        <html><head><title>T</title></head><body>
        <header><p>Site header</p></header><nav><ul><li>Menu</li></ul></nav>
        <p>Body text.</p>
        <aside><p>Sidebar</p></aside><footer><p>Copyright</p></footer>
        </body></html>
        """)
        #expect(noContainer.article.body == [.paragraph([.text("Body text.")])])

        let article = try read("""
        <html><head><title>T</title></head><body>
        <nav>Menu</nav>
        <main><p>Main only.</p>
        <article><header><p>Byline</p></header><p>Article text.</p><aside><p>Pull quote</p></aside></article>
        </main>
        </body></html>
        """)
        #expect(article.article.body.paragraphs.map(\.plainText) == ["Byline", "Article text.", "Pull quote"])
    }

    @Test func postscriptsAndRelatedBlocks() throws {
        let article = try read("""
        <html><head><title>T</title></head><body><article><p>Text.</p>
        <div class="ps"><h3>P.-S.</h3><p>Written in June.</p></div></article>
        <div class="related"><h2>Labour</h2><ul><li><a href="/a1">Warehouse heat</a></li><li>Night shift</li></ul></div>
        </body></html>
        """).article
        #expect(article.body == [.paragraph([.text("Text.")])])
        #expect(article.notes == [Note(label: "P.-S.", content: [.paragraph([.text("Written in June.")])])])
        #expect(article.related == [RelatedGroup(topic: "Labour", articles: [
            RelatedArticle(title: "Warehouse heat", url: "/a1"), RelatedArticle(title: "Night shift"),
        ])])
    }

    @Test func theLongestArticleElementIsChosen() throws {
        let body = try read("""
        <html><head><title>T</title></head><body>
        <article><p>Teaser.</p></article>
        <article><p>The real article, which is much longer than the teaser.</p></article>
        </body></html>
        """).article.body
        #expect(body == [.paragraph([.text("The real article, which is much longer than the teaser.")])])
    }

    @Test func aSecondLevelOneHeadingWarns() throws {
        let result = try read("<h1>Title</h1>\n<p>x</p>\n<h1>Another</h1>")
        #expect(result.article.body.last == .heading(level: 2, content: [.text("Another")]))
        #expect(result.warnings.map(\.line) == [3])
    }

    @Test func greekAndCyrillicRoundTrip() throws {
        let article = try read("""
        <html lang="el"><head><meta charset="windows-1253"><title>Η απεργία συνεχίζεται</title></head>
        <body><p>Ελληνικά και <em>русский текст</em>: «Независимые профсоюзы».</p></body></html>
        """).article
        #expect(article.title == "Η απεργία συνεχίζεται")
        #expect(article.language == "el")
        #expect(article.body == [.paragraph([
            .text("Ελληνικά και "), .emphasis([.text("русский текст")]), .text(": «Независимые профсоюзы»."),
        ])])
    }
}
