import Foundation
@testable import GalleyExport
import GalleyLayout
import GalleyStyle
import Testing

/// Checks the layout cache's binary files: a layout read back is the layout written, to the bit, and a short or
/// damaged file is a miss, never a crash.
@Suite struct LayoutArchiveTests {
    /// Examples that between them hold every kind of item: text in three scripts and both directions, rules, links,
    /// destinations (footnotes) and images (a photograph and an SVG chart).
    static let examples = ["iv-9062.json", "ar-ouvriers-al-mina.json", "energy-workers-in-numbers.json", "ja-kaigo-rodo.json"]

    private static func layouts() throws -> [ArticleLayout] {
        let resources = GalleyResources(root: Workspace.root)
        let sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load("article-a4")
        let renderer = try ArticleRenderer(sheet: sheet, resources: resources)
        // The seed in the two-column layout adds a drop cap's letter drawn as a shape.
        let magazine = try ArticleRenderer(sheet: StyleSheetLoader(layoutsDirectory: resources.layouts).load("magazine-a4"), resources: resources)
        let seed = Workspace.example("iv-9062.json")
        return try examples.map { name in
            let path = Workspace.example(name)
            return renderer.articleLayout(try ArticleSource.read(path), source: path)
        } + [magazine.articleLayout(try ArticleSource.read(seed), source: seed)]
    }

    private static func kind(_ item: FrameItem) -> String {
        switch item {
        case .glyphs: "glyphs"
        case .rule: "rule"
        case .link: "link"
        case .destination: "destination"
        case .image: "image"
        case .shape: "shape"
        }
    }

    @Test func aLayoutReadBackIsTheLayoutWritten() throws {
        var kinds = Set<String>()
        var rightToLeft = false, offsets = false, expanded = false
        for layout in try Self.layouts() {
            let bytes = try LayoutArchive.encode(layout)
            let read = bytes.withUnsafeBytes { LayoutArchive.decode($0) }
            #expect(read == layout, "\(layout.metadata.title): the layout read back differs")
            for page in layout.pages {
                for positioned in page {
                    kinds.insert(Self.kind(positioned.item))
                    if case .glyphs(let run, _) = positioned.item {
                        rightToLeft = rightToLeft || run.isRightToLeft
                        offsets = offsets || run.glyphs.contains { $0.xOffset != 0 || $0.yOffset != 0 }
                        expanded = expanded || run.horizontalScale != 1
                    }
                }
            }
        }
        // The examples must keep exercising every branch of the format, or this test proves less than it says.
        #expect(kinds == ["glyphs", "rule", "link", "destination", "image", "shape"], "kinds seen: \(kinds.sorted())")
        #expect(expanded, "no run with glyph expansion among the examples")
        #expect(rightToLeft, "no right-to-left run among the examples")
        #expect(offsets, "no glyph with an offset among the examples")
    }

    @Test func everyFieldOfTheStructureAndOutlineIsReadBack() throws {
        // The archive writes these types field by field: a field added to either must be added there too, or the
        // cache would give it back empty. This count fails first.
        let node = StructureNode(.table, parent: 3, order: -2, alt: "A chart of wages", language: "ar", title: "Wages, 2024",
                                 scope: .column, identifier: "fn-12")
        #expect(Mirror(reflecting: node).children.count == 8, "StructureNode's fields changed: update LayoutArchive+Structure")
        let entry = OutlineEntry(title: "Überschrift", level: 2, destination: "sec-3", page: 4)
        #expect(Mirror(reflecting: entry).children.count == 4, "OutlineEntry's fields changed: update LayoutArchive+Structure")
        var layout = try #require(try Self.layouts().first)
        layout.structure.append(node)
        layout.structure.append(StructureNode(.paragraph, parent: 0))
        layout.outline.append(entry)
        for scope in [StructureNode.Scope.row, .both] { layout.structure.append(StructureNode(.tableHeaderCell, parent: 1, scope: scope)) }
        let bytes = try LayoutArchive.encode(layout)
        #expect(bytes.withUnsafeBytes { LayoutArchive.decode($0) } == layout)
    }

    @Test func aShortDamagedOrOlderFileReadsAsAMiss() throws {
        let layout = try #require(try Self.layouts().first)
        let bytes = try LayoutArchive.encode(layout)
        // Every cut short of the whole file is refused.
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            #expect(bytes[..<cut].withUnsafeBytes { LayoutArchive.decode($0) } == nil, "a file cut at \(cut) of \(bytes.count) bytes was read")
        }
        // A file of another version of the format is refused, whatever follows its name.
        var older = bytes
        older[LayoutArchive.magic.count - 2] = UInt8(ascii: "0")
        #expect(older.withUnsafeBytes { LayoutArchive.decode($0) } == nil)
        // Changed bytes may still decode (a changed advance is a valid double) but must never trap or run away.
        for position in stride(from: LayoutArchive.magic.count, to: bytes.count, by: max(1, bytes.count / 300)) {
            var damaged = bytes
            damaged[position] ^= 0xFF
            _ = damaged.withUnsafeBytes { LayoutArchive.decode($0) }
        }
        // Trailing bytes are refused: the file is exactly one layout.
        #expect((bytes + [0]).withUnsafeBytes { LayoutArchive.decode($0) } == nil)
    }

    @Test func theCacheGivesBackWhatItStored() throws {
        let layout = try #require(try Self.layouts().first)
        let cache = LayoutCache(directory: try Workspace.temporaryFolder())
        #expect(cache.load("absent") == nil)
        cache.store(layout, hash: "abc")
        #expect(cache.load("abc") == layout)
    }
}
