import Foundation
import Testing
import GalleyDiagnostics
@testable import GalleyStyle

/// Checks that a layout read back from the compiled cache is the one its files make, and that any change to what its
/// loading read (the file, a base it extends, the installed fonts) makes the cache miss.
@Suite struct CompiledLayoutCacheTests {
    static let layouts = StyleSheetLoaderTests.layouts

    /// Every family a sheet names, which is what a loader checking fonts must be given for it to load.
    static func families(of sheet: StyleSheet) -> Set<String> {
        var families = Set(sheet.fonts.values.flatMap(\.allFamilies))
        for child in Mirror(reflecting: sheet.styles).children {
            if let style = child.value as? ParagraphStyle, sheet.fonts[style.font] == nil { families.insert(style.font) }
        }
        return families
    }

    @Test(arguments: ["article-a4", "article-letter", "magazine-a4", "magazine-tabloid"])
    func everyBundledLayoutReadsBackEqual(_ name: String) throws {
        var sheet = try StyleSheetLoaderTests.loader.load(name)
        let bytes = try #require(StyleSheetArchive.encode(sheet))
        #expect(StyleSheetArchive.decode(bytes) == sheet)
        // The optional parts a bundled layout may not set: an identity, label overrides, the ideographic spacing, columns.
        sheet.identity = PublisherIdentity(publication: "Monthly", site: nil, colophon: "Printed by hand", logo: "logo.svg")
        sheet.labels["fr"] = LabelOverrides(byline: "Par {authors}", sizeUnits: ["o", "Ko"], decimalSeparator: ",")
        sheet.lineBreaking.interCharacterStretch = 0.07
        sheet.fonts["extra"] = FontStack(primary: "Noto Sans", scripts: ["arabic": "Noto Naskh Arabic", "han-ja": "Noto Sans CJK JP"])
        sheet.columns = ColumnSettings(count: 3, gutter: 9, rule: 0.5, ruleColor: "#112233",
                                       lineBreaking: LineBreakingOverrides(tolerance: 500, spaceShrink: 0.2, minimumWordLength: 4),
                                       baselineGrid: !(sheet.columns?.baselineGrid ?? false))
        sheet.lineBreaking.glyphExpansion = 0.015
        sheet.lineBreaking.glyphExpansionStep = 0.0025
        sheet.figures = FigureSettings(placement: sheet.figures == nil ? [.bottom, .here, .top] : [.top])
        let richer = try #require(StyleSheetArchive.encode(sheet))
        #expect(StyleSheetArchive.decode(richer) == sheet)
        #expect(StyleSheetArchive.encode(sheet) == richer, "the same sheet gives the same bytes")
    }

    @Test func aCutOrDamagedArchiveIsRefusedWithoutACrash() throws {
        let bytes = try #require(StyleSheetArchive.encode(StyleSheetLoaderTests.loader.load("article-a4")))
        for length in 0..<bytes.count {
            #expect(StyleSheetArchive.decode(bytes.prefix(length)) == nil, "cut at \(length)")
        }
        #expect(StyleSheetArchive.decode(bytes + [0]) == nil, "a byte too many")
        // A damaged byte may still read as some sheet (a changed length); it must never trap or read past the end.
        for position in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[position] ^= 0xFF
            _ = StyleSheetArchive.decode(damaged)
        }
    }

    /// A layouts folder holding a copy of article-a4 and a layout extending it, with a cache beside it.
    private func withFolder(_ body: (_ loader: StyleSheetLoader, _ layouts: URL) throws -> Void) throws {
        try StyleSheetLoaderTests.withTemporaryFolder { folder in
            let layouts = folder.appendingPathComponent("Layouts")
            try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.layouts.appendingPathComponent("article-a4.yaml"),
                                             to: layouts.appendingPathComponent("article-a4.yaml"))
            try "extends: article-a4\nstyles:\n  body:\n    size: 11\n".write(to: layouts.appendingPathComponent("child.yaml"), atomically: true, encoding: .utf8)
            let cache = CompiledLayoutCache(directory: folder.appendingPathComponent("cache"))
            try body(StyleSheetLoader(layoutsDirectory: layouts, cache: cache), layouts)
        }
    }

    private func entries(of loader: StyleSheetLoader) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: loader.cache!.directory.path)) ?? []).sorted()
    }

    @Test func aSecondLoadComesFromTheEntryTheFirstWrote() throws {
        try withFolder { loader, layouts in
            let first = try loader.load("child")
            #expect(first.styles.body.size.points == 11)
            #expect(entries(of: loader).count == 1)
            // Put a different sheet under the same entry: a load that returns it took the cache, not the files.
            let file = layouts.appendingPathComponent("child.yaml")
            let lookup = loader.cache!.lookup(file: file, text: try Data(contentsOf: file), loader: loader)
            var marked = first
            marked.styles.body.size = Length(points: 77)
            let base = layouts.appendingPathComponent("article-a4.yaml")
            loader.cache!.store(marked, bases: [(base.path, try Data(contentsOf: base))], under: lookup)
            #expect(try loader.load("child").styles.body.size.points == 77)
            // Without a cache, the same loader reads the files.
            var uncached = loader
            uncached.cache = nil
            #expect(try uncached.load("child") == first)
        }
    }

    @Test func aChangedFileOrBaseIsReadAfresh() throws {
        try withFolder { loader, layouts in
            _ = try loader.load("child")
            try "extends: article-a4\nstyles:\n  body:\n    size: 12\n".write(to: layouts.appendingPathComponent("child.yaml"), atomically: true, encoding: .utf8)
            #expect(try loader.load("child").styles.body.size.points == 12)
            // The base changes, the file that extends it does not: the entry's digest of the base no longer matches.
            let base = layouts.appendingPathComponent("article-a4.yaml")
            let text = try String(contentsOf: base, encoding: .utf8)
            try text.replacingOccurrences(of: "pretolerance: ", with: "pretolerance: 1").write(to: base, atomically: true, encoding: .utf8)
            let changed = try loader.load("child")
            var uncached = loader
            uncached.cache = nil
            #expect(changed == (try uncached.load("child")))
            #expect(changed.lineBreaking.pretolerance != (try StyleSheetLoaderTests.loader.load("article-a4")).lineBreaking.pretolerance)
            // A base that is gone is reported, whatever the cache holds.
            try FileManager.default.removeItem(at: base)
            #expect(throws: Diagnostic.self) { try loader.load("child") }
        }
    }

    @Test func aLayoutCheckedAgainstOtherFontsIsCheckedAgain() throws {
        try withFolder { loader, _ in
            var checking = loader
            let all = Self.families(of: try loader.load("child"))
            checking.installedFamilies = all
            _ = try checking.load("child")
            let serif = try #require(try loader.load("child").fonts["serif"]?.primary)
            checking.installedFamilies = all.subtracting([serif])
            let error = #expect(throws: Diagnostic.self) { try checking.load("child") }
            #expect(error?.message.contains(serif) == true)
        }
    }

    @Test func aDamagedEntryIsAMissAndIsWrittenAgain() throws {
        try withFolder { loader, _ in
            let sheet = try loader.load("child")
            let entry = loader.cache!.directory.appendingPathComponent(try #require(entries(of: loader).first))
            let bytes = try Data(contentsOf: entry)
            try bytes.prefix(bytes.count / 2).write(to: entry)
            #expect(try loader.load("child") == sheet)
            #expect(try Data(contentsOf: entry) == bytes)
        }
    }
}
