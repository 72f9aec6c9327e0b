/// Collects an article's logical structure while it is composed and set: the tagged PDF's structure tree.
///
/// A class because the composer, the paragraph setter and the typesetter all add to the one tree of the article
/// being set; each typesetter has its own, emptied for every article.
final class StructureBuilder {
    /// The nodes so far; node 0 is the `Document`.
    private(set) var nodes: [StructureNode] = [StructureNode(.document, parent: -1)]
    /// The structure level of the last heading (1 for the title), so that a level an article's markup skips is not
    /// skipped in the tags, which screen readers navigate by.
    var headingLevel = 0

    /// Empties the tree for the next article.
    func reset() {
        nodes.removeSubrange(1...)
        headingLevel = 0
    }

    /// Adds a node under `parent` and returns its index; nothing is added under a parent of -1 (untagged material).
    @discardableResult
    func add(_ role: StructureRole, under parent: Int32, alt: String? = nil, language: String? = nil, title: String? = nil,
             scope: StructureNode.Scope? = nil, identifier: String? = nil) -> Int32 {
        guard parent >= 0 else { return -1 }
        nodes.append(StructureNode(role, parent: parent, alt: alt, language: language, title: title, scope: scope, identifier: identifier))
        return Int32(nodes.count - 1)
    }

    /// The node at `index`.
    subscript(index: Int32) -> StructureNode {
        get { nodes[Int(index)] }
        set { nodes[Int(index)] = newValue }
    }

    /// The language `node`'s content is read in: its own `/Lang`, else the nearest ancestor's (nil when none says).
    func language(at node: Int32) -> String? {
        var ancestor = node
        while ancestor >= 0 {
            if let language = nodes[Int(ancestor)].language { return language }
            ancestor = nodes[Int(ancestor)].parent
        }
        return nil
    }

    /// Adds another document's structure (an article's, whose node 0 is its own `Document`) under this one's
    /// `Document`, and returns what to add to its node numbers (from 1 up) to find them here.
    func graft(_ other: [StructureNode]) -> Int32 {
        let offset = Int32(nodes.count - 1)
        for node in other.dropFirst() {
            var moved = node
            if moved.parent > 0 { moved.parent += offset }
            if let order = moved.order, order > 0 { moved.order = order + offset }
            nodes.append(moved)
        }
        return offset
    }

    /// Moves a footnote's `Note` to be read right after `block`, the block whose line calls it: as `block`'s next
    /// sibling, or, where the block sits inside a table or a figure, after the table or figure.
    func placeNote(_ note: Int32, after block: Int32) {
        guard note > 0, block > 0 else { return }
        var anchor = block
        while anchor > 0, Self.holdsOnlyItsOwnParts(nodes[Int(nodes[Int(anchor)].parent)].role) {
            anchor = nodes[Int(anchor)].parent
        }
        nodes[Int(note)].parent = nodes[Int(anchor)].parent
        nodes[Int(note)].order = nodes[Int(anchor)].order ?? anchor
    }

    /// Elements whose children must be of particular kinds (a table's rows, a list's items), under which a note
    /// may not be put.
    private static func holdsOnlyItsOwnParts(_ role: StructureRole) -> Bool {
        switch role {
        case .table, .tableRow, .tableHeaderCell, .tableCell, .list, .listItem, .label, .figure, .caption, .paragraph,
             .heading1, .heading2, .heading3, .heading4, .heading5, .heading6, .link, .span, .reference, .tableOfContents,
             .tableOfContentsItem:
            true
        default:
            false
        }
    }
}
