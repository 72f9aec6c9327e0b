import Foundation
import GalleyExport
import GalleyPDF
import GalleyRender
import Testing

/// The finish subsets cairo's CID-keyed CFF programs again (`NativePDF.compactFontPrograms`): every glyph must keep
/// its number, outline and width, and the pages must look the same, read by fontTools and poppler against the
/// programs cairo wrote.
@Suite struct FontProgramTests {
    /// For each CID-keyed CFF program, by font name without its subset tag: size, glyph count, and a digest of every
    /// glyph's outline (drawn by fontTools) and width, in glyph order.
    static let programs = """
    import hashlib, io, json, sys, pikepdf
    from fontTools.cffLib import CFFFontSet
    from fontTools.pens.recordingPen import RecordingPen
    pdf = pikepdf.open(sys.argv[1])
    found = {}
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/FontDescriptor" or "/FontFile3" not in obj:
            continue
        if obj.FontFile3.get("/Subtype") != "/CIDFontType0C":
            continue
        data = obj.FontFile3.read_bytes()
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
        top = cff[cff.fontNames[0]]
        digest = hashlib.sha256()
        for name in top.charset:
            glyph = top.CharStrings[name]
            pen = RecordingPen()
            glyph.draw(pen)
            digest.update(repr((glyph.width, pen.value)).encode())
        found[str(obj.FontName).split("+")[-1]] = {"size": len(data), "glyphs": len(top.charset), "outlines": digest.hexdigest()}
    print(json.dumps(found, sort_keys=True))
    """

    @Test(arguments: ["ja-kaigo-rodo.json", "zh-kuaidi-qishou.json"])
    func cjkProgramsShrinkAndKeepEveryGlyph(example: String) async throws {
        let sheet = try GalleyStyleLoader.sheet()
        let renderer = try ArticleRenderer(sheet: sheet, resources: GalleyResources(root: Workspace.root))
        let path = Workspace.example(example)
        var document = renderer.typeset(try ArticleSource.read(path), source: path).document
        let finished = try PDFRenderer().render(document)
        // Without a structure cairo's file is delivered as drawn: its font programs are the ones to compare with.
        document.structure = []
        let drawn = try PDFRenderer().render(document)
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let finishedFile = folder.appendingPathComponent("finished.pdf")
        let drawnFile = folder.appendingPathComponent("drawn.pdf")
        try finished.write(to: finishedFile)
        try drawn.write(to: drawnFile)

        let readFinished = try await Workspace.run("/usr/bin/python3", ["-c", Self.programs, finishedFile.path])
        let readDrawn = try await Workspace.run("/usr/bin/python3", ["-c", Self.programs, drawnFile.path])
        #expect(readFinished.status == 0 && readDrawn.status == 0, "\(readFinished.text) \(readDrawn.text)")
        let after = try JSONSerialization.jsonObject(with: Data(readFinished.text.utf8)) as? [String: [String: Any]] ?? [:]
        let before = try JSONSerialization.jsonObject(with: Data(readDrawn.text.utf8)) as? [String: [String: Any]] ?? [:]
        #expect(!before.isEmpty && Set(after.keys) == Set(before.keys), "fonts: \(before.keys.sorted()) → \(after.keys.sorted())")
        for (font, original) in before {
            let compacted = after[font] ?? [:]
            #expect(compacted["glyphs"] as? Int == original["glyphs"] as? Int, "\(font): glyph count")
            #expect(compacted["outlines"] as? String == original["outlines"] as? String, "\(font): an outline or width changed")
            #expect((compacted["size"] as? Int ?? .max) <= original["size"] as? Int ?? 0, "\(font): grew")
        }
        // The serif face is the one cairo leaves with every subroutine: a quarter of it is enough.
        let serif = try #require(before.keys.first { $0.hasPrefix("NotoSerifCJK") })
        let ratio = Double(after[serif]?["size"] as? Int ?? 0) / Double(before[serif]?["size"] as? Int ?? 1)
        #expect(ratio < 0.4, "\(serif): \(after[serif]?["size"] ?? 0) of \(before[serif]?["size"] ?? 0) bytes")

        // The pages look the same, pixel for pixel.
        let pages = try await Workspace.run("/usr/bin/pdftoppm", ["-r", "60", finishedFile.path, folder.appendingPathComponent("after").path])
        let pagesBefore = try await Workspace.run("/usr/bin/pdftoppm", ["-r", "60", drawnFile.path, folder.appendingPathComponent("before").path])
        #expect(pages.status == 0 && pagesBefore.status == 0)
        let images = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("after") }.sorted()
        #expect(images.count == document.pages.count)
        for image in images {
            let afterImage = try Data(contentsOf: folder.appendingPathComponent(image))
            let beforeImage = try Data(contentsOf: folder.appendingPathComponent(image.replacingOccurrences(of: "after", with: "before")))
            #expect(afterImage == beforeImage, "\(image) differs")
        }
    }
}
