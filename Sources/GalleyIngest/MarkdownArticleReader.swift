import CCmarkGFM
import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyModel

/// Reads an article from Markdown (CommonMark with GitHub's extensions) with optional YAML front matter.
///
/// The mapping of front-matter fields and Markdown elements is described in `docs/article-format.md`.
public struct MarkdownArticleReader: ArticleReader {
    /// The limits the file is held to (the nesting depth of its front matter, lists and quotes).
    public var limits: Limits

    /// Creates a reader holding files to `limits`.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// The one article of a Markdown file.
    public func articles(from data: Data, file: String) throws -> [ReadResult] {
        let text = try TextInput.decode(data, file: file)
        let (yaml, body) = try FrontMatter.split(text, file: file)
        let front = try yaml.map { try FrontMatter(yaml: $0, file: file, nestingLimit: limits.nestingDepth) } ?? FrontMatter()
        guard let document = CMarkDocument(body) else { throw Diagnostic(file: file, message: "the Markdown could not be parsed") }

        let converter = MarkdownConverter(file: file, nestingLimit: limits.nestingDepth)
        var title = front.title
        if let (heading, isFirstBlock) = Self.firstTopHeading(in: document.root) {
            let headingTitle = converter.inlineContent(of: heading).plainText.trimmingCharacters(in: .whitespacesAndNewlines)
            _ = converter.takeFigures()
            // The heading is the title when there is no other, or a repeat of it at the top of the text.
            if title == nil && !headingTitle.isEmpty || (title == headingTitle && isFirstBlock) {
                title = title ?? headingTitle
                cmark_node_unlink(heading)
                cmark_node_free(heading)
            }
        }
        guard let title else {
            throw Diagnostic(file: file, message: "the article has no title: give one in the front matter (title: …) or start the text with a # heading")
        }
        let blocks = converter.blocks(ofChildren: document.root)

        var extras: [Diagnostic] = []
        func markdown(_ source: String, line: Int) -> [Block] {
            guard let parsed = CMarkDocument(source) else { return [] }
            let nested = MarkdownConverter(file: file, fixedLine: line, nestingLimit: limits.nestingDepth)
            let result = nested.blocks(ofChildren: parsed.root)
            extras += nested.warnings
            return result
        }
        let deck: [Inline]? = front.deck.map { deck in
            let parsed = markdown(deck.markdown, line: deck.line)
            if parsed.count == 1, case .paragraph(let inlines) = parsed[0] { return inlines }
            return [.text(deck.markdown)]
        }
        let notes = front.notes.map { Note(label: $0.label, content: markdown($0.markdown, line: $0.line)) }
        var article = Article(
            id: front.id ?? ArticleFieldRules.stableID(forTitle: title),
            title: title, deck: deck, kicker: front.kicker, authors: front.authors, date: front.date,
            language: front.language ?? "en", sourceURL: front.url, topics: front.topics, body: blocks,
            signOff: front.signOff, translation: front.translation, notes: notes, related: front.related,
            publisherFooter: front.publisherFooter, footnotes: converter.footnotes, languageDeclared: front.language != nil)
        let unprintable = UnprintableText.clean(&article, file: file, source: text)
        return [ReadResult(article: article, warnings: front.warnings + converter.warnings + extras + (unprintable.map { [$0] } ?? []))]
    }

    /// The first level-1 heading among the top-level blocks, and whether it is the first block.
    private static func firstTopHeading(in root: OpaquePointer) -> (node: OpaquePointer, isFirstBlock: Bool)? {
        for (index, node) in CMarkDocument.children(of: root).enumerated()
        where cmark_node_get_type(node) == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) == 1 {
            return (node, index == 0)
        }
        return nil
    }
}
