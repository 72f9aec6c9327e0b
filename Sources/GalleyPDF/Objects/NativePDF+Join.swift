import Foundation

/// Joining files cairo drew as parts of one document: the pages of the next part follow this file's, its named
/// destinations join this file's, and links and bookmarks drawn as `#name` URIs are pointed at those destinations.
extension NativePDF {
    /// Appends `other`'s pages after this file's pages, with every object they reach, and merges its named
    /// destinations into this file's.
    ///
    /// `other`'s objects are renumbered after this file's and kept as values (their stream data copied), so the
    /// writer writes them like objects the finish made; those nothing reaches any more (its catalog, page tree and
    /// cairo's structure tree) are left out by the writer. Streams cairo stored uncompressed are compressed by the
    /// writer, like this file's own.
    func appendPages(of other: NativePDF) throws {
        let base = nextNumber - 1
        // A copy, never a change in place: a value may be reached twice (an object, and a destination read from it).
        func renumbered(_ value: PDFValue) -> PDFValue {
            switch value {
            case .reference(let number): .reference(number + base)
            case .array(let box): .array(PDFArrayBox(box.items.map(renumbered)))
            case .dictionary(let box): .dictionary(PDFDictionaryBox(box.entries.map { ($0.key, renumbered($0.value)) }))
            default: value
            }
        }
        let otherDestinations = other.namedDestinations()
        let otherPages = other.pageList()
        // Attributes a page inherits from its page tree, which this file's tree does not give it.
        let inheritable = ["/Resources", "/MediaBox", "/CropBox", "/Rotate"]
        let inherited = otherPages.map { page in inheritable.compactMap { key in other.inheritedValue(page, key).map { (key, $0) } } }
        var copied: [(number: Int, object: Object)] = []
        copied.reserveCapacity(other.objects.count)
        for number in other.objects.keys.sorted() {
            guard let source = other.resolveObject(.reference(number)) else { continue }
            let made = Object(span: nil)
            made.value = renumbered(source.value ?? .null)
            if let range = source.originalData {
                made.data = other.input.withUnsafeBufferPointer { Data(UnsafeBufferPointer(rebasing: $0[range])) }
            } else {
                made.data = source.data
            }
            copied.append((number, made))
        }
        try other.check()
        for (number, object) in copied { objects[number + base] = object }
        nextNumber = base + other.nextNumber

        let tree = get(root, "/Pages")
        guard case .array? = resolve(get(tree, "/Kids")) else { throw Unsupported(reason: "the page tree has no /Kids array") }
        let kids = get(tree, "/Kids")
        let count = pageList().count
        for (page, values) in zip(otherPages, inherited) {
            guard case .reference(let number) = page else { throw Unsupported(reason: "a page that is not an indirect object") }
            let moved = PDFValue.reference(number + base)
            for (key, value) in values where !has(moved, key) { set(moved, key, renumbered(value)) }
            set(moved, "/Parent", tree)
            append(kids, moved)
        }
        set(tree, "/Count", .integer(count + otherPages.count))
        pages = nil
        if pageList().count != count + otherPages.count { throw Unsupported(reason: "the joined page tree does not hold every page") }

        // One name tree of every part's destinations, sorted as a name tree must be; a name two parts define keeps
        // its first page.
        var merged: [[UInt8]: PDFValue] = [:]
        for (name, target) in namedDestinations() { merged[name] = target }
        for (name, target) in otherDestinations where merged[name] == nil { merged[name] = renumbered(target) }
        try check()
        guard !merged.isEmpty else { return }
        let leaves = merged.keys.sorted { $0.lexicographicallyPrecedes($1) }.flatMap { [PDFValue.string($0), merged[$0]!] }
        let dests = indirect(dictionary(["/Names": array(leaves)]))
        if isDictionary(get(root, "/Names")) {
            set(get(root, "/Names"), "/Dests", dests)
        } else {
            set(root, "/Names", dictionary(["/Dests": dests]))
        }
    }

    /// Points the link annotations `links[page][i]` names (the i-th of the page's `/Annots`; nil leaves it as it is)
    /// and the bookmarks `outline` names (in the outline's order, depth first) at those named destinations, with an
    /// explicit destination as cairo writes for a link within one file.
    func pointLinks(_ links: [[String?]], outline: [String]) throws {
        let destinations = namedDestinations()
        func target(_ name: String) throws -> PDFValue {
            guard let found = destinations[Array(name.utf8)], let resolved = resolve(found) else {
                throw Unsupported(reason: "no page defines the destination \(name)")
            }
            // A destination may be given as a dictionary whose /D is the array.
            let array = isDictionary(resolved) ? resolve(get(resolved, "/D")) : resolved
            guard case .array(let box)? = array else { throw Unsupported(reason: "the destination \(name) is not an array") }
            return .array(PDFArrayBox(box.items))
        }
        let pages = pageList()
        guard links.count == pages.count else { throw Unsupported(reason: "links were listed for \(links.count) pages of \(pages.count)") }
        for (page, names) in zip(pages, links) where names.contains(where: { $0 != nil }) {
            let annotations = items(get(page, "/Annots"))
            guard annotations.count == names.count else {
                throw Unsupported(reason: "a page has \(annotations.count) annotations where \(names.count) links were drawn")
            }
            for (annotation, name) in zip(annotations, names) {
                guard let name else { continue }
                remove(annotation, "/A")
                set(annotation, "/Dest", try target(name))
            }
        }
        var items: [PDFValue] = []
        var visited = Set<Int>()
        func walk(_ first: PDFValue, depth: Int) {
            var item = first
            while depth < 64, case .reference(let number) = item, visited.insert(number).inserted {
                items.append(item)
                walk(get(item, "/First"), depth: depth + 1)
                item = get(item, "/Next")
            }
        }
        walk(get(get(root, "/Outlines"), "/First"), depth: 0)
        guard items.count == outline.count else {
            throw Unsupported(reason: "the outline has \(items.count) entries where \(outline.count) were drawn")
        }
        for (item, name) in zip(items, outline) {
            remove(item, "/A")
            set(item, "/Dest", try target(name))
        }
        try check()
    }

    /// The catalog's named destinations (`/Names /Dests`, a name tree), by name.
    func namedDestinations() -> [[UInt8]: PDFValue] {
        var found: [[UInt8]: PDFValue] = [:]
        var visited = Set<Int>()
        func walk(_ node: PDFValue, depth: Int) {
            guard depth < 32 else { return }
            if case .reference(let number) = node, !visited.insert(number).inserted { return }
            let pairs = items(get(node, "/Names"))
            for index in stride(from: 0, to: pairs.count - 1, by: 2) {
                if case .string(let name)? = resolve(pairs[index]), found[name] == nil { found[name] = pairs[index + 1] }
            }
            for kid in items(get(node, "/Kids")) { walk(kid, depth: depth + 1) }
        }
        walk(get(get(root, "/Names"), "/Dests"), depth: 0)
        return found
    }

    /// `key` of `page`, or of the nearest page tree node above it that has it.
    private func inheritedValue(_ page: PDFValue, _ key: String) -> PDFValue? {
        var node = page
        for _ in 0..<64 {
            if has(node, key) { return get(node, key) }
            node = get(node, "/Parent")
            if isNull(node) { return nil }
        }
        return nil
    }
}
