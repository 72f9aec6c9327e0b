/// Turns text into glyphs; injected so that layout never depends on a particular font library.
///
/// A shaper is used by one thread at a time; create one per worker.
public protocol TextShaper: AnyObject {
    /// Shapes `text` in `font`, falling back to other bundled faces for characters the font lacks.
    func shape(_ text: String, font: FontRequest, language: String) -> [GlyphRun]
    /// The vertical metrics and word space of `font`.
    func metrics(of font: FontRequest) -> FontMetrics
}
