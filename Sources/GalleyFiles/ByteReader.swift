/// Reads what `ByteWriter` writes, never past the end: every read gives nil when the bytes run out or a value is out
/// of range, so a damaged cache file is refused, not a crash.
///
/// Every member is inlinable: a reader runs in the caller's module, where its generic reads are specialised. Called
/// across the module boundary unspecialised, `integer(_:)` made loading the compiled hyphenation patterns a fifth of a
/// cold render.
public struct ByteReader {
    @usableFromInline let bytes: [UInt8]
    @usableFromInline var position = 0

    /// A reader at the start of `bytes`.
    @inlinable public init(_ bytes: some Collection<UInt8>) {
        self.bytes = Array(bytes)
    }

    /// How many bytes are left.
    @inlinable public var remaining: Int { bytes.count - position }
    /// Whether every byte has been read.
    @inlinable public var isAtEnd: Bool { position == bytes.count }

    /// The next byte.
    @inlinable public mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        position += 1
        return bytes[position - 1]
    }

    /// The next `count` bytes.
    @inlinable public mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, remaining >= count else { return nil }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// An integer in the machine's own byte order, as `ByteWriter.integer` wrote it.
    @inlinable public mutating func integer<Value: FixedWidthInteger>(_ type: Value.Type) -> Value? {
        let size = MemoryLayout<Value>.size
        guard remaining >= size else { return nil }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: Value.self) }
        position += size
        return value
    }

    /// A count of things that follow, no more than `limit` nor than the bytes left (each thing takes at least one),
    /// so that a damaged count never makes a reader reserve memory for billions of things.
    @inlinable public mutating func count(limit: Int = Int.max) -> Int? {
        guard let value = unsigned(), value <= UInt(min(limit, remaining + 1)) else { return nil }
        return Int(value)
    }

    /// A non-negative LEB128 integer that counts nothing in the file (a glyph id, a face's index).
    @inlinable public mutating func natural() -> Int? {
        guard let value = unsigned(), value <= UInt(Int.max) else { return nil }
        return Int(value)
    }

    /// A zigzag LEB128 integer, as `ByteWriter.signed` wrote it.
    @inlinable public mutating func signed() -> Int? {
        guard let value = unsigned() else { return nil }
        return Int(bitPattern: value >> 1) ^ -Int(bitPattern: value & 1)
    }

    @inlinable mutating func unsigned() -> UInt? {
        var value: UInt = 0
        var shift: UInt = 0
        while let byte = byte() {
            guard shift < 64 else { return nil }
            value |= UInt(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    /// A double, as `ByteWriter.double` wrote it.
    @inlinable public mutating func double() -> Double? {
        integer(UInt64.self).map { Double(bitPattern: UInt64(littleEndian: $0)) }
    }

    /// A string, as `ByteWriter.string` wrote it; nil when its bytes are not UTF-8.
    @inlinable public mutating func string() -> String? {
        guard let length = count(), let raw = bytes(length) else { return nil }
        return String(validating: raw, as: UTF8.self)
    }
}
