import Foundation
import GalleyExport
import GalleyLayout
import GalleyRender
import Testing

/// A tagged PDF's text is written by Galley (`TextOperatorWriter`) and its faces embedded once, subset by harfbuzz
/// from the font files (`TextFontEmbedder`); an untagged one is still drawn by cairo. Both are drawn here from the
/// same layout: they must read the same, place every word in the same place and look the same, and every font of
/// Galley's must be embedded with a ToUnicode map and hold the font file's own glyphs.
@Suite struct TextOperatorTests {
    /// The two files of `example`: Galley's text (tagged) and cairo's (the same pages, untagged).
    private static func drawBoth(_ example: String, in folder: URL) throws -> (galley: URL, cairo: URL, pages: Int) {
        let sheet = try GalleyStyleLoader.sheet()
        let renderer = try ArticleRenderer(sheet: sheet, resources: GalleyResources(root: Workspace.root))
        let path = Workspace.example(example)
        var document = renderer.typeset(try ArticleSource.read(path), source: path).document
        let galley = try PDFRenderer().render(document)
        document.structure = []
        let cairo = try PDFRenderer().render(document)
        let galleyFile = folder.appendingPathComponent("galley.pdf")
        let cairoFile = folder.appendingPathComponent("cairo.pdf")
        try galley.write(to: galleyFile)
        try cairo.write(to: cairoFile)
        return (galleyFile, cairoFile, document.pages.count)
    }

