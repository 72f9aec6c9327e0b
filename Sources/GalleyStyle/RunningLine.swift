/// A line repeated on every page above or below the text block.
///
/// Templates may use `{publication}`, `{site}`, `{colophon}` (from `galley.yaml`), `{title}`, `{authors}`, `{source}`,
/// `{page}`, `{pages}` and `{folio}` (the language's "Page n / N").
public struct RunningLine: Codable, Sendable, Equatable {
    /// The template set flush left.
    public var left: String
    /// The template set flush right.
    public var right: String
    /// The baseline's distance from the text block (above it for heads, below it for feet).
    public var offset: Length
    /// The thickness of a rule between the line and the text block; 0 for none.
    public var rule: Length
    /// Whether the first page carries this line.
    public var onFirstPage: Bool
    /// Where the publisher's logo goes in this line.
    public var logo: LogoPosition
    /// The height the logo is drawn at; its width follows from its proportions.
    public var logoHeight: Length

    /// Creates a running line.
    public init(left: String, right: String, offset: Length, rule: Length, onFirstPage: Bool, logo: LogoPosition = .none,
                logoHeight: Length = Length(points: 10)) {
        self.left = left
        self.right = right
        self.offset = offset
        self.rule = rule
        self.onFirstPage = onFirstPage
        self.logo = logo
        self.logoHeight = logoHeight
    }

    private enum CodingKeys: String, CodingKey { case left, right, offset, rule, onFirstPage, logo, logoHeight }

    /// Decodes a line; `logo` and `logoHeight` may be left out, so layouts written before logos existed still load.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        left = try container.decode(String.self, forKey: .left)
        right = try container.decode(String.self, forKey: .right)
        offset = try container.decode(Length.self, forKey: .offset)
        rule = try container.decode(Length.self, forKey: .rule)
        onFirstPage = try container.decode(Bool.self, forKey: .onFirstPage)
        logo = try container.decodeIfPresent(LogoPosition.self, forKey: .logo) ?? .none
        logoHeight = try container.decodeIfPresent(Length.self, forKey: .logoHeight) ?? Length(points: 10)
    }
}
