import CLibXML2
import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyModel

/// A piece of HTML stored inside another format (a WordPress post's content, title or excerpt).
struct HTMLFragment {
    /// The HTML source.
    var html: String
    /// How deeply its elements may nest before deeper ones are flattened.
    var nestingLimit = Limits().nestingDepth

    /// The blocks and footnotes of the fragment, with warnings whose lines count within the fragment.
    func body(file: String, autoParagraphs: Bool) -> (body: [Block], footnotes: [Footnote], warnings: [Diagnostic]) {
        guard let document = LibXMLDocument.html(html), let root = document.root else { return ([], [], []) }
        let container = root.childElements.first { $0.elementName == "body" } ?? root
        let converter = HTMLBodyConverter(file: file, options: .init(autoParagraphs: autoParagraphs, nestingLimit: nestingLimit))
        let body = converter.body(of: container, root: root)
        return (body, converter.footnoteList, converter.warnings)
    }

    /// The fragment's text with tags removed and entities decoded, whitespace collapsed.
    var plainText: String {
        guard let document = LibXMLDocument.html(html), let root = document.root else { return "" }
        let container = root.childElements.first { $0.elementName == "body" } ?? root
        return container.textContent.collapsingHTMLWhitespace()
    }

    /// The fragment's paragraphs run together as one inline run, for a deck; nil when it has no text.
    func inlineRun(file: String, autoParagraphs: Bool) -> [Inline]? {
        var result: [Inline] = []
        for block in body(file: file, autoParagraphs: autoParagraphs).body {
            let inlines: [Inline]
            switch block {
            case .paragraph(let content), .heading(_, let content): inlines = content
            case .figure: continue
            default: inlines = [.text(block.plainText)]
            }
            if !result.isEmpty { result.append(.text(" ")) }
            result += inlines
        }
        let merged = InlineNormalizer.merged(result)
        return InlineNormalizer.isBlank(merged) ? nil : merged
    }
}
