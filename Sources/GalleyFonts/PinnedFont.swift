import GalleyFiles

/// A font file Galley uses from a Debian package, named with the SHA-256 its bytes must have.
public struct PinnedFont: Sendable, Equatable {
    /// The Debian package that installs the file.
    public var package: String
    /// The file's absolute path.
    public var path: String
    /// The expected SHA-256 of the file, in lower-case hex.
    public var sha256: String
    /// The line of the pin list that names it, for messages.
    public var line: Int

    /// Creates a pin.
    public init(package: String, path: String, sha256: String, line: Int) {
        self.package = package
        self.path = path
        self.sha256 = sha256
        self.line = line
    }

    /// Reads a pin list: one `package<TAB>path<TAB>sha256` per line; `#` starts a comment line.
    public static func parse(_ text: String, file: String) throws -> [PinnedFont] {
        var pins: [PinnedFont] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = BlankTrimming.trimmed(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: true).map(BlankTrimming.trimmed)
            guard fields.count == 3 else {
                throw FontError(file: file, line: offset + 1, message: "expected three tab-separated fields: package, file, sha256")
            }
            guard fields[1].hasPrefix("/") else {
                throw FontError(file: file, line: offset + 1, message: "\"\(fields[1])\" is not an absolute path")
            }
            guard fields[2].count == 64, fields[2].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw FontError(file: file, line: offset + 1, message: "\"\(fields[2])\" is not a SHA-256 in lower-case hex")
            }
            pins.append(PinnedFont(package: fields[0], path: fields[1], sha256: fields[2], line: offset + 1))
        }
        return pins
    }
}
