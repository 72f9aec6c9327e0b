import CCairoPango
import GalleyLayout
import GalleyPDF

/// Writes a part's glyph runs as PDF text operators in place of cairo, and keeps what the finish needs to embed their
/// fonts: the glyphs each face shows, their widths, and the text each glyph first showed.
///
/// cairo spent some 6,800 instructions a glyph on this (recording the run, measuring every glyph's outline through
/// FreeType when the page was replayed, copying the face's `cmap` for each new glyph, printing each number); here a
/// glyph is an advance read from `hmtx` once, a few comparisons and a few bytes. Clusters become text as cairo makes
/// them: a cluster of one glyph whose text is the first that glyph showed in the part is the glyph alone, and the
/// glyph's ToUnicode entry says its text; any other cluster is an `/ActualText` span holding its glyphs.
///
/// Each page's text is kept apart from cairo's content and follows it in the finish, so every run of one structure
/// element is a marked-content sequence numbered after cairo's own on the page.
final class TextOperatorWriter {
    /// One face as this part uses it, with what is known of each glyph, by glyph number.
    fileprivate struct Font {
        let face: TextFace
        let resourceName: String
        /// The advance of each glyph shown, in thousandths of an em (-1: not shown yet).
        var widths: [Int32]
        /// For each glyph, the index in `texts` of the text its ToUnicode entry gives (-1: none yet).
        var textIndex: [Int32]
        var texts: [[UInt8]] = []
        /// Each glyph's code once looked up (-1: not yet), for a face whose codes are CIDs.
        var codes: [Int32] = []

        init(face: TextFace, resourceName: String) {
            self.face = face
            self.resourceName = resourceName
            widths = [Int32](repeating: -1, count: max(face.glyphCount, 1))
            textIndex = [Int32](repeating: -1, count: max(face.glyphCount, 1))
            if face.embedded.program == .cidCFF { codes = [Int32](repeating: -1, count: max(face.glyphCount, 1)) }
        }

        /// The code of `glyph`, looked up once.
        mutating func code(_ glyph: Int) -> UInt16 {
            guard !codes.isEmpty else { return UInt16(truncatingIfNeeded: glyph) }
            if codes[glyph] < 0 { codes[glyph] = Int32(face.code(UInt32(glyph))) }
            return UInt16(truncatingIfNeeded: codes[glyph])
        }

        /// What the finish needs of this face.
        mutating func use() -> TextFontUse {
            var use = TextFontUse(face: face.embedded, resourceName: resourceName)
            for glyph in widths.indices where widths[glyph] >= 0 {
                let code = code(glyph)
                use.glyphs.append(UInt32(glyph))
                use.widths[code] = Int(widths[glyph])
                if textIndex[glyph] >= 0 {
                    use.text[code] = texts[Int(textIndex[glyph])]
                } else if let character = face.character(of: UInt32(glyph)) {
                    // Shown only inside ActualText spans: its own character, for readers that pass over the spans.
                    use.text[code] = Array(String(Character(character)).utf8)
                }
            }
            return use
        }
    }

    /// A run of text belonging to one structure element (or to none: an artifact), to be marked when the page ends.
    fileprivate struct Segment {
        var node: Int32
        var bytes: [UInt8] = []
    }

    /// Everything the writer changes as it writes, kept in one value so that the loop over glyphs works on local
    /// storage (no exclusivity checks on a class's fields for every glyph).
    fileprivate struct State {
        var fonts: [Font] = []
        var fontOfFace: [ObjectIdentifier: Int] = [:]
        var pages: [[UInt8]] = []
        var fontsOfPage: [[Int]] = []
        // The page being written.
        var height = 0.0
        var segments: [Segment] = []
        var pageFonts: [Int] = []
        var font = -1
        var color = Color.black
        // The text object being written: the text matrix's origin, its scales, and the pen in ems from its origin.
        var originX = 0.0
        var originY = 0.0
        var scaleX = 1.0
        var size = 1.0
        var pen = 0.0
        var positioned = false
        var arrayOpen = false
        var stringOpen = false
    }

    /// The longest text a single glyph is mapped to in ToUnicode; a longer cluster is an ActualText span.
    fileprivate static let longestMappedText = 64

    private let structure: [StructureNode]
    private var state = State()

    /// A writer for a document whose elements are `structure`.
    init(structure: [StructureNode]) {
        self.structure = structure
    }

    /// Starts a page `height` points high.
    func beginPage(height: Double) {
        state.height = height
        state.segments = []
        state.pageFonts = []
        state.font = -1
        // The text follows cairo's content, saved and restored around it: the page's default colour.
        state.color = Color.black
    }

