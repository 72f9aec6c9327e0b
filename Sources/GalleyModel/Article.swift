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
    /// Whether the source said which language the article is in; when not, `language` is a reader's guess
    /// (English) until a language detector replaces it.
    public var languageDeclared: Bool
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
    /// The CMS's short name of the article in its address (WordPress's `slug`), as the CMS writes it (percent-encoded
    /// for non-ASCII titles).
    public var slug: String?
    /// The kind of post in the CMS (WordPress's `post`, `page`, or a custom type).
    public var postType: String?

    /// The article's own web address (WordPress's `link`): the same value as `sourceURL`, named as a CMS names it.
    public var permalink: String? { sourceURL }

    /// Creates an article; only the identifier, title and language are required.
    public init(id: String, title: String, deck: [Inline]? = nil, kicker: String? = nil, authors: [String] = [],
                date: String? = nil, language: String = "en", sourceURL: String? = nil, topics: [String] = [],
                body: [Block] = [], signOff: String? = nil, translation: Translation? = nil, notes: [Note] = [],
                related: [RelatedGroup] = [], publisherFooter: String? = nil, footnotes: [Footnote] = [],
                languageDeclared: Bool = true, slug: String? = nil, postType: String? = nil) {
        self.id = id
        self.title = title
        self.deck = deck
        self.kicker = kicker
        self.authors = authors
        self.date = date
        self.language = language
        self.languageDeclared = languageDeclared
        self.sourceURL = sourceURL
        self.topics = topics
        self.body = body
        self.signOff = signOff
        self.translation = translation
        self.notes = notes
        self.related = related
        self.publisherFooter = publisherFooter
        self.footnotes = footnotes
        self.slug = slug
        self.postType = postType
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, deck, kicker, authors, date, language, languageDeclared, sourceURL, topics, body, signOff, translation
        case notes, related, publisherFooter, footnotes, slug, postType
    }

    /// Reads the encoded form; `languageDeclared` may be absent (articles encoded before it existed) and then means true;
    /// `slug` and `postType` may be absent too.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id), title: try container.decode(String.self, forKey: .title),
                  deck: try container.decodeIfPresent([Inline].self, forKey: .deck),
                  kicker: try container.decodeIfPresent(String.self, forKey: .kicker),
                  authors: try container.decode([String].self, forKey: .authors),
                  date: try container.decodeIfPresent(String.self, forKey: .date),
                  language: try container.decode(String.self, forKey: .language),
                  sourceURL: try container.decodeIfPresent(String.self, forKey: .sourceURL),
                  topics: try container.decode([String].self, forKey: .topics), body: try container.decode([Block].self, forKey: .body),
                  signOff: try container.decodeIfPresent(String.self, forKey: .signOff),
                  translation: try container.decodeIfPresent(Translation.self, forKey: .translation),
                  notes: try container.decode([Note].self, forKey: .notes), related: try container.decode([RelatedGroup].self, forKey: .related),
                  publisherFooter: try container.decodeIfPresent(String.self, forKey: .publisherFooter),
                  footnotes: try container.decode([Footnote].self, forKey: .footnotes),
                  languageDeclared: try container.decodeIfPresent(Bool.self, forKey: .languageDeclared) ?? true,
                  slug: try container.decodeIfPresent(String.self, forKey: .slug),
                  postType: try container.decodeIfPresent(String.self, forKey: .postType))
    }
}
