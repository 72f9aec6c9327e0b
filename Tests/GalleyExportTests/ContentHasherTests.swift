import Foundation
import GalleyExport
import GalleyModel
import GalleyStyle
import Testing

/// The content hash covers the source bytes, the images an article references, the layout and the fonts.
@Suite struct ContentHasherTests {
    private static func hasher(fonts: URL, sheet: StyleSheet? = nil, lineBreaker: String? = nil) throws -> ContentHasher {
        let layouts = ExportHarness.root.appendingPathComponent("Layouts")
        let resolved = try sheet ?? StyleSheetLoader(layoutsDirectory: layouts).load("article-a4")
        return try ContentHasher(sheet: resolved, lineBreaker: lineBreaker, fontsDirectory: fonts)
    }

    private static let fonts = ExportHarness.root.appendingPathComponent("Fonts")

    @Test func imagesReferencedByFiguresChangeTheHash() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = Article(id: "1", title: "Figures", body: [
            .paragraph([.text("Before.")]),
            .quote(content: [.figure(Figure(source: "images/chart.png"))], attribution: nil),
            .figure(Figure(source: "https://example.org/remote.png")),
        ])
        let hasher = try Self.hasher(fonts: Self.fonts)
        let missing = hasher.hash(of: article, index: 0, sourceDigest: "abc", folder: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: folder.appendingPathComponent("images/chart.png"))
        // Image digests are cached for the run, so a new hasher sees the new bytes.
        let first = try Self.hasher(fonts: Self.fonts).hash(of: article, index: 0, sourceDigest: "abc", folder: folder)
        try Data("two".utf8).write(to: folder.appendingPathComponent("images/chart.png"))
        let second = try Self.hasher(fonts: Self.fonts).hash(of: article, index: 0, sourceDigest: "abc", folder: folder)
        #expect(Set([missing, first, second]).count == 3)
        #expect(try Self.hasher(fonts: Self.fonts).hash(of: article, index: 0, sourceDigest: "abc", folder: folder) == second)
        #expect(ContentHasher.figureSources(in: article) == ["images/chart.png", "https://example.org/remote.png"])
    }

    @Test func sourceBytesLayoutLineBreakerAndFontsChangeTheHash() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = Article(id: "7", title: "Plain")
        let base = try Self.hasher(fonts: Self.fonts)
        let reference = base.hash(of: article, index: 0, sourceDigest: "abc", folder: folder)
        #expect(base.hash(of: article, index: 0, sourceDigest: "abd", folder: folder) != reference)
        #expect(base.hash(of: article, index: 1, sourceDigest: "abc", folder: folder) != reference)

        let layouts = ExportHarness.root.appendingPathComponent("Layouts")
        let letter = try StyleSheetLoader(layoutsDirectory: layouts).load("article-letter")
        #expect(try Self.hasher(fonts: Self.fonts, sheet: letter).runFingerprint != base.runFingerprint)
        #expect(try Self.hasher(fonts: Self.fonts, lineBreaker: "first-fit").runFingerprint != base.runFingerprint)

        // A copy of the fonts hashes alike; one changed byte does not.
        let copy = folder.appendingPathComponent("Fonts")
        try FileManager.default.copyItem(at: Self.fonts, to: copy)
        #expect(try Self.hasher(fonts: copy).runFingerprint == base.runFingerprint)
        let handle = try FileHandle(forWritingTo: copy.appendingPathComponent("OFL.txt"))
        try handle.seekToEnd()
        handle.write(Data(" ".utf8))
        try handle.close()
        #expect(try Self.hasher(fonts: copy).runFingerprint != base.runFingerprint)
    }

    @Test func sha256MatchesTheKnownVector() {
        #expect(ContentHasher.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