    /// Ends the page, whose cairo content used marked-content ids up to `firstMCID`; returns the structure node of
    /// each id the text adds, in order.
    func endPage(firstMCID: Int) -> [Int32] {
        var marks: [Int32] = []
        var bytes: [UInt8] = []
        for segment in state.segments where !segment.bytes.isEmpty {
            let node = segment.node
            let marked = node >= 0 && Int(node) < structure.count
            if marked {
                let role = structure[Int(node)].role
                bytes.append(UInt8(ascii: "/"))
                bytes.append(contentsOf: (role == .link ? StructureRole.span.rawValue : role.rawValue).utf8)
                bytes.append(ascii: "<</MCID ")
                PDFNumbers.append(firstMCID + marks.count, to: &bytes)
                bytes.append(ascii: ">>BDC\n")
                marks.append(node)
            }
            bytes.append(ascii: "BT\n")
            bytes.append(contentsOf: segment.bytes)
            bytes.append(ascii: "ET\n")
            if marked { bytes.append(ascii: "EMC\n") }
        }
        state.pages.append(bytes)
        state.fontsOfPage.append(state.pageFonts)
        return marks
    }

    /// The part's text, once its last page has ended.
    func finish() -> PartText {
        var uses: [TextFontUse] = []
        for index in state.fonts.indices { uses.append(state.fonts[index].use()) }
        return PartText(pages: state.pages, fonts: uses, fontsOfPage: state.fontsOfPage)
    }

    /// Writes `shown`, a run set in `face` at `size` points widened by `horizontalScale`, in `fill`, as part of the
    /// structure element `node` (negative: an artifact).
    func show(_ shown: GlyphDrawing.ShownText, face: TextFace, size: Double, horizontalScale: Double, fill: Color, node: Int32) {
        guard !shown.glyphs.isEmpty || !shown.text.isEmpty, size > 0, horizontalScale > 0 else { return }
        var local = State()
        swap(&local, &state)
        defer { swap(&local, &state) }
        local.show(shown, face: face, size: size, horizontalScale: horizontalScale, fill: fill, node: node)
    }
}

extension TextOperatorWriter.State {
    /// See `TextOperatorWriter.show`.
    fileprivate mutating func show(_ shown: GlyphDrawing.ShownText, face: TextFace, size: Double, horizontalScale: Double, fill: Color,
                                   node: Int32) {
        if segments.last?.node != node { segments.append(.init(node: node)) }
        var out: [UInt8] = []
        swap(&out, &segments[segments.count - 1].bytes)
        defer { swap(&out, &segments[segments.count - 1].bytes) }

        let index = fontIndex(face)
        if index != font {
            out.append(contentsOf: fonts[index].resourceName.utf8)
            out.append(ascii: " 1 Tf\n")
            font = index
        }
        if fill != color {
            PDFNumbers.append(fill.red, to: &out)
            out.append(UInt8(ascii: " "))
            PDFNumbers.append(fill.green, to: &out)
            out.append(UInt8(ascii: " "))
            PDFNumbers.append(fill.blue, to: &out)
            out.append(ascii: " rg\n")
            color = fill
        }
        // The scales as the text matrix writes them, so that positions are worked out as a reader will.
        scaleX = (size * horizontalScale * 100_000).rounded() / 100_000
        self.size = (size * 100_000).rounded() / 100_000
        positioned = false

        let glyphs = shown.glyphs
        let text = shown.text
        var cursor = shown.backward ? glyphs.count : 0
        var byte = 0
        for cluster in shown.clusters {
            let count = Int(cluster.num_glyphs)
            let length = Int(cluster.num_bytes)
            guard count >= 0, length >= 0, byte + length <= text.count else { break }
            if shown.backward { cursor -= count }
            guard cursor >= 0, cursor + count <= glyphs.count else { break }
            let bytes = text[byte..<byte + length]
            if count == 1, length > 0, length <= TextOperatorWriter.longestMappedText,
               mapsAlone(Int(truncatingIfNeeded: glyphs[cursor].index), to: bytes, in: index) {
                place(glyphs[cursor], font: index, into: &out)
            } else {
                closeArray(&out)
                // The span opens where its first glyph stands: a text matrix inside it would start a new line there,
                // and poppler then leaves the span's text out of the element that holds it.
                if count > 0 { position(shown.backward ? glyphs[cursor + count - 1] : glyphs[cursor], into: &out) }
                out.append(ascii: "/Span<</ActualText ")
                TextOperatorWriter.appendTextString(bytes, to: &out)
                out.append(ascii: ">>BDC\n")
                for offset in 0..<count {
                    let glyph = shown.backward ? glyphs[cursor + count - 1 - offset] : glyphs[cursor + offset]
                    place(glyph, font: index, into: &out)
                }
                closeArray(&out)
                out.append(ascii: "EMC\n")
            }
            byte += length
            if !shown.backward { cursor += count }
        }
        closeArray(&out)
    }

    /// Whether `glyph` of font `index` may show `bytes` through its ToUnicode entry: it has none yet (it gets this
    /// one) or has this one.
    private mutating func mapsAlone(_ glyph: Int, to bytes: ArraySlice<UInt8>, in index: Int) -> Bool {
        guard glyph >= 0, glyph < fonts[index].textIndex.count else { return false }
        let known = Int(fonts[index].textIndex[glyph])
        if known >= 0 {
            // Compared as memory: the generic comparison of an array with a slice cost more than placing the glyph.
            return fonts[index].texts[known].withUnsafeBufferPointer { stored in
                bytes.withUnsafeBufferPointer { shown in
                    stored.count == shown.count && (stored.isEmpty || memcmp(stored.baseAddress!, shown.baseAddress!, stored.count) == 0)
                }
            }
        }
        fonts[index].textIndex[glyph] = Int32(fonts[index].texts.count)
        fonts[index].texts.append(Array(bytes))
        return true
    }

