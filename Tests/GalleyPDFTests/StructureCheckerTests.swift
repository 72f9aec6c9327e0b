import Foundation
import Testing

/// scripts/pdf-structure-check.py fails each rule it checks: a finished sample is broken one way at a time with
/// pikepdf and the checker must name what was broken.
@Suite struct StructureCheckerTests {
    /// A way to break a finished PDF (Python run with `pdf` open and `element(role)` at hand) and the violation
    /// the checker must then report.
    struct Breakage: CustomTestStringConvertible, Sendable {
        var name: String
        var code: String
        var expected: String
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "untagged painting", code: "pdf.pages[0].contents_add(pikepdf.Stream(pdf, b'0 0 1 1 re f'))",
                 expected: "page 1: 1 painting operators are neither in referenced marked content nor in an Artifact"),
        Breakage(name: "an MCID referenced twice and one not at all",
                 code: "element('Figure').K = pikepdf.Array([element('H1').K[0]]); element('Figure').Pg = element('H1').Pg",
                 expected: "is referenced 2 times"),
        Breakage(name: "an unreferenced MCID",
                 code: "element('Figure').K = pikepdf.Array([])", expected: "is referenced by no structure element"),
        Breakage(name: "heading levels skip", code: "element('H2').S = pikepdf.Name('/H3')", expected: "heading levels skip: H3 follows H1"),
        Breakage(name: "a figure without alt text", code: "del element('Figure').Alt", expected: "a Figure has no /Alt"),
        Breakage(name: "a table without headers", code: "element('TH').S = pikepdf.Name('/TD')", expected: "a Table has no TH"),
        Breakage(name: "no language", code: "del pdf.Root.Lang", expected: "the catalog has no /Lang"),
        Breakage(name: "not marked", code: "pdf.Root.MarkInfo.Marked = False", expected: "/MarkInfo /Marked is not true"),
        Breakage(name: "no XMP", code: "del pdf.Root.Metadata", expected: "there is no XMP metadata stream"),
        Breakage(name: "XMP that does not parse", code: "pdf.Root.Metadata = pikepdf.Stream(pdf, b'<x:xmpmeta>')",
                 expected: "the XMP metadata does not parse"),
        Breakage(name: "a title that disagrees", code: "pdf.trailer.Info.Title = pikepdf.String('Other')", expected: "Title disagrees"),
        Breakage(name: "an author that disagrees", code: "pdf.trailer.Info.Author = pikepdf.String('Someone')", expected: "Author disagrees"),
        Breakage(name: "a producer that disagrees", code: "pdf.trailer.Info.Producer = pikepdf.String('cairo')", expected: "Producer disagrees"),
        Breakage(name: "a date that disagrees", code: "pdf.trailer.Info.CreationDate = pikepdf.String('D:20250622103000Z')",
                 expected: "CreationDate disagrees"),
        Breakage(name: "a link annotation outside a Link element",
                 code: "element('Link').K = pikepdf.Array([k for k in element('Link').K if not isinstance(k, pikepdf.Dictionary)])",
                 expected: "page 1: a link annotation is not in a Link element"),
        Breakage(name: "a wrong parent tree", code: "pdf.pages[1].StructParents = 0", expected: "the parent tree does not lead MCID"),
    ]

    @Test(arguments: breakages)
    func theCheckerNamesWhatWasBroken(_ breakage: Breakage) async throws {
        let folder = try PDFTools.temporaryFolder()
        let finished = folder.appendingPathComponent("finished.pdf"), broken = folder.appendingPathComponent("broken.pdf")
        try Samples.finished().write(to: finished)
        let result = try await PDFTools.python("""
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            def element(role):
                return next(o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get('/S') == pikepdf.Name('/' + role)
                            and o.get('/Type') == pikepdf.Name('/StructElem'))
            \(breakage.code)
            pdf.save(sys.argv[2], fix_metadata_version=False)
            """, [finished.path, broken.path])
        try #require(result.status == 0, "\(result.stderr)")
        let verdict = try await PDFTools.check(broken)
        #expect(verdict.status == 1)
        let violations = verdict.report["violations"] as? [String] ?? []
        #expect(violations.contains { $0.contains(breakage.expected) }, "\(violations)")
    }

    @Test func cairosOwnTaggingFailsForWhatItLacks() async throws {
        let document = Samples.draw()
        let verdict = try await PDFTools.check(try PDFTools.file(document.finish(), named: "cairo.pdf"))
        let violations = verdict.report["violations"] as? [String] ?? []
        #expect(verdict.status == 1)
        for expected in ["painting operators are neither", "the catalog has no /Lang", "/MarkInfo /Marked is not true", "there is no XMP"] {
            #expect(violations.contains { $0.contains(expected) }, "\(expected) not in \(violations)")
        }
    }
}
