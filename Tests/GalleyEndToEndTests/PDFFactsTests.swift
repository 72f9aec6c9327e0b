import Foundation
import GalleyExport
import GalleyModel
import GalleyStyle
import GalleyTestSupport
import Testing

/// Checks the example PDFs through poppler-utils: every word in order, metadata, fonts, links, outline, determinism.
@Suite struct PDFFactsTests {
    static let examples = ["iv-9062.json", "fr-logement.json", "ru-profsoyuzy.json", "long-climate-labour.json", "energy-workers-in-numbers.json"]

    private func render(_ name: String, layout: String = "article-a4") throws -> (article: Article, pdf: URL, data: Data, pages: Int, missing: Int, sheet: StyleSheet) {
        let resources = GalleyResources(root: Workspace.root)
        let sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load(layout)
        let renderer = try ArticleRenderer(sheet: sheet, resources: resources)
        let article = try ArticleSource.read(Workspace.example(name))
        let (data, document) = try renderer.pdf(article)
        let url = try Workspace.temporaryFolder().appendingPathComponent(Slug.fileName(title: article.title, id: article.id))
        try data.write(to: url)
        return (article, url, data, document.pages.count, document.quality.missingGlyphs, sheet)
    }

    @Test(arguments: examples)
    func everyWordOfTheArticleIsInThePDFInOrder(_ name: String) async throws {
        let result = try render(name)
        // Only the text block: running heads and feet would interrupt paragraphs that cross pages.
        let margins = result.sheet.page.margins
        let crop = ["-x", "0", "-y", "\(Int(margins.top.points) - 6)", "-W", "\(Int(result.sheet.page.size.width.points))",
                    "-H", "\(Int(result.sheet.textHeight) + 10)"]
        let text = try await Workspace.poppler("pdftotext", crop + [result.pdf.path, "-"])
        let missing = TextFidelity.firstMissing(TextFidelity.pieces(of: result.article), in: text)
        #expect(missing == nil, "not found in order in the PDF text: \(missing ?? "")")
        for note in result.article.footnotes {
            let lost = TextFidelity.firstMissing(note.content.map(\.plainText), in: text)
            #expect(lost == nil, "footnote \(note.id) not found in the PDF text: \(lost ?? "")")
        }
        #expect(result.missing == 0, "glyphs missing from the fonts")
    }

    @Test func theSeedArticleHasItsMetadata() async throws {
        let result = try render("iv-9062.json")
        let info = try await Workspace.poppler("pdfinfo", [result.pdf.path])
        #expect(info.contains("Title:           Support the Russian-Ukrainian resistance against accelerated fascisation"))
        #expect(info.contains("Author:          Gin Vola, Elias Vola"))
        #expect(info.contains("Keywords:        Russia, Ukraine, Fascism"))
        #expect(info.contains("CreationDate:    Sun Jun 22 00:00:00 2025 UTC"))
        #expect(info.contains("Page size:       595.28 x 841.89 pts (A4)"))
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.map { Int($0.split(separator: " ").last!) ?? 0 }
        #expect(pages == result.pages)
        #expect((pages ?? 0) >= 2)
    }

