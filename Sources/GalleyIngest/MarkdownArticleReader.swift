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
        let front = try yaml.map {
            try FrontMatter(yaml: $0, file: file, nestingLimit: limits.nestingDepth, errorLimit: limits.errorsPerFile)
        } ?? FrontMatter()
        guard let document = CMarkDocument(body) else { throw Diagnostic(file: file, message: "the Markdown could not be parsed") }

        let converter = MarkdownConverter(file: file, nestingLimit: limits.nestingDepth)
        var title = front.title
        var titleWarnings: [Diagnostic] = []
        if let heading = Self.titleHeading(in: document.root) {
            let headingTitle = converter.inlineContent(of: heading.node).plainText.trimmingCharacters(in: .whitespacesAndNewlines)
            _ = converter.takeFigures()
            // A level-1 heading is the title when there is no other, or a repeat of it at the top of the text; a
            // heading of another level only stands in when the document has no title at all.
            let standsIn = title == nil && !headingTitle.isEmpty
            if standsIn && heading.level != 1 {
                titleWarnings.append(FallbackTitle.headingWarning(file: file, line: heading.line, title: headingTitle, level: heading.level))
            }
            if standsIn || (heading.level == 1 && title == headingTitle && heading.isFirstBlock) {
                title = title ?? headingTitle
                cmark_node_unlink(heading.node)
                cmark_node_free(heading.node)
            }
        }
        if title == nil, CMarkDocument.children(of: document.root).isEmpty {
            throw Diagnostic(file: file, message: "the file holds no text: no title, no heading and no body")
        }
        if title == nil, let named = FallbackTitle.fromFileName(file) {
            title = named
            titleWarnings.append(FallbackTitle.fileNameWarning(file: file, title: named, how: "give one in the front matter: title: …"))
        }
        guard let title else {
            throw Diagnostic(file: file, message: "the article has no title and standard input has no file name to take one from: give one in the front matter (title: …) or start the text with a heading")
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
        return [ReadResult(article: article, warnings: titleWarnings + front.warnings + converter.warnings + extras + (unprintable.map { [$0] } ?? []))]
    }

    /// The heading that may give the title: the first level-1 heading among the top-level blocks, else the first
    /// top-level heading of any level; with its level, its file line and whether it is the first block.
    private static func titleHeading(in root: OpaquePointer) -> (node: OpaquePointer, level: Int, line: Int, isFirstBlock: Bool)? {
        let children = CMarkDocument.children(of: root)
        let headings = children.enumerated().filter { cmark_node_get_type($0.element) == CMARK_NODE_HEADING }
        guard let chosen = headings.first(where: { cmark_node_get_heading_level($0.element) == 1 }) ?? headings.first else { return nil }
        return (chosen.element, Int(cmark_node_get_heading_level(chosen.element)), Int(cmark_node_get_start_line(chosen.element)), chosen.offset == 0)
    }
}
