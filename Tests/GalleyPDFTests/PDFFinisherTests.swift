import CDeflateLevel
import Foundation
import GalleyLayout
@testable import GalleyPDF
import Testing

/// Finishes PDFs that cairo drew and reads them back with tools that share no code with the finisher, once with
/// the native store (cairo's files) and once with qpdf (any other file).
@Suite struct PDFFinisherTests {
    static let backends: [PDFFinisher.Backend] = [.automatic, .qpdf]

    @Test(arguments: backends)
    func theFinishedSamplePassesTheStructureCheckInReadingOrder(_ backend: PDFFinisher.Backend) async throws {
        let file = try PDFTools.file(try Samples.finished(backend: backend))
        let verdict = try await PDFTools.check(file)
        #expect(verdict.status == 0, "\(verdict.stderr)")
        #expect(PDFTools.roles(verdict.report) == Samples.roles)
    }

    @Test(arguments: backends)
    func qpdfFindsNothingWrongAndPopplerSeesATaggedPDF(_ backend: PDFFinisher.Backend) async throws {
        let file = try PDFTools.file(try Samples.finished(backend: backend))
        let check = try await PDFTools.run("/usr/bin/qpdf", ["--check", file.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
        #expect(!check.stdout.contains("WARNING") && check.stderr.isEmpty, "\(check.stdout)\(check.stderr)")
        let info = try await PDFTools.run("/usr/bin/pdfinfo", [file.path]).stdout
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("PDF version:     1.7"))
        #expect(info.contains("Title:           A sample – with “quotes” & <marks>"))
        #expect(info.contains("Author:          Gin Vola, Elias Vola"))
        #expect(info.contains("Producer:        Galley test"))
        let text = try await PDFTools.run("/usr/bin/pdftotext", [file.path, "-"]).stdout
        #expect(text.contains("See the example for more.") && text.contains("sur la page suivante."), "\(text)")
    }

    @Test(arguments: backends)
    func finishingTwiceGivesTheSameBytes(_ backend: PDFFinisher.Backend) async throws {
        #expect(try Samples.finished(backend: backend) == Samples.finished(backend: backend))
    }

    @Test func cairosFilesTakeTheNativePathAndOthersTakeQpdfs() async throws {
        let cairo = Samples.draw().finish()
        #expect(throws: Never.self) { try NativePDF(cairo) }
        // qpdf's own output (object streams, an xref stream) is not a file the native reader knows.
        let folder = try PDFTools.temporaryFolder()
        let original = folder.appendingPathComponent("cairo.pdf"), converted = folder.appendingPathComponent("qpdf.pdf")
        try cairo.write(to: original)
        _ = try await PDFTools.run("/usr/bin/qpdf", ["--object-streams=generate", original.path, converted.path])
        let rewritten = try Data(contentsOf: converted)
        #expect(throws: NativePDF.Unsupported.self) { try NativePDF(rewritten) }
        let document = Samples.draw()
        _ = document.finish()
        let finished = try PDFFinisher.finish(rewritten, structure: Samples.structure, marks: document.marks,
                                              annotations: document.annotations, metadata: Samples.metadata, options: PDFFinishOptions())
        let verdict = try await PDFTools.check(try PDFTools.file(finished))
        #expect(verdict.status == 0, "\(verdict.stderr)")
    }

    @Test func theNativeWriterPacksEveryObjectButStreamsIntoObjectStreamsBehindAnXrefStream() async throws {
        let finished = try Samples.finished()
        let file = try PDFTools.file(finished)
        // The last startxref leads to a cross-reference stream, not a table.
        let bytes = [UInt8](finished)
        let tail = String(decoding: bytes.suffix(64), as: UTF8.self)
        let digits = tail.components(separatedBy: "startxref").last?.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let xref = try #require(Int(digits), "\(tail)")
        #expect(String(decoding: bytes[xref..<min(bytes.count, xref + 40)], as: UTF8.self).contains("<</Type /XRef"))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\nxref\n"))
        // qpdf says where each object is; pikepdf which objects are streams and which are structure elements.
        let table = try await PDFTools.run("/usr/bin/qpdf", ["--show-xref", file.path]).stdout
        var compressed = Set<Int>(), uncompressed = Set<Int>()
        for line in table.split(separator: "\n") {
            guard let number = Int(line.prefix { $0 != "/" }) else { continue }
            if line.contains("compressed; stream") { compressed.insert(number) } else if line.contains("uncompressed") { uncompressed.insert(number) }
        }
        let listing = try await PDFTools.python("""
        import sys, pikepdf
        pdf = pikepdf.open(sys.argv[1])
        for obj in pdf.objects:
            # Scalars (cairo's /Length objects) come back as Python values, with no object number to ask for.
            if isinstance(obj, pikepdf.Object) and obj.is_indirect:
                kind = 'stream' if isinstance(obj, pikepdf.Stream) else ('elem' if isinstance(obj, pikepdf.Dictionary) and obj.get('/Type') == '/StructElem' else 'other')
                print(obj.objgen[0], kind)
        """, [file.path])
        #expect(listing.status == 0, "\(listing.stderr)")
        var streams = Set<Int>(), elements = Set<Int>()
        for line in listing.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let number = Int(parts[0]) else { continue }
            if parts[1] == "stream" { streams.insert(number) } else if parts[1] == "elem" { elements.insert(number) }
        }
        #expect(!elements.isEmpty && elements.isSubset(of: compressed), "\(elements.subtracting(compressed).sorted())")
        #expect(streams.isDisjoint(with: compressed) && streams.isSubset(of: uncompressed))
        #expect(compressed.count > streams.count, "\(table)")
    }

