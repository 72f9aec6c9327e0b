import GalleyLayout

/// Completes the annotations cairo writes for PDF/UA and PDF/A: printable, described, and read in structure order.
struct AnnotationFinisher<Store: PDFObjectStore> {
    let document: Store
    let nodes: [StructureNode]

    /// Sets `/F` to print (and not hidden), gives links a `/Contents` (the node's alternate text, else where the
    /// link leads), and sets `/Tabs /S` on every page with annotations.
    func finish(pages: [Store.Handle], annotations: [[Store.Handle]], nodesOfAnnotations: [[Int32]]) {
        for (pageIndex, list) in annotations.enumerated() where !list.isEmpty {
            document.set(pages[pageIndex], "/Tabs", document.name("/S"))
            for (index, annotation) in list.enumerated() {
                // Print on; Invisible (1), Hidden (2) and NoView (32) off: PDF/A wants annotations printed.
                let flags = document.integer(document.get(annotation, "/F")) ?? 0
                document.set(annotation, "/F", document.integer((flags | 4) & ~(1 | 2 | 32)))
                guard document.isName(document.get(annotation, "/Subtype"), "/Link"), !document.has(annotation, "/Contents") else { continue }
                let node = nodesOfAnnotations[pageIndex][index]
                let alt = node >= 0 ? nodes[Int(node)].alt : nil
                document.set(annotation, "/Contents", document.text(alt ?? destination(of: annotation)))
            }
        }
    }

    /// Where a link annotation leads, in words: its URI, or the named destination within the document.
    private func destination(of annotation: Store.Handle) -> String {
        let action = document.get(annotation, "/A")
        if let uri = document.text(of: document.get(action, "/URI")) { return uri }
        let target = document.has(annotation, "/Dest") ? document.get(annotation, "/Dest") : document.get(action, "/D")
        if let name = document.text(of: target) ?? document.name(of: target).map({ String($0.dropFirst()) }) {
            return "Link to \(name) in this document"
        }
        return "Link within this document"
    }
}
