import GalleyLayout

/// Writes a `StructurePlan` as PDF objects: the `StructTreeRoot`, one `StructElem` per kept node, the parent tree
/// that leads from marked content and annotations back to their elements, and the ID tree of element ids.
struct StructureTreeWriter<Store: PDFObjectStore> {
    let document: Store
    let nodes: [StructureNode]
    let plan: StructurePlan
    let pages: [Store.Handle]
    let annotations: [[Store.Handle]]

    /// Makes the tree; sets each page's `/StructParents` and each linked annotation's `/StructParent`, and returns
    /// the new structure tree root (cairo's is left unreferenced, so it is not written).
    func write(content: [[(mcid: Int32, node: Int32)]], annotationNodes: [[Int32]]) -> Store.Handle {
        let document = document
        let treeRoot = document.indirect(document.dictionary(["/Type": document.name("/StructTreeRoot")]))
        var elements = [Store.Handle?](repeating: nil, count: nodes.count)
        let structElem = document.name("/StructElem")
        for node in plan.elements {
            elements[node] = document.indirect(document.dictionary([
                "/Type": structElem, "/S": document.name("/" + nodes[node].role.rawValue),
            ]))
        }
        var identifiers: [(key: [UInt8], id: String, element: Store.Handle)] = []
        for node in plan.elements {
            let element = elements[node]!
            let info = nodes[node]
            document.set(element, "/P", node == 0 ? treeRoot : elements[Int(info.parent)]!)
            if let onePage = plan.page[node] { document.set(element, "/Pg", pages[onePage]) }
            if let alt = info.alt { document.set(element, "/Alt", document.text(alt)) }
            if let language = info.language, !language.isEmpty { document.set(element, "/Lang", document.text(language)) }
            if let title = info.title { document.set(element, "/T", document.text(title)) }
            if let identifier = info.identifier, !identifier.isEmpty {
                document.set(element, "/ID", document.bytes(identifier))
                identifiers.append((Array(identifier.utf8), identifier, element))
            }
            if info.role == .tableHeaderCell {
                // PDF/UA asks every header cell of a table without /Headers for its scope; a column is the common case.
                let scope = info.scope ?? .column
                document.set(element, "/A", document.dictionary(["/O": document.name("/Table"), "/Scope": document.name("/" + scope.rawValue)]))
            }
            let kids = plan.kids[node]
            guard !kids.isEmpty else { continue }
            let onePage = plan.page[node] != nil
            let array = document.array([])
            for kid in kids {
                switch kid {
                case .element(let child):
                    document.append(array, elements[child]!)
                case .content(let page, let mcid):
                    document.append(array, onePage ? document.integer(Int(mcid)) : document.dictionary([
                        "/Type": document.name("/MCR"), "/Pg": pages[page], "/MCID": document.integer(Int(mcid)),
                    ]))
                case .annotation(let page, let index):
                    document.append(array, document.dictionary([
                        "/Type": document.name("/OBJR"), "/Pg": pages[page], "/Obj": annotations[page][index],
                    ]))
                }
            }
            document.set(element, "/K", array)
        }

        // The parent tree: page i under key i (its MCIDs in order), then one key per linked annotation.
        let numbers = document.array([])
        let null = document.null()
        for (index, marks) in content.enumerated() {
            guard let last = marks.map(\.mcid).max() else {
                document.remove(pages[index], "/StructParents")
                continue
            }
            var parents = [Store.Handle](repeating: null, count: Int(last) + 1)
            for mark in marks { parents[Int(mark.mcid)] = elements[Int(mark.node)]! }
            document.append(numbers, document.integer(index))
            document.append(numbers, document.array(parents))
            document.set(pages[index], "/StructParents", document.integer(index))
        }
        var nextKey = pages.count
        for (page, nodesOfAnnotations) in annotationNodes.enumerated() {
            for (index, node) in nodesOfAnnotations.enumerated() {
                let annotation = annotations[page][index]
                guard node >= 0, let element = elements[Int(node)] else {
                    document.remove(annotation, "/StructParent")
                    continue
                }
                document.set(annotation, "/StructParent", document.integer(nextKey))
                document.append(numbers, document.integer(nextKey))
                document.append(numbers, element)
                nextKey += 1
            }
        }
        document.set(treeRoot, "/K", document.array([elements[0]!]))
        document.set(treeRoot, "/ParentTree", document.indirect(document.dictionary(["/Nums": numbers])))
        document.set(treeRoot, "/ParentTreeNextKey", document.integer(nextKey))
        if !identifiers.isEmpty {
            // A name tree's keys are sorted by their bytes; an id given twice names its first element.
            identifiers.sort { $0.key.lexicographicallyPrecedes($1.key) }
            let names = document.array([])
            var previous: [UInt8]?
            for entry in identifiers where entry.key != previous {
                document.append(names, document.bytes(entry.id))
                document.append(names, entry.element)
                previous = entry.key
            }
            document.set(treeRoot, "/IDTree", document.dictionary(["/Names": names]))
        }
        return treeRoot
    }
}
