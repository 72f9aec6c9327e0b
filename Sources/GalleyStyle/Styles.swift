/// The named paragraph styles a layout defines, one per kind of element.
public struct Styles: Codable, Sendable, Equatable {
    /// Running text.
    public var body: ParagraphStyle
    /// The label above the title.
    public var kicker: ParagraphStyle
    /// The date line next to the kicker.
    public var dateline: ParagraphStyle
    /// The article title.
    public var title: ParagraphStyle
    /// The authors' line.
    public var byline: ParagraphStyle
    /// The standfirst.
    public var deck: ParagraphStyle
    /// Section headings (level 2).
    public var heading2: ParagraphStyle
    /// Subsection headings (level 3).
    public var heading3: ParagraphStyle
    /// Block quotations.
    public var quote: ParagraphStyle
    /// A quotation's attribution.
    public var attribution: ParagraphStyle
    /// List items.
    public var listItem: ParagraphStyle
    /// Notes inside the body and after it (P.S.).
    public var note: ParagraphStyle
    /// The label of a note ("P.S.").
    public var noteLabel: ParagraphStyle
    /// The dated sign-off after the text.
    public var signOff: ParagraphStyle
    /// The translation credit.
    public var credit: ParagraphStyle
    /// The heading over related articles.
    public var relatedHeading: ParagraphStyle
    /// A topic heading among related articles.
    public var relatedTopic: ParagraphStyle
    /// One related article's title.
    public var relatedItem: ParagraphStyle
    /// The publisher's closing text.
    public var publisherFooter: ParagraphStyle
    /// Preformatted text and code; its font also sets inline code.
    public var code: ParagraphStyle
    /// Figure captions and credits.
    public var caption: ParagraphStyle
    /// Table header cells.
    public var tableHeader: ParagraphStyle
    /// Table body cells.
    public var tableCell: ParagraphStyle
    /// Footnotes and endnotes.
    public var footnote: ParagraphStyle
    /// Running heads at the top of pages.
    public var runningHead: ParagraphStyle
    /// Page footers (source link, folio).
    public var runningFoot: ParagraphStyle
    /// Pull quotes, set large between rules; the quote style when a layout defines none.
    public var pullQuote: ParagraphStyle?
}
