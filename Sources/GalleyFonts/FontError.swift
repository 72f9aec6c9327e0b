/// A font that cannot be used, with the file (and line of a list) that names it.
public struct FontError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file the problem is about: a font, the pin list or a layout.
    public var file: String
    /// The line in `file`, when it is a list.
    public var line: Int?
    /// What is wrong, as a sentence for the user.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, as Galley prints every diagnostic.
    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
