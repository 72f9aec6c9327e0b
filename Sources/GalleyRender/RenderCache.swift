import GalleyFiles

/// What a renderer may keep between documents: cairo font faces and decoded images.
///
/// Only lookups are cached, never output, so a document renders to the same bytes with a fresh cache or a
/// warm one. Not thread-safe: give each worker thread its own, like its Pango font map.
public final class RenderCache {
    let fonts = FontFaceCache()
    let images: ImageDrawing
    /// The limits images are decoded within, for a cache made like this one.
    var limits: Limits { images.limits }

    /// Creates an empty cache whose images are decoded within `limits`.
    public init(limits: Limits = Limits()) {
        images = ImageDrawing(limits: limits)
    }
}
