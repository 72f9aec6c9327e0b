import Foundation

/// The images in a PDF as poppler's `pdfimages -list` sees them: what a test checks to know a figure was drawn.
public enum PDFImages {
    /// One line per image of the PDF at `url` (soft masks, a PNG's alpha, are not counted).
    public static func list(_ url: URL) async throws -> [String] {
        let data = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/pdfimages"), ["-list", url.path]).stdout
        // Two header lines, then one line per image; a PNG's alpha is a second line of type smask, not counted.
        return String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst(2)
            .filter { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).first == "image" }.map(String.init)
    }
}
