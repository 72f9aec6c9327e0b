/// Something drawn on a page; renderers switch over exactly these cases.
public enum FrameItem: Codable, Sendable, Equatable {
    /// Shaped text drawn from the item's origin on its baseline.
    case glyphs(GlyphRun, color: Color)
    /// A filled rectangle whose top-left corner is the item's origin.
    case rule(Size, color: Color)
    /// A clickable area whose top-left corner is the item's origin; `#name` targets a named destination.
    case link(Size, url: String)
    /// A named place that links and the outline can point at.
    case destination(String)
    /// An image scaled into the rectangle whose top-left corner is the item's origin.
    case image(ImageReference, Size)
    /// Glyph outlines filled as shapes from the item's origin on its baseline, with no text: a drop cap's letter, whose
    /// text the line beside it carries (so that a reader copies the word whole, where it is read).
    case shape(GlyphRun, color: Color)
}

extension FrameItem {
    /// The glyph run of shaped text or of a shape made of glyphs; nil for other items.
    public var glyphRun: GlyphRun? {
        switch self {
        case .glyphs(let run, _), .shape(let run, _): return run
        default: return nil
        }
    }
}
