import GalleyLayout

/// Reads what `ArchiveWriter` writes, never past the end: every read gives nil when the bytes run out or a value is
/// out of range, so a damaged file is a cache miss, not a crash.
struct ArchiveReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var position = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        position += 1
        return bytes[position - 1]
    }

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, count <= bytes.count - position else { return nil }
        position += count
        return UnsafeRawBufferPointer(rebasing: bytes[position - count..<position])
    }

    /// A count, which can be no more than `limit` nor than the bytes left (each counted thing takes at least one), so
    /// that a damaged count never makes a reader reserve memory for billions of things.
    mutating func count(limit: Int = Int.max) -> Int? {
        guard let value = unsigned(), value <= UInt(min(limit, bytes.count - position + 1)) else { return nil }
        return Int(value)
    }

    /// A non-negative integer that counts nothing in the file (a glyph id, a face's index).
    mutating func integer() -> Int? {
        guard let value = unsigned(), value <= UInt(Int.max) else { return nil }
        return Int(value)
    }

    mutating func signed() -> Int? {
        guard let value = unsigned() else { return nil }
        return Int(bitPattern: value >> 1) ^ -Int(bitPattern: value & 1)
    }

    private mutating func unsigned() -> UInt? {
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

    mutating func double() -> Double? {
        guard let raw = take(8) else { return nil }
        var bits: UInt64 = 0
        withUnsafeMutableBytes(of: &bits) { $0.copyMemory(from: raw) }
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    mutating func string() -> String? {
        guard let length = count(), let raw = take(length) else { return nil }
        return String(validating: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }

    mutating func size() -> Size? {
        guard let width = double(), let height = double() else { return nil }
        return Size(width: width, height: height)
    }

    mutating func color() -> Color? {
        guard let red = double(), let green = double(), let blue = double() else { return nil }
        return Color(red: red, green: green, blue: blue)
    }
}
