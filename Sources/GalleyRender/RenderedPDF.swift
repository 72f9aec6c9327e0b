import Foundation

/// A drawn PDF file and what drawing it found wrong with its images.
public struct RenderedPDF: Sendable {
    /// The PDF file's bytes.
    public var data: Data
    /// Images that were not drawn as placed, each once, in the order they were met.
    public var imageProblems: [ImageProblem]
}
