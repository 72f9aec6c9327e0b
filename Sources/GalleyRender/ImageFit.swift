/// Whether an image can be drawn within the limits, read from its header before anything is decoded.
public enum ImageFit: Sendable, Equatable {
    /// Within every limit: drawn as it is.
    case fits
    /// Over a limit (`reason` says which), but it can be drawn downsampled within the limits.
    case downsamplable(reason: String)
    /// Over a limit (`reason`), and even downsampling it would break one (`obstacle` says why).
    case tooLarge(reason: String, obstacle: String)
}
