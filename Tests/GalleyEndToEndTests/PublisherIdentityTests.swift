import Foundation
import GalleyTestSupport
import Testing

/// A publisher starting from `galley init`: their name and logo on every page of an article set in their folder.
@Suite struct PublisherIdentityTests {
    /// The pages of the PDF at `url`, as text, one string per page.
    static func pageTexts(_ url: URL) async throws -> [String] {
        let info = try await Workspace.run("/usr/bin/pdfinfo", [url.path]).text
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        var texts: [String] = []
        for page in 1...max(pages, 1) {
            texts.append(try await Workspace.run("/usr/bin/pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", url.path, "-"]).text)
        }
        return texts
    }

    /// A page's first line of text, trimmed.
    static func head(_ page: String) -> String {
        page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
    }

    /// How many pure green pixels page `page` of the PDF at `url` has when drawn at 72 dpi (read from a PPM).
    static func greenPixels(_ url: URL, page: Int) async throws -> Int {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("galley-page-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix + ".ppm") }
        _ = try await Workspace.run("/usr/bin/pdftoppm", ["-r", "72", "-f", "\(page)", "-l", "\(page)", "-singlefile", url.path, prefix])
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
        // P6 header: magic, width, height, maxval, each followed by one whitespace byte; then RGB triples.
        var fields = 0, index = 0
        while fields < 4, index < data.count {
            if data[index] == 0x0A || data[index] == 0x20 { fields += 1 }
            index += 1
        }
        var count = 0
        while index + 2 < data.count {
            if data[index] < 40, data[index + 1] > 215, data[index + 2] < 40 { count += 1 }
            index += 3
        }
        return count
    }

    @Test func initThenRenderPutsTheNameAndLogoOnEveryPage() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try await Workspace.galley(["init"], in: folder)
        try #require(created.status == 0, "\(created.stderr)")
        let config = folder.appendingPathComponent("galley.yaml")
        let layout = folder.appendingPathComponent("Layouts/my-layout.yaml")
        let written = try String(contentsOf: config, encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: layout.path))

        // A second init refuses, and leaves both files as they were.
        try "publication: Kept\n".write(to: config, atomically: true, encoding: .utf8)
        let again = try await Workspace.galley(["init", folder.path])
        #expect(again.status == 1 && again.stderr.contains("already exists"), "\(again.stderr)")
        #expect(try String(contentsOf: config, encoding: .utf8) == "publication: Kept\n")

        try FileManager.default.copyItem(at: Workspace.root.appendingPathComponent("Examples/images/union-badge.png"),
                                         to: folder.appendingPathComponent("logo.png"))
        try ##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#00ff00"/></svg>"##
            .write(to: folder.appendingPathComponent("logo.svg"), atomically: true, encoding: .utf8)
        for logo in ["logo.png", "logo.svg"] {
            let edited = written.replacingOccurrences(of: "publication: My Publication", with: "publication: Harbour Weekly Review")
                .replacingOccurrences(of: "# logo: logo.svg", with: "logo: \(logo)")
            try #require(edited != written)
            try edited.write(to: config, atomically: true, encoding: .utf8)
            let pdf = folder.appendingPathComponent("out.pdf")
            let rendered = try await Workspace.galley(["render", Workspace.example("iv-9062.json"), "-o", pdf.path], in: folder)
            try #require(rendered.status == 0, "\(rendered.stderr)")
            let pages = try await Self.pageTexts(pdf)
            #expect(pages.count > 1)
            for (index, text) in pages.enumerated() {
                #expect(text.contains("Harbour Weekly Review"), "page \(index + 1) with \(logo) lacks the publication's name")
            }
            if logo == "logo.png" {
                // pdfimages lists an image once per page that draws it.
                let drawnOn = await Set(try PDFImages.list(pdf).compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).first })
                #expect(drawnOn == Set((1...pages.count).map { Substring(String($0)) }), "pages with an image: \(drawnOn.sorted())")
            } else {
                // The SVG is drawn as vectors, so no image is embedded: every page shows its green instead.
                await #expect(try PDFImages.list(pdf).isEmpty)
                for page in 1...pages.count {
                    await #expect(try Self.greenPixels(pdf, page: page) > 20, "page \(page) shows no SVG logo")
                }
            }
        }
    }

    @Test func withoutGalleyYamlTheHeadNamesNoPublisher() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("out.pdf")
        let plain = try await Workspace.galley(["render", Workspace.example("iv-9062.json"), "-o", pdf.path], in: folder)
        try #require(plain.status == 0, "\(plain.stderr)")
        // Page 2's first line is the running head (the article itself names International Viewpoint lower down).
        await #expect(!Self.head(try Self.pageTexts(pdf)[1]).contains("International Viewpoint"))
        // --config from anywhere, as scripts/setup.sh names the examples' publisher.
        let named = try await Workspace.galley(["render", Workspace.example("iv-9062.json"), "-o", pdf.path,
                                          "--config", Workspace.example("galley.yaml")], in: folder)
        try #require(named.status == 0, "\(named.stderr)")
        await #expect(Self.head(try Self.pageTexts(pdf)[1]).hasPrefix("International Viewpoint"))
    }

    @Test func aBadGalleyYamlStopsTheRunWithItsLine() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "publication: X\nlogo_file: a.png\n".write(to: folder.appendingPathComponent("galley.yaml"), atomically: true, encoding: .utf8)
        let result = try await Workspace.galley(["render", Workspace.example("iv-9062.json"), "-o", "out.pdf"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("galley.yaml:2: logo_file: unknown key"), "\(result.stderr)")
    }
}
