import Foundation
import GalleyLayout
@testable import GalleyPDF

/// The two-page article most tests finish: headings, a paragraph with a link, a figure, a paragraph across the
/// page break, a table and a note, between running heads, rules and folios.
enum Samples {
    /// The article's structure; node 13 is an empty paragraph, which the finisher leaves out.
    static let structure: [StructureNode] = [
        StructureNode(.document, parent: -1),
        StructureNode(.article, parent: 0, title: "A sample"),
        StructureNode(.heading1, parent: 1),
        StructureNode(.paragraph, parent: 1),
        StructureNode(.link, parent: 3, alt: "Example site"),
        StructureNode(.figure, parent: 1, alt: "A red square"),
        StructureNode(.heading2, parent: 1),
        StructureNode(.paragraph, parent: 1, language: "fr"),
        StructureNode(.table, parent: 1),
        StructureNode(.tableRow, parent: 8),
        StructureNode(.tableHeaderCell, parent: 9, scope: .column),
        StructureNode(.tableCell, parent: 9),
        StructureNode(.note, parent: 1, identifier: "fn1"),
        StructureNode(.paragraph, parent: 1),
    ]

    /// The roles the finished tree has, in reading order.
    static let roles = ["Document", " Art", "  H1", "  P", "   Link", "  Figure", "  H2", "  P", "  Table", "   TR", "    TH", "    TD", "  Note"]

    /// The article's metadata.
    static let metadata = DocumentMetadata(title: "A sample – with “quotes” & <marks>", author: "Gin Vola, Elias Vola",
                                           subject: "How tagging works", keywords: "PDF, tags", creator: "Galley test",
                                           creationDate: "2025-06-22T10:30:00+02:00", language: "en-GB")

    /// Draws the article with cairo.
    static func draw() -> SampleDocument {
        let document = SampleDocument(structure: structure)
        furniture(document, folio: "1")
        document.text("A sample", x: 40, y: 80, node: 2)
        document.text("See ", x: 40, y: 110, node: 3)
        document.text("the example", x: 62, y: 110, node: 4)
        document.text(" for more.", x: 122, y: 110, node: 3)
        document.link("https://example.org/", rect: (62, 100, 60, 12), node: 4)
        document.image(x: 40, y: 130, node: 5)
        document.text("A section", x: 40, y: 200, node: 6)
        document.text("Un paragraphe qui continue", x: 40, y: 220, node: 7)
        document.newPage()
        furniture(document, folio: "2")
        document.text("sur la page suivante.", x: 40, y: 80, node: 7)
        document.text("Header", x: 40, y: 110, node: 10)
        document.rule(x: 40, y: 112, width: 100, height: 0.5)
        document.text("Cell", x: 40, y: 125, node: 11)
        document.text("1. A note.", x: 40, y: 560, node: 12)
        return document
    }

    /// Finishes the drawn article with `options`.
    static func finished(_ options: PDFFinishOptions = PDFFinishOptions(producer: "Galley test"),
                         backend: PDFFinisher.Backend = .automatic) throws -> Data {
        let document = draw()
        let pdf = document.finish()
        return try PDFFinisher.finish(pdf, structure: structure, marks: document.marks, annotations: document.annotations,
                                      metadata: metadata, options: options, backend: backend)
    }

    private static func furniture(_ document: SampleDocument, folio: String) {
        document.text("Running head", x: 40, y: 30, node: nil)
        document.rule(x: 40, y: 35, width: 340, height: 0.5)
        document.text(folio, x: 200, y: 575, node: nil)
    }
}