    /// Shows `glyph` where it stands: in the open text array, after the adjustment that puts it there, or from a new
    /// text matrix when it leaves the line or lies far from the pen.
    private mutating func place(_ glyph: cairo_glyph_t, font index: Int, into out: inout [UInt8]) {
        // A glyph number the face does not have (a layout cached from another version of the font) is shown as the
        // face's .notdef rather than dropped: its text still reaches the page, through an ActualText span.
        var id = Int(truncatingIfNeeded: glyph.index)
        if id < 0 || id >= fonts[index].widths.count { id = 0 }
        position(glyph, into: &out)
        if !arrayOpen {
            out.append(UInt8(ascii: "["))
            arrayOpen = true
        }
        // A number in a text array moves the pen left by thousandths of the (scaled) font size.
        let adjustment = Int(((pen - (glyph.x - originX) / scaleX) * 1000).rounded())
        if adjustment != 0 {
            if stringOpen {
                out.append(UInt8(ascii: ")"))
                stringOpen = false
            }
            PDFNumbers.append(adjustment, to: &out)
            pen -= Double(adjustment) / 1000
        }
        if !stringOpen {
            out.append(UInt8(ascii: "("))
            stringOpen = true
        }
        // Codes go as their two bytes in a literal string, half the size of hexadecimal before compression and a
        // third smaller after it (a long article's text outweighs its fonts): the string's delimiters and the
        // backslash are escaped, and a carriage return too, which a reader would take for an end of line.
        let code = fonts[index].code(id)
        for byte in [UInt8(truncatingIfNeeded: code >> 8), UInt8(truncatingIfNeeded: code)] {
            switch byte {
            case 0x28, 0x29, 0x5C:
                out.append(0x5C)
                out.append(byte)
            case 0x0D:
                out.append(0x5C)
                out.append(UInt8(ascii: "r"))
            default:
                out.append(byte)
            }
        }
        var width = fonts[index].widths[id]
        if width < 0 {
            width = Int32(fonts[index].face.width(UInt32(id)))
            fonts[index].widths[id] = width
        }
        pen += Double(width) / 1000
    }

    /// Starts a new text matrix at `glyph` when it leaves the line or lies far from the pen.
    private mutating func position(_ glyph: cairo_glyph_t, into out: inout [UInt8]) {
        let x = glyph.x
        // Positions as the text matrix writes them (thousandths of a point), so that a baseline is compared as written.
        let y = ((height - glyph.y) * 1000).rounded() / 1000
        // A glyph raised or lowered by less than a thousandth of an em stays on the line, as cairo kept it: a new text
        // matrix for a mark nudged by a rounding would make extractors read it apart from its letter.
        guard !positioned || abs(y - originY) > size * 0.0011 || abs((x - originX) / scaleX - pen) > 10 else { return }
        closeArray(&out)
        originX = (x * 1000).rounded() / 1000
        originY = y
        PDFNumbers.append(scaleX, places: 5, to: &out)
        out.append(ascii: " 0 0 ")
        PDFNumbers.append(size, places: 5, to: &out)
        out.append(UInt8(ascii: " "))
        PDFNumbers.append(originX, to: &out)
        out.append(UInt8(ascii: " "))
        PDFNumbers.append(originY, to: &out)
        out.append(ascii: " Tm\n")
        pen = 0
        positioned = true
    }

    /// Ends the open text array, if any.
    private mutating func closeArray(_ out: inout [UInt8]) {
        if stringOpen {
            out.append(UInt8(ascii: ")"))
            stringOpen = false
        }
        if arrayOpen {
            out.append(ascii: "]TJ\n")
            arrayOpen = false
        }
    }

    /// The index of `face` among the part's fonts, added on first use; the page lists it.
    private mutating func fontIndex(_ face: TextFace) -> Int {
        let key = ObjectIdentifier(face)
        let index: Int
        if let known = fontOfFace[key] {
            index = known
        } else {
            index = fonts.count
            fontOfFace[key] = index
            fonts.append(.init(face: face, resourceName: "/GF\(index)"))
        }
        if !pageFonts.contains(index) { pageFonts.append(index) }
        return index
    }
}

extension TextOperatorWriter {
    /// Appends `bytes` (UTF-8) as a PDF text string: UTF-16 with its byte order mark, in hexadecimal.
    static func appendTextString(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        guard !bytes.isEmpty else {
            out.append(ascii: "()")
            return
        }
        out.append(ascii: "<FEFF")
        for unit in String(decoding: bytes, as: UTF8.self).utf16 { PDFNumbers.appendHex(unit, to: &out) }
        out.append(UInt8(ascii: ">"))
    }
}
