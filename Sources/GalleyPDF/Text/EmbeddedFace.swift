/// A font face whose glyphs Galley writes as PDF text itself: where its program is and what its font descriptor says.
public struct EmbeddedFace: Sendable, Hashable {
    /// How the face's program is cut and embedded.
    public enum Program: Sendable, Hashable {
        /// TrueType outlines (`glyf`): a `/CIDFontType2` whose codes are glyph numbers, kept by the subset.
        case trueType
        /// A CID-keyed CFF program: a `/CIDFontType0` whose codes are the glyphs' CIDs, which the subset keeps.
        case cidCFF
        /// A CFF program keyed by glyph names: a `/CIDFontType0` whose codes are glyph numbers, kept by the subset.
        case nameCFF
    }

    /// The font file.
    public var file: String
    /// The face's index in the file (a collection holds several).
    public var index: Int
    /// How the program is cut.
    public var program: Program
    /// The face's PostScript name, reduced to the characters a PDF name keeps.
    public var postScriptName: String
    /// The bounding box of all glyphs, in thousandths of an em: left, bottom, right, top.
    public var boundingBox: [Int]
    /// The ascender, in thousandths of an em.
    public var ascent: Int
    /// The descender (negative below the baseline), in thousandths of an em.
    public var descent: Int
    /// The height of capital letters, in thousandths of an em.
    public var capHeight: Int
    /// The slant of upright strokes, in degrees counter-clockwise from vertical.
    public var italicAngle: Double
    /// Whether every glyph has the same advance.
    public var fixedPitch: Bool

    /// Describes the face `index` of `file`.
    public init(file: String, index: Int, program: Program, postScriptName: String, boundingBox: [Int], ascent: Int, descent: Int,
                capHeight: Int, italicAngle: Double, fixedPitch: Bool) {
        self.file = file
        self.index = index
        self.program = program
        self.postScriptName = postScriptName
        self.boundingBox = boundingBox
        self.ascent = ascent
        self.descent = descent
        self.capHeight = capHeight
        self.italicAngle = italicAngle
        self.fixedPitch = fixedPitch
    }
}
