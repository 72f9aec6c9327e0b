import GalleyStyle

/// The standard a finished PDF is made to conform to: the layout's `pdf.standard`, one type from the layout file to
/// the finishing pass.
public typealias PDFStandard = PDFSettings.Standard

extension PDFSettings.Standard {
    /// The PDF/A part (2 or 3), or nil when the standard is not PDF/A.
    public var archivalPart: Int? {
        switch self {
        case .a2b: 2
        case .a3b: 3
        case .none, .ua1: nil
        }
    }
}
