import Foundation
import GalleyFiles
import Yams

/// Finds the source line of a value in a YAML or JSON document by its coding path.
///
/// Foundation's JSON parser keeps no positions, but JSON is YAML, and Yams' node tree does.
public struct YAMLLocator {
    private let root: Node?

    /// Parses `text`; a document Yams cannot read yields a locator that knows no lines.
    public init(text: String) {
        // libyaml rejects JSON's UTF-16 surrogate escapes (PHP writes emoji so); a same-length stand-in keeps every line.
        let readable = text.replacingOccurrences(of: #"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"#,
                                                 with: #"\\u0020\\u0020"#, options: .regularExpression)
        // Only asked after a file failed to decode; one nested past any limit would overflow the stack in Yams.
        root = NestingScan.lineExceeding(Limits().nestingDepth, in: readable) == nil ? try? Yams.compose(yaml: readable) : nil
    }

    /// Wraps an already composed node tree.
    public init(node: Node?) {
        root = node
    }

    /// The 1-based line of the value at `path`, or of its deepest existing ancestor.
    ///
    /// With `keyLine`, a mapping member reports the line of its key, which is where an unknown key is.
    public func line(of path: [any CodingKey]) -> Int? {
        guard var node = root else { return nil }
        var line = node.mark?.line
        for key in path {
            guard let next = Self.child(of: node, key: key) else { break }
            node = next.value
            line = next.keyLine ?? node.mark?.line
            if case .scalar = node { line = node.mark?.line ?? line }
        }
        return line
    }

    /// Whether the document has a value at `path` (every key present).
    public func has(_ path: [any CodingKey]) -> Bool {
        guard var node = root else { return false }
        for key in path {
            guard let next = Self.child(of: node, key: key) else { return false }
            node = next.value
        }
        return true
    }

    /// The 1-based line of the key `name` in the mapping at `path`.
    public func line(ofKey name: String, in path: [any CodingKey]) -> Int? {
        guard var node = root else { return nil }
        for key in path {
            guard let next = Self.child(of: node, key: key) else { return nil }
            node = next.value
        }
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { $0.key.string == name }?.key.mark?.line
    }

    private static func child(of node: Node, key: any CodingKey) -> (value: Node, keyLine: Int?)? {
        switch node {
        case .mapping(let mapping):
            guard let pair = mapping.first(where: { $0.key.string == key.stringValue }) else { return nil }
            return (pair.value, pair.key.mark?.line)
        case .sequence(let sequence):
            let index = key.intValue ?? Int(key.stringValue.replacingOccurrences(of: "Index ", with: ""))
            guard let index, index >= 0, index < sequence.count else { return nil }
            return (sequence[index], nil)
        default:
            return nil
        }
    }
}