    @Test(arguments: examples)
    func fontsAreEmbeddedSubsetsOfTheBundledNotoFaces(_ name: String) async throws {
        let result = try render(name)
        let table = try await Workspace.poppler("pdffonts", [result.pdf.path]).split(separator: "\n").dropFirst(2)
        #expect(!table.isEmpty)
        for row in table {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns[0].contains("+Noto"), "not a Noto subset: \(row)")
            let flags = Array(columns.suffix(5).prefix(3))
            #expect(flags == ["yes", "yes", "yes"], "font not embedded, subset and mapped to Unicode: \(row)")
        }
    }

    @Test func linksAndOutlineArePresent() async throws {
        let result = try render("iv-9062.json")
        let raw = try await Workspace.expandedPDF(result.data)
        #expect(raw.contains("/URI (https://lanticapitaliste.org/actualite/international/soutenir-la-resistance-russo-ukrainienne-contre-la-fascisation-acceleree-du)"))
        #expect(raw.contains("/URI (https://internationalviewpoint.org/spip.php?article9062)"))
        for heading in ["A conscription that does not say its name", "Desertion and political opposition"] {
            #expect(raw.contains("/Title (\(heading))"), "outline entry missing: \(heading)")
        }
        // "Putin’s" has a curly apostrophe, so the title is written as UTF-16 hex (qpdf writes hex in lower case).
        let utf16 = "Fighting Putin’s far-right".utf16.map { String(format: "%04x", $0) }.joined()
        #expect(raw.lowercased().contains("/title <feff\(utf16)>"), "outline entry missing: Fighting Putin’s far-right")
        let destinations = try await Workspace.poppler("pdfinfo", ["-dests", result.pdf.path])
        for name in ["title", "section-1", "section-2", "section-3"] {
            #expect(destinations.contains(name), "named destination missing: \(name)")
        }
    }

    @Test func linksToAnchorsOfTheWebPageLeadThereAndUnknownNamesAreNotLinked() async throws {
        let resources = GalleyResources(root: Workspace.root)
        let sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load("article-a4")
        let renderer = try ArticleRenderer(sheet: sheet, resources: resources)
        func pdf(url: String?) async throws -> String {
            let folder = try Workspace.temporaryFolder()
            let file = folder.appendingPathComponent("a.json")
            let address = url.map { "\"url\": \"\($0)\"," } ?? ""
            try """
                {"id": "7", "title": "Anchors", \(address) "blocks": [{"type": "paragraph", "content": [
                  "See ", {"type": "link", "href": "#notes", "content": "the notes"}, " below."]}]}
                """.write(to: file, atomically: true, encoding: .utf8)
            let result = try renderer.pdf(try ArticleSource.read(file.path))
            let output = folder.appendingPathComponent("a.pdf")
            try result.data.write(to: output)
            #expect(try await Workspace.poppler("pdftotext", [output.path, "-"]).contains("See the notes below."))
            return try await Workspace.expandedPDF(result.data)
        }
        let linksToThePage = try await pdf(url: "https://example.org/articles/7#top").contains("/URI (https://example.org/articles/7#notes)")
        #expect(linksToThePage)
        // No page to point at and no destination of that name: the words stay, without a link that leads nowhere.
        let hasLinkAnnotation = try await pdf(url: nil).contains("/Subtype /Link")
        #expect(!hasLinkAnnotation, "a link to a missing destination was written")
    }

    @Test func renderingTwiceGivesIdenticalBytes() async throws {
        let first = try render("long-climate-labour.json")
        let second = try render("long-climate-labour.json")
        #expect(first.data == second.data)
    }

    @Test func aRendererThatKeptFontsAndImagesGivesTheSameBytesAsAFreshOne() async throws {
        let resources = GalleyResources(root: Workspace.root)
        let sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load("article-a4")
        // The figures example is copied so that one of its images can be replaced between renders.
        let folder = try Workspace.temporaryFolder()
        let examples = Workspace.root.appendingPathComponent("Examples")
        try FileManager.default.copyItem(at: examples.appendingPathComponent("images"), to: folder.appendingPathComponent("images"))
        let source = folder.appendingPathComponent("figures.json")
        try FileManager.default.copyItem(at: examples.appendingPathComponent("energy-workers-in-numbers.json"), to: source)
        let figures = try ArticleSource.read(source.path)
        let seed = try ArticleSource.read(Workspace.example("iv-9062.json"))

        let warm = try ArticleRenderer(sheet: sheet, resources: resources)
        let first = try warm.pdf(figures, source: source.path).data
        _ = try warm.pdf(seed)
        #expect(try warm.pdf(figures, source: source.path).data == first)
        #expect(try ArticleRenderer(sheet: sheet, resources: resources).pdf(figures, source: source.path).data == first)

        // A replaced picture (same name, other pixels) is decoded again, not taken from the cache.
        let badge = folder.appendingPathComponent("images/union-badge.png")
        let replacement = folder.appendingPathComponent("images/replacement.png")
        let drawn = try await Workspace.run("/usr/bin/python3", ["-c", """
            import zlib, struct
            def chunk(kind, data):
                return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
            rows = b''.join(b'\\x00' + b'\\x10\\x80\\xf0\\xff' * 400 for _ in range(400))
            png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 400, 400, 8, 6, 0, 0, 0)) \\
                + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
            open('\(replacement.path)', 'wb').write(png)
            """])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        try FileManager.default.removeItem(at: badge)
        try FileManager.default.moveItem(at: replacement, to: badge)
        let changed = try warm.pdf(figures, source: source.path).data
        #expect(changed != first)
        #expect(try ArticleRenderer(sheet: sheet, resources: resources).pdf(figures, source: source.path).data == changed)
    }

    /// Hands a renderer from the thread that made it to another, as an async caller's resumption may.
    private final class Handed: @unchecked Sendable {
        let renderer: ArticleRenderer
        init(_ renderer: ArticleRenderer) { self.renderer = renderer }
    }

    @Test func svgTextIsSetInGalleysFontsOnWhicheverThreadTheRendererDraws() async throws {
        let resources = GalleyResources(root: Workspace.root)
        let sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load("article-a4")
        let source = Workspace.example("energy-workers-in-numbers.json")
        let figures = try ArticleSource.read(source)
        // Made on one thread and drawn with on another: librsvg takes the drawing thread's default fonts.
        let handed = try await OffCooperativePool.run { Handed(try ArticleRenderer(sheet: sheet, resources: resources)) }
        let pdf = try await OffCooperativePool.run { try handed.renderer.pdf(figures, source: source).data }
        let file = try Workspace.temporaryFolder().appendingPathComponent("handed.pdf")
        try pdf.write(to: file)
        let fonts = try await Workspace.poppler("pdffonts", [file.path])
        // The chart asks for Noto Sans, which Galley has; the system's fallback (DejaVu) must never be reached.
        #expect(fonts.contains("+NotoSans-Regular"), "\(fonts)")
        #expect(!fonts.contains("DejaVu"), "\(fonts)")
        let fresh = try await OffCooperativePool.run { try ArticleRenderer(sheet: sheet, resources: resources).pdf(figures, source: source).data }
        #expect(pdf == fresh)
    }

    @Test func theLongExampleRunsToFourPagesOrMore() async throws {
        #expect(try render("long-climate-labour.json").pages >= 4)
    }

    @Test func theLayoutsCompressionSettingTradesSizeForSpeedAndNothingElse() async throws {
        let folder = try Workspace.temporaryFolder()
        var sizes: [String: Int] = [:]
        var texts: Set<String> = []
        for level in ["fast", "standard", "smallest"] {
            let layout = folder.appendingPathComponent("\(level).yaml")
            try "extends: article-a4\npdf: {compression: \(level)}\n".write(to: layout, atomically: true, encoding: .utf8)
            let result = try render("energy-workers-in-numbers.json", layout: layout.path)
            sizes[level] = result.data.count
            texts.insert(try await Workspace.poppler("pdftotext", [result.pdf.path, "-"]))
            #expect(try render("energy-workers-in-numbers.json", layout: layout.path).data == result.data, "\(level) is not reproducible")
        }
        // Each level must reach cairo's zlib streams (CDeflateLevel), or the sizes would all be equal.
        #expect(sizes["fast"]! > sizes["standard"]!, "\(sizes)")
        #expect(sizes["standard"]! > sizes["smallest"]!, "\(sizes)")
        #expect(texts.count == 1)
    }

    @Test func theLetterLayoutChangesThePageWithoutCode() async throws {
        let result = try render("iv-9062.json", layout: "article-letter")
        let info = try await Workspace.poppler("pdfinfo", [result.pdf.path])
        #expect(info.contains("Page size:       612 x 792 pts (letter)"))
    }
}
