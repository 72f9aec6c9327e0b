import GalleyLayout

/// Appends the layout archive's primitives to a byte array: LEB128 counts, zigzag signed integers, doubles as their
/// little-endian bits, strings as a count and their UTF-8.
struct ArchiveWriter {
    var bytes: [UInt8] = []

    mutating func count(_ value: Int) {
        var rest = UInt(bitPattern: value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func signed(_ value: Int) {
        count(Int(bitPattern: UInt(bitPattern: value << 1) ^ UInt(bitPattern: value >> (Int.bitWidth - 1))))
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func size(_ value: Size) {
        double(value.width)
        double(value.height)
    }

    mutating func color(_ value: Color) {
        double(value.red)
        double(value.green)
        double(value.blue)
    }
}
