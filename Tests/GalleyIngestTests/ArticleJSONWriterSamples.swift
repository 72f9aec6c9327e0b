import GalleyModel

/// Hand-built articles for the writer's tests.
enum ArticleJSONWriterSamples {
    /// An article with every field set and every kind of block and inline, nested where the model allows.
    static let everything = Article(
        id: "a-1", title: "Everything",
        deck: [.text("A deck with "), .emphasis([.text("stress")]), .text(" and a call"), .footnoteReference("n1")],
        kicker: "Tests", authors: ["A. Writer", "B. Reader"], date: "2025-10-01", language: "el",
        sourceURL: "https://example.org/articles/1", topics: ["Testing", "Round trips"],
        body: [
            .heading(level: 2, content: [.text("Section")]),
            .heading(level: 3, content: [.text("Sub"), .strong([.text("section")])]),
            .paragraph([
                .text("Plain, "), .text("split text, "), .emphasis([.text("em "), .strong([.text("strong in em")])]),
                .link(url: "https://example.org/a?b=c&d=e", content: [.text("a link "), .code("with code")]),
                .code("x < y"), .lineBreak, .language(tag: "el", content: [.text("Ελληνικά")]),
                .superscript([.text("2")]), .subscript([.text("i")]), .strikethrough([.text("gone")]),
                .footnoteReference("n1"), .text(""), .strong([]),
            ]),
            .paragraph([.text("Quotes \" and backslashes \\ a tab\t, a slash / and a right-to-left mark \u{200F}.")]),
            .paragraph([]),
            .quote(content: [.paragraph([.text("Quoted.")]), .quote(content: [.paragraph([.text("Inner.")])], attribution: nil)],
                   attribution: "Someone"),
            .list(ordered: true, items: [
                [.paragraph([.text("one paragraph")])],
                [.paragraph([.text("two")]), .paragraph([.text("paragraphs")])],
                [.paragraph([.text("nested:")]), .list(ordered: false, items: [[.paragraph([.text("inner")])], []])],
                [],
                [.heading(level: 3, content: [.text("a heading alone")])],
                [.paragraph([])],
            ]),
            .list(ordered: false, items: []),
            .note(label: "Box", content: [.paragraph([.text("Boxed.")])]),
            .note(label: nil, content: []),
            .rule,
            .figure(Figure(source: "images/a.jpg", alt: "An image", caption: [.text("Caption "), .emphasis([.text("here")])],
                           credit: "Photo: someone")),
            .figure(Figure(source: "https://example.org/b.png")),
            .figure(Figure(source: "c.svg", alt: "", caption: [], credit: nil)),
            .table(Table(header: [[TableCell([.text("Name")]), TableCell([.strong([.text("Count")])])]],
                         rows: [[TableCell([.text("a")]), TableCell([.text("1")])], [TableCell([]), TableCell([.text("2"), .footnoteReference("n2")])]],
                         alignments: [.left, .right, .center], caption: [.text("A table")])),
            .table(Table(rows: [])),
            .preformatted("let a = \"b\\n\"\n\treturn a", language: "swift"),
            .preformatted("", language: nil),
        ],
        signOff: "1 October 2025",
        translation: Translation(translator: "T. Lator", from: "Origin Weekly", sourceURL: "https://example.org/original"),
        notes: [Note(label: "P.S.", content: [.paragraph([.text("After."), .footnoteReference("n2")])]), Note(label: "", content: [])],
        related: [RelatedGroup(topic: "More", articles: [RelatedArticle(title: "Other", url: "https://example.org/2"),
                                                         RelatedArticle(title: "No address")]),
                  RelatedGroup(topic: "Empty", articles: [])],
        publisherFooter: "Reprint freely.",
        footnotes: [Footnote(id: "n1", content: [.paragraph([.text("First note.")])]),
                    Footnote(id: "n2", content: [.paragraph([.text("Second, with a "), .footnoteReference("n1")]), .rule])],
        languageDeclared: true, slug: "everything", postType: "page")
}
