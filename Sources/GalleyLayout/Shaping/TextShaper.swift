import GalleyModel

/// Turns text into glyphs; injected so that layout never depends on a particular font library.
///
/// A shaper is used by one thread at a time; create one per worker.
public protocol TextShaper: AnyObject {
    /// Shapes `text`, a run of one direction, in `font` (a family or a layout's font stack) for `language`, falling
    /// back to other fonts for characters the font lacks; the runs come in reading order, each one's glyphs in
    /// visual order.
    func shape(_ text: String, font: FontRequest, language: String, direction: TextDirection) -> [GlyphRun]
    /// The vertical metrics and word space of `font`.
    func metrics(of font: FontRequest) -> FontMetrics
}

extension TextShaper {
    /// Shapes left-to-right `text`.
    public func shape(_ text: String, font: FontRequest, language: String) -> [GlyphRun] {
        shape(text, font: font, language: language, direction: .leftToRight)
    }
}
