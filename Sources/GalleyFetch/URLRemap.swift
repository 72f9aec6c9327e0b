import Foundation
import GalleyFiles

/// An address prefix read from a local folder instead of the network (`--remap URL-PREFIX=DIR`), such as a copy of
/// a WordPress site's `wp-content/uploads`.
///
/// Only regular files inside the folder are read: a path that climbs out of it (`..`, an encoded `%2e%2e`, a symbolic
/// link pointing elsewhere) is refused, so an article cannot make Galley read any other file on the machine.
public struct URLRemap: Codable, Sendable, Equatable {
    /// The address prefix, as given (`https://example.org/wp-content/uploads/`).
    public var prefix: String
    /// The folder holding the files under that prefix.
    public var directory: String

    /// A remap of `prefix` to `directory`.
    public init(prefix: String, directory: String) {
        self.prefix = prefix
        self.directory = directory
    }

    /// Parses `URL-PREFIX=DIR` (split at the first `=`); throws a sentence when it is not of that shape.
    public init(parsing text: String) throws(RemapError) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex else {
            throw RemapError("--remap takes URL-PREFIX=DIR (e.g. https://example.org/wp-content/uploads/=mirror/uploads), not \"\(text)\"")
        }
        let prefix = String(text[..<equals])
        guard let scheme = URL(string: prefix)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw RemapError("--remap: \"\(prefix)\" is not an http or https address prefix")
        }
        self.init(prefix: prefix, directory: String(text[text.index(after: equals)...]))
    }

    /// Whether `address` starts with this prefix (scheme and host without case).
    public func matches(_ address: String) -> Bool {
        address.lowercased().hasPrefix(prefix.lowercased())
    }

    /// The local file for `address` (which `matches`), or a sentence saying why there is none.
    public func file(for address: String) -> Result<String, RemapError> {
        var rest = String(address.dropFirst(prefix.count))
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = String(rest[..<end]) }
        guard let decoded = rest.removingPercentEncoding, !decoded.contains("\0") else {
            return .failure(RemapError("its path is not a valid file name"))
        }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return .failure(RemapError("it names the folder \(directory), not a file")) }
        guard !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            return .failure(RemapError("its path leaves the folder \(directory)"))
        }
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        let candidate = root.appendingPathComponent(parts.joined(separator: "/")).standardizedFileURL
        let resolved = candidate.resolvingSymlinksInPath()
        guard resolved.path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/") else {
            return .failure(RemapError("it leads out of the folder \(directory)"))
        }
        // The resolved path is already inside the folder, so following links here cannot leave it.
        switch try? FileKind.of(resolved.path) {
        case .regular?: break
        case .missing?, nil: return .failure(RemapError("there is no file \(candidate.path) in the mirror"))
        case let kind?: return .failure(RemapError("\(candidate.path) \(kind.refusal ?? "is not a regular file")"))
        }
        return .success(resolved.path)
    }
}

/// A remap given or applied wrongly, as a sentence.
public struct RemapError: Error, CustomStringConvertible, Sendable {
    /// The sentence.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
