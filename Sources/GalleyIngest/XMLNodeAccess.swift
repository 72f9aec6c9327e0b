import CLibXML2

/// Safe reading of libxml2 nodes: names, attributes, text and iteration without recursion.
extension UnsafeMutablePointer where Pointee == xmlNode {
    /// Whether this is an element (not text, a comment or a CDATA section).
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }

    /// Whether this is character data.
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's lowercase local name, or nil for other nodes.
    var elementName: String? {
        guard isElement, let name = pointee.name else { return nil }
        return String(cString: name).lowercased()
    }

    /// The element's name with its namespace prefix (`wp:post_id`), as WordPress exports spell them.
    var qualifiedName: String? {
        guard isElement, let name = pointee.name else { return nil }
        let local = String(cString: name)
        guard let prefix = pointee.ns?.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }

    /// The text of a text node, without entity decoding left to do (libxml2 has done it).
    var characters: String {
        guard let content = pointee.content else { return "" }
        return String(cString: content)
    }

    /// The value of attribute `name`, if present.
    func attribute(_ name: String) -> String? {
        guard isElement, let value = xmlGetProp(self, name) else { return nil }
        defer { galley_xml_free(value) }
        return String(cString: value)
    }

    /// The whitespace-separated tokens of the `class` attribute.
    var classes: [String] {
        (attribute("class") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { $0.lowercased() }
    }

    /// The 1-based source line libxml2 recorded for this node, or nil when it is not known.
    ///
    /// The HTML parser stores lines in 16 bits: 65535 means "somewhere past 65534", and a wrong line is worse than none.
    var line: Int? {
        let line = Int(xmlGetLineNo(self))
        return line > 0 && line != 65535 ? line : nil
    }

    /// All text inside the node, concatenated (libxml2 walks the tree without recursion).
    var textContent: String {
        guard let content = xmlNodeGetContent(self) else { return "" }
        defer { galley_xml_free(content) }
        return String(cString: content)
    }

    /// The direct children.
    var childNodes: XMLSiblings { XMLSiblings(first: pointee.children) }

    /// The direct children that are elements.
    var childElements: [xmlNodePtr] { childNodes.filter(\.isElement) }

    /// Every node below this one in document order, walked with parent links instead of the call stack.
    var descendants: XMLDescendants { XMLDescendants(root: self) }

    /// The ancestors from the parent up to (not including) the document node.
    var ancestors: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var current = pointee.parent
        while let node = current, node.pointee.type == XML_ELEMENT_NODE {
            result.append(node)
            current = node.pointee.parent
        }
        return result
    }

    /// The first child element called `name` (qualified, as in `qualifiedName`).
    func child(_ name: String) -> xmlNodePtr? {
        childNodes.first { $0.qualifiedName == name }
    }
}

/// A node and the siblings that follow it.
struct XMLSiblings: Sequence {
    let first: xmlNodePtr?

    func makeIterator() -> AnyIterator<xmlNodePtr> {
        var current = first
        return AnyIterator {
            guard let node = current else { return nil }
            current = node.pointee.next
            return node
        }
    }
}

/// The nodes under a root in document order, found without recursion so depth cannot overflow the stack.
struct XMLDescendants: Sequence {
    let root: xmlNodePtr

    func makeIterator() -> AnyIterator<xmlNodePtr> {
        let root = self.root
        var next: xmlNodePtr? = root.pointee.children
        return AnyIterator {
            guard let node = next else { return nil }
            if node.isElement, let child = node.pointee.children {
                next = child
            } else {
                var climb: xmlNodePtr? = node
                next = nil
                while let current = climb, current != root {
                    if let sibling = current.pointee.next {
                        next = sibling
                        break
                    }
                    climb = current.pointee.parent
                }
            }
            return node
        }
    }
}
