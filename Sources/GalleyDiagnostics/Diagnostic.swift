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
    /// The file's further problems found in the same run, reported after this one: a reader that can go on past
    /// a problem lists them all at once, so a file with three typos needs one run to fix, not three.
    public var others: [Diagnostic] = []
    /// How many more problems were found than are listed (past the errors-per-file limit).
    public var unlisted = 0

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, file: String, line: Int? = nil, path: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// `file:line: path: message`, the one-line form compilers use; one line per problem when there are several.
    public var description: String {
        guard !others.isEmpty || unlisted > 0 else { return headline }
        var lines = [headline] + others.map(\.headline)
        if unlisted > 0 {
            lines.append("\(file): \(unlisted) more \(unlisted == 1 ? "problem was" : "problems were") found and not listed (the errors-per-file limit)")
        }
        return lines.joined(separator: "\n")
    }

    /// Every problem this diagnostic reports, itself first, each without the others.
    public var all: [Diagnostic] {
        var first = self
        first.others = []
        first.unlisted = 0
        return [first] + others
    }

    /// One diagnostic reporting `problems` in their order, the first `limit` listed and the rest counted; nil
    /// when there are none.
    public static func combining(_ problems: [Diagnostic], limit: Int) -> Diagnostic? {
        guard var first = problems.first else { return nil }
        let listed = problems.prefix(max(1, limit))
        first.others = listed.dropFirst().flatMap(\.all)
        first.unlisted = problems.count - listed.count + listed.reduce(0) { $0 + $1.unlisted }
        return first
    }

    /// This problem alone, on one line.
    private var headline: String {
        var place = file
        if let line { place += ":\(line)" }
        let prefix = severity == .warning ? "warning: " : ""
        if let path, !path.isEmpty { return "\(place): \(prefix)\(path): \(message)" }
        return "\(place): \(prefix)\(message)"
    }
}
