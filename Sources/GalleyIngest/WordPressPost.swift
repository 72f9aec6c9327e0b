import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyModel

/// The fields of a WordPress post that both the REST API and the export file give, made into an article.
struct WordPressPost {
    /// The post id.
    var id: String
    /// The title as HTML (entities such as `&#8217;` included).
    var titleHTML: String
    /// The post body as HTML.
    var contentHTML: String
    /// The excerpt as HTML, used as the deck.
    var excerptHTML: String?
    /// The publication date or timestamp.
    var date: String?
    /// The post's address.
    var link: String?
    /// The post's slug (REST `slug`, WXR `wp:post_name`).
    var slug: String?
    /// The post type (`post`, `page`, a custom type).
    var postType: String?
    /// The featured image, made the lead figure.
    var featured: FeaturedImage?
    /// Author display names.
    var authors: [String] = []
    /// Category names in the post's order.
    var categories: [String] = []
    /// Tag names.
    var tags: [String] = []
    /// The language tag.
    var language = "en"
    /// Whether the post (or its export's channel) named its language.
    var languageDeclared = false
    /// How deeply the content's elements may nest before deeper ones are flattened.
    var nestingLimit = Limits().nestingDepth

    /// Category names WordPress gives posts nobody filed, not worth printing as a kicker.
    private static let placeholderCategories: Set<String> = ["uncategorized", "uncategorised", "non classé", "sin categoría", "без рубрики"]

    /// The article; warnings from the body keep lines within the HTML, for the caller to place.
    func article(file: String, autoParagraphs: Bool, path place: String?) throws -> (article: Article, warnings: [Diagnostic]) {
        let title = HTMLFragment(html: titleHTML).plainText
        guard !title.isEmpty else {
            throw Diagnostic(file: file, path: place, message: "the post has no title")
        }
        guard ArticleFieldRules.isUsableID(id) else {
            throw Diagnostic(file: file, path: place, message: "post id \(QuotedValue.quote(id)) is not usable (letters, digits, - and _ only)")
        }
        var warnings: [Diagnostic] = []
        let content = HTMLFragment(html: contentHTML, nestingLimit: nestingLimit).body(file: file, autoParagraphs: autoParagraphs)
        warnings += content.warnings
        var calendarDate: String?
        if let date, !date.isEmpty {
            calendarDate = ArticleFieldRules.calendarDate(date)
            if calendarDate == nil {
                warnings.append(Diagnostic(.warning, file: file, path: place, message: "post date \(QuotedValue.quote(date)) is not a date; the article has no date"))
            }
        }
        let categoryNames = categories.map { HTMLFragment(html: $0).plainText }
            .filter { !$0.isEmpty && !Self.placeholderCategories.contains($0.lowercased()) }
        var topics: [String] = []
        for name in categoryNames + tags.map({ HTMLFragment(html: $0).plainText }) where !name.isEmpty && !topics.contains(name) {
            topics.append(name)
        }
        var article = Article(
            id: id, title: title,
            deck: excerptHTML.flatMap { HTMLFragment(html: $0, nestingLimit: nestingLimit).inlineRun(file: file, autoParagraphs: autoParagraphs) },
            kicker: categoryNames.first,
            authors: authors.map { HTMLFragment(html: $0).plainText }.filter { !$0.isEmpty },
            date: calendarDate,
            language: language,
            sourceURL: link.flatMap { $0.isEmpty ? nil : $0 },
            topics: topics,
            body: featured.map { featured in
                featured.lead(content.body, caption: featured.captionHTML.flatMap {
                    HTMLFragment(html: $0, nestingLimit: nestingLimit).inlineRun(file: file, autoParagraphs: autoParagraphs)
                })
            } ?? content.body,
            footnotes: content.footnotes,
            languageDeclared: languageDeclared,
            // A post without a slug of its own (a draft exported early) takes its address's last segment.
            slug: slug.flatMap { $0.isEmpty ? nil : $0 } ?? Self.slug(fromPermalink: link),
            postType: postType.flatMap { $0.isEmpty ? nil : $0 })
        // Lines count within the content, as the body's warnings do; the caller places them.
        if let warning = UnprintableText.clean(&article, file: file, source: contentHTML) { warnings.append(warning) }
        return (article, warnings)
    }

    /// The last path segment of `permalink` (`…/2025/06/my-post/` → `my-post`), the slug of a pretty WordPress
    /// address, as written (percent-encoded like WordPress's own slugs); nil for an address without one (`/?p=123`).
    static func slug(fromPermalink permalink: String?) -> String? {
        guard let permalink, let components = URLComponents(string: permalink) else { return nil }
        return components.percentEncodedPath.split(separator: "/").last.map(String.init)
    }
}
