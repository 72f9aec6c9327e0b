import CCairoPango
import GalleyLayout

/// A word shaped by HarfBuzz with a shaping plan made once for its item, as `pango_shape` would shape it.
///
/// `pango_shape` sets up the same HarfBuzz call for every word: a sub-font with Pango's glyph callbacks, a buffer
/// under a lock, the item's features, and a lookup of the face's cached shaping plan among those of every script and
/// language met so far. That setup cost more than a short word's shaping itself (7,000 instructions of a word's
/// 26,000 went to finding the plan). For a word `ShapingItem` accepts, each character is in the item's font and none
/// is one Pango's callbacks treat apart (spaces, controls, ignorables, characters the font lacks), so the callbacks
/// only pass through to the font's own, and the word can be shaped with the font and the plan directly. The buffer
/// is set as Pango sets it (direction, script, language, whole-word context, monotone character clusters, Pango's
/// invisible glyph), and the result is read as Pango reads it.
final class DirectShaping {
    /// Pango's HarfBuzz font for the item's font, owned by that font (which the item keeps alive).
    private let font: OpaquePointer
    private let plan: OpaquePointer
    private var properties: hb_segment_properties_t
    private var features: [hb_feature_t]

    /// The plan for `analysis` (level 0 or 1, no extra attributes, as `ShapingItem` requires), nil when its font has
    /// no HarfBuzz font.
    init?(_ analysis: PangoAnalysis) {
        guard let pangoFont = analysis.font, let font = pango_font_get_hb_font(pangoFont) else { return nil }
        self.font = font
        // The font's own features (a fontconfig pattern may name some) are all `pango_shape` adds for an item with
        // no attributes of its own; Pango collects at most 32.
        var collected = [hb_feature_t](repeating: hb_feature_t(), count: 32)
        var count: guint = 0
        pango_font_get_features(pangoFont, &collected, guint(collected.count), &count)
        features = Array(collected.prefix(Int(count)))
        properties = hb_segment_properties_t()
        // As `pango_shape` sets it: right to left at an odd level, the glyphs then coming in visual order.
        properties.direction = analysis.level % 2 == 1 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR
        properties.script = hb_script_t(rawValue: g_unicode_script_to_iso15924(GUnicodeScript(rawValue: Int32(analysis.script))))
        properties.language = hb_language_from_string(pango_language_to_string(analysis.language), -1)
        guard let plan = hb_shape_plan_create_cached2(hb_font_get_face(font), &properties, features, UInt32(features.count),
                                                      nil, 0, nil) else { return nil }
        self.plan = plan
    }

    deinit {
        hb_shape_plan_destroy(plan)
    }

    /// The glyphs of the `length` bytes at `text` (a whole word), shaped in `buffer`, with their clusters as byte
    /// offsets; nil when HarfBuzz gives what `pango_shape` would have changed (no glyphs, a negative advance), so
    /// that the word goes through Pango instead.
    func shape(_ text: UnsafePointer<CChar>, length: Int32, in buffer: OpaquePointer) -> [ShapedGlyph]? {
        hb_buffer_reset(buffer)
        hb_buffer_set_segment_properties(buffer, &properties)
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        hb_buffer_set_flags(buffer, hb_buffer_flags_t(rawValue: HB_BUFFER_FLAG_BOT.rawValue | HB_BUFFER_FLAG_EOT.rawValue))
        hb_buffer_set_invisible_glyph(buffer, PANGO_GLYPH_EMPTY)
        hb_buffer_add_utf8(buffer, text, length, 0, length)
        guard hb_shape_plan_execute(plan, font, buffer, features, UInt32(features.count)) != 0 else { return nil }
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count), count > 0,
              let positions = hb_buffer_get_glyph_positions(buffer, nil) else { return nil }
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let position = positions[index]
            guard position.x_advance >= 0 else { return nil }
            glyphs.append(ShapedGlyph(glyph: infos[index].codepoint, width: position.x_advance, xOffset: position.x_offset,
                                      yOffset: -position.y_offset, cluster: Int32(bitPattern: infos[index].cluster)))
        }
        return glyphs
    }
}

/// One glyph as `pango_shape` leaves it in a glyph string: its id, width and offsets in Pango units, and the byte
/// offset of its cluster in the shaped text.
struct ShapedGlyph {
    var glyph: UInt32
    var width: Int32
    var xOffset: Int32
    var yOffset: Int32
    var cluster: Int32
}
