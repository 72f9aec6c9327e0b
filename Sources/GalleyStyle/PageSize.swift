import GalleyDiagnostics
/// A sheet size: a named paper size (`A4`, `A5`, `Letter`, `Legal`) or `[width, height]`.
public struct PageSize: Codable, Sendable, Equatable {
    /// The sheet's width.
    public var width: Length
    /// The sheet's height.
    public var height: Length

    /// The named paper sizes a layout may use, in points.
    public static let named: [String: (Double, Double)] = [
        "A3": (841.89, 1190.55), "A4": (595.28, 841.89), "A5": (419.53, 595.28),
        "B5": (498.9, 708.66), "Letter": (612, 792), "Legal": (612, 1008), "Tabloid": (792, 1224),
    ]

    /// Creates a size from its two sides.
    public init(width: Length, height: Length) {
        self.width = width
        self.height = height
    }

    /// Reads a paper name or a two-element list of lengths.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let name = try? container.decode(String.self) {
            guard let size = Self.named.first(where: { $0.key.lowercased() == name.lowercased() })?.value else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "unknown paper size \(QuotedValue.quote(name)) (expected one of \(Self.named.keys.sorted().joined(separator: ", ")), or [width, height])")
            }
            width = Length(points: size.0)
            height = Length(points: size.1)
            return
        }
        let sides = try container.decode([Length].self)
        guard sides.count == 2 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a page size list needs exactly two lengths: [width, height]")
        }
        width = sides[0]
        height = sides[1]
    }

    /// Writes the size as `[width, height]` in points.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode([width, height])
    }
}
