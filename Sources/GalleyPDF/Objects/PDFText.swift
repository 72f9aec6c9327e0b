/// PDF text strings (ISO 32000-1, 7.9.2): UTF-16BE with a byte order mark, or PDFDocEncoding.
enum PDFText {
    /// `text` as a PDF text string: plain bytes when it is printable ASCII, UTF-16BE otherwise.
    static func encode(_ text: String) -> [UInt8] {
        // NULs are dropped, as the qpdf store must (C strings cannot carry them).
        let scalars = text.unicodeScalars.filter { $0.value != 0 }
        if scalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F || $0 == "\n" || $0 == "\t" }) {
            return scalars.map { UInt8($0.value) }
        }
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in String(String.UnicodeScalarView(scalars)).utf16 {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return bytes
    }

    /// The text of a PDF text string.
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        return String(String.UnicodeScalarView(bytes.map { documentEncoding[Int($0)] }))
    }

    /// The character of each PDFDocEncoding byte (ISO 32000-1, Annex D): Latin-1 except in 0x18–0x1F and 0x80–0xA0.
    private static let documentEncoding: [Unicode.Scalar] = {
        let special: [UInt8: UInt32] = [
            0x18: 0x02D8, 0x19: 0x02C7, 0x1A: 0x02C6, 0x1B: 0x02D9, 0x1C: 0x02DD, 0x1D: 0x02DB, 0x1E: 0x02DA, 0x1F: 0x02DC,
            0x80: 0x2022, 0x81: 0x2020, 0x82: 0x2021, 0x83: 0x2026, 0x84: 0x2014, 0x85: 0x2013, 0x86: 0x0192, 0x87: 0x2044,
            0x88: 0x2039, 0x89: 0x203A, 0x8A: 0x2212, 0x8B: 0x2030, 0x8C: 0x201E, 0x8D: 0x201C, 0x8E: 0x201D, 0x8F: 0x2018,
            0x90: 0x2019, 0x91: 0x201A, 0x92: 0x2122, 0x93: 0xFB01, 0x94: 0xFB02, 0x95: 0x0141, 0x96: 0x0152, 0x97: 0x0160,
            0x98: 0x0178, 0x99: 0x017D, 0x9A: 0x0131, 0x9B: 0x0142, 0x9C: 0x0153, 0x9D: 0x0161, 0x9E: 0x017E, 0xA0: 0x20AC,
        ]
        return (0...255).map { Unicode.Scalar(special[UInt8($0)] ?? UInt32($0)) ?? "\u{FFFD}" }
    }()
}
