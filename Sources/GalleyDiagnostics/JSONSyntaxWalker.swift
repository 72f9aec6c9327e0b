import Foundation

/// The first syntax error of a JSON text: where it is and what is wrong.
struct JSONSyntaxError: Error {
    let line: Int
    let column: Int
    let message: String
}

/// The state machine behind `JSONSyntax`: one pass over the bytes, with an explicit stack of open containers.
struct JSONSyntaxWalker {
    /// An array or object that is open, and what it has read so far.
    private struct Frame {
        let isObject: Bool
        let line: Int
        /// The byte offset of the bracket and of its line's start: a column is counted only for a message, since
        /// counting it for every bracket would take quadratic time on a long line (minified JSON).
        let offset: Int
        let lineStart: Int
        var count = 0
        var keyLine: Int?
    }

    /// What the grammar allows next.
    private enum Expect { case value, elementOrClose, fieldOrClose, field, colon, commaOrClose, end }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let visit: ((JSONSyntax.Value) -> Void)?
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var stack: [Frame] = []
    /// The path to the value being read, kept only for a visitor.
    private var path: [JSONSyntax.Step] = []
    private var expect = Expect.value

    init(bytes: UnsafeBufferPointer<UInt8>, visit: ((JSONSyntax.Value) -> Void)?) {
        self.bytes = bytes
        self.visit = visit
    }

    /// Walks the whole text; the first error, or nil when it is one JSON value.
    mutating func run() -> JSONSyntaxError? {
        do throws(JSONSyntaxError) {
            while true {
                skipWhitespace()
                guard position < bytes.count else { break }
                try step(bytes[position])
            }
            if let open = stack.last {
                let what = open.isObject ? "object" : "array"
                throw error("the file ends before the \(what) opened at \(place(of: open)) is closed")
            }
            if expect != .end { throw error("the file holds no JSON value") }
            return nil
        } catch {
            return error
        }
    }

