import CCairoPango
import Foundation
import GalleyFonts
import GalleyLayout
import GalleyPDF

/// A face whose glyph runs Galley writes as PDF text itself: its HarfBuzz font, read for advances (from `hmtx`, no
/// outline is loaded), the code each glyph is shown by, and what the PDF's font descriptor says of it.
///
/// Made once per face and process (`TextFaces`), and only read after: HarfBuzz fonts may be read from any thread.
final class TextFace: @unchecked Sendable {
    /// What the finish needs to embed the face.
    let embedded: EmbeddedFace
    /// The face's glyph count.
    let glyphCount: Int
    /// An empty glyph of no advance, which carries text that has no glyph of its own (nil: the face has none).
    let carrier: UInt32?
    private let blob: OpaquePointer
    private let face: OpaquePointer
    private let font: OpaquePointer
    /// Thousandths of an em per font unit.
    private let scale: Double
    /// The FreeType face, for the CIDs of a CID-keyed CFF face's glyphs.
    private let ftFace: FT_Face
    /// Each glyph's character by the face's character map (the lowest, where several map to one glyph), made when
    /// first asked for, under `reverseLock`.
    private var reverse: [UInt32: UInt32]?
    private let reverseLock = NSLock()

    /// The face `face` as Galley can write its text, or nil when cairo must draw it: a file FreeType or HarfBuzz
    /// cannot read, a variation instance, colour or bitmap glyphs, or outlines other than TrueType or CFF.
    init?(_ fontFace: FontFace) {
        guard !fontFace.file.isEmpty, fontFace.index >= 0, fontFace.index <= 0xFFFF,
              let ftFace = FreeTypeFaces.shared.face(file: fontFace.file, index: fontFace.index) else { return nil }
        let flags = ftFace.pointee.face_flags
        guard flags & FT_Long(FT_FACE_FLAG_SFNT) != 0, flags & FT_Long(FT_FACE_FLAG_MULTIPLE_MASTERS) == 0,
              flags & FT_Long(FT_FACE_FLAG_COLOR) == 0, ftFace.pointee.units_per_EM > 0,
              let blob = hb_blob_create_from_file_or_fail(fontFace.file) else { return nil }
        let face = hb_face_create(blob, UInt32(fontFace.index))!
        func has(_ tag: String) -> Bool {
            let table = hb_face_reference_table(face, Self.tag(tag))
            defer { hb_blob_destroy(table) }
            return hb_blob_get_length(table) > 0
        }
        let count = Int(hb_face_get_glyph_count(face))
        let drawable = count > 0 && count <= 0xFFFF && !["CBDT", "sbix", "COLR", "SVG "].contains(where: has)
        guard drawable, let program = Self.program(ftFace, hasGlyf: has("glyf"), hasCFF: has("CFF ")) else {
            hb_face_destroy(face)
            hb_blob_destroy(blob)
            return nil
        }
        let font = hb_font_create(face)!
        self.blob = blob
        self.face = face
        self.font = font
        self.ftFace = ftFace
        glyphCount = count
        let unitsPerEm = Double(ftFace.pointee.units_per_EM)
        scale = 1000 / unitsPerEm
        func thousandths(_ value: some BinaryInteger) -> Int { Int((Double(value) * 1000 / unitsPerEm).rounded()) }
        let box = ftFace.pointee.bbox
        var capHeight: hb_position_t = 0
        if hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &capHeight) == 0 || capHeight <= 0 {
            capHeight = hb_position_t(ftFace.pointee.ascender)
        }
        embedded = EmbeddedFace(file: fontFace.file, index: fontFace.index, program: program,
                                postScriptName: Self.pdfName(FT_Get_Postscript_Name(ftFace).map { String(cString: $0) } ?? ""),
                                boundingBox: [thousandths(box.xMin), thousandths(box.yMin), thousandths(box.xMax), thousandths(box.yMax)],
                                ascent: thousandths(ftFace.pointee.ascender), descent: thousandths(ftFace.pointee.descender),
                                capHeight: thousandths(capHeight), italicAngle: Double(hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE)),
                                fixedPitch: flags & FT_Long(FT_FACE_FLAG_FIXED_WIDTH) != 0)
        carrier = Self.findCarrier(font, glyphCount: count)
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
    }

    /// The code a page shows `glyph` by: its CID in a CID-keyed CFF face (which the subset keeps), its number
    /// otherwise. Reading a CID only reads the face's charset, which FreeType loaded with the face.
    func code(_ glyph: UInt32) -> UInt16 {
        guard embedded.program == .cidCFF else { return UInt16(truncatingIfNeeded: glyph) }
        var cid: FT_UInt = 0
        guard FT_Get_CID_From_Glyph_Index(ftFace, glyph, &cid) == 0, cid <= 0xFFFF else { return UInt16(truncatingIfNeeded: glyph) }
        return UInt16(cid)
    }

    /// The character the face's character map gives `glyph` (the lowest, where several do), or nil: the text a
    /// glyph that only ever shows part of a larger cluster maps to, for readers that take each glyph's text from
    /// ToUnicode and pass over `/ActualText`, as cairo mapped it. The map is made once per face, on first need.
    func character(of glyph: UInt32) -> Unicode.Scalar? {
        reverseLock.lock()
        defer { reverseLock.unlock() }
        if reverse == nil {
            var made: [UInt32: UInt32] = [:]
            let characters = hb_set_create()
            hb_face_collect_unicodes(face, characters)
            var scalar = hb_codepoint_t.max  // HB_SET_VALUE_INVALID: start before the first.
            while hb_set_next(characters, &scalar) != 0 {
                var found: hb_codepoint_t = 0
                // The set runs upwards, so the first character of a glyph is its lowest.
                if hb_font_get_nominal_glyph(font, scalar, &found) != 0, made[found] == nil { made[found] = scalar }
            }
            hb_set_destroy(characters)
            reverse = made
        }
        return reverse?[glyph].flatMap(Unicode.Scalar.init)
    }

    /// The advance of `glyph` in thousandths of an em, rounded as the PDF's `/W` writes it.
    func width(_ glyph: UInt32) -> Int {
        Int((Double(hb_font_get_glyph_h_advance(font, glyph)) * scale).rounded())
    }

    /// How the face's program is embedded; nil for outlines that are neither TrueType nor CFF.
    private static func program(_ face: FT_Face, hasGlyf: Bool, hasCFF: Bool) -> EmbeddedFace.Program? {
        if hasGlyf { return .trueType }
        guard hasCFF else { return nil }
        var keyed: FT_Bool = 0
        return FT_Get_CID_Is_Internally_CID_Keyed(face, &keyed) == 0 && keyed != 0 ? .cidCFF : .nameCFF
    }

    /// The first of `GlyphDrawing.carrierCandidates` that has neither ink nor advance.
    private static func findCarrier(_ font: OpaquePointer, glyphCount: Int) -> UInt32? {
        let candidates = GlyphDrawing.carrierCandidates(glyphCount: glyphCount) { character in
            var glyph: hb_codepoint_t = 0
            return hb_font_get_nominal_glyph(font, character, &glyph) != 0 ? glyph : 0
        }
        for candidate in candidates {
            let glyph = UInt32(candidate)
            var extents = hb_glyph_extents_t()
            let inked = hb_font_get_glyph_extents(font, glyph, &extents) != 0 && (extents.width != 0 || extents.height != 0)
            if !inked, hb_font_get_glyph_h_advance(font, glyph) == 0 { return glyph }
        }
        return nil
    }

    /// An OpenType table tag.
    private static func tag(_ name: String) -> hb_tag_t {
        name.utf8.reduce(0) { ($0 << 8) | hb_tag_t($1) }
    }

    /// `name` with only the characters a PDF name and a font's BaseFont keep; "Font" when nothing is left.
    static func pdfName(_ name: String) -> String {
        let kept = name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0)) }
        let result = String(String.UnicodeScalarView(kept.prefix(56)))
        return result.isEmpty ? "Font" : result
    }
}
