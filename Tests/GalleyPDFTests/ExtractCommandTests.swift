import Foundation
import GalleyPDF
import Testing

/// `galley extract` gives back the article a PDF/A-3b file carries, and says so when a PDF carries none.
@Suite struct ExtractCommandTests {
    private let galley = PDFTools.root.appendingPathComponent(".build/debug/galley").path
    private let article = Data(#"{"id": "7", "title": "A sample", "blocks": []}"#.utf8)

    @Test func theEmbeddedArticleComesBackByteForByte() async throws {
        let source = EmbeddedSource(fileName: "a7.json", mimeType: "application/json", data: article, description: "Source article")
        let pdf = try PDFTools.file(try Samples.finished(PDFFinishOptions(standard: .a3b, embeddedSources: [source])))
        let output = pdf.deletingLastPathComponent().appendingPathComponent("back/a7.json")
        let result = try await PDFTools.run(galley, ["extract", pdf.path, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: output) == article)
        let toStandardOutput = try await PDFTools.run(galley, ["extract", pdf.path])
        #expect(toStandardOutput.stdout == String(decoding: article, as: UTF8.self))
    }

    @Test func aPDFWithoutASourceIsNamedInTheError() async throws {
        let pdf = try PDFTools.file(try Samples.finished(PDFFinishOptions(standard: .a2b)), named: "plain.pdf")
        let result = try await PDFTools.run(galley, ["extract", pdf.path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(pdf.path) has no embedded source article\n")
    }
}
