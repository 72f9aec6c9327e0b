import GalleyModel

/// An issue's contents set once, all but the page numbers and their dot leaders, which wait for the articles' start
/// pages (`ArticleTypesetter.contentsPages(_:startPages:)`).
///
/// No block's height depends on a page number (the number sits in room the title leaves free), so the draft already
/// knows how many pages the contents take: the binder places the articles once instead of setting the contents,
/// counting their pages and setting them again. The draft needs only the articles' titles, authors and sections,
/// so a worker can set it while the other workers are still laying articles out.
public struct ContentsDraft: Sendable {
    /// One article's contents entry: where its page number goes, and what comes before and after it.
    struct Entry: Sendable {
        /// The article's index in the issue.
        var article: Int
        /// The entry's title lines, drawn before the number.
        var title: [PositionedItem]
        /// The entry's link area and byline, drawn after the number and the leaders.
        var rest: [PositionedItem]
        /// The number's baseline within the block.
        var baseline: Double
        /// Where the title's last line ends, which the leaders start after.
        var lastLineEnd: Double
        /// The structure element the number belongs to.
        var numberNode: Int32
    }

    /// A block of the contents (the heading, a section's title or an article's entry) and the space it takes.
    struct Block: Sendable {
        /// The block's items, for a block that is not an entry.
        var items: [PositionedItem]
        /// The article entry, for one that is.
        var entry: Entry?
        /// The block's height.
        var height: Double
        /// The space above it, unless it starts a page.
        var spaceBefore: Double
    }

    /// The blocks in reading order.
    let blocks: [Block]
    /// The structure the draft added under the issue's `Document` (node 0 is the `Document`), to graft first.
    public let structure: [StructureNode]
    /// The page of each block, and its top on that page; no top for a block moved to the next page, which keeps
    /// the place it was set at.
    let placements: [(page: Int, top: Double?)]

    /// How many articles the contents list.
    public var articleCount: Int { blocks.reduce(0) { $0 + ($1.entry == nil ? 0 : 1) } }

    /// How many pages the contents take.
    public var pageCount: Int { (placements.last?.page ?? 0) + 1 }

    /// A draft of `blocks` placed on pages of `textHeight`: a block that does not fit goes to the top of the next
    /// page, without the space before it, unless nothing is drawn on its page yet.
    init(blocks: [Block], structure: [StructureNode], textHeight: Double) {
        self.blocks = blocks
        self.structure = structure
        var placements: [(page: Int, top: Double?)] = []
        var page = 0
        var y = 0.0
        var pageIsEmpty = true
        for block in blocks {
            let drawsSomething = block.entry != nil || !block.items.isEmpty
            let top = pageIsEmpty ? 0 : y + block.spaceBefore
            if top + block.height > textHeight, !pageIsEmpty {
                page += 1
                placements.append((page, nil))
                y = block.height
                pageIsEmpty = !drawsSomething
                continue
            }
            placements.append((page, top))
            y = top + block.height
            pageIsEmpty = pageIsEmpty && !drawsSomething
        }
        self.placements = placements
    }
}
