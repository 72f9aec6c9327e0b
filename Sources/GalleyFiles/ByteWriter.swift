/// Builds the bytes of Galley's own binary caches (compiled hyphenation patterns, cached layouts), which
/// `ByteReader` reads back.
public struct ByteWriter {
    /// What has been written.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Appends raw bytes.
    public mutating func append(_ more: some Sequence<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// Appends an integer in the machine's own byte order (for caches that never leave the machine).
    public mutating func integer<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Appends a non-negative integer as LEB128: one byte below 128, more only as needed.
    public mutating func count(_ value: Int) {
        var rest = UInt(bitPattern: value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends a signed integer as a zigzag LEB128, so that small negative numbers stay short too.
    public mutating func signed(_ value: Int) {
        count(Int(bitPattern: UInt(bitPattern: value << 1) ^ UInt(bitPattern: value >> (Int.bitWidth - 1))))
    }

    /// Appends a double as its 8 bytes, little-endian: read back, it is the same value to the bit.
    public mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a string as its UTF-8 length and bytes.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
}
