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
        // A new shaper has a new font map, so its first word meets a new pattern: a match and a sort, both here.
        #expect(!runs.isEmpty)
        #expect(afterFirst - before >= 2, "\(afterFirst - before) fontconfig threads run here")
        #expect((afterFirst - before) % 2 == 0, "a match and a sort for each pattern")
        // The same word again meets no new pattern.
        _ = shaper.shape("Galley", font: font, language: "en", direction: .leftToRight)
        #expect(FontHooks.threadsRunInline == afterFirst)
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
