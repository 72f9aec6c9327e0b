import GalleyDiagnostics

/// An element of a list that is read on its own: when it is wrong, its error is recorded and the list goes on.
///
/// Used for blocks, list items and inline elements, so one bad block does not hide the errors of the next.
/// Without a collector in the decoder (`DecodingProblems`) the error is thrown as it always was.
struct Recovered<Element: Decodable>: Decodable {
    /// The element, or nil when it could not be read and its error was recorded.
    var value: Element?

    init(from decoder: any Decoder) throws {
        value = try decoder.recovering(nil) { try Element(from: decoder) }
    }
}

extension Decoder {
    /// The problem collector of this decoding, if errors are being gathered rather than thrown.
    var problems: DecodingProblems? {
        userInfo[DecodingProblems.key] as? DecodingProblems
    }

    /// `body`'s value; when it throws a `DecodingError` and problems are gathered, the error is recorded and
    /// `fallback` returned instead (the article is rejected at the end anyway, so the fallback is never used).
    func recovering<T>(_ fallback: @autoclosure () -> T, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DecodingError {
            guard let problems else { throw error }
            problems.record(error)
            return fallback()
        }
    }
}

extension KeyedDecodingContainer where Key == AnyKey {
    /// The elements of the list `field` that could be read; the others' errors are recorded (see `Recovered`).
    func decodeEach<Element: Decodable>(_ type: Element.Type, forKey field: String) throws -> [Element] {
        try decode([Recovered<Element>].self, forKey: AnyKey(field)).compactMap(\.value)
    }

    /// As `decodeEach`, for a list that may be absent.
    func decodeEachIfPresent<Element: Decodable>(_ type: Element.Type, forKey field: String) throws -> [Element]? {
        try decodeIfPresent([Recovered<Element>].self, forKey: AnyKey(field))?.compactMap(\.value)
    }
}
