/// One element of a document's logical structure (its tagged-PDF structure tree), kept in a flat array.
///
/// The array is the tree: node 0 is the `Document`, every other node names its parent by index, and siblings are
/// read in ascending `order` (ties by index). Content reaches a node through `PositionedItem.node`; an element's own
/// content and its child elements are read in the order they are drawn.
public struct StructureNode: Codable, Sendable, Equatable {
    /// How a table header cell relates to the cells it heads.
    public enum Scope: String, Codable, Sendable, Equatable {
        case row = "Row"
        case column = "Column"
        case both = "Both"
    }

    /// The element's structure type.
    public var role: StructureRole
    /// The parent's index in the structure array; -1 for the root.
    public var parent: Int32
    /// Where the element is read among its siblings (smaller first); its index when nil.
    public var order: Int32?
    /// Alternate text (`/Alt`): a figure's description, a link's destination in words.
    public var alt: String?
    /// The language (`/Lang`, a BCP 47 tag) when it differs from the enclosing element's.
    public var language: String?
    /// A title for the element (`/T`), such as an article's headline on its `Art`.
    public var title: String?
    /// A header cell's scope.
    public var scope: Scope?
    /// An identifier (`/ID`) that a `Reference` can name: a footnote's id on its `Note`.
    public var identifier: String?

    /// Creates a node under `parent`.
    public init(_ role: StructureRole, parent: Int32, order: Int32? = nil, alt: String? = nil, language: String? = nil,
                title: String? = nil, scope: Scope? = nil, identifier: String? = nil) {
        self.role = role
        self.parent = parent
        self.order = order
        self.alt = alt
        self.language = language
        self.title = title
        self.scope = scope
        self.identifier = identifier
    }
}
