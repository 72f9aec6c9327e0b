/// A bundle of articles printed as one book: a magazine issue.
public struct Issue: Codable, Sendable, Equatable {
    /// The publication's name.
    public var publication: String
    /// The issue's number, as printed ("602").
    public var number: String?
    /// The issue's title ("June 2025").
    public var title: String
    /// The issue's date, `YYYY-MM-DD`.
    public var date: String?
    /// The language of the issue's own words (contents heading, folios).
    public var language: String
    /// The cover.
    public var cover: IssueCover
    /// The sections in order, each with its articles.
    public var sections: [IssueSection]
    /// Whether every article starts on a right-hand (odd) page.
    public var rightHandStarts: Bool
    /// The layout name or path; the CLI's `--layout` overrides it.
    public var layout: String?

    /// Creates an issue.
    public init(publication: String, number: String? = nil, title: String, date: String? = nil, language: String = "en",
                cover: IssueCover = IssueCover(), sections: [IssueSection], rightHandStarts: Bool = true, layout: String? = nil) {
        self.publication = publication
        self.number = number
        self.title = title
        self.date = date
        self.language = language
        self.cover = cover
        self.sections = sections
        self.rightHandStarts = rightHandStarts
        self.layout = layout
    }
}

/// What the cover shows besides the publication and issue.
public struct IssueCover: Codable, Sendable, Equatable {
    /// A headline for the cover; the issue title when absent.
    public var headline: String?
    /// An image path relative to the issue file.
    public var image: String?
    /// Teaser lines; the first articles' titles when empty.
    public var teasers: [String]

    /// Creates a cover.
    public init(headline: String? = nil, image: String? = nil, teasers: [String] = []) {
        self.headline = headline
        self.image = image
        self.teasers = teasers
    }
}

/// A section of an issue and its articles' files.
public struct IssueSection: Codable, Sendable, Equatable {
    /// The section title ("Russia").
    public var title: String
    /// Paths of the section's article files, relative to the issue file.
    public var articles: [String]

    /// Creates a section.
    public init(title: String, articles: [String]) {
        self.title = title
        self.articles = articles
    }
}
