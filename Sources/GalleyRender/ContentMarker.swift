import CCairoPango
import GalleyLayout

/// Marks a page's content for the tagged PDF while it is drawn: each run of items that belong to one structure
/// element is drawn inside one cairo structure tag, which cairo writes as a marked-content sequence with an id.
///
/// Every tag is a leaf (none is begun inside another): cairo 1.16 marks only the content of leaf tags. The finishing
/// pass builds the real structure tree from `marks`; content outside any tag becomes an artifact there.
struct ContentMarker {
    private let cr: OpaquePointer
    private let structure: [StructureNode]
    /// The element whose tag is open, or -1.
    private var open: Int32 = -1
    private var openName = ""
    /// The element of each marked-content id on this page, in the order cairo numbers them (0, 1, …).
    private(set) var marks: [Int32] = []

    /// Starts a page drawn on `cr`; with an empty `structure`, nothing is marked.
    init(cr: OpaquePointer, structure: [StructureNode]) {
        self.cr = cr
        self.structure = structure
    }

    /// Makes what is drawn next belong to `node` (-1: to no element, an artifact).
    mutating func enter(_ node: Int32) {
        guard node != open, !structure.isEmpty else { return }
        if open >= 0 { cairo_tag_end(cr, openName) }
        open = node
        guard node >= 0, Int(node) < structure.count else {
            open = -1
            return
        }
        // "Link" is cairo's own link tag, which needs a target; a link's text is marked under a neutral name, and
        // the finishing pass names each sequence after its element anyway.
        let role = structure[Int(node)].role
        openName = role == .link ? StructureRole.span.rawValue : role.rawValue
        cairo_tag_begin(cr, openName, "")
        marks.append(node)
    }
}
