/// Gives each glyph run of one paragraph its structure element: the paragraph's own, or a `Link`, a `Reference` (a
/// footnote call) or a `Span` in another language inside it.
///
/// Runs come in reading order, line after line, so a link broken across lines stays one element, and a new element
/// starts only where the run before was not part of the same link or passage.
struct InlineElements {
    private let structure: StructureBuilder
    private let block: Int32
    /// The language the paragraph is read in, from the nearest element that says.
    private let blockLanguage: String?
    private var link: (url: String, node: Int32)?
    private var span: (language: String, node: Int32)?
    /// The last link element made for each target, for the link areas (annotations) of a line.
    private var linksByTarget: [String: Int32] = [:]

    /// Starts on the paragraph whose element is `block` (-1 for untagged text, which makes no elements).
    init(structure: StructureBuilder, block: Int32) {
        self.structure = structure
        self.block = block
        blockLanguage = structure.language(at: block)
    }

    /// The element a run in `style` belongs to.
    mutating func node(for style: TextStyle) -> Int32 {
        guard block >= 0 else { return -1 }
        if style.footnote != nil {
            (link, span) = (nil, nil)
            return structure.add(.reference, under: block)
        }
        let language = style.language == blockLanguage ? nil : style.language
        if let url = style.link {
            span = nil
            if let link, link.url == url { return link.node }
            let node = structure.add(.link, under: block, alt: url, language: language)
            link = (url, node)
            linksByTarget[url] = node
            return node
        }
        link = nil
        guard let language else {
            span = nil
            return block
        }
        if let span, span.language == language { return span.node }
        let node = structure.add(.span, under: block, language: language)
        span = (language, node)
        return node
    }

    /// The element of the link whose area (annotation) leads to `url` on the line just set.
    mutating func linkNode(for url: String) -> Int32 {
        guard block >= 0 else { return -1 }
        if let node = linksByTarget[url] { return node }
        let node = structure.add(.link, under: block, alt: url)
        linksByTarget[url] = node
        return node
    }
}
