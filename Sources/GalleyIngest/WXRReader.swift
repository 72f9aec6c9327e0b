import CLibXML2
import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyModel

/// Reads a WordPress export file (WXR, Tools → Export): one article per published post.
///
/// Pages, attachments, menu items, drafts and private posts are skipped. Post content is stored as typed,
/// so blank lines separate paragraphs and newlines break lines, as WordPress shows them.
public struct WXRReader: ArticleReader {
    /// The limits the file is held to: entity expansions and their bytes, and the nesting depth of each post's HTML.
    public var limits: Limits

    /// Creates a reader holding files to `limits`.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// One article per published post, in the order of the export.
    public func articles(from data: Data, file: String) throws -> [ReadResult] {
        _ = try TextInput.decode(data, file: file)
        let document = try LibXMLDocument.xml(data, file: file, limits: limits)
        guard let root = document.root, root.qualifiedName == "rss", let channel = root.child("channel") else {
            throw Diagnostic(file: file, line: document.root?.line, message: "not a WordPress export: expected <rss> with a <channel>")
        }
        var displayNames: [String: String] = [:]
        for author in channel.childElements where author.qualifiedName == "wp:author" {
            guard let login = author.child("wp:author_login")?.textContent,
                  let name = author.child("wp:author_display_name")?.textContent, !name.isEmpty else { continue }
            displayNames[login] = name
        }
        var language = "en"
        var languageDeclared = false
        var channelWarnings: [Diagnostic] = []
        if let tag = channel.child("language")?.textContent.trimmingCharacters(in: .whitespacesAndNewlines), !tag.isEmpty {
            if ArticleFieldRules.isLanguageTag(tag) {
                language = tag
                languageDeclared = true
            } else {
                channelWarnings.append(Diagnostic(.warning, file: file, line: channel.child("language")?.line,
                                                  message: "\(QuotedValue.quote(tag)) is not a language tag; each post's language is detected from its text"))
            }
        }
        // Attachments by post id, for featured images (`_thumbnail_id` names one).
        var attachments: [String: FeaturedImage] = [:]
        for item in channel.childElements where item.qualifiedName == "item" && item.child("wp:post_type")?.textContent == "attachment" {
            guard let id = item.child("wp:post_id")?.textContent.trimmingCharacters(in: .whitespacesAndNewlines),
                  let url = item.child("wp:attachment_url")?.textContent.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty else { continue }
            let caption = item.child("excerpt:encoded")?.textContent
            attachments[id] = FeaturedImage(source: url, alt: Self.meta("_wp_attachment_image_alt", of: item) ?? "",
                                            captionHTML: caption.flatMap { HTMLFragment(html: $0).plainText.isEmpty ? nil : $0 })
        }
        var results: [ReadResult] = []
        for item in channel.childElements where item.qualifiedName == "item" {
            func field(_ name: String) -> String? { item.child(name)?.textContent }
            guard field("wp:post_type") == "post", field("wp:status") == "publish" else { continue }
            let categories = item.childElements.filter { $0.qualifiedName == "category" }
            let creator = field("dc:creator") ?? ""
            var post = WordPressPost(
                id: field("wp:post_id")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
                titleHTML: field("title") ?? "",
                contentHTML: field("content:encoded") ?? "",
                excerptHTML: field("excerpt:encoded"),
                date: field("wp:post_date"),
                link: field("link")?.trimmingCharacters(in: .whitespacesAndNewlines),
                authors: creator.isEmpty ? [] : [displayNames[creator] ?? creator],
                categories: categories.filter { $0.attribute("domain") == "category" }.map(\.textContent),
                tags: categories.filter { $0.attribute("domain") == "post_tag" }.map(\.textContent),
                language: language)
            post.languageDeclared = languageDeclared
            post.nestingLimit = limits.nestingDepth
            post.slug = field("wp:post_name")?.trimmingCharacters(in: .whitespacesAndNewlines)
            post.postType = field("wp:post_type")
            post.featured = Self.meta("_thumbnail_id", of: item).flatMap { attachments[$0] }
            do {
                let (article, warnings) = try post.article(file: file, autoParagraphs: true, path: nil)
                // The content's lines count from its element's line, where the CDATA section starts.
                let base = item.child("content:encoded").flatMap(Self.firstLine(of:)) ?? item.line
                let placed = warnings.map { warning -> Diagnostic in
                    var warning = warning
                    warning.line = warning.line.flatMap { line in base.map { $0 + line - 1 } } ?? item.line
                    warning.path = nil
                    return warning
                }
                results.append(ReadResult(article: article, warnings: channelWarnings + placed))
            } catch var diagnostic as Diagnostic {
                diagnostic.line = item.line
                diagnostic.path = nil
                throw diagnostic
            }
        }
        guard !results.isEmpty else { throw Diagnostic(file: file, message: "the export holds no published posts") }
        return results
    }

    /// The value of the post meta `key` of an item (`<wp:postmeta><wp:meta_key>…<wp:meta_value>…`), trimmed.
    private static func meta(_ key: String, of item: xmlNodePtr) -> String? {
        for meta in item.childElements where meta.qualifiedName == "wp:postmeta" {
            guard meta.child("wp:meta_key")?.textContent.trimmingCharacters(in: .whitespacesAndNewlines) == key else { continue }
            return meta.child("wp:meta_value")?.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }

    /// The line where `element` starts.
    ///
    /// Past line 65535 libxml2 keeps lines only on text nodes, and there they mark where the text ends.
    private static func firstLine(of element: xmlNodePtr) -> Int? {
        if element.pointee.line < 65535 { return element.line }
        guard let end = element.line else { return nil }
        return end - element.textContent.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }
}
