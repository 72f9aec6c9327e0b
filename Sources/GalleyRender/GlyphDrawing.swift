import CCairoPango
import GalleyLayout

/// Shows glyph runs with their text and cluster maps, so that PDF viewers copy and search the real text.
final class GlyphDrawing {
    private var currentFace: OpaquePointer?
    private var currentSize = 0.0

    /// Sets print font options (no hinting: glyphs sit where layout put them) on a new context.
    static func prepare(_ cr: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    func show(_ run: GlyphRun, at origin: Point, on cr: OpaquePointer, face: OpaquePointer) {
        guard !run.glyphs.isEmpty else { return }
        // Runs in a row mostly share face and size; cairo looks the scaled font up again on every change.
        if face != currentFace || run.size != currentSize {
            cairo_set_font_face(cr, face)
            cairo_set_font_size(cr, run.size)
            currentFace = face
            currentSize = run.size
        }

        var glyphs: [cairo_glyph_t] = []
        glyphs.reserveCapacity(run.glyphs.count)
        var pen = origin.x
        for glyph in run.glyphs {
            glyphs.append(cairo_glyph_t(index: UInt(glyph.id), x: pen + glyph.xOffset, y: origin.y + glyph.yOffset))
            pen += glyph.advance
        }
        let utf8 = Array(run.text.utf8)
        var clusters = Self.clusterMap(run, byteCount: utf8.count)
        utf8.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                cairo_show_text_glyphs(cr, text, Int32(bytes.count), &glyphs, Int32(glyphs.count),
                                       &clusters, Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
            }
        }
    }

    /// cairo's clusters from the glyphs' byte offsets; a run whose offsets are not monotonic becomes one cluster.
    static func clusterMap(_ run: GlyphRun, byteCount: Int) -> [cairo_text_cluster_t] {
        var clusters: [cairo_text_cluster_t] = []
        var index = 0
        let glyphs = run.glyphs
        var valid = glyphs.first?.cluster == 0
        while valid, index < glyphs.count {
            let start = glyphs[index].cluster
            var end = index + 1
            while end < glyphs.count, glyphs[end].cluster == start { end += 1 }
            let nextByte = end < glyphs.count ? glyphs[end].cluster : byteCount
            guard nextByte > start else {
                valid = false
                break
            }
            clusters.append(cairo_text_cluster_t(num_bytes: Int32(nextByte - start), num_glyphs: Int32(end - index)))
            index = end
        }
        if !valid || byteCount == 0 {
            return [cairo_text_cluster_t(num_bytes: Int32(max(byteCount, 0)), num_glyphs: Int32(glyphs.count))]
        }
        return clusters
    }
}
