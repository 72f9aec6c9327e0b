import Foundation
import GalleyLayout
@testable import GalleyPDF
import Testing

/// PDF/UA-1, PDF/A-2b and PDF/A-3b as pikepdf reads them back.
@Suite struct StandardsTests {
    /// Facts pikepdf reads from a finished file, one `key=value` a line.
    private func facts(_ data: Data) async throws -> [String: String] {
        let file = try PDFTools.file(data)
        let result = try await PDFTools.python("""
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            root = pdf.Root
            meta = pdf.open_metadata()
            print("pdfaid", meta.get("pdfaid:part"), meta.get("pdfaid:conformance"))
            print("pdfuaid", meta.get("{http://www.aiim.org/pdfua/ns/id/}part"))
            print("title", meta.get("dc:title"))
            print("lang", root.get("/Lang"))
            print("display", root.ViewerPreferences.DisplayDocTitle)
            intents = root.get("/OutputIntents")
            print("intent", intents[0].S if intents else None, intents[0].DestOutputProfile.N if intents else None)
            print("interpolate", any("/Interpolate" in o for o in pdf.objects if isinstance(o, pikepdf.Stream)))
            print("af", [str(f.AFRelationship) for f in root.get("/AF", [])])
            print("attachments", sorted(pdf.attachments.keys()))
            for name, spec in pdf.attachments.items():
                print("file", name, spec.obj.EF.F.Subtype, spec.description, spec.get_file().read_bytes().decode())
            print("version", pdf.pdf_version)
            print("annotflags", [int(a.F) for p in pdf.pages for a in p.get("/Annots", [])])
            """, [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        var facts: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            facts[String(parts[0]), default: ""] += parts.count > 1 ? String(parts[1]) : ""
        }
        return facts
    }

    private let source = EmbeddedSource(fileName: "article.json", mimeType: "application/json",
                                         data: Data(#"{"id": "7", "title": "A sample"}"#.utf8), description: "The source article (Galley JSON)")

    @Test func everyFinishedPDFHasLanguageTitleDisplayAndPrintableLinks() async throws {
        let facts = try await facts(try Samples.finished())
        #expect(facts["lang"] == "en-GB")
        #expect(facts["display"] == "True")
        #expect(facts["title"] == "A sample – with “quotes” & <marks>")
        #expect(facts["pdfaid"] == "None None")
        #expect(facts["pdfuaid"] == "None")
        #expect(facts["version"] == "1.7")
        #expect(facts["annotflags"] == "[4]")
    }

    @Test func pdfUAIdentifiesItself() async throws {
        let facts = try await facts(try Samples.finished(PDFFinishOptions(standard: .ua1)))
        #expect(facts["pdfuaid"] == "1")
        #expect(facts["intent"] == "None None")
    }

    @Test(arguments: PDFFinisherTests.backends)
    func pdfA2bHasAnSRGBOutputIntentNoInterpolationAndNoEmbeddedFile(_ backend: PDFFinisher.Backend) async throws {
        let facts = try await facts(try Samples.finished(PDFFinishOptions(standard: .a2b, embeddedSources: [source]), backend: backend))
        #expect(facts["pdfaid"] == "2 B")
        #expect(facts["intent"] == "/GTS_PDFA1 3")
        #expect(facts["interpolate"] == "False")
        #expect(facts["attachments"] == "[]")
        // Without a standard, cairo's interpolation stays: the sample really has an image that asks for it.
        await #expect(try self.facts(try Samples.finished())["interpolate"] == "True")
    }

    @Test(arguments: PDFFinisherTests.backends)
    func pdfA3bCarriesTheSourceArticleAsAnAssociatedFile(_ backend: PDFFinisher.Backend) async throws {
        let pdf = try Samples.finished(PDFFinishOptions(standard: .a3b, embeddedSources: [source]), backend: backend)
        let facts = try await facts(pdf)
        #expect(facts["pdfaid"] == "3 B")
        #expect(facts["af"] == "['/Source']")
        #expect(facts["file"] == #"article.json /application/json The source article (Galley JSON) {"id": "7", "title": "A sample"}"#)
        #expect(try EmbeddedSourceReader.source(in: pdf) == source)
    }

    @Test func theReaderSaysWhenThereIsNoSourceOrNoPDF() async throws {
        #expect(throws: EmbeddedSourceReader.Failure.noSource(file: "a.pdf")) {
            try EmbeddedSourceReader.source(in: try Samples.finished(PDFFinishOptions(standard: .a2b, embeddedSources: [source])), file: "a.pdf")
        }
        do {
            _ = try EmbeddedSourceReader.source(in: Data("not a PDF".utf8), file: "b.pdf")
            Issue.record("read a source from text")
        } catch let failure as EmbeddedSourceReader.Failure {
            #expect(failure.description.hasPrefix("b.pdf cannot be read as a PDF"))
        }
    }

    @Test(arguments: PDFFinisherTests.backends)
    func everyStandardPassesTheStructureCheckAndQpdf(_ backend: PDFFinisher.Backend) async throws {
        for standard in PDFStandard.allCases {
            let file = try PDFTools.file(try Samples.finished(PDFFinishOptions(standard: standard, embeddedSources: [source]), backend: backend))
            let verdict = try await PDFTools.check(file)
            #expect(verdict.status == 0, "\(standard): \(verdict.stderr)")
            let check = try await PDFTools.run("/usr/bin/qpdf", ["--check", file.path])
            #expect(check.status == 0 && !check.stdout.contains("WARNING"), "\(standard): \(check.stdout)")
        }
    }

    @Test func aMissingProfileIsNamed() async throws {
        #expect(throws: PDFFinishError.unreadableFile(path: "/nonexistent/sRGB.icc", reason: "")) {
            do {
                _ = try Samples.finished(PDFFinishOptions(standard: .a2b, iccProfilePath: "/nonexistent/sRGB.icc"))
            } catch PDFFinishError.unreadableFile(let path, _) {
                throw PDFFinishError.unreadableFile(path: path, reason: "")
            }
        }
    }
}
