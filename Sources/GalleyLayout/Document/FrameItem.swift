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
}
