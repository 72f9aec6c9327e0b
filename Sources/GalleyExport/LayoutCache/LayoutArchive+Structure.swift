import GalleyFiles
import GalleyLayout

/// The structure tree and the outline in the layout cache's binary form.
///
/// Written as JSON they were most of the cost of reading a cached layout: about 2.8 M instructions for 5 KB, in
/// `JSONDecoder`, per article of an issue. `LayoutArchiveTests` reads back a node with every optional field set, and
/// checks that the two types still have the fields written here.
extension LayoutArchive {
    /// The optional fields of a structure node, one bit each in the byte that precedes them.
    private struct Present: OptionSet {
        let rawValue: UInt8
        static let order = Present(rawValue: 1)
        static let alt = Present(rawValue: 2)
        static let language = Present(rawValue: 4)
        static let title = Present(rawValue: 8)
        static let scope = Present(rawValue: 16)
        static let identifier = Present(rawValue: 32)
    }

    /// Appends `nodes`: their count, then each node's role, parent, and those of its optional fields that are set.
    static func writeStructure(_ nodes: [StructureNode], to writer: inout ByteWriter) {
        writer.count(nodes.count)
        for node in nodes {
            var present: Present = []
            if node.order != nil { present.insert(.order) }
            if node.alt != nil { present.insert(.alt) }
            if node.language != nil { present.insert(.language) }
            if node.title != nil { present.insert(.title) }
            if node.scope != nil { present.insert(.scope) }
            if node.identifier != nil { present.insert(.identifier) }
            writer.string(node.role.rawValue)
            writer.signed(Int(node.parent))
            writer.integer(present.rawValue)
            if let order = node.order { writer.signed(Int(order)) }
            if let alt = node.alt { writer.string(alt) }
            if let language = node.language { writer.string(language) }
            if let title = node.title { writer.string(title) }
            if let scope = node.scope { writer.string(scope.rawValue) }
            if let identifier = node.identifier { writer.string(identifier) }
        }
    }

    /// The nodes `writeStructure` wrote, or nil for bytes it cannot have written.
    static func readStructure(from reader: inout ByteReader) -> [StructureNode]? {
        guard let count = reader.count() else { return nil }
        var nodes: [StructureNode] = []
        nodes.reserveCapacity(count)
        for _ in 0..<count {
            guard let roleName = reader.string(), let role = StructureRole(rawValue: roleName), let parent = reader.signed(),
                  let parent32 = Int32(exactly: parent), let bits = reader.byte() else { return nil }
            let present = Present(rawValue: bits)
            var node = StructureNode(role, parent: parent32)
            if present.contains(.order) {
                guard let order = reader.signed(), let order32 = Int32(exactly: order) else { return nil }
                node.order = order32
            }
            if present.contains(.alt) { guard let alt = reader.string() else { return nil }; node.alt = alt }
            if present.contains(.language) { guard let language = reader.string() else { return nil }; node.language = language }
            if present.contains(.title) { guard let title = reader.string() else { return nil }; node.title = title }
            if present.contains(.scope) {
                guard let name = reader.string(), let scope = StructureNode.Scope(rawValue: name) else { return nil }
                node.scope = scope
            }
            if present.contains(.identifier) { guard let identifier = reader.string() else { return nil }; node.identifier = identifier }
            nodes.append(node)
        }
        return nodes
    }

    /// Appends `entries`: their count, then each one's title, level, destination and page.
    static func writeOutline(_ entries: [OutlineEntry], to writer: inout ByteWriter) {
        writer.count(entries.count)
        for entry in entries {
            writer.string(entry.title)
            writer.signed(entry.level)
            writer.string(entry.destination)
            writer.signed(entry.page)
        }
    }

    /// The entries `writeOutline` wrote, or nil for bytes it cannot have written.
    static func readOutline(from reader: inout ByteReader) -> [OutlineEntry]? {
        guard let count = reader.count() else { return nil }
        var entries: [OutlineEntry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let title = reader.string(), let level = reader.signed(), let destination = reader.string(), let page = reader.signed()
            else { return nil }
            entries.append(OutlineEntry(title: title, level: level, destination: destination, page: page))
        }
        return entries
    }
}
