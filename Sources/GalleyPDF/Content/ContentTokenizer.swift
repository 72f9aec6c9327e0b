/// Splits a decoded content stream into operations, skipping operands without building them.
///
/// Only operator boundaries matter to the finisher, so operands are stepped over by their syntax (numbers, names,
/// literal strings with escapes and nested parentheses, hex strings, arrays, dictionaries) and comments dropped;
/// an inline image (`BI … ID data EI`) is one operation whose binary data is never read as tokens.
enum ContentTokenizer {
    /// The operations of `bytes` in order.
    static func operations(_ bytes: UnsafeBufferPointer<UInt8>) -> [ContentOperation] {
        var operations: [ContentOperation] = []
        operations.reserveCapacity(bytes.count / 12)
        let count = bytes.count
        var index = 0
        var operandStart = -1
        while index < count {
            let byte = bytes[index]
            if isWhitespace(byte) {
                index += 1
                continue
            }
            let tokenStart = index
            switch byte {
            case UInt8(ascii: "%"):
                while index < count, bytes[index] != 10, bytes[index] != 13 { index += 1 }
                continue
            case UInt8(ascii: "("):
                index = skipLiteralString(bytes, from: index)
            case UInt8(ascii: "<"):
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: "<") {
                    index += 2
                } else {
                    while index < count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                    index += 1
                }
            case UInt8(ascii: ">"):
                index += index + 1 < count && bytes[index + 1] == UInt8(ascii: ">") ? 2 : 1
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"):
                index += 1
            case UInt8(ascii: "/"):
                index += 1
                while index < count, isRegular(bytes[index]) { index += 1 }
            default:
                while index < count, isRegular(bytes[index]) { index += 1 }
                let isNumber = byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                if !isNumber, !isKeywordOperand(bytes, tokenStart, index) {
                    var kind = classify(bytes, tokenStart, index)
                    var end = index
                    if kind == .other, index - tokenStart == 2, byte == UInt8(ascii: "B"), bytes[tokenStart + 1] == UInt8(ascii: "I") {
                        end = skipInlineImage(bytes, from: index)
                        kind = .paint
                        index = end
                    }
                    operations.append(ContentOperation(start: operandStart >= 0 ? operandStart : tokenStart,
                                                       operatorStart: tokenStart, end: end, kind: kind))
                    operandStart = -1
                    continue
                }
            }
            if operandStart < 0 { operandStart = tokenStart }
        }
        return operations
    }

    /// PDF whitespace: NUL, tab, line feed, form feed, carriage return, space.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 10 || byte == 13 || byte == 9 || byte == 12 || byte == 0
    }

    /// A byte that is neither whitespace nor a delimiter.
    @inline(__always)
    static func isRegular(_ byte: UInt8) -> Bool {
        switch byte {
        case 32, 10, 13, 9, 12, 0: false
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): false
        default: true
        }
    }

    /// The index just past the literal string starting at `start` (its opening parenthesis).
    private static func skipLiteralString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start + 1
        var depth = 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return bytes.count
    }

    /// The index just past `EI` of the inline image whose `BI` ends at `start`.
    ///
    /// The image dictionary is read as tokens up to `ID`; the data after it is binary, and ends at the first `EI`
    /// that stands between whitespace and whitespace (or the end), which is how readers find it without `/L`.
    private static func skipInlineImage(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var index = start
        while index < count {
            let byte = bytes[index]
            if isWhitespace(byte) { index += 1; continue }
            if byte == UInt8(ascii: "(") { index = skipLiteralString(bytes, from: index); continue }
            if !isRegular(byte) {
                index += 1
                if byte == UInt8(ascii: "/") { while index < count, isRegular(bytes[index]) { index += 1 } }
                continue
            }
            let tokenStart = index
            while index < count, isRegular(bytes[index]) { index += 1 }
            if index - tokenStart == 2, bytes[tokenStart] == UInt8(ascii: "I"), bytes[tokenStart + 1] == UInt8(ascii: "D") { break }
        }
        // One whitespace byte separates ID from the data.
        index += 1
        while index + 1 < count {
            if bytes[index] == UInt8(ascii: "E"), bytes[index + 1] == UInt8(ascii: "I"), isWhitespace(bytes[index - 1]),
               index + 2 == count || isWhitespace(bytes[index + 2]) {
                return index + 2
            }
            index += 1
        }
        return count
    }

    /// Whether the regular token in `start..<end` is `true`, `false` or `null`, operands that look like operators.
    private static func isKeywordOperand(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length == 4 || length == 5 else { return false }
        let first = bytes[start]
        switch first {
        case UInt8(ascii: "t"): return length == 4 && bytes[start + 1] == UInt8(ascii: "r") && bytes[start + 2] == UInt8(ascii: "u") && bytes[start + 3] == UInt8(ascii: "e")
        case UInt8(ascii: "n"): return length == 4 && bytes[start + 1] == UInt8(ascii: "u") && bytes[start + 2] == UInt8(ascii: "l") && bytes[start + 3] == UInt8(ascii: "l")
        case UInt8(ascii: "f"): return length == 5 && bytes[start + 1] == UInt8(ascii: "a") && bytes[start + 2] == UInt8(ascii: "l")
        default: return false
        }
    }

    /// The kind of the operator spelled by `start..<end`.
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ContentOperation.Kind {
        let first = bytes[start]
        switch end - start {
        case 1:
            switch first {
            case UInt8(ascii: "m"), UInt8(ascii: "l"), UInt8(ascii: "c"), UInt8(ascii: "v"), UInt8(ascii: "y"), UInt8(ascii: "h"): return .buildPath
            case UInt8(ascii: "S"), UInt8(ascii: "s"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "B"), UInt8(ascii: "b"): return .paintPath
            case UInt8(ascii: "n"): return .endPath
            case UInt8(ascii: "q"): return .save
            case UInt8(ascii: "Q"): return .restore
            case UInt8(ascii: "'"), UInt8(ascii: "\""): return .showText
            default: return .other
            }
        case 2:
            let second = bytes[start + 1]
            switch (first, second) {
            case (UInt8(ascii: "B"), UInt8(ascii: "T")): return .beginText
            case (UInt8(ascii: "E"), UInt8(ascii: "T")): return .endText
            case (UInt8(ascii: "T"), UInt8(ascii: "j")), (UInt8(ascii: "T"), UInt8(ascii: "J")): return .showText
            case (UInt8(ascii: "r"), UInt8(ascii: "e")): return .buildPath
            case (UInt8(ascii: "f"), UInt8(ascii: "*")), (UInt8(ascii: "B"), UInt8(ascii: "*")), (UInt8(ascii: "b"), UInt8(ascii: "*")): return .paintPath
            case (UInt8(ascii: "D"), UInt8(ascii: "o")), (UInt8(ascii: "s"), UInt8(ascii: "h")): return .paint
            default: return .other
            }
        case 3:
            guard bytes[start + 2] == UInt8(ascii: "C") else { return .other }
            switch (first, bytes[start + 1]) {
            case (UInt8(ascii: "B"), UInt8(ascii: "M")): return .beginMarked
            case (UInt8(ascii: "B"), UInt8(ascii: "D")): return .beginMarkedWithProperties
            case (UInt8(ascii: "E"), UInt8(ascii: "M")): return .endMarked
            default: return .other
            }
        default:
            return .other
        }
    }
}
