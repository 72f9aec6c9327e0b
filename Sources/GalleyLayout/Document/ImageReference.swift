/// An image file the renderer draws, with what layout needs to know of it.
public struct ImageReference: Codable, Sendable, Equatable, Hashable {
    /// The file formats Galley draws.
    public enum Format: String, Codable, Sendable {
        /// JPEG, embedded as it is unless its colours are CMYK.
        case jpeg
        /// PNG, with its alpha channel.
        case png
        /// SVG, kept as vectors.
        case svg
    }

    /// The file's absolute path.
    public var path: String
    /// The file format.
    public var format: Format
    /// The intrinsic width in pixels (SVG: CSS pixels).
    public var pixelWidth: Double
    /// The intrinsic height in pixels.
    public var pixelHeight: Double
    /// Whether a JPEG stores CMYK, which PDF viewers show inverted if embedded as it is.
    public var isCMYK: Bool

    /// Creates a reference.
    public init(path: String, format: Format, pixelWidth: Double, pixelHeight: Double, isCMYK: Bool = false) {
        self.path = path
        self.format = format
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.isCMYK = isCMYK
    }
}
