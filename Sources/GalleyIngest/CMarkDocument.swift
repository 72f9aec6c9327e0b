import CCmarkGFM

/// Registers the GFM extensions once per process, before any parser looks them up.
private let gfmExtensionsReady: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
}()

/// A Markdown document parsed by cmark-gfm, with GitHub's tables, strikethrough, autolinks and footnotes.
final class CMarkDocument {
    /// The document node; its children are the top-level blocks.
    let root: OpaquePointer

    /// Parses `text`; source positions are kept so warnings can name lines.
    init?(_ text: String) {
        _ = gfmExtensionsReady
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        self.root = root
    }

    deinit {
        cmark_node_free(root)
    }

    /// The children of `node`, in order.
    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// cmark's name for the node's type; extension nodes are known only by it (`table`, `strikethrough`).
    static func typeName(of node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    /// The node's literal text (text, code, HTML), or "".
    static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Every node of the subtree under `node` (itself included) as cmark's iterator enters it, without recursion.
    static func walk(_ node: OpaquePointer, _ visit: (OpaquePointer, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if let current = cmark_iter_get_node(iterator) { visit(current, event == CMARK_EVENT_ENTER) }
        }
    }
}
