import Foundation

/// Finds the line of a value in a JSON text by its coding path, from one strict walk of the text (`JSONSyntax`).
///
/// Built only once a file has failed (or has something to warn about), so a good file never pays for the index.
public struct JSONLocator: SourceLocator {
    /// The line of every value by its path: a field's key line when it holds an array or object, else the value's.
    private let lines: [[JSONSyntax.Step]: Int]

    /// Indexes `text`; a text that is not JSON is indexed up to its first error.
    public init(text: String) {
        var lines: [[JSONSyntax.Step]: Int] = [:]
        try? JSONSyntax.walk(text, file: "") { value in
            lines[value.path] = value.isContainer ? value.keyLine ?? value.line : value.line
        }
        self.lines = lines
    }

    /// The 1-based line of the value at `path`, or of its deepest existing ancestor.
    public func line(of path: [any CodingKey]) -> Int? {
        var steps = path.map(Self.step)
        while true {
            if let line = lines[steps] { return line }
            guard !steps.isEmpty else { return nil }
            steps.removeLast()
        }
    }

    /// Decoders name array elements by an integer key, or by "Index N" in a nested container's path.
    private static func step(_ key: any CodingKey) -> JSONSyntax.Step {
        if let index = key.intValue { return .index(index) }
        if key.stringValue.hasPrefix("Index "), let index = Int(key.stringValue.dropFirst(6)) { return .index(index) }
        return .key(key.stringValue)
    }
}
