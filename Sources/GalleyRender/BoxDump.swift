import GalleyLayout

/// Prints a finished document as plain text, positions rounded to 0.01 pt: the golden-test format.
public struct BoxDump: Sendable {
    /// Creates a dumper.
    public init() {}

    /// One line per item, grouped by page, then the outline.
    public func render(_ document: PagedDocument) -> String {
        let n = LayoutFormat.number
        var lines: [String] = []
        for (index, page) in document.pages.enumerated() {
            lines.append("page \(index + 1) \(n(page.size.width))x\(n(page.size.height))")
            for positioned in page.items {
                let at = "\(n(positioned.origin.x)),\(n(positioned.origin.y))"
                switch positioned.item {
                case .glyphs(let run, let color):
                    let text = run.text.replacingOccurrences(of: "\u{00AD}", with: "-")
                    // The glyph expansion in thousandths, only when there is one, so that dumps without it keep their form.
                    let scale = run.horizontalScale == 1 ? "" : " expand=\(Int(((run.horizontalScale - 1) * 1000).rounded()))"
                    lines.append("  text \(at) w=\(n(run.width)) \(run.face.postScriptName) \(n(run.size))\(scale) \(color.hex) \"\(text)\"")
                case .shape(let run, let color):
                    lines.append("  shape \(at) w=\(n(run.width)) \(run.face.postScriptName) \(n(run.size)) \(color.hex) \"\(run.text)\"")
                case .rule(let size, let color):
                    lines.append("  rule \(at) \(n(size.width))x\(n(size.height)) \(color.hex)")
                case .link(let size, let url):
                    lines.append("  link \(at) \(n(size.width))x\(n(size.height)) \(url)")
                case .destination(let name):
                    lines.append("  dest \(at) \(name)")
                case .image(let image, let size):
                    let file = image.path.split(separator: "/").last.map(String.init) ?? image.path
                    lines.append("  image \(at) \(n(size.width))x\(n(size.height)) \(image.format.rawValue) \(file)")
                }
            }
        }
        lines.append("outline")
        for entry in document.outline {
            lines.append("  " + String(repeating: "  ", count: entry.level) + "\"\(entry.title)\" -> \(entry.destination) p\(entry.page + 1)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
