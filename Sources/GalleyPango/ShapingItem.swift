import CCairoPango
import GalleyLayout

/// What itemizing one word gave: a single item of one font, script and language at bidi level 0 or 1, kept so that
/// the next word of the same families, font request, language, script and direction is shaped without
/// `pango_itemize`.
///
/// Itemizing is a third of the cost of shaping a word, and its answer for a word of one script in a font that has
/// every one of its characters is always that same item. `accepts` checks, character by character, what
/// `pango_itemize` would check: each must be in this font, and this must be the first font of the fontset that has
/// it (Pango's own fallback rule). `PangoShaper.shortcutScript` has already refused what itemizing treats apart:
/// characters of the other direction and numbers, a second script, emoji, and characters Pango never picks a font for.
final class ShapingItem {
    /// The item's analysis, its font referenced for as long as this is kept.
    let analysis: PangoAnalysis
    private let fontset: UnsafeMutablePointer<PangoFontset>
    /// The characters found to pass, each asked of Pango once: its coverage test is the costlier part of the check.
    private var passed = Set<UInt32>()
    /// The HarfBuzz plan a word this item accepts is shaped with, made on the first such word (nil: none can be).
    private(set) lazy var direct: DirectShaping? = DirectShaping(analysis)

    /// The item `item` of `text`, when it covers all of it at `level` (0 or 1) in `script`, has no attributes Galley
    /// did not set, and its font and fontset account for each of its characters; nil otherwise.
    init?(_ item: UnsafeMutablePointer<PangoItem>, of text: String, script: UInt32, level: UInt8, fontMap: UnsafeMutablePointer<PangoFontMap>,
          context: OpaquePointer, description: OpaquePointer) {
        let found = item.pointee.analysis
        guard item.pointee.offset == 0, Int(item.pointee.length) == text.utf8.count, found.level == level,
              UInt32(found.script) == script, found.extra_attrs == nil, let font = found.font,
              let fontset = pango_font_map_load_fontset(fontMap, context, description, found.language) else { return nil }
        // The word it was made from must pass its own test, or the fontset is not the one itemizing used.
        guard Self.accepts(text, font: font, fontset: fontset) else {
            g_object_unref(UnsafeMutableRawPointer(fontset))
            return nil
        }
        g_object_ref(UnsafeMutableRawPointer(font))
        analysis = found
        self.fontset = fontset
    }

    deinit {
        // The plan and HarfBuzz font belong to the font's face: let go of them while the font is still held.
        direct = nil
        if let font = analysis.font { g_object_unref(UnsafeMutableRawPointer(font)) }
        g_object_unref(UnsafeMutableRawPointer(fontset))
    }

    /// Whether itemizing `text` would give this same single item: its font has every character, and no font before
    /// it in the fontset has any of them.
    func accepts(_ text: String) -> Bool {
        guard let font = analysis.font else { return false }
        for scalar in text.unicodeScalars where !passed.contains(scalar.value) {
            guard Self.accepts(scalar.value, font: font, fontset: fontset) else { return false }
            passed.insert(scalar.value)
        }
        return true
    }

    private static func accepts(_ text: String, font: UnsafeMutablePointer<PangoFont>, fontset: UnsafeMutablePointer<PangoFontset>) -> Bool {
        text.unicodeScalars.allSatisfy { accepts($0.value, font: font, fontset: fontset) }
    }

    /// Whether `font` has `character` and is the first font of `fontset` that does.
    private static func accepts(_ character: UInt32, font: UnsafeMutablePointer<PangoFont>, fontset: UnsafeMutablePointer<PangoFontset>) -> Bool {
        guard pango_font_has_char(font, character) != 0 else { return false }
        let first = pango_fontset_get_font(fontset, character)
        defer { if let first { g_object_unref(UnsafeMutableRawPointer(first)) } }
        return first == font
    }
}
