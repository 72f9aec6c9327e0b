import CLibXML2
import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyModel

/// Reads an article from HTML: a CMS post body, or a whole page whose `<head>` describes it.
///
/// The body is the page's `<article>` (the longest, if there are several), else `<main>`, else `<body>`.
/// The mapping of elements and meta tags is described in `docs/article-format.md`.
public struct HTMLArticleReader: ArticleReader {
    /// An id to use instead of the one the page gives or implies.
    public var id: String?
    /// The limits the file is held to (the nesting depth of its elements).
    public var limits: Limits

    /// Creates a reader holding files to `limits`; `id` overrides the id found in the page.
    public init(id: String? = nil, limits: Limits = Limits()) {
        self.id = id
        self.limits = limits
    }

    /// The one article of an HTML file.
    public func articles(from data: Data, file: String) throws -> [ReadResult] {
        let text = try TextInput.decode(data, file: file)
        guard let document = LibXMLDocument.html(text), let root = document.root else {
            throw Diagnostic(file: file, message: "the file holds no HTML content")
        }
        var result = try read(root: root, file: file)
        if let warning = UnprintableText.clean(&result.article, file: file, source: text) { result.warnings.append(warning) }
        return [result]
    }

    private func read(root: xmlNodePtr, file: String) throws -> ReadResult {
        let page = HTMLPageMetadata(root: root)
        let container = Self.container(in: root)
        var warnings: [Diagnostic] = []
        var hiding = Set<xmlNodePtr>()

        let firstHeading = container.descendants.first { $0.elementName == "h1" }
        let headingText = firstHeading.map { $0.textContent.collapsingHTMLWhitespace() }
        var title = page.title
        if let firstHeading, let headingText, !headingText.isEmpty, title == nil || title == headingText {
            title = headingText
            hiding.insert(firstHeading)
        }
        if title?.isEmpty ?? true {
            title = fallbackTitle(container: container, file: file, hiding: &hiding, warnings: &warnings)
        }
        guard let title, !title.isEmpty else {
            throw Diagnostic(file: file, message: "the article has no title and standard input has no file name to take one from: give the page a <title>, an og:title meta tag or a heading")
        }

        let postscripts = Self.outermost(in: root) { $0.classes.contains("ps") }
        // "related" is a common class name; only a block with list items is taken for a list of articles.
        let relatedBlocks = Self.outermost(in: root) { node in
            (node.classes.contains("related") || node.classes.contains("galley-related"))
                && node.descendants.contains { $0.elementName == "li" }
        }
        hiding.formUnion(postscripts)
        hiding.formUnion(relatedBlocks)

        let isPageBody = page.isWholePage && container.elementName == "body"
        let converter = HTMLBodyConverter(file: file, options: .init(dropPageChrome: isPageBody, nestingLimit: limits.nestingDepth))
        let body = converter.body(of: container, root: root, hiding: hiding)
        let notes = postscripts.compactMap { note(from: $0, converter: converter) }
        let related = relatedBlocks.flatMap(Self.relatedGroups(in:))

        var date: String?
        if let published = page.first("article:published_time") {
            date = ArticleFieldRules.calendarDate(published)
            if date == nil {
                warnings.append(Diagnostic(.warning, file: file, line: page.line(of: "article:published_time"),
                                           message: "article:published_time \(QuotedValue.quote(published)) is not a date; the article has no date"))
            }
        }
        let declared = page.language ?? page.first("og:locale")?.replacingOccurrences(of: "_", with: "-")
        var language = declared ?? "en"
        var languageDeclared = declared != nil
        if !ArticleFieldRules.isLanguageTag(language) {
            warnings.append(Diagnostic(.warning, file: file, message: "\(QuotedValue.quote(language)) is not a language tag; the language is detected from the text"))
            language = "en"
            languageDeclared = false
        }
        let url = page.first("og:url") ?? page.canonicalURL
        let authors = page.all("article:author").filter { !$0.lowercased().hasPrefix("http") }
        let translator = page.first("galley:translator")
        if translator == nil, page.first("galley:translated-from") != nil || page.first("galley:translation-url") != nil {
            warnings.append(Diagnostic(.warning, file: file, line: page.line(of: "galley:translated-from") ?? page.line(of: "galley:translation-url"),
                                       message: "a translation source without galley:translator was ignored"))
        }
        let article = Article(
            id: articleID(page: page, title: title, url: url, file: file, warnings: &warnings),
            title: title,
            deck: page.first("og:description").map { [.text($0)] },
            kicker: page.first("article:section"),
            authors: authors.isEmpty ? page.all("author") : authors,
            date: date,
            language: language,
            sourceURL: url,
            topics: page.all("article:tag").flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                .filter { !$0.isEmpty },
            body: body,
            signOff: page.first("galley:sign-off"),
            translation: translator.map {
                Translation(translator: $0, from: page.first("galley:translated-from"), sourceURL: page.first("galley:translation-url"))
            },
            notes: notes,
            related: related,
            publisherFooter: page.first("galley:publisher-footer"),
            footnotes: converter.footnoteList,
            languageDeclared: languageDeclared)
        return ReadResult(article: article, warnings: warnings + converter.warnings)
    }

