import Foundation
import GalleyDiagnostics

/// A distance in PostScript points, written in YAML as a number (points) or with a unit (`12pt`, `2cm`, `15mm`, `1in`).
public struct Length: Codable, Sendable, Equatable, Comparable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// The distance in points (1/72 inch).
    public var points: Double

    /// Creates a length of `points` points.
    public init(points: Double) { self.points = points }
    /// Creates a length from a float literal in points.
    public init(floatLiteral value: Double) { points = value }
    /// Creates a length from an integer literal in points.
    public init(integerLiteral value: Int) { points = Double(value) }

    private static let unitsInPoints: [String: Double] = ["pt": 1, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72, "pc": 12]

    /// Reads a number of points or a string such as `2cm`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            points = number
            return
        }
        let text = try container.decode(String.self).trimmingCharacters(in: .whitespaces)
        let unit = String(text.suffix(2))
        guard let factor = Self.unitsInPoints[unit], let value = Double(text.dropLast(2).trimmingCharacters(in: .whitespaces)) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(QuotedValue.quote(text)) is not a length (write a number of points, or a number with pt, mm, cm, in or pc)")
        }
        points = value * factor
    }

    /// Writes the length as a number of points.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(points)
    }

    /// Orders lengths by their size.
    public static func < (lhs: Length, rhs: Length) -> Bool { lhs.points < rhs.points }
}
