/// Reads PDF objects from bytes and writes them back (ISO 32000-1, 7.3), for `NativePDF`.
enum PDFSyntax {
    /// The input did not hold the object expected.
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    // MARK: Reading

    /// Skips whitespace and comments from `index`.
    static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < bytes.count {
            let byte = bytes[index]
            if ContentTokenizer.isWhitespace(byte) {
                index += 1
            } else if byte == UInt8(ascii: "%") {
                while index < bytes.count, bytes[index] != 10, bytes[index] != 13 { index += 1 }
            } else {
                return
            }
        }
    }

    /// Whether the regular token at `index` is `keyword` (and ends there).
    static func isKeyword(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ keyword: StaticString) -> Bool {
        let count = keyword.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = keyword.withUTF8Buffer { expected in (0..<count).allSatisfy { bytes[index + $0] == expected[$0] } }
        return matches && (index + count == bytes.count || !ContentTokenizer.isRegular(bytes[index + count]))
    }

    /// Moves `index` from the start of an indirect object (`12 0 obj`) to the first byte after `obj`.
    static func skipObjectHeader(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        _ = unsigned(bytes, &index)
        skipSpace(bytes, &index)
        _ = unsigned(bytes, &index)
        skipSpace(bytes, &index)
        index += 3
    }

    /// An unsigned integer at `index` (advanced past it), or nil with `index` unchanged.
    static func unsigned(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int? {
        var value = 0
        var position = index
        while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57, position - index < 18 {
            value = value * 10 + Int(bytes[position] - 48)
            position += 1
        }
        guard position > index, position == bytes.count || !ContentTokenizer.isRegular(bytes[position]) else { return nil }
        index = position
        return value
    }

    /// The object at `index`, which is advanced past it.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, depth: Int = 0) throws -> PDFValue {
        guard depth < 64 else { throw Failure(message: "objects nested too deeply", offset: index) }
        skipSpace(bytes, &index)
        guard index < bytes.count else { throw Failure(message: "the file ends inside an object", offset: index) }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "/"):
            return .name(name(bytes, &index))
        case UInt8(ascii: "("):
            return .string(literalString(bytes, &index))
        case UInt8(ascii: "<"):
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<") {
                index += 2
                let dictionary = PDFDictionaryBox()
                while true {
                    skipSpace(bytes, &index)
                    guard index < bytes.count else { throw Failure(message: "a dictionary does not end", offset: index) }
                    if bytes[index] == UInt8(ascii: ">") {
                        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else { throw Failure(message: "a stray >", offset: index) }
                        index += 2
                        return .dictionary(dictionary)
                    }
                    guard bytes[index] == UInt8(ascii: "/") else { throw Failure(message: "a dictionary key is not a name", offset: index) }
                    let key = name(bytes, &index)
                    let item = try value(bytes, &index, depth: depth + 1)
                    dictionary.entries.append((key, item))
                }
            }
            return .string(hexString(bytes, &index))
        case UInt8(ascii: "["):
            index += 1
            var items: [PDFValue] = []
            while true {
                skipSpace(bytes, &index)
                guard index < bytes.count else { throw Failure(message: "an array does not end", offset: index) }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(PDFArrayBox(items))
                }
                items.append(try value(bytes, &index, depth: depth + 1))
            }
        default:
            if let number = unsigned(bytes, &index) {
                // "n g R" is a reference; the lookahead is undone when it is not one.
                var position = index
                skipSpace(bytes, &position)
                if unsigned(bytes, &position) != nil {
                    skipSpace(bytes, &position)
                    if isKeyword(bytes, position, "R") {
                        index = position + 1
                        return .reference(number)
                    }
                }
                return .integer(number)
            }
            let start = index
            while index < bytes.count, ContentTokenizer.isRegular(bytes[index]) { index += 1 }
            let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            switch token {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            case "null": return .null
            default:
                if let integer = Int(token) { return .integer(integer) }
                if Double(token) != nil { return .real(token) }
                throw Failure(message: "unexpected \"\(token.prefix(20))\"", offset: start)
            }
        }
    }

    /// The name at `index` (its slash), # escapes decoded.
    static func name(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append("/")
        index += 1
        while index < bytes.count, ContentTokenizer.isRegular(bytes[index]) {
            var byte = bytes[index]
            if byte == UInt8(ascii: "#"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                byte = high << 4 | low
                index += 2
            }
            scalars.append(Unicode.Scalar(byte))
            index += 1
        }
        return String(scalars)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }

    /// The literal string at `index`, escapes decoded and line ends read as line feeds.
    static func literalString(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> [UInt8] {
        var result: [UInt8] = []
        var depth = 1
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "("):
                depth += 1
                result.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return result }
                result.append(byte)
            case 13:
                result.append(10)
                if index < bytes.count, bytes[index] == 10 { index += 1 }
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return result }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): result.append(10)
                case UInt8(ascii: "r"): result.append(13)
                case UInt8(ascii: "t"): result.append(9)
                case UInt8(ascii: "b"): result.append(8)
                case UInt8(ascii: "f"): result.append(12)
                case 13:
                    if index < bytes.count, bytes[index] == 10 { index += 1 }
                case 10:
                    break
                case 48...55:
                    var value = Int(escaped - 48)
                    var digits = 1
                    while digits < 3, index < bytes.count, bytes[index] >= 48, bytes[index] <= 55 {
                        value = value * 8 + Int(bytes[index] - 48)
                        index += 1
                        digits += 1
                    }
                    result.append(UInt8(truncatingIfNeeded: value))
                default:
                    result.append(escaped)
                }
            default:
                result.append(byte)
            }
        }
        return result
    }

    /// The hexadecimal string at `index`.
    static func hexString(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> [UInt8] {
        var result: [UInt8] = []
        var high: UInt8?
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
            if let digit = hexValue(bytes[index]) {
                if let first = high {
                    result.append(first << 4 | digit)
                    high = nil
                } else {
                    high = digit
                }
            }
            index += 1
        }
        index += 1
        if let first = high { result.append(first << 4) }
        return result
    }

    /// Calls `found` with the object number of every reference in `bytes[range]`, stopping at the `stream` keyword;
    /// returns where that keyword is, or nil when the object is not a stream.
    @discardableResult
    static func references(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, _ found: (Int) -> Void) -> Int? {
        var index = range.lowerBound
        // The last two integers read, the older first; a reference is "n g R".
        var older = -1, newer = -1
        while index < range.upperBound {
            let byte = bytes[index]
            if ContentTokenizer.isWhitespace(byte) { index += 1; continue }
            switch byte {
            case UInt8(ascii: "%"):
                while index < range.upperBound, bytes[index] != 10, bytes[index] != 13 { index += 1 }
                continue
            case UInt8(ascii: "("):
                _ = literalString(bytes, &index)
            case UInt8(ascii: "<"):
                if index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "<") { index += 2 } else { _ = hexString(bytes, &index) }
            case UInt8(ascii: "/"):
                index += 1
                while index < range.upperBound, ContentTokenizer.isRegular(bytes[index]) { index += 1 }
            case UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"):
                index += 1
            default:
                if let number = unsigned(bytes, &index) {
                    older = newer
                    newer = number
                    continue
                }
                let start = index
                while index < range.upperBound, ContentTokenizer.isRegular(bytes[index]) { index += 1 }
                if index - start == 1, bytes[start] == UInt8(ascii: "R"), older >= 0, newer >= 0 { found(older) }
                if isKeyword(bytes, start, "stream") { return start }
            }
            older = -1
            newer = -1
        }
        return nil
    }

    // MARK: Writing

    /// Appends `value` in PDF syntax to `output`.
    static func write(_ value: PDFValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(ascii: "null")
        case .boolean(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): PDFNumbers.append(number, to: &output)
        case .real(let text): output.append(contentsOf: text.utf8)
        case .name(let name): writeName(name, to: &output)
        case .string(let bytes): writeString(bytes, to: &output)
        case .reference(let number):
            PDFNumbers.append(number, to: &output)
            output.append(ascii: " 0 R")
        case .array(let box):
            output.append(UInt8(ascii: "["))
            for (position, item) in box.items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: " ")) }
                write(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .dictionary(let box):
            output.append(ascii: "<<")
            for entry in box.entries {
                writeName(entry.key, to: &output)
                output.append(UInt8(ascii: " "))
                write(entry.value, to: &output)
            }
            output.append(ascii: ">>")
        }
    }

    /// Bytes a name may hold as they are: neither whitespace, a delimiter, `#` nor outside printable ASCII.
    private static let plainNameBytes: [Bool] = (0...255).map { byte in
        let byte = UInt8(byte)
        return byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "#") && ContentTokenizer.isRegular(byte)
    }

    private static func writeName(_ name: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "/"))
        // Names are nearly always plain ASCII letters, which are copied as they are.
        var name = name
        let copied = name.withUTF8 { bytes -> Bool in
            guard bytes.count > 1 else { return true }
            let body = UnsafeBufferPointer(rebasing: bytes[1...])
            guard plainNameBytes.withUnsafeBufferPointer({ plain in body.allSatisfy { plain[Int($0)] } }) else { return false }
            output.append(contentsOf: body)
            return true
        }
        if copied { return }
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        for scalar in name.unicodeScalars.dropFirst() {
            let byte = UInt8(truncatingIfNeeded: scalar.value)
            if byte > 0x20, byte < 0x7F, ContentTokenizer.isRegular(byte), byte != UInt8(ascii: "#") {
                output.append(byte)
            } else {
                output.append(contentsOf: [UInt8(ascii: "#"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            }
        }
    }

    private static func writeString(_ bytes: [UInt8], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "("))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case 13:
                // A raw carriage return would be read back as a line feed.
                output.append(contentsOf: "\\r".utf8)
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: ")"))
    }
}
