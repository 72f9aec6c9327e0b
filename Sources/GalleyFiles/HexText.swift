/// Bytes written as lower-case hexadecimal text, two digits a byte: the names of cache files and digests.
///
/// Written out rather than with `String(format: "%02x")`, which goes through Foundation's formatter for every byte
/// (60,000 instructions each, 2 M for one cache lookup of a cold render).
public enum HexText {
    /// The bytes of `bytes` as `2 × count` lower-case hexadecimal digits.
    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
