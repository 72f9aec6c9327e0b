import Foundation

/// Writes the images of issue 11's memory bombs: files of a few kilobytes that declare huge sizes.
enum HostileImages {
    /// A 1-bit grey PNG of `width` × `height` black pixels whose zlib stream is complete and valid: every row is zero
    /// bytes, coded as repeats of 258 bytes (13 bits each), so 20000 × 20000 takes about 300 KB.
    static func png(width: Int, height: Int, interlaced: Bool = false) -> Data {
        var header = [UInt8]()
        for value in [width, height] { header += (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        header += [1, 0, 0, 0, interlaced ? 1 : 0]
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += chunk("IHDR", header)
        file += chunk("IDAT", zeroZlibStream(count: rawBytes(width: width, height: height, interlaced: interlaced)))
        file += chunk("IEND", [])
        return Data(file)
    }

    /// A JPEG from `Examples/images` with the size in its start-of-frame segment replaced: its scan then ends long
    /// before the image does, as in the 15 KB reproducer. `progressive` relabels the frame as SOF2.
    static func jpeg(_ example: String, width: Int, height: Int, progressive: Bool = false) throws -> Data {
        var bytes = [UInt8](try Data(contentsOf: Workspace.root.appendingPathComponent("Examples/images/\(example)")))
        var index = 2
        while index + 9 < bytes.count {
            let marker = bytes[index + 1], length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                if progressive { bytes[index + 1] = 0xC2 }
                bytes[(index + 5)..<(index + 9)] = [UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF)]
                return Data(bytes)
            }
            index += 2 + length
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    /// The filtered bytes of a 1-bit image: a filter byte and `ceil(width / 8)` bytes per row, per Adam7 pass if interlaced.
    private static func rawBytes(width: Int, height: Int, interlaced: Bool) -> Int {
        guard interlaced else { return height * ((width + 7) / 8 + 1) }
        let passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        return passes.reduce(0) { total, pass in
            let columns = (width - pass.0 + pass.2 - 1) / pass.2, rows = (height - pass.1 + pass.3 - 1) / pass.3
            return columns > 0 && rows > 0 ? total + rows * ((columns + 7) / 8 + 1) : total
        }
    }

    /// A zlib stream of `count` zero bytes in one fixed-Huffman block: a literal zero, then copies of 258 bytes at
    /// distance 1, then literal zeros.
    private static func zeroZlibStream(count: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // the last block
        bits.write(1, count: 2)  // fixed Huffman codes
        var left = count
        if left > 0 {
            bits.code(0x30, length: 8)  // literal 0
            left -= 1
        }
        while left >= 258 {
            bits.code(0xC5, length: 8)  // length 258 (symbol 285)
            bits.code(0, length: 5)  // distance 1
            left -= 258
        }
        for _ in 0..<left { bits.code(0x30, length: 8) }
        bits.code(0, length: 7)  // end of block
        // Adler-32 of zeros: a stays 1, b is the count.
        let adler = UInt32(count % 65521) << 16 | 1
        return [0x78, 0x01] + bits.bytes + (0..<4).map { UInt8(truncatingIfNeeded: adler >> (24 - 8 * $0)) }
    }

    /// Deflate's bit order: values least significant bit first, Huffman codes most significant bit first.
    private struct BitWriter {
        var bytes: [UInt8] = []
        private var used = 8

        mutating func write(_ value: Int, count: Int) {
            for bit in 0..<count {
                if used == 8 {
                    bytes.append(0)
                    used = 0
                }
                bytes[bytes.count - 1] |= UInt8((value >> bit) & 1) << used
                used += 1
            }
        }

        mutating func code(_ code: Int, length: Int) {
            for bit in (0..<length).reversed() { write((code >> bit) & 1, count: 1) }
        }
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        let crc = crc32(body)
        return (0..<4).map { UInt8(truncatingIfNeeded: data.count >> (24 - 8 * $0)) } + body
            + (0..<4).map { UInt8(truncatingIfNeeded: crc >> (24 - 8 * $0)) }
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        (0..<8).reduce(UInt32(index)) { value, _ in value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(UInt32.max) { crcTable[Int(($0 ^ UInt32($1)) & 0xFF)] ^ ($0 >> 8) }
    }
}
