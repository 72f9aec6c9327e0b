import Foundation
import GalleyLayout
@testable import GalleyPDF
import Testing

/// Dates, XMP and page labels.
@Suite struct MetadataTests {
    private func forms(_ iso8601: String) -> [String]? {
        PDFDate(iso8601: iso8601).map { [$0.pdf, $0.xmp] }
    }

    @Test func isoDatesBecomeMatchingPDFAndXMPDates() async {
        #expect(forms("2025-06-22T10:30:00+02:00") == ["D:20250622103000+02'00'", "2025-06-22T10:30:00+02:00"])
        #expect(forms("2025-06-22T00:00:00Z") == ["D:20250622000000Z", "2025-06-22T00:00:00Z"])
        #expect(PDFDate(iso8601: "2025-06-22T00:00:00.123Z")?.pdf == "D:20250622000000Z")
        #expect(forms("2025-06-22") == ["D:20250622", "2025-06-22"])
        #expect(forms("2025-06-22T10:30") == ["D:20250622103000", "2025-06-22T10:30:00"])
        for bad in ["", "June 2025", "2025-13-01", "2025-06-22T25:00", "2025-06-22T10:30:00Zjunk"] {
            #expect(PDFDate(iso8601: bad) == nil, "\(bad)")
        }
    }

    @Test func theInformationDictionaryAndTheXMPSayTheSame() async throws {
        let file = try PDFTools.file(try Samples.finished())
        let info = try await PDFTools.run("/usr/bin/pdfinfo", ["-isodates", file.path]).stdout
        #expect(info.contains("CreationDate:    2025-06-22T10:30:00+02"))
        #expect(info.contains("Keywords:        PDF, tags"))
        let xmp = try await PDFTools.run("/usr/bin/pdfinfo", ["-meta", file.path]).stdout
        #expect(xmp.contains("<dc:creator><rdf:Seq><rdf:li>Gin Vola, Elias Vola</rdf:li></rdf:Seq></dc:creator>"))
        #expect(xmp.contains("<xmp:CreateDate>2025-06-22T10:30:00+02:00</xmp:CreateDate>"))
        #expect(xmp.contains("A sample – with “quotes” &amp; &lt;marks&gt;"))
    }

    @Test func withoutADateNeitherSaysOne() async throws {
        var metadata = Samples.metadata
        metadata.creationDate = nil
        let document = Samples.draw()
        let pdf = try PDFFinisher.finish(document.finish(), structure: Samples.structure, marks: document.marks,
                                         annotations: document.annotations, metadata: metadata, options: PDFFinishOptions())
        let file = try PDFTools.file(pdf)
        #expect(!(try await PDFTools.run("/usr/bin/pdfinfo", [file.path]).stdout.contains("CreationDate")))
        #expect(try await PDFTools.check(file).status == 0)
    }

    @Test func pageLabelsAreWritten() async throws {
        let labels = [PageLabelRange(firstPage: 1, style: .lowerRoman, prefix: "p. ", firstNumber: 4)]
        let file = try PDFTools.file(try Samples.finished(PDFFinishOptions(pageLabels: labels)))
        let result = try await PDFTools.python("import sys, pikepdf; pdf = pikepdf.open(sys.argv[1]); print([p.label for p in pdf.pages])", [file.path])
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "['1', 'p. iv']", "\(result.stderr)")
    }

    @Test func whatIsNotAPDFIsAThrownErrorWithQpdfsWords() async {
        do {
            _ = try PDFFinisher.finish(Data("%PDF-1.5\ngarbage".utf8), structure: Samples.structure, marks: [], annotations: [],
                                       metadata: Samples.metadata, options: PDFFinishOptions())
            Issue.record("finished garbage")
        } catch let error as PDFFinishError {
            guard case .qpdf(let message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(!message.isEmpty)
        } catch {
            Issue.record("\(error)")
        }
    }
}
