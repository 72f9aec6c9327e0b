import CCairoPango
import Foundation
import GalleyLayout

/// Shapes text with Pango and HarfBuzz, using only the fonts in one folder.
///
/// Owns its own fontconfig configuration and Pango font map: font maps must never be shared
/// between threads, so each worker creates its own shaper.
public final class PangoShaper: TextShaper {
    private let config: OpaquePointer
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private var faces: [UnsafeMutableRawPointer: FontFace] = [:]

    /// Errors setting up fonts.
    public enum SetupError: Error, CustomStringConvertible {
        /// The folder has no usable font files.
        case noFonts(String)

        /// A sentence for the user.
        public var description: String {
            switch self {
            case .noFonts(let path): return "\(path): no font files found (Galley uses only the fonts in this folder)"
            }
        }
    }

    /// Creates a shaper over the fonts in `fontsDirectory`.
    public init(fontsDirectory: URL) throws {
        guard let config = FcConfigCreate() else { throw SetupError.noFonts(fontsDirectory.path) }
        // A bare configuration has no cache folder; give it one so that scans are cached and fontconfig stays quiet.
        let cacheXML = "<fontconfig><cachedir>\(CacheFolder.named("fontconfig").path)</cachedir></fontconfig>"
        _ = FcConfigParseAndLoadFromMemory(config, cacheXML, 0)
        let added = FcConfigAppFontAddDir(config, fontsDirectory.path)
        guard added != 0, let fonts = FcConfigGetFonts(config, FcSetApplication), fonts.pointee.nfont > 0 else {
            FcConfigDestroy(config)
            throw SetupError.noFonts(fontsDirectory.path)
        }
        self.config = config
        let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)!
        fontMap = map
        // Pango's fontconfig font map is the concrete type behind the cairo FT font map.
        pango_fc_font_map_set_config(OpaquePointer(map), config)
        pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
        context = pango_font_map_create_context(map)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
    }

    /// Makes these fonts the ones Pango hands to code on this thread that asks for its default font map.
    ///
    /// librsvg sets an SVG's text through that default; without this it would use the system's fonts, breaking the
    /// rule that only `Fonts/` is used, and open faces outside the set the renderer knows (see `scripts/build-fonts.sh`).
    public func becomeThreadDefault() {
        pango_cairo_font_map_set_default(OpaquePointer(fontMap))
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
        FcConfigDestroy(config)
    }

    private func description(for font: FontRequest) -> OpaquePointer {
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        return description
    }

    /// Itemizes `text` (choosing fonts per script and coverage) and shapes each item.
    public func shape(_ text: String, font: FontRequest, language: String) -> [GlyphRun] {
        guard !text.isEmpty else { return [] }
        let description = description(for: font)
        defer { pango_font_description_free(description) }
        let attributes = pango_attr_list_new()
        defer { pango_attr_list_unref(attributes) }
        pango_attr_list_insert(attributes, pango_attr_font_desc_new(description))
        pango_attr_list_insert(attributes, pango_attr_language_new(pango_language_from_string(language)))
        pango_context_set_font_description(context, description)

        var runs: [GlyphRun] = []
        text.withCString { base in
            let length = Int32(strlen(base))
            var list = pango_itemize(context, base, 0, length, attributes, nil)
            let head = list
            defer {
                var node = head
                while let current = node {
                    pango_item_free(current.pointee.data.assumingMemoryBound(to: PangoItem.self))
                    node = current.pointee.next
                }
                g_list_free(head)
            }
            while let node = list {
                let item = node.pointee.data.assumingMemoryBound(to: PangoItem.self)
                runs.append(shapeItem(item, base: base, length: length, size: font.size))
                list = node.pointee.next
            }
        }
        return runs
    }

    private func shapeItem(_ item: UnsafeMutablePointer<PangoItem>, base: UnsafePointer<CChar>, length: Int32, size: Double) -> GlyphRun {
        let glyphString = pango_glyph_string_new()!
        defer { pango_glyph_string_free(glyphString) }
        let offset = Int(item.pointee.offset)
        let itemLength = item.pointee.length
        pango_shape_with_flags(base + offset, itemLength, base, length, &item.pointee.analysis, glyphString, PANGO_SHAPE_NONE)
        let face = fontFace(of: item.pointee.analysis.font)
        var glyphs: [Glyph] = []
        var missing = 0
        let count = Int(glyphString.pointee.num_glyphs)
        glyphs.reserveCapacity(count)
        let scale = Double(PANGO_SCALE)
        for index in 0..<count {
            let info = glyphString.pointee.glyphs[index]
            var id = info.glyph
            if id & PANGO_GLYPH_UNKNOWN_FLAG != 0 {
                missing += 1
                id = 0
            } else if id == PANGO_GLYPH_EMPTY {
                id = 0
            }
            glyphs.append(Glyph(id: id, advance: Double(info.geometry.width) / scale,
                                xOffset: Double(info.geometry.x_offset) / scale, yOffset: Double(info.geometry.y_offset) / scale,
                                cluster: Int(glyphString.pointee.log_clusters[index])))
        }
        let bytes = UnsafeRawBufferPointer(start: base + offset, count: Int(itemLength))
        let text = String(decoding: bytes, as: UTF8.self)
        return GlyphRun(face: face, size: size, text: text, glyphs: glyphs, missingGlyphs: missing)
    }

    private func fontFace(of font: UnsafeMutablePointer<PangoFont>?) -> FontFace {
        guard let font else { return FontFace(file: "", index: 0, postScriptName: "none") }
        let key = UnsafeMutableRawPointer(font)
        if let known = faces[key] { return known }
        var face = FontFace(file: "", index: 0, postScriptName: "unknown")
        if let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)) {
            var file: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(pattern, galley_fc_file(), 0, &file) == FcResultMatch, let file {
                face.file = String(cString: file)
            }
            var index: Int32 = 0
            if FcPatternGetInteger(pattern, galley_fc_index(), 0, &index) == FcResultMatch { face.index = Int(index) }
            var name: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(pattern, galley_fc_postscript_name(), 0, &name) == FcResultMatch, let name {
                face.postScriptName = String(cString: name)
            }
        }
        // Pango keeps fonts alive in its cache, so the pointer is a stable key for this font map's life.
        g_object_ref(key)
        faces[key] = face
        return face
    }

    /// Ascent, descent and the shaped space of `font`.
    public func metrics(of font: FontRequest) -> FontMetrics {
        let description = description(for: font)
        defer { pango_font_description_free(description) }
        let metrics = pango_context_get_metrics(context, description, nil)
        defer { pango_font_metrics_unref(metrics) }
        let scale = Double(PANGO_SCALE)
        let space = shape(" ", font: font, language: "en").first
            ?? GlyphRun(face: FontFace(file: "", index: 0, postScriptName: "none"), size: font.size, text: " ",
                        glyphs: [Glyph(id: 0, advance: font.size / 4, cluster: 0)])
        return FontMetrics(ascent: Double(pango_font_metrics_get_ascent(metrics)) / scale,
                           descent: Double(pango_font_metrics_get_descent(metrics)) / scale,
                           capHeight: font.size * 0.71, space: space)
    }
}
