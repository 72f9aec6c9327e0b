import Foundation
import GalleyExport
import GalleyLayout
import GalleyPDF
import GalleyRender
import Testing

/// An issue drawn as two parts on two threads, each made ready on its thread and then joined (`DrawingParts`,
/// `PDFFinisher.prepare`, `finish(prepared:…)`), must be the document drawn whole: the same pages, text,
/// destinations, links, bookmarks and structure, read back by pikepdf and poppler; and the same bytes whatever the
/// threads.
@Suite struct IssueInPartsTests {
    /// Every page's links (where each leads), the named destinations and the outline (title, depth, target), with
    /// pages given by number: what a reader follows, whatever the objects are called.
    static let navigation = """
    import json, sys, pikepdf
    pdf = pikepdf.open(sys.argv[1])
    pages = {p.obj.objgen: i + 1 for i, p in enumerate(pdf.pages)}
    names = {}
    if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names:
        for name, target in pikepdf.NameTree(pdf.Root.Names.Dests).items():
            names[str(name)] = target
    def where(target):
        if isinstance(target, pikepdf.String):
            target = names[str(target)]
        if isinstance(target, pikepdf.Dictionary):
            target = target.D
        return [pages.get(target[0].objgen, -1)] + [str(item) for item in list(target)[1:]]
    links = []
    for number, page in enumerate(pdf.pages, 1):
        for annot in page.obj.get("/Annots", []):
            if "/Dest" in annot:
                links.append([number, "dest"] + where(annot.Dest))
            else:
                links.append([number, "uri", str(annot.A.URI)])
    outline = []
    def walk(items, depth):
        for item in items:
            outline.append([depth, str(item.title)] + where(item.destination))
            walk(item.children, depth + 1)
    with pdf.open_outline() as tree:
        walk(tree.root, 0)
    dests = {name: where(target) for name, target in names.items()}
    print(json.dumps({"pages": len(pdf.pages), "links": links, "outline": outline, "dests": dests}, sort_keys=True))
    """

    /// The example issue bound whole, in parts on two jobs and in parts on one; the example is shorter than an issue
    /// drawn in parts must be, so the threshold is lowered for it.
    private static func drawn() throws -> (document: PagedDocument, whole: Data, parts: Data, partsOnOneThread: Data) {
        let issue = Workspace.root.appendingPathComponent("Examples/issue.yaml").path
        func bind(parts: Bool, jobs: Int) throws -> IssueBundler.Result {
            var bundler = IssueBundler(resources: GalleyResources(root: Workspace.root), jobs: jobs)
            bundler.partsFromPageCount = parts ? 16 : nil
            return try bundler.bundle(issue, cache: nil)
        }
        let whole = try bind(parts: false, jobs: 2)
        return (whole.document, whole.data, try bind(parts: true, jobs: 2).data, try bind(parts: true, jobs: 1).data)
    }

    /// Reads `whole` and `parts` back and expects them to be the same document: qpdf finds nothing wrong with the
    /// joined file, every link, destination and bookmark leads to the same place, every page has the same text and
    /// the structure trees the same roles. Returns the joined file's navigation as `navigation` prints it.
    private static func expectSameDocument(whole: Data, parts: Data, pages: Int) async throws -> [String: Any] {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wholeFile = folder.appendingPathComponent("whole.pdf")
        let partsFile = folder.appendingPathComponent("parts.pdf")
        try whole.write(to: wholeFile)
        try parts.write(to: partsFile)
        let check = try await Workspace.run("/usr/bin/qpdf", ["--check", partsFile.path])
        #expect(check.status == 0, "qpdf --check: \(check.text)")
        let readWhole = try await Workspace.run("/usr/bin/python3", ["-c", navigation, wholeFile.path])
        let readParts = try await Workspace.run("/usr/bin/python3", ["-c", navigation, partsFile.path])
        #expect(readWhole.status == 0 && readParts.status == 0, "\(readWhole.text) \(readParts.text)")
        #expect(readParts.text == readWhole.text, "links, destinations or bookmarks differ: whole \(readWhole.text)\nparts \(readParts.text)")
        for page in 1...pages {
            let range = ["-f", "\(page)", "-l", "\(page)"]
            let textWhole = try await Workspace.poppler("pdftotext", range + [wholeFile.path, "-"])
            let textParts = try await Workspace.poppler("pdftotext", range + [partsFile.path, "-"])
            #expect(textParts == textWhole, "page \(page)'s text differs")
        }
        let wholeTree = try await TaggedPDFTests.check(wholeFile)
        let partsTree = try await TaggedPDFTests.check(partsFile)
        #expect(partsTree.status == 0 && partsTree.violations.isEmpty, "\(partsTree.violations)")
        #expect(partsTree.roles == wholeTree.roles)
        return try JSONSerialization.jsonObject(with: Data(readParts.text.utf8)) as? [String: Any] ?? [:]
    }

    /// The seed article, set with the default layout.
    private static func seedArticle() throws -> PagedDocument {
        let renderer = try ArticleRenderer(sheet: try GalleyStyleLoader.sheet(), resources: GalleyResources(root: Workspace.root))
        let path = Workspace.example("iv-9062.json")
        return renderer.typeset(try ArticleSource.read(path), source: path).document
    }

    @Test func anIssueDrawnInPartsIsTheIssueDrawnWhole() async throws {
        let (document, whole, parts, partsOnOneThread) = try Self.drawn()
        #expect(document.pages.count >= 16, "the example issue is too short to be drawn in parts (\(document.pages.count) pages)")
        #expect(parts == partsOnOneThread, "the parts' bytes depend on the threads: \(parts.count) and \(partsOnOneThread.count)")
        #expect(parts != whole, "the issue was not drawn in parts")
        let navigation = try await Self.expectSameDocument(whole: whole, parts: parts, pages: document.pages.count)
        // The contents page (in the first part) leads into articles in the second.
        let links = navigation["links"] as? [[Any]] ?? []
        let crossing = links.filter { link in
            (link[0] as? Int ?? 0) <= document.pages.count / 4 && link[1] as? String == "dest" && (link[2] as? Int ?? 0) > document.pages.count / 2
        }
        #expect(!crossing.isEmpty, "no link of the first pages leads past the middle: \(links)")
        #expect((navigation["outline"] as? [Any] ?? []).count == document.outline.count)
    }

    @Test func aShortDocumentIsDrawnWhole() throws {
        let document = try Self.seedArticle()
        #expect(document.pages.count >= 2 && document.pages.count < PDFRenderer.issuePartsFromPageCount)
        var inParts = PDFRenderer(finishing: PDFFinishOptions(threads: 2))
        inParts.partsFromPageCount = PDFRenderer.issuePartsFromPageCount
        let whole = PDFRenderer(finishing: PDFFinishOptions(threads: 2))
        #expect(try inParts.render(document) == whole.render(document))
    }

    @Test func anArticleCutAfterItsFirstPageKeepsEveryPageAndLink() async throws {
        // The smallest cut: a part of one page, whatever the threshold allows.
        let document = try Self.seedArticle()
        var inParts = PDFRenderer(finishing: PDFFinishOptions(threads: 2))
        inParts.partsFromPageCount = 2
        let parts = try inParts.render(document)
        let whole = try PDFRenderer(finishing: PDFFinishOptions(threads: 2)).render(document)
        #expect(parts != whole)
        _ = try await Self.expectSameDocument(whole: whole, parts: parts, pages: document.pages.count)
    }
}
