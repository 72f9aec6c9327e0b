/// One article as a publisher wrote it: metadata, body and the material around it.
public struct Article: Codable, Sendable, Equatable {
    /// The CMS's identifier, used in output file names (`…_a9062.pdf`).
    public var id: String
    /// The headline.
    public var title: String
    /// The standfirst printed under the title, if any.
    public var deck: [Inline]?
    /// A short label above the title, such as the section name.
    public var kicker: String?
    /// The authors in byline order.
    public var authors: [String]
    /// The publication date as an ISO 8601 calendar date (`2025-06-22`).
    public var date: String?
    /// The BCP 47 language tag of the text (`en`, `fr`, `ru`).
    public var language: String
    /// The address of the original publication, printed and linked in the footer.
    public var sourceURL: String?
    /// Topics or tags, used as PDF keywords.
    public var topics: [String]
    /// The body of the article.
    public var body: [Block]
    /// The date line that closes the text (`12 June 2025`).
    public var signOff: String?
    /// Who translated the article and from where.
    public var translation: Translation?
    /// Notes printed after the text, such as a P.S.
    public var notes: [Note]
    /// Related articles grouped by topic.
    public var related: [RelatedGroup]
    /// The publisher's closing text (licence, reprint policy).
    public var publisherFooter: String?
    /// Footnotes, referenced from the text by id.
    public var footnotes: [Footnote]

    /// Creates an article; only the identifier, title and language are required.
    public init(id: String, title: String, deck: [Inline]? = nil, kicker: String? = nil, authors: [String] = [],
                date: String? = nil, language: String = "en", sourceURL: String? = nil, topics: [String] = [],
                body: [Block] = [], signOff: String? = nil, translation: Translation? = nil, notes: [Note] = [],
                related: [RelatedGroup] = [], publisherFooter: String? = nil, footnotes: [Footnote] = []) {
        self.id = id
        self.title = title
        self.deck = deck
        self.kicker = kicker
        self.authors = authors
        self.date = date
        self.language = language
        self.sourceURL = sourceURL
        self.topics = topics
        self.body = body
        self.signOff = signOff
        self.translation = translation
        self.notes = notes
        self.related = related
        self.publisherFooter = publisherFooter
        self.footnotes = footnotes
    }
}
