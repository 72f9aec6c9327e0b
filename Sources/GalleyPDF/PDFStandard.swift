/// The standard a finished PDF is made to conform to, beyond the tagging every Galley PDF has.
public enum PDFStandard: String, Codable, Sendable, CaseIterable {
    /// A tagged PDF that claims no standard.
    case none
    /// PDF/UA-1 (ISO 14289-1): the tagged PDF identifies itself as universally accessible.
    case ua1 = "ua-1"
    /// PDF/A-2b (ISO 19005-2, basic conformance): archivable, with an sRGB output intent.
    case a2b = "a-2b"
    /// PDF/A-3b (ISO 19005-3): PDF/A-2b that may carry other files, here the source article.
    case a3b = "a-3b"

    /// The PDF/A part (2 or 3), or nil when the standard is not PDF/A.
    public var archivalPart: Int? {
        switch self {
        case .a2b: 2
        case .a3b: 3
        case .none, .ua1: nil
        }
    }
}
