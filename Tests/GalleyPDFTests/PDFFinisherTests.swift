import Foundation
import GalleyLayout
@testable import GalleyPDF
import Testing

/// Finishes PDFs that cairo drew and reads them back with tools that share no code with the finisher.
@Suite struct PDFFinisherTests {
    @Test func theFinishedSamplePassesTheStructureCheckInReadingOrder() throws {
        let file = try PDFTools.file(try Samples.finished())
        let verdict = try PDFTools.check(file)
        #expect(verdict.status == 0, "\(verdict.stderr)")
        #expect(PDFTools.roles(verdict.report) == Samples.roles)
    }

    @Test func qpdfFindsNothingWrongAndPopplerSeesATaggedPDF() throws {
        let file = try PDFTools.file(try Samples.finished())
        let check = try PDFTools.run("/usr/bin/qpdf", ["--check", file.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
        #expect(!check.stdout.contains("WARNING") && check.stderr.isEmpty, "\(check.stdout)\(check.stderr)")
        let info = try PDFTools.run("/usr/bin/pdfinfo", [file.path]).stdout
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("PDF version:     1.7"))
        #expect(info.contains("Title:           A sample – with “quotes” & <marks>"))
        #expect(info.contains("Author:          Gin Vola, Elias Vola"))
        #expect(info.contains("Producer:        Galley test"))
    }

    @Test func finishingTwiceGivesTheSameBytes() throws {
        #expect(try Samples.finished() == Samples.finished())
    }
}
