/// A problem found in an input file, located as precisely as the format allows.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Codable { case error, warning }

    /// Whether the input was rejected or only questioned.
    public var severity: Severity
    /// The file the problem is in, as the user named it.
    public var file: String
    /// The 1-based line, when the format has lines and the place is known.
    public var line: Int?
    /// The path of the offending field, such as `blocks[3].type`.
    public var path: String?
    /// What is wrong, in words a user can act on.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, file: String, line: Int? = nil, path: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// `file:line: path: message`, the one-line form compilers use.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        let prefix = severity == .warning ? "warning: " : ""
        if let path, !path.isEmpty { return "\(place): \(prefix)\(path): \(message)" }
        return "\(place): \(prefix)\(message)"
    }
}
