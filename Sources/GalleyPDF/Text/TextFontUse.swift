/// One face as the pages of one drawn part use it: the name the pages give it, and the codes they show with their
/// widths and text.
public struct TextFontUse: Sendable {
    /// The face.
    public var face: EmbeddedFace
    /// The name of the font in the pages' resources, slash included (`/GF0`).
    public var resourceName: String
    /// The glyph numbers shown, for the subset.
    public var glyphs: [UInt32]
    /// The width of each code shown, in thousandths of an em, as the pages' text positions count it.
    public var widths: [UInt16: Int]
    /// The text of each code that shows one cluster on its own (UTF-8), for the font's ToUnicode map.
    public var text: [UInt16: [UInt8]]

    /// A use of `face` named `resourceName`.
    public init(face: EmbeddedFace, resourceName: String, glyphs: [UInt32] = [], widths: [UInt16: Int] = [:], text: [UInt16: [UInt8]] = [:]) {
        self.face = face
        self.resourceName = resourceName
        self.glyphs = glyphs
        self.widths = widths
        self.text = text
    }
}
