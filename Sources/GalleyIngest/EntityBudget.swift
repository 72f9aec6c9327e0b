import CLibXML2
import Foundation
import GalleyDiagnostics
import GalleyFiles

/// Counts what the entity references of a parsed XML document would expand to, and refuses a document past the
/// entity-expansions or entity-bytes limit before anything reads its text.
///
/// libxml2 parses without substituting entities (no `XML_PARSE_NOENT`): each `&name;` stays one reference node,
/// so the parse itself stays small. But every read of an element's text (`xmlNodeGetContent`) expands the
/// references again, and a 106 KB export whose one entity is referenced 500 times grew to 6.6 GB that way.
/// libxml2 2.9 catches only the exponential case (nested "billion laughs"), not a wide linear one, so the budget is
/// counted here: each entity's expansion once (memoized, without recursion), then every reference in the document.
struct EntityBudget {
    private let document: xmlDocPtr
    private var expansions: [UnsafeMutableRawPointer: (count: Int, bytes: Int)] = [:]

    /// Checks `document` against `limits`; throws a `Diagnostic` at the line of the reference that goes past one.
    static func check(_ document: xmlDocPtr, limits: Limits, file: String) throws {
        var budget = EntityBudget(document: document)
        var count = 0, bytes = 0
        for node in Self.references(in: document) {
            guard let entity = Self.entity(of: node, in: document) else { continue }
            let expansion = budget.expansion(of: entity)
            count = count.addingSaturated(expansion.count)
            bytes = bytes.addingSaturated(expansion.bytes)
            let line = Int(xmlGetLineNo(node))
            if count > limits.entityExpansions {
                throw Diagnostic(file: file, line: line > 0 ? line : nil,
                                 message: "entity references expand more than \(limits.entityExpansions) times (the entity-expansions limit; raise it with --limit entity-expansions=N)")
            }
            if bytes > limits.entityBytes {
                throw Diagnostic(file: file, line: line > 0 ? line : nil,
                                 message: "entity references expand to more than \(ByteCount.words(limits.entityBytes)) (the entity-bytes limit; raise it with --limit entity-bytes=N)")
            }
        }
    }

    private init(document: xmlDocPtr) {
        self.document = document
    }

    /// Every entity reference node in the document, in elements and attributes, found without recursion and without
    /// entering the entities themselves (their content is counted by `expansion(of:)`).
    private static func references(in document: xmlDocPtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var stack: [xmlNodePtr] = []
        var child = document.pointee.children
        while let node = child {
            stack.append(node)
            child = node.pointee.next
        }
        while let node = stack.popLast() {
            switch node.pointee.type {
            case XML_ENTITY_REF_NODE:
                found.append(node)
                continue
            case XML_ELEMENT_NODE:
                var attribute = node.pointee.properties
                while let current = attribute {
                    var value = current.pointee.children
                    while let piece = value {
                        if piece.pointee.type == XML_ENTITY_REF_NODE { found.append(piece) }
                        value = piece.pointee.next
                    }
                    attribute = current.pointee.next
                }
            case XML_DTD_NODE:
                continue  // declarations, not uses
            default:
                break
            }
            var next = node.pointee.children
            while let current = next {
                stack.append(current)
                next = current.pointee.next
            }
        }
        return found
    }

    private static func entity(of reference: xmlNodePtr, in document: xmlDocPtr) -> xmlEntityPtr? {
        guard let name = reference.pointee.name else { return nil }
        return xmlGetDocEntity(document, name)
    }

    /// How many references one use of `entity` expands (itself and those inside it) and how many bytes it adds.
    private mutating func expansion(of root: xmlEntityPtr) -> (count: Int, bytes: Int) {
        if let known = expansions[UnsafeMutableRawPointer(root)] { return known }
        // Depth-first over the references in entity values, with an explicit stack: entities may nest a chain as
        // long as the file allows, and a call frame per link could overflow the stack.
        var stack: [(entity: xmlEntityPtr, references: [xmlEntityPtr], next: Int)] = [(root, references(inValueOf: root), 0)]
        var inProgress: Set<UnsafeMutableRawPointer> = [UnsafeMutableRawPointer(root)]
        while var top = stack.popLast() {
            if top.next < top.references.count {
                let child = top.references[top.next]
                top.next += 1
                stack.append(top)
                let key = UnsafeMutableRawPointer(child)
                // A loop was refused by libxml2 already; here it just counts nothing.
                if expansions[key] == nil, !inProgress.contains(key) {
                    inProgress.insert(key)
                    stack.append((child, references(inValueOf: child), 0))
                }
                continue
            }
            var total = (count: 1, bytes: Int(top.entity.pointee.length))
            for child in top.references {
                let inner = expansions[UnsafeMutableRawPointer(child)] ?? (0, 0)
                total = (total.count.addingSaturated(inner.count), total.bytes.addingSaturated(inner.bytes))
            }
            expansions[UnsafeMutableRawPointer(top.entity)] = total
            inProgress.remove(UnsafeMutableRawPointer(top.entity))
        }
        return expansions[UnsafeMutableRawPointer(root)] ?? (1, 0)
    }

    /// The entities named by `&name;` in the replacement text of `entity` (character references are not entities).
    private func references(inValueOf entity: xmlEntityPtr) -> [xmlEntityPtr] {
        guard entity.pointee.etype != XML_INTERNAL_PREDEFINED_ENTITY, let content = entity.pointee.content else { return [] }
        let bytes = UnsafeBufferPointer(start: content, count: Int(entity.pointee.length))
        var found: [xmlEntityPtr] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "#") else {
                index += 1
                continue
            }
            guard let end = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ";")) else { break }
            var name = Array(bytes[(index + 1)..<end])
            name.append(0)
            if let referenced = xmlGetDocEntity(document, name) { found.append(referenced) }
            index = end + 1
        }
        return found
    }
}

private extension Int {
    /// The sum, stopping at `Int.max` rather than trapping: a billion laughs must be counted, not crash the counter.
    func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
