/// An element of the main column's vertical list.
public enum VerticalNode: Sendable, Equatable {
    /// Material that is never split.
    case box(VerticalBox)
    /// Space between blocks, dropped at the top of a page; a break point when it follows a box.
    case space(Double)
    /// A possible page break with a cost; `Penalty.infinity` forbids it.
    case penalty(Double)
}
