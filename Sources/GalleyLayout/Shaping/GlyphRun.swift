/// Glyphs of one face and size with the text they spell, ready to draw with copyable text.
public struct GlyphRun: Codable, Sendable, Equatable, Hashable {
    /// The face the glyph ids refer to.
    public var face: FontFace
    /// The type size in points.
    public var size: Double
    /// The text the glyphs represent.
    public var text: String
    /// The glyphs in visual order.
    public var glyphs: [Glyph]
    /// Glyphs the font lacks (drawn as .notdef); counted for preflight.
    public var missingGlyphs: Int

    /// Creates a run.
    public init(face: FontFace, size: Double, text: String, glyphs: [Glyph], missingGlyphs: Int = 0) {
        self.face = face
        self.size = size
        self.text = text
        self.glyphs = glyphs
        self.missingGlyphs = missingGlyphs
    }

    /// The sum of the glyphs' advances.
    public var width: Double { glyphs.reduce(0) { $0 + $1.advance } }

    /// Appends `other`, which must use the same face and size, shifting its clusters past this run's text.
    public mutating func append(_ other: GlyphRun) {
        let shift = text.utf8.count
        for glyph in other.glyphs {
            var moved = glyph
            moved.cluster += shift
            glyphs.append(moved)
        }
        text += other.text
        missingGlyphs += other.missingGlyphs
    }

    /// Whether `other` can be drawn as part of this run.
    public func canMerge(with other: GlyphRun) -> Bool { face == other.face && size == other.size }
}
