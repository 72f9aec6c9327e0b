import Foundation
import Testing

/// Checks figures (JPEG pass-through, PNG alpha, CMYK decoded, SVG as vectors, unreachable images) and tables.
@Suite struct FiguresAndTablesTests {
    private func render(_ path: String) async throws -> (pdf: String, result: Workspace.Result) {
        let output = try Workspace.temporaryFolder().appendingPathComponent("out.pdf").path
        let result = try await Workspace.galley(["render", path, "-o", output])
        return (output, result)
    }

    @Test func imagesAreEmbeddedAsTheirFormatAsks() async throws {
        let (pdf, result) = try await render(Workspace.example("energy-workers-in-numbers.json"))
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try await Workspace.poppler("pdfimages", ["-list", pdf]).split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        // Columns: page num type width height color comp bpc enc ...
        let summary = rows.map { "\($0[2]) \($0[3])x\($0[4]) \($0[5]) \($0[8])" }
        #expect(summary.contains("image 900x560 rgb jpeg"), "the RGB JPEG is passed through: \(summary)")
        #expect(summary.contains("smask 400x400 gray image"), "the PNG keeps its alpha: \(summary)")
        #expect(summary.contains("image 450x280 rgb image"), "the CMYK JPEG is decoded to RGB: \(summary)")
        #expect(rows.count == 4, "the SVG chart is drawn as vectors, not as an image: \(summary)")
    }

    @Test func unreachableImagesKeepTheirAltTextAndWarn() async throws {
        let article = Workspace.fixtures.appendingPathComponent("figures/unreachable-images.json").path
        let (pdf, result) = try await render(article)
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("warning:") }
        #expect(warnings.count == 3, "\(result.stderr)")
        #expect(result.stderr.contains("\(article): warning: figure 1 (missing.jpg): no such image file"))
        // The article names no site of its own, so no host is allowed and nothing is asked of example.org.
        #expect(result.stderr.contains("figure 2 (https://example.org/remote.png): https://example.org/remote.png could not be fetched: "
                                       + "the host example.org is not allowed (allowed: none; allow it with --allow-host example.org)"))
        #expect(result.stderr.contains("figure 3 (../../bad-layout.yaml): the path leaves the article's folder"))
        let text = try await Workspace.poppler("pdftotext", [pdf, "-"])
        for alt in ["A photograph that was never uploaded", "A picture on another server", "A path outside the article folder",
                    "The text after the figures is all there."] {
            #expect(TextFidelity.firstMissing([alt], in: text) == nil, "missing: \(alt)")
        }
    }

    @Test func aTableThatCrossesAPageRepeatsItsHeader() async throws {
        let (pdf, _) = try await render(Workspace.example("energy-workers-in-numbers.json"))
        let first = try await Workspace.poppler("pdftotext", ["-f", "1", "-l", "1", pdf, "-"])
        let second = try await Workspace.poppler("pdftotext", ["-f", "2", "-l", "2", pdf, "-"])
        #expect(first.contains("2030 (plan)") && first.contains("Coal mining"))
        #expect(second.contains("2030 (plan)"), "header not repeated on page 2")
        #expect(second.contains("Recycling") && !first.contains("Recycling"))
    }
}
