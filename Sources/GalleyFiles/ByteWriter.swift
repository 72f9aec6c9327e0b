/// Builds the bytes of Galley's own binary caches (compiled hyphenation patterns, cached layouts), which
/// `ByteReader` reads back; inlinable like it, so its generic writes are specialised in the caller's module.
public struct ByteWriter {
    /// What has been written.
    @inlinable public var bytes: [UInt8] { written }
    @usableFromInline var written: [UInt8] = []

    /// An empty writer.
    @inlinable public init() {}

    /// Appends raw bytes.
    @inlinable public mutating func append(_ more: some Sequence<UInt8>) {
        written.append(contentsOf: more)
    }

    /// Appends an integer in the machine's own byte order (for caches that never leave the machine).
    @inlinable public mutating func integer<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value) { written.append(contentsOf: $0) }
    }

    /// Appends a non-negative integer as LEB128: one byte below 128, more only as needed.
    @inlinable public mutating func count(_ value: Int) {
        var rest = UInt(bitPattern: value)
        while rest >= 0x80 {
            written.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        written.append(UInt8(rest))
    }

    /// Appends a signed integer as a zigzag LEB128, so that small negative numbers stay short too.
    @inlinable public mutating func signed(_ value: Int) {
        count(Int(bitPattern: UInt(bitPattern: value << 1) ^ UInt(bitPattern: value >> (Int.bitWidth - 1))))
    }

    /// Appends a double as its 8 bytes, little-endian: read back, it is the same value to the bit.
    @inlinable public mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { written.append(contentsOf: $0) }
    }

    /// Appends a string as its UTF-8 length and bytes.
    @inlinable public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            written.append(contentsOf: utf8)
        }
    }
}
