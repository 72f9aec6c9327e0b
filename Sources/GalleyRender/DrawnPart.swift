import GalleyLayout
import GalleyPDF

/// A run of a document's pages as cairo drew them, before the finish: the file's bytes and what the finish must know
/// of each page.
struct DrawnPart {
    /// cairo's PDF file.
    var bytes: [UInt8] = []
    /// For each page, the structure node of each marked-content id cairo gave it.
    var marks: [[Int32]] = []
    /// For each page, the structure node of each link annotation, in the page's `/Annots` order.
    var annotations: [[Int32]] = []
    /// For each page, the destination name (as the PDF writes it) of each link annotation that leads within the
    /// document, or nil for a link to a URI, in the same order.
    var internalLinks: [[String?]] = []
    /// The text Galley wrote itself, which follows each page's content (nil: cairo drew all of it).
    var text: PartText?
    /// Images that were not drawn as placed.
    var imageProblems: [ImageProblem] = []
    /// The part read into Galley's store, with its share of the finish done; nil until `PDFFinisher.prepare` has run.
    var prepared: PDFPreparedPart?
}
