/// A problem that stops an export before or outside any one article: unreadable manifest, fonts, renderer set-up.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for the user.
    public var description: String

    /// Creates an error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
