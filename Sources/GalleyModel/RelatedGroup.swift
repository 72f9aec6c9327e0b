/// Related articles under one topic heading.
public struct RelatedGroup: Codable, Sendable, Equatable {
    /// The topic the articles share.
    public var topic: String
    /// The related articles.
    public var articles: [RelatedArticle]

    /// Creates a group.
    public init(topic: String, articles: [RelatedArticle]) {
        self.topic = topic
        self.articles = articles
    }
}

/// A pointer to another article.
public struct RelatedArticle: Codable, Sendable, Equatable {
    /// The other article's title.
    public var title: String
    /// Its address, if known.
    public var url: String?

    /// Creates a pointer.
    public init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}
