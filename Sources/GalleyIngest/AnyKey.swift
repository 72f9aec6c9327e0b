import GalleyDiagnostics

extension Decoder {
    /// Rejects fields outside `allowed`, so a misspelt field is an error, not silently ignored; when problems are
    /// gathered, every unknown field is recorded and reading goes on.
    func rejectUnknownFields(allowed: [String]) throws {
        let container = try self.container(keyedBy: AnyKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            let error = DecodingError.dataCorrupted(.init(
                codingPath: codingPath + [key],
                debugDescription: "unknown field (expected one of: \(allowed.joined(separator: ", ")))"))
            guard let problems else { throw error }
            problems.record(error)
        }
    }

    /// Decodes a required string field of an object.
    func string(_ field: String) throws -> String {
        try container(keyedBy: AnyKey.self).decode(String.self, forKey: AnyKey(field))
    }
}

extension KeyedDecodingContainer where Key == AnyKey {
    /// A field that may be written as a string or as an integer (`"id": 9062` or `"id": "9062"`), as a string.
    func stringOrInteger(_ field: String) throws -> String? {
        if let number = try? decode(Int.self, forKey: AnyKey(field)) { return String(number) }
        return try decodeIfPresent(String.self, forKey: AnyKey(field))
    }

    /// Throws a located error for `field` with `message`.
    func invalid(_ field: String, _ message: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: codingPath + [AnyKey(field)], debugDescription: message))
    }
}
