/// An image that could not be drawn as the layout placed it, found only while drawing (a corrupt file, a decoder's
/// refusal), with a sentence saying why and what was printed instead.
public struct ImageProblem: Sendable, Equatable {
    /// The image file's path, as its `ImageReference` gives it.
    public var path: String
    /// What went wrong and what was printed in its place.
    public var message: String

    /// A problem with the image at `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