    /// The title of a page that gives none: its first heading of any level (which then leaves the body), else one
    /// made from the file name; each with a warning. Nil for unnamed input without a heading.
    private func fallbackTitle(container: xmlNodePtr, file: String, hiding: inout Set<xmlNodePtr>, warnings: inout [Diagnostic]) -> String? {
        let headings = ["h1", "h2", "h3", "h4", "h5", "h6"]
        let heading = container.descendants.first { node in
            node.elementName.map(headings.contains) == true && !node.textContent.collapsingHTMLWhitespace().isEmpty
        }
        if let heading, let name = heading.elementName {
            let text = heading.textContent.collapsingHTMLWhitespace()
            hiding.insert(heading)
            warnings.append(FallbackTitle.headingWarning(file: file, line: heading.line, title: text, level: Int(String(name.dropFirst())) ?? 1))
            return text
        }
        guard let named = FallbackTitle.fromFileName(file) else { return nil }
        warnings.append(FallbackTitle.fileNameWarning(file: file, title: named, how: "give the page a <title> or an og:title meta tag"))
        return named
    }

    /// The id: this reader's, else `galley:id`, `article:id`, a SPIP `article1234` in the address, or a hash of the title.
    private func articleID(page: HTMLPageMetadata, title: String, url: String?, file: String, warnings: inout [Diagnostic]) -> String {
        if let id { return id }
        for key in ["galley:id", "article:id"] {
            guard let value = page.first(key) else { continue }
            if ArticleFieldRules.isUsableID(value) { return value }
            warnings.append(Diagnostic(.warning, file: file, line: page.line(of: key),
                                       message: "\(key) \(QuotedValue.quote(value)) is not a usable id (letters, digits, - and _ only) and was ignored"))
        }
        if let url, let number = ArticleFieldRules.spipArticleNumber(in: url) { return number }
        return ArticleFieldRules.stableID(forTitle: title)
    }

    /// The element holding the article: the longest `<article>`, else `<main>`, else `<body>`.
    static func container(in root: xmlNodePtr) -> xmlNodePtr {
        var best: (node: xmlNodePtr, length: Int)?
        var main: xmlNodePtr?
        for node in root.descendants where node.isElement {
            switch node.elementName {
            case "article":
                let length = node.textContent.count
                if best.map({ length > $0.length }) ?? true { best = (node, length) }
            case "main" where main == nil:
                main = node
            default:
                continue
            }
        }
        return best?.node ?? main ?? root.childElements.first { $0.elementName == "body" } ?? root
    }

    /// The elements matching `test` that are not inside another match.
    static func outermost(in root: xmlNodePtr, where test: (xmlNodePtr) -> Bool) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        for node in root.descendants where node.isElement && test(node) {
            if !node.ancestors.contains(where: { found.contains($0) }) { found.append(node) }
        }
        return found
    }

    /// A P.S. block (SPIP's `class="ps"`): its leading heading is the label, "P.S." when there is none.
    private func note(from element: xmlNodePtr, converter: HTMLBodyConverter) -> Note? {
        let first = element.childElements.first
        var label = "P.S."
        var skipping = Set<xmlNodePtr>()
        if let first, let name = first.elementName, ["h1", "h2", "h3", "h4", "h5", "h6"].contains(name) {
            let text = first.textContent.collapsingHTMLWhitespace()
            if !text.isEmpty { label = text }
            skipping.insert(first)
        }
        let content = converter.blocks(inside: element, skipping: skipping)
        return content.isEmpty ? nil : Note(label: label, content: content)
    }

    /// Related articles in a `class="related"` block: each heading names a topic, each list item is an article.
    static func relatedGroups(in element: xmlNodePtr) -> [RelatedGroup] {
        var groups: [RelatedGroup] = []
        var topic = element.attribute("aria-label") ?? element.attribute("title") ?? "Related"
        var articles: [RelatedArticle] = []
        func close() {
            if !articles.isEmpty { groups.append(RelatedGroup(topic: topic, articles: articles)) }
            articles = []
        }
        for node in element.descendants where node.isElement {
            switch node.elementName {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                close()
                topic = node.textContent.collapsingHTMLWhitespace()
            case "li":
                let title = node.textContent.collapsingHTMLWhitespace()
                guard !title.isEmpty else { continue }
                let link = node.descendants.first { $0.elementName == "a" && $0.attribute("href") != nil }
                articles.append(RelatedArticle(title: title, url: link?.attribute("href")))
            default:
                continue
            }
        }
        close()
        return groups
    }
}