    /// Every word pdftotext finds on `page`, with its box.
    private static func words(_ file: URL, page: Int) async throws -> [(text: String, box: [Double])] {
        let html = try await Workspace.poppler("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", file.path, "-"])
        // Lines of the form <word xMin="…" yMin="…" xMax="…" yMax="…">text</word>, read as bytes: a word may begin with a
        // combining mark, which would make one character of the tag's `>`.
        return html.split(separator: "\n").compactMap { line in
            let bytes = Array(line.utf8)
            let end = Array("</word>".utf8)
            guard line.contains("<word "), let open = bytes.firstIndex(of: UInt8(ascii: ">")), bytes.count >= open + 1 + end.count,
                  Array(bytes.suffix(end.count)) == end else { return nil }
            let numbers = bytes[..<open].split(separator: UInt8(ascii: "\"")).enumerated().filter { $0.offset % 2 == 1 }
                .map { Double(String(decoding: $0.element, as: UTF8.self)) ?? .nan }
            return (String(decoding: bytes[(open + 1)..<(bytes.count - end.count)], as: UTF8.self), numbers)
        }
    }

    /// The pixels of a greyscale PNM file pdftoppm wrote, with its width.
    private static func pixels(_ file: URL) throws -> [UInt8] {
        let data = try [UInt8](Data(contentsOf: file))
        // "P5\n<width> <height>\n255\n": the pixels follow the third line.
        var newlines = 0
        var start = 0
        for (index, byte) in data.enumerated() where byte == 0x0A {
            newlines += 1
            if newlines == 3 {
                start = index + 1
                break
            }
        }
        return Array(data[start...])
    }

    @Test(arguments: ["iv-9062.json", "ar-ouvriers-al-mina.json", "ja-kaigo-rodo.json", "zh-kuaidi-qishou.json", "hi-asha-karyakarta.json",
                      "ru-profsoyuzy.json", "energy-workers-in-numbers.json"])
    func galleysTextReadsAndStandsAsCairos(example: String) async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (galley, cairo, pages) = try Self.drawBoth(example, in: folder)

        let check = try await Workspace.run("/usr/bin/qpdf", ["--check", galley.path])
        #expect(check.status == 0, "qpdf --check: \(check.text)")
        // Every font is a subset, embedded, with a ToUnicode map: Galley's (Type 0, TrueType or CFF outlines) and any
        // cairo made for the text it still draws (an SVG's).
        let fonts = try await Workspace.poppler("pdffonts", [galley.path]).split(separator: "\n").dropFirst(2)
        #expect(fonts.contains { $0.contains("CID TrueType") || $0.contains("CID Type 0C") })
        for font in fonts {
            let fields = font.split(separator: " ", omittingEmptySubsequences: true)
            #expect(fields.count >= 5 && fields[fields.count - 5] == "yes" && fields[fields.count - 4] == "yes" && fields[fields.count - 3] == "yes",
                    "not embedded, not a subset or without ToUnicode: \(font)")
        }

        for page in 1...pages {
            let range = ["-f", "\(page)", "-l", "\(page)"]
            let galleyText = try await Workspace.poppler("pdftotext", range + [galley.path, "-"])
            let cairoText = try await Workspace.poppler("pdftotext", range + [cairo.path, "-"])
            // The same lines in the same order. pdftotext puts a blank line between blocks by their gaps, which the
            // hundredths of a point cairo's positions drift by (below) can tip either way, so blank lines are not compared.
            #expect(galleyText.split(separator: "\n") == cairoText.split(separator: "\n"), "page \(page)'s text differs")
            #expect(galleyText.count > 100, "page \(page) has almost no text")
            // Each word in the same place, within a twentieth of a point: cairo drops text adjustments below three
            // thousandths of an em, so its words drift from the layout by up to about 0.025 pt along a line (a
            // justified line of the seed article ends 0.024 pt past the measure in cairo's file, 0.002 pt in Galley's).
            let galleyWords = try await Self.words(galley, page: page)
            let cairoWords = try await Self.words(cairo, page: page)
            // Extractors order right-to-left words by their own rules, so each word is matched with the nearest one of
            // the same text; pdftotext cuts a word where a mark's gap falls, which the same drift can move, so a word in
            // a hundred may be cut differently.
            var boxes: [String: [[Double]]] = [:]
            for word in cairoWords { boxes[word.text, default: []].append(word.box) }
            var unmatched = 0
            for word in galleyWords {
                guard let candidates = boxes[word.text] else {
                    unmatched += 1
                    continue
                }
                let shift = candidates.map { zip(word.box, $0).map { abs($0 - $1) }.max() ?? .infinity }.min() ?? .infinity
                #expect(shift < 0.05, "page \(page): \(word.text) moved by \(shift) pt")
            }
            #expect(galleyWords.count > 20 && abs(galleyWords.count - cairoWords.count) <= 2 && unmatched <= max(2, galleyWords.count / 100),
                    "page \(page): \(galleyWords.count) words against \(cairoWords.count), \(unmatched) not found")
        }

        // Every element's text is marked content of that element: poppler's structure text finds some for each one
        // but figures (their text is their alternative description). A marked-content id cairo had already used
        // (a link's takes one) would turn Galley's text into an artifact and leave its element empty.
        let structure = try await Workspace.poppler("pdfinfo", ["-struct-text", galley.path]).split(separator: "\n")
        for (index, line) in structure.enumerated() where line.trimmingCharacters(in: .whitespaces) == "\"\"" && index > 0 {
            #expect(structure[index - 1].trimmingCharacters(in: .whitespaces).hasPrefix("Figure"), "\(structure[index - 1]) has no text")
        }

        // The pages look the same: at 60 dpi, positions that differ by a thousandth of an em may move an edge pixel's
        // grey, no more.
        for (file, name) in [(galley, "galley"), (cairo, "cairo")] {
            let result = try await Workspace.run("/usr/bin/pdftoppm", ["-r", "60", "-gray", file.path, folder.appendingPathComponent(name).path])
            #expect(result.status == 0)
        }
        let images = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("galley-") }.sorted()
        #expect(images.count == pages)
        for image in images {
            let mine = try Self.pixels(folder.appendingPathComponent(image))
            let theirs = try Self.pixels(folder.appendingPathComponent(image.replacingOccurrences(of: "galley-", with: "cairo-")))
            #expect(mine.count == theirs.count)
            let differing = zip(mine, theirs).reduce(0) { $0 + (abs(Int($1.0) - Int($1.1)) > 64 ? 1 : 0) }
            #expect(Double(differing) < Double(mine.count) * 0.002, "\(image): \(differing) of \(mine.count) pixels differ")
        }
    }

    /// Writes a copy of `font` with an empty colour table (`COLR`), which makes Galley leave its runs to cairo.
    static let withColourTable = """
    import sys
    from fontTools.ttLib import TTFont, newTable
    font = TTFont(sys.argv[1])
    colr = newTable("COLR")
    colr.version = 0
    colr.ColorLayers = {}
    font["COLR"] = colr
    font.save(sys.argv[2])
    """

    /// A face Galley does not embed (colour glyphs, here) is drawn by cairo in its place, marked and with its text,
    /// beside the faces Galley writes: the page reads as it does when Galley writes every run.
    @Test func aFaceGalleyDeclinesIsDrawnByCairo() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = try GalleyStyleLoader.sheet()
        let renderer = try ArticleRenderer(sheet: sheet, resources: GalleyResources(root: Workspace.root))
        let path = Workspace.example("iv-9062.json")
        let document = renderer.typeset(try ArticleSource.read(path), source: path).document
        // The body face, copied with a colour table.
        var bodyFace: FontFace?
        for page in document.pages {
            for item in page.items {
                if case .glyphs(let run, _) = item.item, run.face.postScriptName == "NotoSerif-Regular" { bodyFace = run.face }
            }
        }
        let original = try #require(bodyFace)
        let copy = folder.appendingPathComponent("NotoSerif-Colour.ttf").path
        let made = try await Workspace.run("/usr/bin/python3", ["-c", Self.withColourTable, original.file, copy])
        #expect(made.status == 0, "\(made.text)")
        var mixed = document
        var moved = 0
        for page in mixed.pages.indices {
            for index in mixed.pages[page].items.indices {
                guard case .glyphs(var run, let color) = mixed.pages[page].items[index].item, run.face == original else { continue }
                run.face = FontFace(file: copy, index: 0, postScriptName: original.postScriptName)
                mixed.pages[page].items[index].item = .glyphs(run, color: color)
                moved += 1
            }
        }
        #expect(moved > 20)

        let allGalley = folder.appendingPathComponent("galley.pdf")
        let partlyCairo = folder.appendingPathComponent("mixed.pdf")
        try PDFRenderer().render(document).write(to: allGalley)
        try PDFRenderer().render(mixed).write(to: partlyCairo)
        let check = try await Workspace.run("/usr/bin/qpdf", ["--check", partlyCairo.path])
        #expect(check.status == 0, "qpdf --check: \(check.text)")
        let fonts = try await Workspace.poppler("pdffonts", [partlyCairo.path])
        // cairo's subset of the copy (its own name, no "Galley" CID font for it) beside Galley's fonts for the rest.
        let body = fonts.split(separator: "\n").filter { $0.contains("NotoSerif-Regular") }
        #expect(body.contains { $0.contains("TrueType") && $0.contains("WinAnsi") }, "cairo's subset of the copy is missing: \(fonts)")
        #expect(fonts.contains("NotoSans-Bold") && fonts.contains("CID TrueType"), "\(fonts)")
        for page in 1...document.pages.count {
            let range = ["-f", "\(page)", "-l", "\(page)"]
            let expected = try await Workspace.poppler("pdftotext", range + [allGalley.path, "-"])
            let text = try await Workspace.poppler("pdftotext", range + [partlyCairo.path, "-"])
            #expect(text.split(separator: "\n") == expected.split(separator: "\n"), "page \(page)'s text differs")
        }
        // The structure tree has the same elements, and the runs cairo drew are marked content of theirs. poppler's
        // `-struct-text` stops reading an element at an ActualText span inside which cairo changes fonts, as cairo
        // does for a ligature of its second subset (showing the ligature's own character), so each element's text
        // read from the mixed file must begin the text read from Galley's, and be empty only where that is.
        // Annotations are listed by object number, which differs between the two files.
        let tagged = try await Workspace.poppler("pdfinfo", ["-struct-text", partlyCairo.path]).split(separator: "\n").filter { !$0.contains("Object ") }
        let taggedAll = try await Workspace.poppler("pdfinfo", ["-struct-text", allGalley.path]).split(separator: "\n").filter { !$0.contains("Object ") }
        #expect(tagged.count == taggedAll.count)
        for (line, expected) in zip(tagged, taggedAll) {
            let read = line.replacingOccurrences(of: "\u{FB00}", with: "ff").replacingOccurrences(of: "\u{FB01}", with: "fi")
                .replacingOccurrences(of: "\u{FB02}", with: "fl").dropLast()
            #expect(expected.hasPrefix(read) && (line.hasSuffix("\"\"") == expected.hasSuffix("\"\"")), "\(line) against \(expected)")
        }
        #expect(tagged.contains { $0.contains("Desertion, prison or exile") })
    }

    /// A glyph number its face does not have (a layout cached from another version of the font) is shown as .notdef,
    /// and the text of its cluster still reaches the page.
    @Test func aGlyphTheFaceLacksKeepsItsText() async throws {
        let sheet = try GalleyStyleLoader.sheet()
        let renderer = try ArticleRenderer(sheet: sheet, resources: GalleyResources(root: Workspace.root))
        let path = Workspace.example("iv-9062.json")
        var document = renderer.typeset(try ArticleSource.read(path), source: path).document
        var changed: String?
        for index in document.pages[0].items.indices where changed == nil {
            guard case .glyphs(var run, let color) = document.pages[0].items[index].item, run.text.hasPrefix("Already") else { continue }
            var glyphs = run.glyphs
            glyphs[0].id = 65_000
            run.glyphs = glyphs
            document.pages[0].items[index].item = .glyphs(run, color: color)
            changed = run.text
        }
        let line = try #require(changed)
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lacking.pdf")
        try PDFRenderer().render(document).write(to: file)
        let text = try await Workspace.poppler("pdftotext", ["-f", "1", "-l", "1", file.path, "-"])
        // .notdef is wider than the letter it stands for, so pdftotext may see a gap after it: spaces are not compared.
        let words = line.split(separator: " ").prefix(6).joined()
        #expect(text.filter { !$0.isWhitespace }.contains(words), "\(line) is missing")
        let check = try await Workspace.run("/usr/bin/qpdf", ["--check", file.path])
        #expect(check.status == 0, "qpdf --check: \(check.text)")
    }

    /// For each CID-keyed CFF program in the PDF: its font name, glyph count and size, and whether every glyph the
    /// pages show (each CID of `/W`) has the outline and width of the same CID in the font file it came from.
    static let programs = """
    import glob, io, json, sys, pikepdf
    from fontTools.cffLib import CFFFontSet
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTCollection
    originals = {}
    def original(name):
        # NotoSerifCJKjp-Regular is a face of NotoSerifCJK-Regular.ttc.
        if name not in originals:
            family, weight = name.split("-", 1)
            for font in TTCollection("/usr/share/fonts/opentype/noto/%s-%s.ttc" % (family[:-2], weight), lazy=True).fonts:
                originals[font["name"].getDebugName(6)] = font["CFF "].cff[0]
        return originals[name]
    def outline(top, cid):
        glyph = top.CharStrings["cid%05d" % cid]
        pen = RecordingPen()
        glyph.draw(pen)
        return pen.value
    pdf = pikepdf.open(sys.argv[1])
    found = {}
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Subtype") != "/CIDFontType0":
            continue
        descriptor = obj.FontDescriptor
        data = descriptor.FontFile3.read_bytes()
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
        top = cff[cff.fontNames[0]]
        name = str(descriptor.FontName).split("+")[-1]
        source = original(name)
        cids = []
        widths = list(obj.W)
        index = 0
        while index < len(widths):
            cids += [int(widths[index]) + k for k in range(len(widths[index + 1]))]
            index += 2
        same = all(outline(top, cid) == outline(source, cid) for cid in cids)
        found[name] = {"size": len(data), "glyphs": len(top.charset), "shown": len(cids), "same": same}
    print(json.dumps(found, sort_keys=True))
    """

    @Test(arguments: ["ja-kaigo-rodo.json", "zh-kuaidi-qishou.json"])
    func cjkProgramsHoldTheFontFilesGlyphs(example: String) async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (galley, _, _) = try Self.drawBoth(example, in: folder)
        let read = try await Workspace.run("/usr/bin/python3", ["-c", Self.programs, galley.path])
        #expect(read.status == 0, "\(read.text)")
        let programs = try JSONSerialization.jsonObject(with: Data(read.text.utf8)) as? [String: [String: Any]] ?? [:]
        #expect(programs.keys.contains { $0.hasPrefix("NotoSerifCJK") }, "fonts: \(programs.keys.sorted())")
        for (font, program) in programs {
            let shown = program["shown"] as? Int ?? 0
            let glyphs = program["glyphs"] as? Int ?? 0
            #expect(program["same"] as? Bool == true, "\(font): a glyph's outline differs from the font file's")
            // One subset of the glyphs shown and .notdef, no glyph more (the shaping rules are hidden from harfbuzz), its subroutines
            // inlined into the glyphs that call them: cairo's kept all 26,000 of Noto Serif CJK's, 740 KB for 627 glyphs.
            #expect(shown > 0 && glyphs >= shown && glyphs <= shown + 1, "\(font): \(glyphs) glyphs for \(shown) shown")
            #expect((program["size"] as? Int ?? .max) < 400 * glyphs + 20_000, "\(font): \(program["size"] ?? 0) bytes for \(glyphs) glyphs")
        }
    }
}
