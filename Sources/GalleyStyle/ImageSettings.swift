/// How figures' images are treated when they are too large to embed as they are.
public struct ImageSettings: Codable, Sendable, Equatable {
    /// What becomes of an image over a limit (image-pixels, decoded-image-bytes) or wider or taller than cairo can draw.
    public enum Oversize: String, Codable, Sendable, CaseIterable {
        /// Drawn from fewer pixels, at most 300 per inch of its printed size, when that can be done within the limits.
        case downsample
        /// Replaced by its alt text in a framed box.
        case placeholder
    }

    /// What becomes of an oversize image; a warning names it either way.
    public var oversize: Oversize

    /// Creates settings.
    public init(oversize: Oversize = .downsample) {
        self.oversize = oversize
    }
}
