extension Array where Element == UInt8 {
    /// Appends the bytes of `text`, an ASCII literal, copied at once: a PDF writer appends operators and
    /// punctuation hundreds of thousands of times an issue, and appending a `String`'s UTF-8 view goes byte by byte.
    public mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