    @Test func streamsCairoLeftUncompressedAreCompressedOnce() async throws {
        // cairo at zlib level 0 writes stored blocks; the finish compresses every such stream at its own level.
        let previous = galley_deflate_level_get()
        galley_deflate_level_set(0)
        let document = Samples.draw()
        let stored = document.finish()
        galley_deflate_level_set(previous)
        let compressed = Samples.draw().finish()
        #expect(stored.count > compressed.count + 2_000, "cairo compressed at level 0: \(stored.count) against \(compressed.count)")
        let finished = try PDFFinisher.finish(stored, structure: Samples.structure, marks: document.marks, annotations: document.annotations,
                                              metadata: Samples.metadata, options: PDFFinishOptions(zlibLevel: 6))
        #expect(finished.count < compressed.count + 2_000, "finished \(finished.count), cairo compressed \(compressed.count)")
        let file = try PDFTools.file(finished)
        #expect(try await PDFTools.check(file).status == 0)
        let check = try await PDFTools.run("/usr/bin/qpdf", ["--check", file.path])
        #expect(check.status == 0 && !check.stdout.contains("WARNING"), "\(check.stdout)")
    }

    @Test func aStreamReadButLeftAsItWasIsStillCompressed() throws {
        // The finish reads some streams without replacing them (a font program harfbuzz cannot make smaller): the
        // stored blocks cairo wrote must be compressed all the same, as an untouched stream's are.
        let previous = galley_deflate_level_get()
        galley_deflate_level_set(0)
        let stored = Samples.draw().finish()
        galley_deflate_level_set(previous)
        let untouched = try NativePDF(stored)
        let read = try NativePDF(stored)
        var streams = 0
        read.forEachStream(mentioning: "/Length") { _ in streams += 1 }
        #expect(streams > 3)
        let written = (untouched: try untouched.write(), read: try read.write())
        #expect(written.untouched.count < stored.count - 2_000)
        #expect(written.read.count < written.untouched.count + 500, "read \(written.read.count), untouched \(written.untouched.count)")
    }

    @Test func finishingOnSeveralThreadsGivesTheBytesOfOne() async throws {
        // Pages are rewritten and streams compressed side by side; the file must not show how many threads did it.
        let previous = galley_deflate_level_get()
        galley_deflate_level_set(0)
        let document = Samples.draw()
        galley_deflate_level_set(previous)
        let stored = document.finish()
        func finished(threads: Int) throws -> Data {
            try PDFFinisher.finish(stored, structure: Samples.structure, marks: document.marks, annotations: document.annotations,
                                   metadata: Samples.metadata, options: PDFFinishOptions(zlibLevel: 1, threads: threads))
        }
        let one = try finished(threads: 1)
        for threads in [2, 3, 8] {
            #expect(try finished(threads: threads) == one, "\(threads) threads")
        }
        let file = try PDFTools.file(one)
        #expect(try await PDFTools.check(file).status == 0)
    }
}
