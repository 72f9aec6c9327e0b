import GalleyDiagnostics
/// Where a figure met part-way down a column (or page) may go, which the page builder tries in the layout's order.
public enum FigurePlacement: String, Codable, Sendable, CaseIterable {
    /// Where the text puts it, between the lines before and after it, when it fits there.
    case here
    /// At the foot of the column it is met in, when it fits there; the text after it fills the space above it.
    case bottom
    /// At the top of the next column or page; always possible, and where a figure goes when nothing before it is.
    case top

    /// The places' names as a layout writes them, for messages: "here, bottom, top".
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Reads a place by name, naming the places there are when it is none of them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let place = Self(rawValue: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription:
                "unknown place \(QuotedValue.quote(name)) (expected one of \(Self.names))")
        }
        self = place
    }
}
