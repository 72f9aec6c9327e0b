/// A one-pass scan of YAML or JSON text for how deeply its collections nest, made before any parser sees it.
///
/// Yams builds its node tree, and `Decodable` reads it, one call frame per level: a few thousand levels overflow
/// the stack (SIGSEGV, no message), and libyaml offers no depth limit to stop them. The scan follows only what opens
/// a level — block mappings and sequences by their columns, `- ` and `? ` indicators, and `[` `{` in flow — skipping
/// quoted strings, comments and block scalars. It may count a level too many for odd text (a continuation line
/// that contains `: `), which matters only near the limit; real files stay far below it.
public enum NestingScan {
    /// The 1-based line of `text` on which its nesting first goes deeper than `limit` levels, or nil if it never does.
    public static func lineExceeding(_ limit: Int, in text: String) -> Int? {
        var scanner = Scanner(limit: limit)
        var text = text
        return text.withUTF8 { scanner.run($0) }
    }

    /// Throws "nesting deeper than N levels (the nesting-depth limit)" at the line of `file` where `text` goes past
    /// `limit`; `firstLine` is the file line of the text's first line (front matter starts after its `---`).
    public static func check(_ text: String, limit: Int, file: String, firstLine: Int = 1) throws(Diagnostic) {
        guard let line = lineExceeding(limit, in: text) else { return }
        throw Diagnostic(file: file, line: line + firstLine - 1, message: message(limit: limit))
    }

    /// The sentence every nesting error ends with, so that all formats word it alike.
    public static func message(limit: Int) -> String {
        "nesting deeper than \(limit) levels (the nesting-depth limit; raise it with --limit nesting-depth=N)"
    }

    private struct Scanner {
        let limit: Int
        /// Open block collections: the column each starts at and whether it is a sequence.
        var blocks: [(column: Int, sequence: Bool)] = []
        var flowDepth = 0
        var line = 1
        /// Inside a quoted scalar: the quote byte, which may run over several lines.
        var quote: UInt8?
        /// The last byte other than a space seen in flow, which tells whether a quote starts a string.
        var previous = comma
        /// Inside a block scalar (`|`, `>`): lines indented past this column belong to it.
        var blockScalarParent: Int?

        init(limit: Int) {
            self.limit = limit
        }

