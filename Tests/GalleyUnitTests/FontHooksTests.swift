import CCairoPango
import Foundation
import Testing
import GalleyFonts
import GalleyLayout
import GalleyStyle
@testable import GalleyPango

/// Galley's definitions of `g_thread_new` and `cairo_ft_font_face_create_for_pattern` (CFontHooks) must be the ones
/// Pango calls: fontconfig's matching runs on the shaping thread, and every cairo face Pango makes draws with the
/// FreeType face Galley opened, never one cairo opened itself.
@Suite struct FontHooksTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theProcessCallsGalleysDefinitions() {
        #expect(FontHooks.active)
    }

    @Test func newFontPatternsAreMatchedOnTheShapingThread() throws {
        let sheet = try StyleSheetLoader(layoutsDirectory: Self.root.appendingPathComponent("Layouts")).load("article-a4")
        let shaper = try PangoShaper(fontsDirectory: Self.root.appendingPathComponent("Fonts"), stacks: sheet.fonts)
        let font = FontRequest(family: "serif", bold: false, italic: false, size: 9.5)
        let before = FontHooks.threadsRunInline
        let runs = shaper.shape("Galley", font: font, language: "en", direction: .leftToRight)
        let afterFirst = FontHooks.threadsRunInline
        // A new shaper has a new font map, so its first word meets a new pattern, matched here at once.
        #expect(!runs.isEmpty && runs.allSatisfy { $0.missingGlyphs == 0 })
        #expect(afterFirst - before >= 1, "\(afterFirst - before) fontconfig matches run here")
        // The same word again meets no new pattern.
        _ = shaper.shape("Galley", font: font, language: "en", direction: .leftToRight)
        #expect(FontHooks.threadsRunInline == afterFirst)
    }

    /// A fresh font map over the bundled fonts, and the fontset of one pattern of it (its match run at once).
    static func fontset(_ text: String, in context: PangoFontContext) throws -> UnsafeMutablePointer<PangoFontset> {
        let description = pango_font_description_from_string(text)
        defer { pango_font_description_free(description) }
        return try #require(pango_font_map_load_fontset(context.fontMap, context.context, description, pango_language_from_string("en")))
    }

    @Test func aPatternsSortWaitsUntilAFallbackFontIsNeeded() throws {
        let catalog = try FontCatalog.load(fontsDirectory: Self.root.appendingPathComponent("Fonts"))
        let context = PangoFontContext(configuration: try FontConfiguration(catalog: catalog, selection: .bundled))
        let before = FontHooks.threadsRunInline
        let fontset = try Self.fontset("Noto Serif 11.25", in: context)
        defer { g_object_unref(UnsafeMutableRawPointer(fontset)) }
        // One new pattern: its match was run here, its sort was not (before this change, both were: 2).
        #expect(FontHooks.threadsRunInline - before == 1)
        let latin = try #require(pango_fontset_get_font(fontset, 0x47))
        defer { g_object_unref(UnsafeMutableRawPointer(latin)) }
        #expect(context.fontFace(of: latin).file.hasSuffix("NotoSerif-Regular.ttf"), "\(context.fontFace(of: latin).file)")
        // A star is not in Noto Serif: Pango needs the sorted fallbacks and waits for them, and the wait runs the sort.
        let star = try #require(pango_fontset_get_font(fontset, 0x2605))
        defer { g_object_unref(UnsafeMutableRawPointer(star)) }
        let fallback = context.fontFace(of: star).file
        #expect(!fallback.isEmpty && !fallback.hasSuffix("NotoSerif-Regular.ttf"), "\(fallback)")
        #expect(pango_font_has_char(star, 0x2605) != 0)
    }

    @Test func aWaitRunsOnlyTheSortItWaitsFor() throws {
        let catalog = try FontCatalog.load(fontsDirectory: Self.root.appendingPathComponent("Fonts"))
        let first = PangoFontContext(configuration: try FontConfiguration(catalog: catalog, selection: .bundled))
        let second = PangoFontContext(configuration: try FontConfiguration(catalog: catalog, selection: .bundled))
        let firstSet = try Self.fontset("Noto Serif 10.75", in: first)
        defer { g_object_unref(UnsafeMutableRawPointer(firstSet)) }
        let secondSet = try Self.fontset("Noto Serif 10.75", in: second)
        defer { g_object_unref(UnsafeMutableRawPointer(secondSet)) }
        // Both maps' sorts wait. A fallback in the first runs the first's sort alone (before, every waiting sort ran,
        // the second's and other threads' too)...
        let before = FontHooks.sortsRun
        let star = try #require(pango_fontset_get_font(firstSet, 0x2605))
        defer { g_object_unref(UnsafeMutableRawPointer(star)) }
        #expect(FontHooks.sortsRun - before == 1)
        // ...so the second's was still waiting: its own fallback runs it now.
        let again = try #require(pango_fontset_get_font(secondSet, 0x2605))
        defer { g_object_unref(UnsafeMutableRawPointer(again)) }
        #expect(FontHooks.sortsRun - before == 2)
        #expect(first.fontFace(of: star).file == second.fontFace(of: again).file)
    }

    @Test func aFontMapsEndRunsTheSortsItNeverNeeded() throws {
        let catalog = try FontCatalog.load(fontsDirectory: Self.root.appendingPathComponent("Fonts"))
        let freed = FreedFlag()
        do {
            let context = PangoFontContext(configuration: try FontConfiguration(catalog: catalog, selection: .bundled))
            let fontset = try Self.fontset("Noto Sans Bold 13.25", in: context)
            g_object_unref(UnsafeMutableRawPointer(fontset))
            g_object_weak_ref(UnsafeMutablePointer(mutating: UnsafeRawPointer(context.fontMap).assumingMemoryBound(to: GObject.self)), { data, _ in
                Unmanaged<FreedFlag>.fromOpaque(data!).takeUnretainedValue().set()
            }, Unmanaged.passUnretained(freed).toOpaque())
        }
        // The waiting sort held a reference to the map; the map's end ran it, so the map is gone, not leaked. (Another
        // thread may be running that sort at this moment, and then frees the map as the sort ends: a moment later.)
        for _ in 0..<100 where !freed.freed { usleep(10_000) }
        #expect(freed.freed)
    }

    @Test func pangosCairoFacesDrawWithGalleysFreeTypeFaces() throws {
        let catalog = try FontCatalog.load(fontsDirectory: Self.root.appendingPathComponent("Fonts"))
        let context = PangoFontContext(configuration: try FontConfiguration(catalog: catalog, selection: .bundled))
        var checked = 0
        let given = FontHooks.facesGiven
        for family in ["Noto Serif", "Noto Sans", "Noto Sans Arabic", "Noto Sans Devanagari"] {
            let description = pango_font_description_from_string("\(family) 12")
            defer { pango_font_description_free(description) }
            let font = try #require(pango_font_map_load_font(context.fontMap, context.context, description))
            defer { g_object_unref(UnsafeMutableRawPointer(font)) }
            let face = context.fontFace(of: font)
            #expect(!face.file.isEmpty, "\(family)")
            let scaled = try #require(pango_cairo_font_get_scaled_font(OpaquePointer(font)))
            let locked = cairo_ft_scaled_font_lock_face(scaled)
            cairo_ft_scaled_font_unlock_face(scaled)
            // The face cairo locks is the very FreeType face Galley opened for that file: cairo opened nothing.
            #expect(locked != nil && locked == FreeTypeFaces.shared.face(file: face.file, index: face.index), "\(family): \(face.file)")
            checked += 1
        }
        #expect(checked == 4)
        #expect(FontHooks.facesGiven - given == 4, "one face given per font, made on this thread")
    }
}

/// Set by a GObject weak reference when the object it watches is finalised, on whichever thread finalises it.
final class FreedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// Whether the object is gone.
    var freed: Bool { lock.withLock { value } }

    /// Records that the object is gone.
    func set() {
        lock.withLock { value = true }
    }
}
