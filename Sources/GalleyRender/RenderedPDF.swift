import Foundation

/// A drawn PDF file and what drawing it found wrong with its images.
public struct RenderedPDF: Sendable {
    /// The PDF file's bytes.
    public var data: Data
    /// Images that were not drawn as placed, each once, in the order they were met.
    public var imageProblems: [ImageProblem]
    /// For each page, the structure node of each marked-content id cairo gave it (id 0 first); empty when the
    /// document has no structure.
    public var marks: [[Int32]] = []
    /// For each page, the structure node (a `Link`) of each link annotation, in the page's `/Annots` order.
    public var annotations: [[Int32]] = []
}