        var depth: Int { blocks.count + flowDepth }

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != newline { end += 1 }
                if scanLine(bytes, start, end) { return line }
                line += 1
                start = end + 1
            }
            return nil
        }

        /// Scans one line; true when the nesting went past the limit on it.
        mutating func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            var position = start
            if quote != nil || flowDepth > 0 {
                // A quoted string or a flow collection that goes on from an earlier line: indentation means nothing.
                return scanFlow(bytes, &position, end)
            }
            while position < end, bytes[position] == space { position += 1 }
            let column = position - start
            if position == end || bytes[position] == hash || bytes[position] == carriageReturn { return false }
            if let parent = blockScalarParent {
                if column > parent { return false }
                blockScalarParent = nil
            }
            if column == 0, end - start >= 3, bytes[start] == dash || bytes[start] == dot,
               bytes[start + 1] == bytes[start], bytes[start + 2] == bytes[start] {
                blocks.removeAll()  // a document marker (--- or ...) closes everything
                return false
            }
            while let last = blocks.last, last.column > column { blocks.removeLast() }
            // Compact indicators: each `- ` (or `? `) opens a sequence (or a complex key) at its column.
            while position < end, bytes[position] == dash || bytes[position] == question,
                  position + 1 == end || bytes[position + 1] == space || bytes[position + 1] == carriageReturn {
                let at = position - start
                let isSequence = bytes[position] == dash
                // A further entry of the sequence already open at this column opens nothing.
                if !(blocks.last.map { $0.column == at && $0.sequence == isSequence } ?? false) { blocks.append((at, isSequence)) }
                if depth > limit { return true }
                position += 1
                while position < end, bytes[position] == space { position += 1 }
            }
            guard position < end, bytes[position] != hash else { return false }
            let valueColumn = position - start
            if isMappingKey(bytes, position, end) {
                if column == valueColumn, let last = blocks.last, last.column == valueColumn, last.sequence {
                    // `key:` back at the column of a sequence that was nested under the previous key: the sequence ends.
                    blocks.removeLast()
                }
                if blocks.last?.column != valueColumn || blocks.last?.sequence == true { blocks.append((valueColumn, false)) }
                if depth > limit { return true }
                skipKey(bytes, &position, end)
            }
            return scanValue(bytes, &position, end)
        }

        /// After `key:` or an indicator: a flow collection, a quoted string, a block scalar or a plain scalar.
        mutating func scanValue(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ end: Int) -> Bool {
            while position < end, bytes[position] == space { position += 1 }
            guard position < end else { return false }
            switch bytes[position] {
            case openBracket, openBrace:
                flowDepth = 1
                previous = bytes[position]
                position += 1
                return depth > limit || scanFlow(bytes, &position, end)
            case doubleQuote, singleQuote:
                quote = bytes[position]
                position += 1
                return scanFlow(bytes, &position, end)
            case pipe, greater:
                blockScalarParent = blocks.last?.column ?? -1
                return false
            default:
                return false  // a plain scalar: `[` or `#` inside it open nothing
            }
        }

        /// Inside flow collections or quoted strings, where only brackets outside quotes change the depth.
        mutating func scanFlow(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ end: Int) -> Bool {
            while position < end {
                let byte = bytes[position]
                if let open = quote {
                    if open == doubleQuote, byte == backslash {
                        position += 2
                        continue
                    }
                    if byte == open {
                        if open == singleQuote, position + 1 < end, bytes[position + 1] == singleQuote {
                            position += 2  // '' is a quote inside a single-quoted string
                            continue
                        }
                        quote = nil
                        previous = byte
                    }
                    position += 1
                    continue
                }
                guard flowDepth > 0 else {
                    // A quoted scalar in block context has ended: nothing after it on the line opens a level.
                    return false
                }
                switch byte {
                case openBracket, openBrace:
                    flowDepth += 1
                    if depth > limit { return true }
                case closeBracket, closeBrace:
                    flowDepth = max(0, flowDepth - 1)
                case doubleQuote, singleQuote:
                    // A quote opens a string only where a scalar starts; `[don't]` is a plain scalar.
                    if [openBracket, openBrace, comma, colon].contains(previous) { quote = byte }
                case hash where position == 0 || [space, tab, newline].contains(bytes[position - 1]):
                    return false  // a comment runs to the end of the line
                default:
                    break
                }
                if byte != space && byte != tab { previous = byte }
                position += 1
            }
            return false
        }

        /// Whether a mapping key (`key:` followed by a space or the line's end) starts at `position`.
        func isMappingKey(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ end: Int) -> Bool {
            var index = position
            var open: UInt8?
            if bytes[index] == doubleQuote || bytes[index] == singleQuote {
                open = bytes[index]
                index += 1
            } else if bytes[index] == openBracket || bytes[index] == openBrace || bytes[index] == pipe || bytes[index] == greater {
                return false
            }
            while index < end {
                let byte = bytes[index]
                if let quoteByte = open {
                    if quoteByte == doubleQuote, byte == backslash {
                        index += 2
                        continue
                    }
                    if byte == quoteByte { open = nil }
                } else if byte == colon, index + 1 == end || bytes[index + 1] == space || bytes[index + 1] == carriageReturn {
                    return true
                } else if byte == hash, index > position, bytes[index - 1] == space {
                    return false
                }
                index += 1
            }
            return false
        }

        /// Moves past a key known to be one, to its value.
        func skipKey(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ end: Int) {
            var open: UInt8?
            if bytes[position] == doubleQuote || bytes[position] == singleQuote {
                open = bytes[position]
                position += 1
            }
            while position < end {
                let byte = bytes[position]
                if let quoteByte = open {
                    if quoteByte == doubleQuote, byte == backslash {
                        position += 2
                        continue
                    }
                    if byte == quoteByte { open = nil }
                } else if byte == colon, position + 1 == end || bytes[position + 1] == space || bytes[position + 1] == carriageReturn {
                    position += 1
                    return
                }
                position += 1
            }
        }
    }
}

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let hash = UInt8(ascii: "#")
private let dash = UInt8(ascii: "-")
private let dot = UInt8(ascii: ".")
private let question = UInt8(ascii: "?")
private let colon = UInt8(ascii: ":")
private let comma = UInt8(ascii: ",")
private let pipe = UInt8(ascii: "|")
private let greater = UInt8(ascii: ">")
private let backslash = UInt8(ascii: "\\")
private let doubleQuote = UInt8(ascii: "\"")
private let singleQuote = UInt8(ascii: "'")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
