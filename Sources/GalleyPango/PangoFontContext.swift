import CCairoPango
import GalleyFonts
import GalleyLayout

/// One Pango font map over one font configuration, with a context set up for print: 72 dpi, no hinting, glyph
/// positions not rounded.
///
/// Font maps must never be shared between threads; a shaper owns its contexts.
final class PangoFontContext {
    let configuration: FontConfiguration
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    private var faces: [UnsafeMutableRawPointer: FontFace] = [:]

    init(configuration: FontConfiguration) {
        self.configuration = configuration
        let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)!
        fontMap = map
        // The resolution first: each of these two calls clears the map's caches and lists every family of its
        // configuration again, and before `set_config` that is fontconfig's empty default, not Galley's 90 fonts.
        pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
        // Pango's fontconfig font map is the concrete type behind the cairo FT font map.
        pango_fc_font_map_set_config(OpaquePointer(map), configuration.config)
        context = pango_font_map_create_context(map)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        // A sort Pango asked for and never needed holds a reference to this map: run it, so that the map is freed.
        FontHooks.runDeferredSorts(of: UnsafeRawPointer(fontMap))
        for key in faces.keys { g_object_unref(key) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// The font file and face behind a Pango font of this map.
    func fontFace(of font: UnsafeMutablePointer<PangoFont>?) -> FontFace {
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
}
