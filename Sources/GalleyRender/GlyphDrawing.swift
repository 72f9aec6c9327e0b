import CCairoPango
import GalleyLayout

/// Shows glyph runs with their text and cluster maps, so that PDF viewers copy and search the real text.
final class GlyphDrawing {
    private var currentFace: OpaquePointer?
    private var currentSize = 0.0
    private var currentScale = 1.0
    /// For each cairo face, the empty glyph that places right-to-left text where no glyph of its own stands (0: none).
    private var carriers: [OpaquePointer: UInt] = [:]

    /// Sets print font options (no hinting: glyphs sit where layout put them) on a new context.
    static func prepare(_ cr: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    /// Makes `run`'s face, size and horizontal scale cairo's current font.
    private func select(_ run: GlyphRun, face: OpaquePointer, on cr: OpaquePointer) {
        // Runs in a row mostly share face and size; cairo looks the scaled font up again on every change.
        guard face != currentFace || run.size != currentSize || run.horizontalScale != currentScale else { return }
        cairo_set_font_face(cr, face)
        if run.horizontalScale == 1 {
            cairo_set_font_size(cr, run.size)
        } else {
            // An expanded line: the outlines are widened with the advances. cairo subsets a font once per face,
            // whatever its matrix, so the expansion adds no font to the PDF.
            var matrix = cairo_matrix_t()
            cairo_matrix_init_scale(&matrix, run.size * run.horizontalScale, run.size)
            cairo_set_font_matrix(cr, &matrix)
        }
        currentFace = face
        currentSize = run.size
        currentScale = run.horizontalScale
    }

    /// Fills the outlines of `run`'s glyphs as shapes, with no text (a drop cap's letter; its text is shown elsewhere).
    func fill(_ run: GlyphRun, at origin: Point, on cr: OpaquePointer, face: OpaquePointer) {
        select(run, face: face, on: cr)
        var glyphs: [cairo_glyph_t] = []
        var pen = origin.x
        for glyph in run.glyphs {
            if glyph.id != GlyphRun.invisibleGlyph {
                glyphs.append(cairo_glyph_t(index: UInt(glyph.id), x: pen + glyph.xOffset, y: origin.y + glyph.yOffset))
            }
            pen += glyph.advance
        }
        guard !glyphs.isEmpty else { return }
        cairo_new_path(cr)
        cairo_glyph_path(cr, &glyphs, Int32(glyphs.count))
        cairo_fill(cr)
    }

    /// What a run shows: its text, its glyphs where they stand, and the clusters that tie them together, as cairo's
    /// `cairo_show_text_glyphs` takes them (and Galley's own text operators too).
    struct ShownText {
        /// The text, in UTF-8.
        var text: [UInt8]
        /// The glyphs, with their positions on the page.
        var glyphs: [cairo_glyph_t]
        /// Bytes of text and glyphs, cluster after cluster, in text order.
        var clusters: [cairo_text_cluster_t]
        /// Whether the clusters count glyphs from the last (a right-to-left run in visual order).
        var backward: Bool
    }

    /// Shows `run` with cairo, with its text.
    func show(_ run: GlyphRun, at origin: Point, on cr: OpaquePointer, face: OpaquePointer) {
        guard !run.glyphs.isEmpty else { return }
        select(run, face: face, on: cr)
        guard var shown = Self.shownText(run, at: origin, carrier: { self.carrier(on: cr, face: face) }) else { return }
        let flags = shown.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(rawValue: 0)
        shown.text.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                cairo_show_text_glyphs(cr, text, Int32(bytes.count), &shown.glyphs, Int32(shown.glyphs.count),
                                       &shown.clusters, Int32(shown.clusters.count), flags)
            }
        }
    }

    /// What `run`, drawn from `origin`, shows; nil when it shows nothing. `carrier` gives the face's empty glyph, for
    /// text with no glyph of its own and the characters a right-to-left run places apart.
    static func shownText(_ run: GlyphRun, at origin: Point, carrier: () -> UInt?) -> ShownText? {
        guard !run.glyphs.isEmpty else { return nil }
        if run.isRightToLeft, let page = rightToLeftText(run, at: origin, carrier: carrier()) {
            return ShownText(text: page.text, glyphs: page.glyphs, clusters: page.clusters, backward: false)
        }
        var glyphs: [cairo_glyph_t] = []
        glyphs.reserveCapacity(run.glyphs.count)
        var pen = origin.x
        for glyph in run.glyphs {
            // Characters drawn as nothing keep their place in the cluster map but show no glyph.
            if glyph.id != GlyphRun.invisibleGlyph {
                glyphs.append(cairo_glyph_t(index: UInt(glyph.id), x: pen + glyph.xOffset, y: origin.y + glyph.yOffset))
            }
            pen += glyph.advance
        }
        let utf8 = Array(run.text.utf8)
        guard !glyphs.isEmpty else {
            // Text with no glyph of its own (a drop cap's letter, filled as a shape): shown on the face's empty glyph, so
            // that it is copied and searched where it is read.
            guard !utf8.isEmpty, let carrier = carrier() else { return nil }
            return ShownText(text: utf8, glyphs: [cairo_glyph_t(index: carrier, x: origin.x, y: origin.y)],
                             clusters: [cairo_text_cluster_t(num_bytes: Int32(utf8.count), num_glyphs: 1)], backward: false)
        }
        // A right-to-left run's clusters run from its last glyph (the glyphs stand in visual order).
        return ShownText(text: utf8, glyphs: glyphs, clusters: clusterMap(run, byteCount: utf8.count), backward: run.isRightToLeft)
    }

    /// cairo's clusters from the glyphs' byte offsets, in text order, counting only the glyphs that are shown.
    ///
    /// A right-to-left run's glyphs stand in visual order, so its clusters are made from the glyphs reversed (and
    /// drawn with cairo's backward flag). A run whose offsets do not run monotonically becomes one cluster.
    static func clusterMap(_ run: GlyphRun, byteCount: Int) -> [cairo_text_cluster_t] {
        let backward = run.isRightToLeft
        let glyphs = backward ? Array(run.glyphs.reversed()) : run.glyphs
        let shown = glyphs.reduce(0) { $0 + ($1.id == GlyphRun.invisibleGlyph ? 0 : 1) }
        var clusters: [cairo_text_cluster_t] = []
        clusters.reserveCapacity(glyphs.count)
        var index = 0
        var valid = glyphs.first?.cluster == 0
        while valid, index < glyphs.count {
            let start = glyphs[index].cluster
            var end = index + 1
            var count = glyphs[index].id == GlyphRun.invisibleGlyph ? 0 : 1
            while end < glyphs.count, glyphs[end].cluster == start {
                if glyphs[end].id != GlyphRun.invisibleGlyph { count += 1 }
                end += 1
            }
            let nextByte = end < glyphs.count ? glyphs[end].cluster : byteCount
            guard nextByte > start else {
                valid = false
                break
            }
            clusters.append(cairo_text_cluster_t(num_bytes: Int32(nextByte - start), num_glyphs: Int32(count)))
            index = end
        }
        if !valid || byteCount == 0 {
            return [cairo_text_cluster_t(num_bytes: Int32(max(byteCount, 0)), num_glyphs: Int32(shown))]
        }
        if !backward, Self.marksWords(run.text) { return wordClusters(clusters, text: Array(run.text.utf8)) }
        return clusters
    }

    /// Whether `text` is in a script whose vowel signs and marks are drawn before, above or around their consonant
    /// (the Indic scripts, Thai and its neighbours): text extractors misplace such glyphs one by one and split
    /// words apart, so each word becomes one cluster, which PDF viewers copy whole.
    static func marksWords(_ text: String) -> Bool {
        // These scripts start at U+0900, whose UTF-8 begins with 0xE0: a byte scan rules out most text at once.
        guard text.utf8.contains(where: { $0 >= 0xE0 }) else { return false }
        return text.unicodeScalars.contains { scalar in
            guard (0x0900...0x109F).contains(scalar.value) || (0x1780...0x17FF).contains(scalar.value) else { return false }
            return scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
        }
    }

    /// Clusters joined so that each word (up to and including the spaces after it) is one.
    static func wordClusters(_ clusters: [cairo_text_cluster_t], text: [UInt8]) -> [cairo_text_cluster_t] {
        var result: [cairo_text_cluster_t] = []
        var offset = 0
        for cluster in clusters {
            let bytes = text[offset..<offset + Int(cluster.num_bytes)]
            let isSpace = bytes.allSatisfy { $0 == 0x20 }
            if let last = result.indices.last, !isSpace, !(offset > 0 && text[offset - 1] == 0x20) {
                result[last].num_bytes += cluster.num_bytes
                result[last].num_glyphs += cluster.num_glyphs
            } else {
                result.append(cluster)
            }
            offset += Int(cluster.num_bytes)
        }
        return result
    }

    // MARK: Right-to-left runs

    /// A right-to-left run as the page gives it to text extractors: glyphs left to right, one character per unit.
    struct RightToLeftText {
        var text: [UInt8] = []
        var glyphs: [cairo_glyph_t] = []
        var clusters: [cairo_text_cluster_t] = []
    }

    /// Extractors that read a page by position (poppler's pdftotext, PDFium, pdf.js) expect right-to-left text in
    /// visual order: they sort characters by where they stand and reverse each right-to-left line. Two things then go
    /// wrong: text mapped to one glyph (a ligature, an ActualText span) comes out reversed, and a character standing
    /// inside another (a vowel mark over its letter) lands on the wrong side of it or breaks the line.
    ///
    /// So the run is drawn left to right, cut into units of one character each (each unit's text is in reading
    /// order, as ToUnicode and ActualText want): a ligature's further characters, and every zero-width cluster (marks,
    /// the alef of a two-glyph lam-alef, joiners), are placed just left of the letter they belong to, `step` apart, by
    /// an empty glyph (`carrier`) that opens the unit's ActualText span there. A zero-width glyph standing alone at its
    /// letter's origin is drawn as it is. Nil when the run's clusters are not contiguous.
    static func rightToLeftText(_ run: GlyphRun, at origin: Point, carrier: UInt?) -> RightToLeftText? {
        struct Unit {
            var bytes: Range<Int>
            var glyphs: Range<Int>
            var pen: Double
            var width: Double
            var x = 0.0
            var zeroWidth: Bool
            var inPlace: Bool
        }
        let glyphs = run.glyphs
        let text = Array(run.text.utf8)
        // Clusters are byte offsets into the run's text, so tables indexed by offset stand in for sets and
        // dictionaries: an issue draws tens of thousands of right-to-left clusters, and hashing each was a twentieth
        // of drawing it.
        var isStart = [Bool](repeating: false, count: text.count)
        for glyph in glyphs {
            guard glyph.cluster >= 0, glyph.cluster < text.count else { return nil }
            isStart[glyph.cluster] = true
        }
        guard !glyphs.isEmpty, isStart[0] else { return nil }
        // Where each cluster's bytes end: at the next cluster's start, or at the end of the text.
        var ends = [Int](repeating: text.count, count: text.count)
        var following = text.count
        for byte in stride(from: text.count - 1, through: 0, by: -1) {
            ends[byte] = following
            if isStart[byte] { following = byte }
        }

        var units: [Unit] = []
        var positions: [Double] = []
        positions.reserveCapacity(glyphs.count)
        var cursor = origin.x
        var done = [Bool](repeating: false, count: text.count)
        var scalars: [Int] = []
        var index = 0
        while index < glyphs.count {
            let start = glyphs[index].cluster
            // A cluster met twice is not contiguous: the run cannot be cut into units.
            guard !done[start] else { return nil }
            done[start] = true
            let stop = ends[start]
            let pen = cursor
            var end = index
            while end < glyphs.count, glyphs[end].cluster == start {
                positions.append(cursor + glyphs[end].xOffset)
                cursor += glyphs[end].advance
                end += 1
            }
            let width = cursor - pen
            var shownCount = 0
            var firstShown = index
            for glyph in index..<end where glyphs[glyph].id != GlyphRun.invisibleGlyph {
                if shownCount == 0 { firstShown = glyph }
                shownCount += 1
            }
            scalars.removeAll(keepingCapacity: true)
            var byte = start
            while byte < stop {
                scalars.append(byte)
                byte += Self.utf8Width(text[byte])
            }
            var firstEnd = stop
            if carrier != nil, scalars.count > 1 {
                // The cluster's further characters, its last first (leftmost on the page), each on a carrier.
                for character in stride(from: scalars.count - 1, through: 1, by: -1) {
                    let characterEnd = character + 1 < scalars.count ? scalars[character + 1] : stop
                    units.append(Unit(bytes: scalars[character]..<characterEnd, glyphs: index..<index, pen: pen, width: 0,
                                      zeroWidth: true, inPlace: false))
                }
                firstEnd = scalars[1]
            }
            let atOrigin = shownCount == 1 && glyphs[firstShown].xOffset == 0 && glyphs[firstShown].yOffset == 0
            units.append(Unit(bytes: start..<firstEnd, glyphs: index..<end, pen: pen, width: width, zeroWidth: width == 0,
                              inPlace: width == 0 ? atOrigin : shownCount == 1))
            index = end
        }

        // Zero-width units go just left of where the next inked unit starts (kerning may move its glyph off the pen).
        let step = 0.01 * run.size
        var unit = units.count - 1
        while unit >= 0 {
            var anchor = units[unit].pen
            if !units[unit].zeroWidth {
                for glyph in units[unit].glyphs where glyphs[glyph].id != GlyphRun.invisibleGlyph {
                    anchor = min(anchor, positions[glyph])
                }
                units[unit].x = anchor
                unit -= 1
            }
            var stacked = 0.0
            while unit >= 0, units[unit].zeroWidth {
                stacked += 1
                units[unit].x = anchor - stacked * step
                unit -= 1
            }
        }
        // A lone zero-width glyph at its letter's origin needs no carrier: drawn first, it sorts before its letter.
        for unit in units.indices where units[unit].zeroWidth && units[unit].inPlace {
            let alone = (unit + 1 == units.count || !units[unit + 1].zeroWidth) && (unit == 0 || !units[unit - 1].zeroWidth)
            if alone { units[unit].x = units[unit].pen } else { units[unit].inPlace = false }
        }

        var page = RightToLeftText()
        page.text.reserveCapacity(text.count)
        page.glyphs.reserveCapacity(glyphs.count + 8)
        for unit in units {
            page.text += text[unit.bytes]
            let before = page.glyphs.count
            let carried = carrier.flatMap { unit.inPlace ? nil : $0 }
            if let carried { page.glyphs.append(cairo_glyph_t(index: carried, x: unit.x, y: origin.y)) }
            for glyph in unit.glyphs where glyphs[glyph].id != GlyphRun.invisibleGlyph {
                page.glyphs.append(cairo_glyph_t(index: UInt(glyphs[glyph].id), x: positions[glyph],
                                                 y: origin.y + glyphs[glyph].yOffset))
            }
            if let carried {
                page.glyphs.append(cairo_glyph_t(index: carried, x: unit.zeroWidth ? unit.x : unit.pen + unit.width, y: origin.y))
            }
            page.clusters.append(cairo_text_cluster_t(num_bytes: Int32(unit.bytes.count), num_glyphs: Int32(page.glyphs.count - before)))
        }
        return page
    }

    /// The bytes of the UTF-8 sequence that starts with `lead`.
    static func utf8Width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The glyphs that may carry text without ink, in the order they are tried: those of a zero width space, a byte
    /// order mark and a word joiner (`glyph` gives a character's glyph, 0 for none), then the first glyphs, where fonts
    /// keep their null glyph. Galley's text writer (`TextFace`) tries the same ones.
    static func carrierCandidates(glyphCount: Int, glyph: (UInt32) -> UInt32) -> [UInt] {
        var candidates: [UInt] = []
        for character: UInt32 in [0x200B, 0xFEFF, 0x2060] {
            let id = glyph(character)
            if id != 0 { candidates.append(UInt(id)) }
        }
        return candidates + (1..<max(1, min(4, glyphCount))).map { UInt($0) }
    }

    /// An empty glyph of no advance in the current face (see `carrierCandidates`), cached per face; nil when the face
    /// has none.
    private func carrier(on cr: OpaquePointer, face: OpaquePointer) -> UInt? {
        if let known = carriers[face] { return known == 0 ? nil : known }
        var found: UInt = 0
        if let scaled = cairo_get_scaled_font(cr) {
            var candidates: [UInt] = []
            if let ftFace = cairo_ft_scaled_font_lock_face(scaled) {
                candidates = Self.carrierCandidates(glyphCount: Int(ftFace.pointee.num_glyphs)) { UInt32(FT_Get_Char_Index(ftFace, FT_ULong($0))) }
                cairo_ft_scaled_font_unlock_face(scaled)
            }
            for id in candidates {
                var glyph = cairo_glyph_t(index: id, x: 0, y: 0)
                var extents = cairo_text_extents_t()
                cairo_scaled_font_glyph_extents(scaled, &glyph, 1, &extents)
                if extents.width == 0, extents.height == 0, extents.x_advance == 0 {
                    found = id
                    break
                }
            }
        }
        carriers[face] = found
        return found == 0 ? nil : found
    }
}