    private mutating func step(_ byte: UInt8) throws(JSONSyntaxError) {
        if byte == slash { throw error("a comment: JSON has no comments") }
        switch expect {
        case .value, .elementOrClose:
            if byte == closeBracket, expect == .elementOrClose { return try close(byte) }
            if byte == closeBracket || byte == closeBrace {
                throw error(stack.isEmpty ? "\(character(byte)) where a value should be"
                                          : "a comma before \(character(byte)): JSON allows no comma after the last element")
            }
            try value(byte)
        case .fieldOrClose, .field:
            if byte == closeBrace, expect == .fieldOrClose { return try close(byte) }
            if byte == closeBrace { throw error("a comma before }: JSON allows no comma after the last field") }
            guard byte == quote else {
                if byte == apostrophe { throw error("a field name in single quotes: JSON needs double quotes") }
                if isWordByte(byte) {
                    let start = position
                    let name = word()
                    position = start
                    throw error("the field name \(shown(name)) is not in double quotes")
                }
                throw error("\(character(byte)) where a field name in double quotes should be")
            }
            let key = try string(decoding: visit != nil)
            stack[stack.count - 1].keyLine = line
            if visit != nil { path[path.count - 1] = .key(key ?? "") }
            expect = .colon
        case .colon:
            guard byte == colon else { throw error("\(character(byte)) where a colon after the field name should be") }
            position += 1
            expect = .value
        case .commaOrClose:
            if byte == comma {
                position += 1
                stack[stack.count - 1].count += 1
                let frame = stack[stack.count - 1]
                if visit != nil, !frame.isObject { path[path.count - 1] = .index(frame.count) }
                expect = frame.isObject ? .field : .value
            } else if byte == closeBracket || byte == closeBrace {
                try close(byte)
            } else {
                let isObject = stack.last?.isObject ?? false
                throw error("\(character(byte)) where a comma or \(isObject ? "}" : "]") should be (is a comma missing?)")
            }
        case .end:
            throw error("more text after the end of the JSON value")
        }
    }

    /// Reads a value that starts with `byte`; a container is opened and read by later steps.
    private mutating func value(_ byte: UInt8) throws(JSONSyntaxError) {
        let isContainer = byte == openBracket || byte == openBrace
        if let visit {
            visit(JSONSyntax.Value(path: path, line: line, keyLine: stack.last?.isObject == true ? stack.last?.keyLine : nil,
                                   isContainer: isContainer))
        }
        switch byte {
        case openBracket, openBrace:
            stack.append(Frame(isObject: byte == openBrace, line: line, offset: position, lineStart: lineStart))
            if visit != nil { path.append(byte == openBrace ? .key("") : .index(0)) }
            position += 1
            expect = byte == openBrace ? .fieldOrClose : .elementOrClose
            return
        case quote:
            _ = try string(decoding: false)
        case minus, zero...nine:
            try number()
        case apostrophe:
            throw error("a string in single quotes: JSON needs double quotes")
        default:
            guard isWordByte(byte) else { throw error("\(character(byte)) where a value should be") }
            let start = position
            let text = word()
            guard ["true", "false", "null"].contains(text) else {
                position = start
                throw error("\(shown(text)) is not a JSON value (strings are in double quotes; the literals are true, false and null)")
            }
        }
        expect = stack.isEmpty ? .end : .commaOrClose
    }

    private mutating func close(_ byte: UInt8) throws(JSONSyntaxError) {
        guard let open = stack.last else { throw error("\(character(byte)) closes nothing") }
        guard open.isObject == (byte == closeBrace) else {
            throw error("\(character(byte)) cannot close the \(open.isObject ? "object" : "array") opened at \(place(of: open))")
        }
        stack.removeLast()
        if visit != nil { path.removeLast() }
        position += 1
        expect = stack.isEmpty ? .end : .commaOrClose
    }

    /// Reads a string from its opening quote; its text when `decoding` (for field names a visitor needs).
    private mutating func string(decoding: Bool) throws(JSONSyntaxError) -> String? {
        let start = position
        // The column is counted only for an error: counting it for every string made a long line (minified JSON, a
        // WordPress export) quadratic to read.
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case quote:
                position += 1
                guard decoding else { return nil }
                let literal = Data(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                return (try? JSONSerialization.jsonObject(with: literal, options: [.fragmentsAllowed])) as? String
            case backslash:
                guard position + 1 < bytes.count else { break }
                let escaped = bytes[position + 1]
                if escaped == letterU {
                    let digits = bytes[min(position + 2, bytes.count)..<min(position + 6, bytes.count)]
                    guard digits.count == 4, digits.allSatisfy(isHexDigit) else {
                        throw error("\\u must be followed by four hexadecimal digits")
                    }
                    position += 6
                } else {
                    guard escapes.contains(escaped) else {
                        position += 1
                        throw error("\\\(character(escaped, quoted: false)) is not a JSON escape (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
                    }
                    position += 2
                }
                continue
            case newline, carriageReturn:
                throw JSONSyntaxError(line: line, column: column(of: start),
                                      message: "the string that starts here is not closed on its line (a line break inside a string is written \\n)")
            case tab:
                throw error("a tab inside a string (write it as \\t)")
            case 0..<0x20:
                throw error("control character U+\(hex(byte)) inside a string (write it as \\u\(hex(byte)))")
            default:
                position += 1
                continue
            }
            break
        }
        throw JSONSyntaxError(line: line, column: column(of: start), message: "the string that starts here is never closed")
    }

    /// Reads a number by the grammar: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
    private mutating func number() throws(JSONSyntaxError) {
        if bytes[position] == minus { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("a minus sign must be followed by digits") }
        if bytes[position] == zero {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) { throw error("a number may not start with 0 followed by more digits") }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == dot {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("a decimal point must be followed by digits") }
            skipDigits()
        }
        if position < bytes.count, bytes[position] == letterE || bytes[position] == capitalE {
            position += 1
            if position < bytes.count, bytes[position] == plus || bytes[position] == minus { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("an exponent must have digits") }
            skipDigits()
        }
        if position < bytes.count, isWordByte(bytes[position]) || bytes[position] == dot {
            throw error("\(character(bytes[position])) cannot follow a number")
        }
    }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case newline:
                line += 1
                lineStart = position + 1
            case space, tab, carriageReturn:
                break
            default:
                return
            }
            position += 1
        }
    }

    /// The run of letters, digits, `_` and `$` at the position (a bare word), moving past it.
    private mutating func word() -> String {
        let start = position
        while position < bytes.count, isWordByte(bytes[position]) || bytes[position] >= 0x80 { position += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// `word` in quotes for a message, cut at 40 characters.
    private func shown(_ word: String) -> String {
        word.count > 40 ? "\"\(word.prefix(40))…\"" : "\"\(word)\""
    }

    /// A one-line description of `byte`, quoted.
    private func character(_ byte: UInt8, quoted: Bool = true) -> String {
        if byte == quote { return "a double quote" }
        let text = byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "U+" + hex(byte)
        return quoted && byte >= 0x20 && byte < 0x7F ? "\"\(text)\"" : text
    }

    /// "line L, column C" of an open bracket.
    private func place(of frame: Frame) -> String {
        "line \(frame.line), column \(column(of: frame.offset, lineStart: frame.lineStart))"
    }

    /// The 1-based column of the byte at `offset`, counted in characters (Unicode scalars) from the line's start.
    private func column(of offset: Int, lineStart: Int? = nil) -> Int {
        var count = 1
        var index = lineStart ?? self.lineStart
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column(of: min(position, bytes.count)), message: message)
    }

    /// Four upper-case hexadecimal digits, as Unicode code points are written.
    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
    private func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66) }
    private func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == underscore || byte == dollar
    }
}

private let escapes: Set<UInt8> = Set("\"\\/bfnrt".utf8)
private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let slash = UInt8(ascii: "/")
private let backslash = UInt8(ascii: "\\")
private let quote = UInt8(ascii: "\"")
private let apostrophe = UInt8(ascii: "'")
private let colon = UInt8(ascii: ":")
private let comma = UInt8(ascii: ",")
private let dot = UInt8(ascii: ".")
private let plus = UInt8(ascii: "+")
private let minus = UInt8(ascii: "-")
private let zero = UInt8(ascii: "0")
private let nine = UInt8(ascii: "9")
private let letterE = UInt8(ascii: "e")
private let capitalE = UInt8(ascii: "E")
private let letterU = UInt8(ascii: "u")
private let underscore = UInt8(ascii: "_")
private let dollar = UInt8(ascii: "$")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
