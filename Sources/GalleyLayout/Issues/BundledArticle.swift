import GalleyModel

/// An article ready to bind into an issue: its text, its laid-out pages and its section.
public struct BundledArticle: Sendable {
    /// The article.
    public var article: Article
    /// Its pages as its own PDF has them.
    public var layout: ArticleLayout
    /// The index of its section in the issue.
    public var section: Int

    /// Creates a bundled article.
    public init(article: Article, layout: ArticleLayout, section: Int) {
        self.article = article
        self.layout = layout
        self.section = section
    }
}
