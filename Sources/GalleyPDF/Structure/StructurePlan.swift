import GalleyLayout

/// The structure tree to write: which nodes become elements and what each element's `/K` holds, in reading order.
///
/// Children are read in their `order`; an element's own marked content is read in drawing order (page, then
/// MCID) and placed among its children by where each child's first content is drawn; a link's annotations follow
/// its content. A node with nothing drawn and no kept children is left out, except table cells: an empty cell
/// still holds its place in the row, and without it the cells after it would sit under the wrong header.
struct StructurePlan {
    /// One entry of an element's `/K`.
    enum Kid: Equatable {
        /// A child element (a node index).
        case element(Int)
        /// Marked content drawn on page `page` under `mcid`.
        case content(page: Int, mcid: Int32)
        /// The annotation at `index` of page `page`'s `/Annots`.
        case annotation(page: Int, index: Int)
    }

    /// The nodes that become elements, parents before children, siblings in reading order.
    var elements: [Int]
    /// For each node, its `/K` (empty for a node left out).
    var kids: [[Kid]]
    /// For each node, the one page all its marked content and annotations are on, or nil (none, or several).
    var page: [Int?]

    /// Plans the tree for `nodes`, given the MCIDs each page keeps (with their node) and each page's annotations.
    init(nodes: [StructureNode], content: [[(mcid: Int32, node: Int32)]], annotations: [[Int32]]) throws {
        let count = nodes.count
        guard count > 0 else { throw PDFFinishError.invalidStructure("there is no root node") }
        guard nodes[0].parent == -1 else { throw PDFFinishError.invalidStructure("node 0 has a parent") }
        var children = [[Int]](repeating: [], count: count)
        for index in 1..<count {
            let parent = Int(nodes[index].parent)
            guard parent >= 0, parent < count, parent != index else {
                throw PDFFinishError.invalidStructure("node \(index) names parent \(parent), which is not a node")
            }
            children[parent].append(index)
        }
        for index in 0..<count where children[index].count > 1 {
            children[index].sort { (nodes[$0].order ?? Int32(clamping: $0), $0) < (nodes[$1].order ?? Int32(clamping: $1), $1) }
        }
        // Positions in drawing order: page in the high half, MCID in the low; annotations after all content.
        var own = [[Int]](repeating: [], count: count)
        for (page, marks) in content.enumerated() {
            for mark in marks {
                guard mark.node >= 0, Int(mark.node) < count else {
                    throw PDFFinishError.invalidStructure("page \(page + 1) marks content of node \(mark.node), which is not a node")
                }
                own[Int(mark.node)].append(page << 32 | Int(mark.mcid))
            }
        }
        var linked = [[Int]](repeating: [], count: count)
        for (page, nodesOfAnnotations) in annotations.enumerated() {
            for (index, node) in nodesOfAnnotations.enumerated() where node >= 0 {
                guard Int(node) < count else {
                    throw PDFFinishError.invalidStructure("an annotation of page \(page + 1) belongs to node \(node), which is not a node")
                }
                linked[Int(node)].append(page << 32 | index)
            }
        }

        // Parents before children (a pre-order walk, without recursion); nodes it never reaches are in a cycle.
        var preorder: [Int] = []
        preorder.reserveCapacity(count)
        var stack = [0]
        while let node = stack.popLast() {
            preorder.append(node)
            stack.append(contentsOf: children[node].reversed())
        }
        guard preorder.count == count else {
            throw PDFFinishError.invalidStructure("\(count - preorder.count) nodes are not reachable from the root (a cycle)")
        }

        var first = [Int](repeating: Int.max, count: count)
        var keep = [Bool](repeating: false, count: count)
        for node in preorder.reversed() {
            own[node].sort()
            var earliest = own[node].first ?? Int.max
            if let annotation = linked[node].first { earliest = min(earliest, (annotation >> 32) << 32 | 0xFFFF_FFFF) }
            var kept = !own[node].isEmpty || !linked[node].isEmpty
            for child in children[node] where keep[child] {
                kept = true
                earliest = min(earliest, first[child])
            }
            let role = nodes[node].role
            keep[node] = kept || node == 0 || role == .tableCell || role == .tableHeaderCell
            first[node] = earliest
        }

        var kids = [[Kid]](repeating: [], count: count)
        var page = [Int?](repeating: nil, count: count)
        for node in preorder where keep[node] {
            var list: [Kid] = []
            list.reserveCapacity(own[node].count + children[node].count + linked[node].count)
            var next = 0
            let mine = own[node]
            for child in children[node] where keep[child] {
                while next < mine.count, mine[next] < first[child] {
                    list.append(.content(page: mine[next] >> 32, mcid: Int32(truncatingIfNeeded: mine[next] & 0xFFFF_FFFF)))
                    next += 1
                }
                list.append(.element(child))
            }
            while next < mine.count {
                list.append(.content(page: mine[next] >> 32, mcid: Int32(truncatingIfNeeded: mine[next] & 0xFFFF_FFFF)))
                next += 1
            }
            for annotation in linked[node] { list.append(.annotation(page: annotation >> 32, index: annotation & 0xFFFF_FFFF)) }
            kids[node] = list
            if let one = (mine.first ?? linked[node].first).map({ $0 >> 32 }),
               mine.allSatisfy({ $0 >> 32 == one }), linked[node].allSatisfy({ $0 >> 32 == one }) {
                page[node] = one
            }
        }
        elements = preorder.filter { keep[$0] }
        self.kids = kids
        self.page = page
    }
}
