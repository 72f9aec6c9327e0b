import Foundation

/// A strict reading of JSON's grammar (RFC 8259) that stops at the first syntax error with its line and column.
///
/// Foundation's parsers accept trailing commas (and `JSONDecoder` leading zeros and raw tabs in strings), and give
/// a position only as a character offset; an article must be JSON that every other tool reads too, and its errors
/// must say where. The walk keeps its own stack of open arrays and objects, so no nesting depth can overflow the
/// call stack, and it builds nothing: it only checks, and tells a visitor where each value starts.
public enum JSONSyntax {
    /// One step of the path to a value: an object's field or an array's element.
    public enum Step: Hashable, Sendable {
        /// The field with this name.
        case key(String)
        /// The element at this index.
        case index(Int)
    }

    /// Where one value of the document starts, as the visitor of `walk` is told.
    public struct Value {
        /// The steps from the top-level value to this one.
        public let path: [Step]
        /// The 1-based line the value starts on.
        public let line: Int
        /// The 1-based line of the field name, when the value is an object's field.
        public let keyLine: Int?
        /// Whether the value is an array or an object.
        public let isContainer: Bool
    }

    /// Throws a `Diagnostic` at the line of `file` where `text` first stops being JSON.
    public static func check(_ text: String, file: String) throws(Diagnostic) {
        try walk(text, file: file, visit: nil)
    }

    /// Checks `text` as `check` does, calling `visit` (when given) at the start of every value in document order.
    public static func walk(_ text: String, file: String, visit: ((Value) -> Void)?) throws(Diagnostic) {
        var text = text
        let failure: JSONSyntaxError? = text.withUTF8 { bytes in
            var walker = JSONSyntaxWalker(bytes: bytes, visit: visit)
            return walker.run()
        }
        if let failure {
            throw Diagnostic(file: file, line: failure.line, message: "invalid JSON at column \(failure.column): \(failure.message)")
        }
    }
}
